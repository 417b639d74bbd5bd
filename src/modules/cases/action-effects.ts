/**
 * The database side of an action: the checks that need records (an assignee of this street, a
 * merge target the actor can see, a department to escalate to), the environment the pure effects
 * count deadlines in, and the records an effect asks for besides the case row.
 */
import { type Kysely, sql } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { workingDaysBetween } from '../calendar/working-days.ts';
import { attachPhotos } from '../photos/photos.service.ts';
import { type CaseDeps, visibleCase } from './case-view.ts';
import * as repo from './cases.repository.ts';
import type { ACTION_BODIES } from './cases.schemas.ts';
import { deadlineFrom, policyFor } from './deadlines.ts';
import type { Effect, EffectBodies, EffectEnv } from './effects.ts';
import { type CaseAction, canEscalate, FINAL_STATES, type Tier } from './lifecycle.ts';

export interface ActionContext {
  trx: Kysely<DB>;
  deps: CaseDeps;
  actor: Actor | null;
  row: repo.CaseRow;
  body: Record<string, unknown>;
  now: Date;
}

type Body<A extends keyof typeof ACTION_BODIES> = import('zod').infer<(typeof ACTION_BODIES)[A]>;

/** Deadlines of this case's street, counted from the moment of the action. */
export async function effectEnv(ctx: ActionContext): Promise<EffectEnv> {
  const { trx, deps, row, now } = ctx;
  const table = await deps.dayTables.dayTable(trx, row.street_id);
  const policies = await repo.deadlinePolicies(trx);
  const options = { timeZone: deps.timeZone };
  const policyOf = (tier: Tier) =>
    policyFor(policies, { streetId: row.street_id, tier, categoryId: row.category_id, parentCategoryId: row.category_parent_id });
  return {
    at: now,
    deadlineFor: (tier) => {
      const policy = policyOf(tier);
      return policy && deadlineFrom(now, policy, table, options);
    },
    remainingUntil: (dueDate) => workingDaysBetween(now, dueDate, table, options),
    deadlineOver: (workingDays, kind, tier) =>
      deadlineFrom(now, { workingDays, kind, warnHours: policyOf(tier)?.warnHours ?? 24 }, table, options),
  };
}

/** Checks an action's body against the records it names; answers the body the pure effect takes. */
export async function checkedBody(ctx: ActionContext, action: CaseAction): Promise<EffectBodies[CaseAction]> {
  switch (action) {
    case 'assign':
      await checkAssignee(ctx, ctx.body as Body<'assign'>);
      return ctx.body as EffectBodies['assign'];
    case 'merge':
      return { ...(ctx.body as Body<'merge'>), into: await checkMergeTarget(ctx, (ctx.body as Body<'merge'>).intoCaseId) };
    case 'escalate': {
      const body = ctx.body as Body<'escalate'>;
      return { ...body, organisationId: await checkEscalation(ctx, body) };
    }
    default:
      return ctx.body as EffectBodies[CaseAction];
  }
}

async function checkAssignee(ctx: ActionContext, body: Body<'assign'>) {
  const { trx, row } = ctx;
  if (body.organisationId) {
    const org = await trx
      .selectFrom('organisations')
      .select(['id', 'kind', 'street_id', 'retired_at'])
      .where('id', '=', body.organisationId)
      .executeTakeFirst();
    if (!org || org.retired_at || org.street_id !== row.street_id)
      throw badRequest('ASSIGNEE_NOT_FOUND', 'Choose an organisation of this street.', 'organisationId');
    // A street department takes a case by escalation, which restarts its own deadline.
    if (org.kind === 'street_department')
      throw badRequest('ASSIGNEE_IS_DEPARTMENT', 'Escalate to a street department instead of assigning.', 'organisationId');
    return;
  }
  const covering = await trx
    .selectFrom('role_assignments as ra')
    .innerJoin('area_nodes as n', 'n.id', 'ra.node_id')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .select('ra.id')
    .where('ra.user_id', '=', body.userId as string)
    .where('u.disabled_at', 'is', null)
    .where('ra.role', 'in', ['grid_worker', 'community_staff', 'community_secretary', 'building_leader'])
    .where(sql<boolean>`${row.location_path}::text like n.path || '%'`)
    .executeTakeFirst();
  if (!covering) throw badRequest('ASSIGNEE_NOT_FOUND', 'Choose a worker of this grid or community.', 'userId');
}

async function checkMergeTarget(ctx: ActionContext, intoCaseId: string) {
  const field = 'intoCaseId';
  if (intoCaseId === ctx.row.id) throw badRequest('CASE_MERGE_INVALID', 'A case cannot be merged into itself.', field);
  const target = await visibleCase(ctx.trx, ctx.actor as Actor, intoCaseId).catch(() => {
    throw badRequest('CASE_MERGE_INVALID', 'Choose a case you can see to merge into.', field);
  });
  if (FINAL_STATES.includes(target.row.state) || target.row.street_id !== ctx.row.street_id) {
    throw badRequest(
      'CASE_MERGE_INVALID',
      `Case ${target.row.number} is ${target.row.state}: merge into an open case of the same street.`,
      field,
    );
  }
  return { id: target.row.id, number: target.row.number };
}

const ESCALATION_HINT: Record<Tier, string> = {
  grid: 'the community',
  community: 'a street department or the district',
  department: 'the district',
  district: 'nobody higher',
};

async function checkEscalation(ctx: ActionContext, body: Body<'escalate'>): Promise<string | null> {
  if (!canEscalate(ctx.row.tier, body.to)) {
    throw badRequest(
      'CASE_ESCALATION_INVALID',
      `A case at the ${ctx.row.tier} tier escalates to ${ESCALATION_HINT[ctx.row.tier]}.`,
      'to',
    );
  }
  if (body.to !== 'department') return null;
  const org = body.organisationId
    ? await ctx.trx
        .selectFrom('organisations')
        .select(['id', 'kind', 'street_id'])
        .where('id', '=', body.organisationId)
        .executeTakeFirst()
    : undefined;
  if (org?.kind !== 'street_department' || org.street_id !== ctx.row.street_id) {
    throw badRequest('CASE_ESCALATION_INVALID', 'Choose the street department that must take the case.', 'organisationId');
  }
  return org.id;
}

/** Writes the records an effect asks for besides the case row, in the action's transaction. */
export async function applySideRecords(ctx: ActionContext, action: CaseAction, effect: Effect): Promise<void> {
  const { trx, row, actor, now } = ctx;
  if (effect.contact) {
    await trx
      .insertInto('case_contacts')
      .values({
        street_id: row.street_id,
        case_id: row.id,
        by_user_id: actor?.userId as string,
        channel: effect.contact.channel,
        note: effect.contact.note,
        at: now,
      })
      .execute();
  }
  if (effect.grantOrganisation) await repo.grantOrgAccess(trx, row.id, effect.grantOrganisation);
  if (action === 'resolve') {
    const { photoIds } = ctx.body as Body<'resolve'>;
    await attachPhotos(trx, photoIds, {
      entityType: 'case',
      entityId: row.id,
      streetId: row.street_id,
      uploaderUserId: actor?.userId,
    });
  }
  if (effect.mergeInto) {
    await repo.addFollower(trx, effect.mergeInto.id, row.id);
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'case',
      entityId: effect.mergeInto.id,
      type: 'case.duplicate_merged',
      actorUserId: actor?.userId ?? null,
      data: { from: null, to: null, duplicateId: row.id, duplicateNumber: row.number },
    });
  }
}
