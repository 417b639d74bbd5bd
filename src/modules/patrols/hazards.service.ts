/**
 * Hazards on the case core: a rectification order assigns the hazard to the party that must fix
 * it with a deadline by level; the party's reply is the case's resolve; a re-inspection closes
 * it as rectified or returns it and issues the next round of the order. Each step is a case
 * action in one transaction with the order and re-inspection records.
 */
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { maskPhone } from '../../platform/security/masking.ts';
import { type Actor, scopePathsFor } from '../access/access.policy.ts';
import { type ActionBody, performActionIn } from '../cases/case-actions.ts';
import type { CaseDeps } from '../cases/case-view.ts';
import { type CaseRow, findCase } from '../cases/cases.repository.ts';
import { ACTION_RULES, canEscalate } from '../cases/lifecycle.ts';
import { attachPhotos } from '../photos/photos.service.ts';
import { type HazardLevel, RECTIFICATION_WORKING_DAYS } from './hazard-rules.ts';
import { canOrder, canReinspect, readScopes } from './patrols.policy.ts';
import type { listHazardsQuery, orderBody, reinspectBody } from './patrols.schemas.ts';

type Db = Kysely<DB>;
type Lang = 'zh-CN' | 'en';

/** Where a hazard stands in its rectification, from its case and its current order. */
const STAGE = sql<'awaiting_order' | 'rectifying' | 'awaiting_reinspection' | 'rectified' | 'closed'>`case
  when k.rectified_at is not null then 'rectified'
  when k.state in ('closed', 'rejected', 'duplicate') then 'closed'
  when k.state in ('resolved', 'evaluated') then 'awaiting_reinspection'
  when o.id is not null then 'rectifying'
  else 'awaiting_order' end`;

function hazardQuery(db: Db) {
  return db
    .selectFrom('cases as k')
    .innerJoin('case_categories as cat', 'cat.id', 'k.category_id')
    .leftJoin('area_nodes as g', 'g.id', 'k.grid_id')
    .leftJoinLateral(
      (eb) =>
        eb.selectFrom('hazard_orders').selectAll().whereRef('case_id', '=', 'k.id').orderBy('round', 'desc').limit(1).as('o'),
      (join) => join.onTrue(),
    )
    .leftJoin('users as issuer', 'issuer.id', 'o.issued_by')
    .leftJoin('patrol_findings as f', 'f.case_id', 'k.id')
    .leftJoin('patrol_runs as r', 'r.id', 'f.run_id')
    .leftJoin('patrol_plans as pl', 'pl.id', 'r.plan_id')
    .leftJoin('patrol_teams as t', 't.id', 'r.team_id')
    .where('k.kind', '=', 'hazard')
    .select([
      'k.id as case_id',
      'k.number',
      'k.title',
      'k.state',
      'k.location_path',
      'k.created_at',
      'k.due_date',
      'k.due_at',
      'k.rectified_at',
      'k.street_id',
      'k.assignee_user_id',
      'k.assignee_org_id',
      'k.tier',
      'cat.name_zh',
      'cat.name_en',
      'g.name as grid_name',
      'f.level as finding_level',
      'r.id as run_id',
      'pl.name as plan_name',
      't.name as team_name',
      'o.id as order_id',
      'o.round as order_round',
      'o.party_kind',
      'o.organisation_id as order_organisation_id',
      'o.party_name',
      'o.party_phone',
      'o.level as order_level',
      'o.requirement',
      'o.due_date as order_due_date',
      'o.issued_at',
      'issuer.display_name as issued_by_name',
      STAGE.as('stage'),
      sql<boolean>`k.due_at is not null and k.due_at < now() and k.state in ('reported', 'accepted', 'assigned', 'in_progress', 'escalated', 'returned')`.as(
        'overdue',
      ),
    ]);
}
type HazardRow = NonNullable<Awaited<ReturnType<ReturnType<typeof hazardQuery>['executeTakeFirst']>>>;

/** Staff see the hazards of their scope; partners those of the communities they re-inspect in. */
const hazardScopes = (actor: Actor) => [
  ...new Set([...readScopes(actor), ...scopePathsFor(actor, 'hazards.order'), ...scopePathsFor(actor, 'hazards.reinspect')]),
];

function presentHazard(row: HazardRow, actor: Actor, lang: Lang) {
  const staff = canOrder(actor, row.location_path);
  return {
    caseId: row.case_id,
    number: row.number,
    title: row.title,
    state: row.state,
    categoryName: lang === 'en' ? row.name_en : row.name_zh,
    gridName: row.grid_name ?? '',
    level: (row.order_level ?? row.finding_level ?? null) as HazardLevel | null,
    createdAt: row.created_at,
    dueDate: row.due_date,
    overdue: row.overdue,
    rectifiedAt: row.rectified_at,
    fromPatrol: row.run_id ? { runId: row.run_id, planName: row.plan_name ?? '', teamName: row.team_name } : null,
    order: row.order_id
      ? {
          id: row.order_id,
          round: row.order_round as number,
          partyKind: row.party_kind as NonNullable<HazardRow['party_kind']>,
          organisationId: row.order_organisation_id,
          partyName: row.party_name as string,
          partyPhone: staff ? row.party_phone : maskPhone(row.party_phone),
          level: row.order_level as HazardLevel,
          requirement: row.requirement as string,
          dueDate: row.order_due_date as string,
          issuedBy: row.issued_by_name ?? '',
          issuedAt: row.issued_at as Date,
        }
      : null,
    stage: row.stage,
  };
}

