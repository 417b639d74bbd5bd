import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { workingDaysBetween } from '../calendar/working-days.ts';
import { attachPhotos } from '../photos/photos.service.ts';
import { type CaseDeps, visibleCase } from './case-view.ts';
import * as repo from './cases.repository.ts';
import type { ACTION_BODIES } from './cases.schemas.ts';
import { deadlineColumns } from './deadline-columns.ts';
import { deadlineFrom, policyFor } from './deadlines.ts';
import { type CaseAction, type CaseState, canEscalate, FINAL_STATES, ratingReturnsCase, type Tier } from './lifecycle.ts';

export interface EffectContext {
  trx: Kysely<DB>;
  deps: CaseDeps;
  actor: Actor | null;
  row: repo.CaseRow;
  body: Record<string, unknown>;
  now: Date;
  to: CaseState;
}

type Audience = 'handlers' | 'reporters' | 'supervisors';

export interface Effect {
  changes: repo.CaseChanges;
  /** Goes into the timeline event besides from and to. */
  event: Record<string, unknown>;
  notify?: { to: Audience; kind: string; data?: Record<string, unknown> }[];
  /** A move that follows by itself, by the system. */
  followUp?: { action: CaseAction; to: CaseState; effect: Effect };
}

type Body<A extends keyof typeof ACTION_BODIES> = z.infer<(typeof ACTION_BODIES)[A]>;
const bodyOf = <A extends keyof typeof ACTION_BODIES>(ctx: EffectContext, _action: A) => ctx.body as Body<A>;

/** The deadline of a tier, counted afresh from now: at intake, escalation and return for rework. */
async function freshDeadline(ctx: EffectContext, tier: Tier): Promise<repo.CaseChanges> {
  const { trx, deps, row, now } = ctx;
  const category = await repo.categoryById(trx, row.category_id);
  const policy = policyFor(await repo.deadlinePolicies(trx), {
    streetId: row.street_id,
    tier,
    categoryId: row.category_id,
    parentCategoryId: category?.parent_id ?? null,
  });
  if (!policy) return deadlineColumns(undefined);
  const table = await deps.dayTables.dayTable(trx, row.street_id);
  return deadlineColumns(deadlineFrom(now, policy, table, { timeZone: deps.timeZone }));
}

const reopened = { resolved_at: null, resolution: null, solved_tier: null, rating: null, rating_comment: null, rated_at: null };

