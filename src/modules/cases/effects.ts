/**
 * What each action does to a case, pure: the column changes, the timeline data, who to tell, and
 * the other records it asks for (a contact, an organisation's access, a merge). The live actions
 * (action-effects.ts) apply it to the database after their checks; the demo history applies it to
 * planned rows. Deadlines come in through the environment, already counted on the street's calendar.
 */
import { deadlineColumns } from './deadline-columns.ts';
import type { CaseDeadline, DeadlineKind } from './deadlines.ts';
import type { CaseAction, CaseState, Tier } from './lifecycle.ts';
import { ratingReturnsCase } from './lifecycle.ts';

/** The columns of a case that effects read. */
export interface EffectCase {
  state: CaseState;
  tier: Tier;
  due_at: Date | null;
  due_date: string | null;
  response_due_at: Date | null;
  deadline_kind: DeadlineKind | null;
  remaining_working_days: number | null;
  first_contact_at: Date | null;
  escalation_count: number;
  urge_count: number;
  returned_count: number;
}

export interface EffectEnv {
  at: Date;
  /** The deadline of a tier counted afresh from `at`, or none where the tier has no policy. */
  deadlineFor(tier: Tier): CaseDeadline | undefined;
  /** Working days left from `at` until the end of a due date. */
  remainingUntil(dueDate: string): number;
  /** A deadline of so many working days from `at`, warned like the case's tier. */
  deadlineOver(workingDays: number, kind: DeadlineKind, tier: Tier): CaseDeadline;
}

type Note = { note?: string | null | undefined };
export interface EffectBodies {
  accept: Note;
  assign: Note & {
    userId?: string | null | undefined;
    organisationId?: string | null | undefined;
    /** An order with its own deadline (a hazard's rectification order), counted from the assignment. */
    dueInWorkingDays?: number | undefined;
    /** What the order says, kept on the timeline event. */
    order?: Record<string, unknown> | undefined;
  };
  start: Note;
  contact: { channel: 'call' | 'visit' | 'message'; note: string };
  resolve: { resolution: string; photoIds: string[] };
  rate: { rating: number; comment?: string | null | undefined };
  close: Note;
  reject: { reason: string };
  merge: Note & { into: { id: string; number: string } };
  return: { reason: string };
  escalate: { to: Tier; organisationId: string | null; reason: string };
  urge: Note;
  suspend: { reason: string };
  resume: Note;
}

export type Audience = 'handlers' | 'reporters' | 'supervisors';

export interface Effect {
  changes: Record<string, unknown>;
  event: Record<string, unknown>;
  notify: { to: Audience; kind: string; data?: Record<string, unknown> }[];
  /** A contact with the reporter to record. */
  contact?: { channel: 'call' | 'visit' | 'message'; note: string };
  /** An organisation that now holds the case and keeps seeing it. */
  grantOrganisation?: string;
  /** The surviving case a duplicate is merged into. */
  mergeInto?: { id: string; number: string };
  /** A move that follows by itself, by the system: a good rating closes, a bad first one returns. */
  followUp?: { action: 'return' | 'close'; to: CaseState; effect: Effect };
}

/** What a return for rework clears. */
export const REOPENED = {
  resolved_at: null,
  resolution: null,
  solved_tier: null,
  rating: null,
  rating_comment: null,
  rated_at: null,
} as const;

function returned(c: EffectCase, env: EffectEnv, note: string): Effect {
  return {
    changes: {
      ...REOPENED,
      ...deadlineColumns(env.deadlineFor(c.tier)),
      returned_count: c.returned_count + 1,
      closed_at: null,
      close_reason: null,
    },
    event: { note },
    notify: [{ to: 'handlers', kind: 'case.returned' }],
  };
}