export async function listHazards(db: Db, actor: Actor, query: z.infer<typeof listHazardsQuery>, lang: Lang) {
  const scopes = hazardScopes(actor);
  if (scopes.length === 0) return { items: [] };
  let q = hazardQuery(db).where((eb) => eb.or(scopes.map((scope) => eb('k.location_path', 'like', `${scope}%`))));
  if (query.nodeId) {
    const node = await db.selectFrom('area_nodes').select('path').where('id', '=', query.nodeId).executeTakeFirst();
    if (!node) throw badRequest('NODE_NOT_FOUND', 'Choose an area.', 'nodeId');
    q = q.where('k.location_path', 'like', `${node.path}%`);
  }
  if (query.stage) q = q.where(STAGE, '=', query.stage);
  if (query.overdue === 'true') q = q.where('k.due_at', '<', new Date()).where('k.state', 'in', ACTIVE);
  const rows = await q.orderBy('k.created_at', 'desc').limit(query.limit).execute();
  return { items: rows.map((row) => presentHazard(row, actor, lang)) };
}

const ACTIVE = ['reported', 'accepted', 'assigned', 'in_progress', 'escalated', 'returned'] as const;
const ORDERABLE = ACTION_RULES.assign.from;
const REINSPECTABLE = ['resolved', 'evaluated'];

async function visibleHazard(db: Db, actor: Actor, caseId: string) {
  const row = await hazardQuery(db).where('k.id', '=', caseId).executeTakeFirst();
  const scopes = hazardScopes(actor);
  if (!row || !scopes.some((scope) => row.location_path.startsWith(scope))) throw notFound('Hazard');
  return row;
}

export async function getHazard(db: Db, actor: Actor, caseId: string, lang: Lang) {
  const row = await visibleHazard(db, actor, caseId);
  const [orders, reinspections] = await Promise.all([
    db
      .selectFrom('hazard_orders as o')
      .innerJoin('users as u', 'u.id', 'o.issued_by')
      .selectAll('o')
      .select('u.display_name as issued_by_name')
      .where('o.case_id', '=', caseId)
      .orderBy('o.round')
      .execute(),
    db
      .selectFrom('hazard_reinspections as ri')
      .innerJoin('users as u', 'u.id', 'ri.inspected_by')
      .selectAll('ri')
      .select('u.display_name as inspected_by_name')
      .where('ri.case_id', '=', caseId)
      .orderBy('ri.inspected_at')
      .execute(),
  ]);
  const staff = canOrder(actor, row.location_path);
  return {
    ...presentHazard(row, actor, lang),
    orders: orders.map((o) => ({
      id: o.id,
      round: o.round,
      partyKind: o.party_kind,
      organisationId: o.organisation_id,
      partyName: o.party_name,
      partyPhone: staff ? o.party_phone : maskPhone(o.party_phone),
      level: o.level,
      requirement: o.requirement,
      dueDate: o.due_date,
      issuedBy: o.issued_by_name,
      issuedAt: o.issued_at,
    })),
    reinspections: reinspections.map((ri) => ({
      id: ri.id,
      result: ri.result,
      note: ri.note,
      inspectedBy: ri.inspected_by_name,
      inspectedAt: ri.inspected_at,
    })),
    allowed: {
      order: staff && row.rectified_at === null && ORDERABLE.includes(row.state),
      reinspect: canReinspect(actor, row.location_path) && REINSPECTABLE.includes(row.state),
    },
  };
}

interface OrderTerms {
  round: number;
  partyKind: z.infer<typeof orderBody>['partyKind'];
  organisationId: string | null;
  partyName: string;
  partyPhone: string | null;
  level: HazardLevel;
  requirement: string;
}

/** Writes one round of the order and moves the case to its party: assigned with the order's deadline, or escalated to a department. */
async function issueOrder(trx: Db, deps: CaseDeps, actor: Actor, row: HazardRow, terms: OrderTerms, vouched: boolean, now: Date) {
  const performer = vouched ? { actor, vouched: true as const } : { actor };
  const order = { round: terms.round, level: terms.level, partyKind: terms.partyKind, partyName: terms.partyName };
  let updated: CaseRow;
  if (terms.partyKind === 'department' && row.tier === 'department') {
    // Sent back to the department it already lies with: the return restarted the department's own deadline.
    updated = (await findCase(trx, row.case_id)) as CaseRow;
  } else if (terms.partyKind === 'department') {
    updated = await performActionIn(trx, deps, performer, row.case_id, 'escalate', {
      to: 'department',
      organisationId: terms.organisationId,
      reason: terms.requirement,
    } as ActionBody);
  } else {
    // A shop or an owner has no account: the one who issues the order follows it up.
    const party = terms.organisationId
      ? { organisationId: terms.organisationId }
      : { userId: row.assignee_user_id ?? actor.userId };
    updated = await performActionIn(trx, deps, performer, row.case_id, 'assign', {
      ...party,
      note: terms.requirement,
      dueInWorkingDays: RECTIFICATION_WORKING_DAYS[terms.level],
      order,
    });
  }
  await trx
    .insertInto('hazard_orders')
    .values({
      street_id: row.street_id,
      case_id: row.case_id,
      round: terms.round,
      party_kind: terms.partyKind,
      organisation_id: terms.organisationId,
      party_name: terms.partyName,
      party_phone: terms.partyPhone,
      level: terms.level,
      requirement: terms.requirement,
      due_date: updated.due_date as string,
      issued_by: actor.userId,
      issued_at: now,
    })
    .execute();
}

