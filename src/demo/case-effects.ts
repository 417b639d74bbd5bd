/**
 * What each action does to a demo case: the same changes, timeline data and notices as
 * action-effects.ts, on a planned row instead of the database.
 */
import { type DayTable, effectiveReceiptDate, workingDaysBetween } from '../modules/calendar/working-days.ts';
import { deadlineColumns } from '../modules/cases/deadline-columns.ts';
import { type CaseDeadline, type DeadlinePolicy, deadlineFrom } from '../modules/cases/deadlines.ts';
import type { CaseAction, Tier } from '../modules/cases/lifecycle.ts';
import type { PlannedCase, PlannedContact, PlannedNotice } from './case-rows.ts';

/** A case another can be merged into. */
interface MergeTarget {
  readonly row: PlannedCase;
  takeDuplicate(duplicate: { row: PlannedCase }, at: Date, actor: string | null): void;
}

export interface Bodies {
  accept: { note?: string | null };
  assign: { userId?: string | null; organisationId?: string | null; note?: string | null };
  start: { note?: string | null };
  contact: { channel: 'call' | 'visit' | 'message'; note: string };
  resolve: { resolution: string };
  rate: { rating: number; comment?: string | null };
  close: { note?: string | null };
  reject: { reason: string };
  merge: { into: MergeTarget; note?: string | null };
  escalate: { to: Tier; organisationId: string | null; reason: string };
  urge: { note?: string | null };
  suspend: { reason: string };
  resume: { note?: string | null };
}
export type SimAction = keyof Bodies;

export interface Outcome {
  changes: Partial<PlannedCase>;
  /** Goes into the timeline event besides from and to. */
  event: Record<string, unknown>;
  notices?: Omit<PlannedNotice, 'exclude'>[];
}

/** The case an effect acts on, and what it needs of the street. */
export interface EffectTarget {
  readonly row: PlannedCase;
  readonly table: DayTable;
  readonly timeZone: string;
  deadlineFor(tier: Tier, start: Date): CaseDeadline | undefined;
  warnHoursOf(tier: Tier): number;
  deadline: DeadlineCounter;
  addContact(contact: PlannedContact): void;
  grantOrganisation(organisationId: string): void;
}