async function checkAssignee(ctx: EffectContext, body: Body<'assign'>) {
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

export const EFFECTS: Record<CaseAction, (ctx: EffectContext) => Promise<Effect>> = {
  accept: async (ctx) => ({ changes: {}, event: { note: bodyOf(ctx, 'accept').note ?? null } }),

  assign: async (ctx) => {
    const body = bodyOf(ctx, 'assign');
    await checkAssignee(ctx, body);
    if (body.organisationId) await repo.grantOrgAccess(ctx.trx, ctx.row.id, body.organisationId);
    return {
      changes: { assignee_user_id: body.userId ?? null, assignee_org_id: body.organisationId ?? null },
      event: { note: body.note ?? null, assigneeUserId: body.userId ?? null, assigneeOrgId: body.organisationId ?? null },
      notify: [{ to: 'handlers', kind: 'case.assigned' }],
    };
  },

  start: async (ctx) => ({ changes: {}, event: { note: bodyOf(ctx, 'start').note ?? null } }),

  contact: async (ctx) => {
    const body = bodyOf(ctx, 'contact');
    await ctx.trx
      .insertInto('case_contacts')
      .values({
        street_id: ctx.row.street_id,
        case_id: ctx.row.id,
        by_user_id: ctx.actor?.userId as string,
        channel: body.channel,
        note: body.note,
        at: ctx.now,
      })
      .execute();
    return {
      changes: ctx.row.first_contact_at ? {} : { first_contact_at: ctx.now },
      event: { note: body.note, channel: body.channel },
    };
  },

  resolve: async (ctx) => {
    const body = bodyOf(ctx, 'resolve');
    await attachPhotos(ctx.trx, body.photoIds, {
      entityType: 'case',
      entityId: ctx.row.id,
      streetId: ctx.row.street_id,
      uploaderUserId: ctx.actor?.userId,
    });
    return {
      changes: { resolved_at: ctx.now, resolution: body.resolution, solved_tier: ctx.row.tier },
      event: { note: body.resolution, photoIds: body.photoIds, tier: ctx.row.tier },
      notify: [{ to: 'reporters', kind: 'case.resolved' }],
    };
  },

  rate: async (ctx) => {
    const body = bodyOf(ctx, 'rate');
    const rated: Effect = {
      changes: { rating: body.rating, rating_comment: body.comment ?? null, rated_at: ctx.now },
      event: { rating: body.rating, note: body.comment ?? null },
      notify: [{ to: 'handlers', kind: 'case.rated', data: { rating: body.rating } }],
    };
    if (ratingReturnsCase(body.rating, ctx.row.returned_count)) {
      const deadline = await freshDeadline(ctx, ctx.row.tier);
      rated.followUp = {
        action: 'return',
        to: 'returned',
        effect: {
          changes: { ...reopened, ...deadline, returned_count: ctx.row.returned_count + 1 },
          event: { note: `rated ${body.rating}: back for rework`, automatic: true },
          notify: [{ to: 'handlers', kind: 'case.returned' }],
        },
      };
    } else {
      rated.followUp = {
        action: 'close',
        to: 'closed',
        effect: { changes: { closed_at: ctx.now, close_reason: 'rated' }, event: { automatic: true } },
      };
    }
    return rated;
  },

  close: async (ctx) => ({
    // Closing before the reporter rated counts as not rated, never as satisfied.
    changes: { closed_at: ctx.now, close_reason: ctx.row.state === 'evaluated' ? 'rated' : 'closed_by_staff' },
    event: { note: bodyOf(ctx, 'close').note ?? null },
  }),

  reject: async (ctx) => {
    const body = bodyOf(ctx, 'reject');
    return {
      changes: { reject_reason: body.reason, due_at: null, warn_at: null },
      event: { note: body.reason },
      notify: [{ to: 'reporters', kind: 'case.rejected' }],
    };
  },

  merge: async (ctx) => {
    const body = bodyOf(ctx, 'merge');
    const field = 'intoCaseId';
    if (body.intoCaseId === ctx.row.id) throw badRequest('CASE_MERGE_INVALID', 'A case cannot be merged into itself.', field);
    const target = await visibleCase(ctx.trx, ctx.actor as Actor, body.intoCaseId).catch(() => {
      throw badRequest('CASE_MERGE_INVALID', 'Choose a case you can see to merge into.', field);
    });
    if (FINAL_STATES.includes(target.row.state) || target.row.street_id !== ctx.row.street_id) {
      throw badRequest(
        'CASE_MERGE_INVALID',
        `Case ${target.row.number} is ${target.row.state}: merge into an open case of the same street.`,
        field,
      );
    }
    await repo.addFollower(ctx.trx, target.row.id, ctx.row.id);
    await recordEvent(ctx.trx, {
      streetId: ctx.row.street_id,
      entityType: 'case',
      entityId: target.row.id,
      type: 'case.duplicate_merged',
      actorUserId: ctx.actor?.userId ?? null,
      data: { from: null, to: null, duplicateId: ctx.row.id, duplicateNumber: ctx.row.number },
    });
    return {
      changes: { merged_into: target.row.id, due_at: null, warn_at: null },
      event: { note: body.note ?? null, intoCaseId: target.row.id, intoNumber: target.row.number },
      notify: [{ to: 'reporters', kind: 'case.merged', data: { intoNumber: target.row.number } }],
    };
  },

  return: async (ctx) => {
    const body = bodyOf(ctx, 'return');
    return {
      changes: {
        ...reopened,
        ...(await freshDeadline(ctx, ctx.row.tier)),
        returned_count: ctx.row.returned_count + 1,
        closed_at: null,
        close_reason: null,
      },
      event: { note: body.reason },
      notify: [{ to: 'handlers', kind: 'case.returned' }],
    };
  },

  escalate: async (ctx) => {
    const body = bodyOf(ctx, 'escalate');
    if (!canEscalate(ctx.row.tier, body.to)) {
      throw badRequest(
        'CASE_ESCALATION_INVALID',
        `A case at the ${ctx.row.tier} tier escalates to ${ESCALATION_HINT[ctx.row.tier]}.`,
        'to',
      );
    }
    let orgId: string | null = null;
    if (body.to === 'department') {
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
      orgId = org.id;
      await repo.grantOrgAccess(ctx.trx, ctx.row.id, org.id);
    }
    return {
      changes: {
        tier: body.to,
        assignee_org_id: orgId,
        assignee_user_id: null,
        escalation_count: ctx.row.escalation_count + 1,
        ...(await freshDeadline(ctx, body.to)),
      },
      event: { note: body.reason, fromTier: ctx.row.tier, toTier: body.to, organisationId: orgId },
      notify: [{ to: 'handlers', kind: 'case.escalated' }],
    };
  },

  urge: async (ctx) => ({
    changes: { urge_count: ctx.row.urge_count + 1 },
    event: { note: bodyOf(ctx, 'urge').note ?? null, urgeCount: ctx.row.urge_count + 1 },
    notify: [{ to: 'handlers', kind: 'case.urged', data: { note: bodyOf(ctx, 'urge').note ?? null } }],
  }),

  suspend: async (ctx) => {
    const body = bodyOf(ctx, 'suspend');
    const { row, trx, deps, now } = ctx;
    const table = await deps.dayTables.dayTable(trx, row.street_id);
    const remaining = row.due_date ? workingDaysBetween(now, row.due_date, table, { timeZone: deps.timeZone }) : null;
    return {
      changes: {
        suspended_from: row.state,
        remaining_working_days: remaining,
        due_at: null,
        due_date: null,
        warn_at: null,
        due_provisional: false,
      },
      event: { note: body.reason, remainingWorkingDays: remaining },
    };
  },

  resume: async (ctx) => {
    const { row, trx, deps, now } = ctx;
    const base = { suspended_from: null, remaining_working_days: null, warned_at: null, overdue_at: null };
    if (row.remaining_working_days === null) return { changes: base, event: { note: bodyOf(ctx, 'resume').note ?? null } };
    const table = await deps.dayTables.dayTable(trx, row.street_id);
    const policy = policyFor(await repo.deadlinePolicies(trx), {
      streetId: row.street_id,
      tier: row.tier,
      categoryId: row.category_id,
      parentCategoryId: row.category_parent_id,
    });
    // The suspended case gets back the working days it had left, counted from now.
    const deadline = deadlineFrom(
      now,
      { workingDays: row.remaining_working_days, kind: row.deadline_kind ?? 'handle', warnHours: policy?.warnHours ?? 24 },
      table,
      { timeZone: deps.timeZone },
    );
    return {
      changes: { ...base, ...deadlineColumns(deadline) },
      event: { note: bodyOf(ctx, 'resume').note ?? null, dueDate: deadline.dueDate },
    };
  },
};

const ESCALATION_HINT: Record<Tier, string> = {
  grid: 'the community',
  community: 'a street department or the district',
  department: 'the district',
  district: 'nobody higher',
};