export function effectOf<A extends CaseAction>(action: A, c: EffectCase, body: EffectBodies[A], env: EffectEnv): Effect {
  const { at } = env;
  const note = (body as Note).note ?? null;
  switch (action) {
    case 'accept':
    case 'start':
      return { changes: {}, event: { note }, notify: [] };
    case 'assign': {
      const { userId = null, organisationId = null, dueInWorkingDays, order } = body as EffectBodies['assign'];
      const deadline = dueInWorkingDays === undefined ? undefined : env.deadlineOver(dueInWorkingDays, 'handle', c.tier);
      return {
        changes: {
          assignee_user_id: userId,
          assignee_org_id: organisationId,
          ...(deadline ? { ...deadlineColumns(deadline), warned_at: null, overdue_at: null } : {}),
        },
        event: {
          note,
          assigneeUserId: userId,
          assigneeOrgId: organisationId,
          ...(deadline ? { dueDate: deadline.dueDate } : {}),
          ...(order ? { order } : {}),
        },
        notify: [{ to: 'handlers', kind: 'case.assigned' }],
        ...(organisationId ? { grantOrganisation: organisationId } : {}),
      };
    }
    case 'contact': {
      const contact = body as EffectBodies['contact'];
      return {
        changes: c.first_contact_at ? {} : { first_contact_at: at },
        // The rollups count a first contact within the response limit; later calls count for nothing.
        event: {
          note: contact.note,
          channel: contact.channel,
          first: c.first_contact_at === null,
          onTime: c.first_contact_at === null && c.response_due_at !== null && at <= c.response_due_at,
        },
        notify: [],
        contact,
      };
    }
    case 'resolve': {
      const { resolution, photoIds } = body as EffectBodies['resolve'];
      return {
        changes: { resolved_at: at, resolution, solved_tier: c.tier },
        event: { note: resolution, photoIds, tier: c.tier, onTime: c.due_at === null || at <= c.due_at },
        notify: [{ to: 'reporters', kind: 'case.resolved' }],
      };
    }
    case 'rate': {
      const { rating, comment = null } = body as EffectBodies['rate'];
      const followUp: Effect['followUp'] = ratingReturnsCase(rating, c.returned_count)
        ? {
            action: 'return',
            to: 'returned',
            effect: {
              ...returned(c, env, `rated ${rating}: back for rework`),
              event: { note: `rated ${rating}: back for rework`, automatic: true },
            },
          }
        : {
            action: 'close',
            to: 'closed',
            effect: { changes: { closed_at: at, close_reason: 'rated' }, event: { automatic: true }, notify: [] },
          };
      return {
        changes: { rating, rating_comment: comment, rated_at: at },
        event: { rating, note: comment },
        notify: [{ to: 'handlers', kind: 'case.rated', data: { rating } }],
        followUp,
      };
    }
    case 'close':
      // Closing before the reporter rated counts as not rated, never as satisfied.
      return {
        changes: { closed_at: at, close_reason: c.state === 'evaluated' ? 'rated' : 'closed_by_staff' },
        event: { note },
        notify: [],
      };
    case 'reject': {
      const { reason } = body as EffectBodies['reject'];
      return {
        changes: { reject_reason: reason, due_at: null, warn_at: null },
        event: { note: reason },
        notify: [{ to: 'reporters', kind: 'case.rejected' }],
      };
    }
    case 'merge': {
      const { into } = body as EffectBodies['merge'];
      return {
        changes: { merged_into: into.id, due_at: null, warn_at: null },
        event: { note, intoCaseId: into.id, intoNumber: into.number },
        notify: [{ to: 'reporters', kind: 'case.merged', data: { intoNumber: into.number } }],
        mergeInto: into,
      };
    }
    case 'return':
      return returned(c, env, (body as EffectBodies['return']).reason);
    case 'escalate': {
      const { to, organisationId, reason } = body as EffectBodies['escalate'];
      return {
        changes: {
          tier: to,
          assignee_org_id: organisationId,
          assignee_user_id: null,
          escalation_count: c.escalation_count + 1,
          ...deadlineColumns(env.deadlineFor(to)),
        },
        event: { note: reason, fromTier: c.tier, toTier: to, organisationId },
        notify: [{ to: 'handlers', kind: 'case.escalated' }],
        ...(organisationId ? { grantOrganisation: organisationId } : {}),
      };
    }
    case 'urge':
      return {
        changes: { urge_count: c.urge_count + 1 },
        event: { note, urgeCount: c.urge_count + 1 },
        notify: [{ to: 'handlers', kind: 'case.urged', data: { note } }],
      };
    case 'suspend': {
      const { reason } = body as EffectBodies['suspend'];
      const remaining = c.due_date ? env.remainingUntil(c.due_date) : null;
      return {
        changes: {
          suspended_from: c.state,
          remaining_working_days: remaining,
          due_at: null,
          due_date: null,
          warn_at: null,
          due_provisional: false,
        },
        event: { note: reason, remainingWorkingDays: remaining },
        notify: [],
      };
    }
    case 'resume': {
      const base = { suspended_from: null, remaining_working_days: null, warned_at: null, overdue_at: null };
      if (c.remaining_working_days === null) return { changes: base, event: { note }, notify: [] };
      // The suspended case gets back the working days it had left, counted from now.
      const deadline = env.deadlineOver(c.remaining_working_days, c.deadline_kind ?? 'handle', c.tier);
      return { changes: { ...base, ...deadlineColumns(deadline) }, event: { note, dueDate: deadline.dueDate }, notify: [] };
    }
  }
  throw new Error(`No effect for ${action}`);
}