export function outcomeOf<A extends SimAction>(
  target: EffectTarget,
  action: A,
  at: Date,
  actor: string | null,
  input: Bodies[A],
): Outcome {
  const { row } = target;
  const note = (input as { note?: string | null }).note ?? null;
  switch (action) {
    case 'accept':
    case 'start':
      return { changes: {}, event: { note } };
    case 'assign': {
      const { userId = null, organisationId = null } = input as Bodies['assign'];
      if (organisationId) target.grantOrganisation(organisationId);
      return {
        changes: { assignee_user_id: userId, assignee_org_id: organisationId },
        event: { note, assigneeUserId: userId, assigneeOrgId: organisationId },
        notices: [{ audience: 'handlers', kind: 'case.assigned', data: {} }],
      };
    }
    case 'contact': {
      const { channel } = input as Bodies['contact'];
      target.addContact({
        street_id: row.street_id,
        case_id: row.id,
        by_user_id: actor as string,
        channel,
        note: note ?? '',
        at,
      });
      return { changes: row.first_contact_at ? {} : { first_contact_at: at }, event: { note, channel } };
    }
    case 'resolve': {
      const { resolution } = input as Bodies['resolve'];
      return {
        changes: { resolved_at: at, resolution, solved_tier: row.tier },
        event: { note: resolution, photoIds: [], tier: row.tier },
        notices: [{ audience: 'reporters', kind: 'case.resolved', data: {} }],
      };
    }
    case 'rate': {
      const { rating, comment = null } = input as Bodies['rate'];
      return {
        changes: { rating, rating_comment: comment, rated_at: at },
        event: { rating, note: comment },
        notices: [{ audience: 'handlers', kind: 'case.rated', data: { rating } }],
      };
    }
    case 'close':
      // Closing before the reporter rated counts as not rated, never as satisfied.
      return {
        changes: { closed_at: at, close_reason: row.state === 'evaluated' ? 'rated' : 'closed_by_staff' },
        event: { note },
      };
    case 'reject': {
      const { reason } = input as Bodies['reject'];
      return {
        changes: { reject_reason: reason, due_at: null, warn_at: null },
        event: { note: reason },
        notices: [{ audience: 'reporters', kind: 'case.rejected', data: {} }],
      };
    }
    case 'merge': {
      const { into } = input as Bodies['merge'];
      into.takeDuplicate(target, at, actor);
      return {
        changes: { merged_into: into.row.id, due_at: null, warn_at: null },
        event: { note, intoCaseId: into.row.id, intoNumber: into.row.number },
        notices: [{ audience: 'reporters', kind: 'case.merged', data: { intoNumber: into.row.number } }],
      };
    }
    case 'escalate': {
      const { to, organisationId, reason } = input as Bodies['escalate'];
      if (organisationId) target.grantOrganisation(organisationId);
      return {
        changes: {
          tier: to,
          assignee_org_id: organisationId,
          assignee_user_id: null,
          escalation_count: row.escalation_count + 1,
          ...deadlineColumns(target.deadlineFor(to, at)),
        },
        event: { note: reason, fromTier: row.tier, toTier: to, organisationId },
        notices: [{ audience: 'handlers', kind: 'case.escalated', data: {} }],
      };
    }
    case 'urge':
      return {
        changes: { urge_count: row.urge_count + 1 },
        event: { note, urgeCount: row.urge_count + 1 },
        notices: [{ audience: 'handlers', kind: 'case.urged', data: { note } }],
      };
    case 'suspend': {
      const { reason } = input as Bodies['suspend'];
      const remaining = row.due_date ? workingDaysBetween(at, row.due_date, target.table, { timeZone: target.timeZone }) : null;
      return {
        changes: {
          suspended_from: row.state,
          remaining_working_days: remaining,
          due_at: null,
          due_date: null,
          warn_at: null,
          due_provisional: false,
        },
        event: { note: reason, remainingWorkingDays: remaining },
      };
    }
    case 'resume': {
      const base = { suspended_from: null, remaining_working_days: null, warned_at: null, overdue_at: null };
      if (row.remaining_working_days === null) return { changes: base, event: { note } };
      // The suspended case gets back the working days it had left, counted from now.
      const deadline = target.deadline(at, {
        workingDays: row.remaining_working_days,
        kind: row.deadline_kind ?? 'handle',
        warnHours: target.warnHoursOf(row.tier),
      });
      return { changes: { ...base, ...deadlineColumns(deadline) }, event: { note, dueDate: deadline.dueDate } };
    }
  }
  throw new Error(`No effect for ${action}`);
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

export type DeadlineCounter = (start: Date, policy: Pick<DeadlinePolicy, 'workingDays' | 'kind' | 'warnHours'>) => CaseDeadline;

/**
 * deadlineFrom, counted once per receipt date: its result depends on the start only through the
 * effective receipt date (working-days.ts), and thousands of cases share a few hundred dates.
 */
export function deadlineCounter(table: DayTable, timeZone: string): DeadlineCounter {
  const counted = new Map<string, CaseDeadline>();
  return (start, policy) => {
    const key = `${effectiveReceiptDate(start, { timeZone })} ${policy.workingDays} ${policy.kind} ${policy.warnHours}`;
    let deadline = counted.get(key);
    if (!deadline) {
      deadline = deadlineFrom(start, policy, table, { timeZone });
      counted.set(key, deadline);
    }
    return { ...deadline, startedAt: start };
  };
}

/** Event types by action, as case-actions.ts names them. */
export const EVENT_TYPES: Record<CaseAction, string> = {
  accept: 'case.accepted',
  assign: 'case.assigned',
  start: 'case.started',
  contact: 'case.contacted',
  resolve: 'case.resolved',
  rate: 'case.rated',
  close: 'case.closed',
  reject: 'case.rejected',
  merge: 'case.merged',
  return: 'case.returned',
  escalate: 'case.escalated',
  urge: 'case.urged',
  suspend: 'case.suspended',
  resume: 'case.resumed',
};
