import { z } from 'zod';
import { notFound } from '../../platform/http/errors.ts';
import { type Actor, can } from '../access/access.policy.ts';
import { findNode } from '../areas/areas.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { listPhotos } from '../photos/photos.service.ts';
import { type CaseCursor, type CaseFilters, countByState, listCases } from './case-list.repository.ts';
import { type CaseDeps, nowOf, visibleCase } from './case-view.ts';
import { canReadReporterContact, hasCasePermission, relationsOf, TIER_HANDLER_ROLES } from './cases.policy.ts';
import { presentDetail, presentPublic, presentSummary } from './cases.presenter.ts';
import * as repo from './cases.repository.ts';
import type { countsQuery, listCasesQuery } from './cases.schemas.ts';
import { allowedActions, TIERS, type Tier } from './lifecycle.ts';
import { hashTrackingCode, normaliseTrackingCode } from './tracking.ts';

export async function getCaseDetail(deps: CaseDeps, actor: Actor, id: string, ip: string) {
  const { db } = deps;
  const { row, view } = await visibleCase(db, actor, id);
  const relations = relationsOf(actor, view);
  const isReporter = relations.has('reporter');
  const contactUnmasked = canReadReporterContact(actor, view) && !row.anonymous && row.reporter_phone !== null;
  // A resident reading their own contact is not audited; a clerk who typed in someone else's at the desk is.
  const ownContact = isReporter && (row.source === 'resident' || row.source === 'patrol');
  if (contactUnmasked && !ownContact) {
    await recordAudit(db, {
      action: 'personal_data.read',
      actorUserId: actor.userId,
      streetId: row.street_id,
      subjectType: 'case_reporter',
      subjectIds: [row.id],
      ip,
    });
  }
  return presentDetail(row, {
    now: nowOf(deps),
    timeline: await repo.timelineOf(db, id),
    contacts: await repo.contactsOf(db, id),
    photos: await listPhotos(db, 'case', id),
    allowedActions: allowedActions({ state: row.state, suspendedFrom: row.suspended_from }, relations, (p) =>
      hasCasePermission(actor, view, p),
    ),
    isReporter,
    contactUnmasked,
  });
}

/** The SQL form of what an actor may see (cases.policy canReadCase). */
function visibilityOf(actor: Actor) {
  const reading = actor.assignments.filter((a) => a.permissions.includes('cases.read'));
  return {
    userId: actor.userId,
    paths: reading.filter((a) => a.organisationId === null).map((a) => a.scopePath),
    orgIds: reading.flatMap((a) => (a.organisationId ? [a.organisationId] : [])),
  };
}

/** Where an actor must act: the tiers their roles handle, in their areas; their departments; their assignments. */
function inboxScopeOf(actor: Actor) {
  const tierPaths = (TIERS as readonly Tier[])
    .filter((tier) => tier !== 'department')
    .map((tier) => ({
      tier,
      paths: actor.assignments
        .filter((a) => a.organisationId === null && TIER_HANDLER_ROLES[tier].includes(a.role))
        .map((a) => a.scopePath),
    }));
  const orgIds = actor.assignments.flatMap((a) => (a.organisationId ? [a.organisationId] : []));
  const departmentOrgIds = actor.assignments
    .filter((a) => a.role === 'dept_handler' && a.organisationId)
    .map((a) => a.organisationId as string);
  return { userId: actor.userId, tierPaths, departmentOrgIds, orgIds };
}

type ListQuery = z.infer<typeof countsQuery> & Partial<Pick<z.infer<typeof listCasesQuery>, 'state'>>;

async function filtersFor(deps: CaseDeps, actor: Actor, query: ListQuery): Promise<CaseFilters> {
  let underPath: string | undefined;
  if (query.nodeId) {
    const node = await findNode(deps.db, query.nodeId);
    if (!node || !can(actor, 'areas.read', node.path)) throw notFound('Area');
    underPath = node.path;
  }
  const orgIds = actor.assignments.flatMap((a) => (a.organisationId ? [a.organisationId] : []));
  return {
    visibility: visibilityOf(actor),
    states: query.state,
    open: query.open,
    categoryId: query.categoryId,
    deadline: query.deadline,
    underPath,
    gridId: query.gridId,
    source: query.source,
    tier: query.tier,
    reportedBy: query.mine === 'reported' ? actor.userId : undefined,
    assignedTo: query.mine === 'assigned' ? { userId: actor.userId, orgIds } : undefined,
    inbox: query.mine === 'inbox' ? inboxScopeOf(actor) : undefined,
    q: query.q,
    now: nowOf(deps),
  };
}

const cursorSchema = z.object({ at: z.string(), id: z.uuid() });

export { cursorSchema as caseCursorSchema };

export async function listCasesFor(
  deps: CaseDeps,
  actor: Actor,
  query: z.infer<typeof listCasesQuery>,
  after: CaseCursor | undefined,
) {
  const filters = await filtersFor(deps, actor, query);
  const rows = await listCases(deps.db, filters, { sort: query.sort, after, limit: query.limit });
  return { rows, now: filters.now };
}

export async function countCasesFor(deps: CaseDeps, actor: Actor, query: z.infer<typeof countsQuery>) {
  return countByState(deps.db, await filtersFor(deps, actor, query));
}

export { presentSummary };

/** A case found by its tracking code; 404 for a code that matches nothing, in the same time and words. */
export async function caseByTrackingCode(deps: CaseDeps, code: string) {
  const normalised = normaliseTrackingCode(code);
  const row = normalised ? await repo.findByTrackingHash(deps.db, hashTrackingCode(normalised)) : undefined;
  if (!row) throw notFound('Case');
  return row;
}

export async function publicCaseView(deps: CaseDeps, code: string) {
  const row = await caseByTrackingCode(deps, code);
  return presentPublic(row, await repo.timelineOf(deps.db, row.id));
}