async function checkParty(db: Db, row: HazardRow, body: z.infer<typeof orderBody>) {
  // The body's schema made sure a property company or department comes with its organisation.
  if (!body.organisationId) return body.partyName as string;
  const org = await db
    .selectFrom('organisations')
    .select(['name', 'kind', 'street_id', 'retired_at'])
    .where('id', '=', body.organisationId)
    .executeTakeFirst();
  if (!org || org.retired_at || org.street_id !== row.street_id)
    throw badRequest('ORGANISATION_NOT_FOUND', 'Choose an organisation of this street.', 'organisationId');
  if ((body.partyKind === 'department') !== (org.kind === 'street_department'))
    throw badRequest(
      'PARTY_KIND_MISMATCH',
      'A street department is ordered as a department, other organisations not.',
      'partyKind',
    );
  if (body.partyKind === 'department' && !canEscalate(row.tier, 'department'))
    throw badRequest(
      'ESCALATE_FIRST',
      'A grid hazard goes to a street department through the community: escalate it first.',
      'partyKind',
    );
  return body.partyName ?? org.name;
}

export async function orderRectification(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof orderBody>,
  lang: Lang,
) {
  const { db } = deps;
  const row = await visibleHazard(db, actor, caseId);
  if (!canOrder(actor, row.location_path)) throw notFound('Hazard');
  if (row.rectified_at || !ORDERABLE.includes(row.state))
    throw conflict('HAZARD_NOT_ORDERABLE', `A hazard that is ${row.state} cannot be given an order.`, 'state');
  const partyName = await checkParty(db, row, body);
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    await issueOrder(
      trx,
      deps,
      actor,
      row,
      {
        round: (row.order_round ?? 0) + 1,
        partyKind: body.partyKind,
        organisationId: body.organisationId ?? null,
        partyName,
        partyPhone: body.partyPhone ?? null,
        level: body.level,
        requirement: body.requirement,
      },
      false,
      now,
    );
  });
  return getHazard(db, actor, caseId, lang);
}

export async function reinspect(deps: CaseDeps, actor: Actor, caseId: string, body: z.infer<typeof reinspectBody>, lang: Lang) {
  const { db } = deps;
  const row = await visibleHazard(db, actor, caseId);
  if (!canReinspect(actor, row.location_path)) throw notFound('Hazard');
  if (!REINSPECTABLE.includes(row.state))
    throw conflict('HAZARD_NOT_RESOLVED', 'Only a hazard the party reported fixed can be re-inspected.', 'state');
  const note = body.note ?? null;
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .insertInto('hazard_reinspections')
      .values({
        street_id: row.street_id,
        case_id: caseId,
        order_id: row.order_id,
        result: body.result,
        note,
        inspected_by: actor.userId,
        inspected_at: now,
      })
      .execute();
    await attachPhotos(trx, body.photoIds, {
      entityType: 'case',
      entityId: caseId,
      streetId: row.street_id,
      uploaderUserId: actor.userId,
    });
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'case',
      entityId: caseId,
      type: 'case.reinspected',
      actorUserId: actor.userId,
      data: { result: body.result, note, photoIds: body.photoIds, round: row.order_round },
      at: now,
    });
    // The re-inspector was allowed the step by the hazard rule above, not by a case relation.
    const vouched = { actor, vouched: true as const };
    if (body.result === 'rectified') {
      await performActionIn(trx, deps, vouched, caseId, 'close', { note: note ?? undefined });
      await trx.updateTable('cases').set({ rectified_at: now }).where('id', '=', caseId).execute();
      return;
    }
    await performActionIn(trx, deps, vouched, caseId, 'return', { reason: note ?? 'Re-inspection: not rectified' });
    if (row.order_id) {
      await issueOrder(
        trx,
        deps,
        actor,
        { ...row, state: 'returned' },
        {
          round: (row.order_round ?? 0) + 1,
          partyKind: row.party_kind as OrderTerms['partyKind'],
          organisationId: row.order_organisation_id,
          partyName: row.party_name as string,
          partyPhone: row.party_phone,
          level: row.order_level as HazardLevel,
          requirement: row.requirement as string,
        },
        true,
        now,
      );
    }
  });
  return getHazard(db, actor, caseId, lang);
}
