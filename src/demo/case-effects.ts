/**
 * What each action does to a demo case: the live code's pure effects (effects.ts), applied to a
 * planned row instead of the database.
 */
import { type DayTable, effectiveReceiptDate, workingDaysBetween } from '../modules/calendar/working-days.ts';
import { type CaseDeadline, type DeadlinePolicy, deadlineFrom } from '../modules/cases/deadlines.ts';
import { type Effect, type EffectBodies, type EffectEnv, effectOf } from '../modules/cases/effects.ts';
import type { CaseAction, Tier } from '../modules/cases/lifecycle.ts';
import type { PlannedCase, PlannedContact, PlannedNotice } from './case-rows.ts';

/** A case another can be merged into. */
interface MergeTarget {
  readonly row: PlannedCase;
  takeDuplicate(duplicate: { row: PlannedCase }, at: Date, actor: string | null): void;
}

export interface Bodies {
  accept: { note?: string | null };
  assign: {
    userId?: string | null;
    organisationId?: string | null;
    note?: string | null;
    /** A hazard's rectification order: its own deadline, and its terms on the timeline. */
    dueInWorkingDays?: number;
    order?: Record<string, unknown>;
  };
  start: { note?: string | null };
  contact: { channel: 'call' | 'visit' | 'message'; note: string };
  resolve: { resolution: string };
  rate: { rating: number; comment?: string | null };
  close: { note?: string | null };
  reject: { reason: string };
  merge: { into: MergeTarget; note?: string | null };
  escalate: { to: Tier; organisationId: string | null; reason: string };
  urge: { note?: string | null };
  return: { reason: string };
  suspend: { reason: string };
  resume: { note?: string | null };
}
export type SimAction = keyof Bodies;

export interface Outcome {
  changes: Partial<PlannedCase>;
  /** Goes into the timeline event besides from and to. */
  event: Record<string, unknown>;
  notices?: Omit<PlannedNotice, 'exclude'>[];
  /** A move that follows by itself, by the system (a rating closes or returns the case). */
  followUp?: { action: CaseAction; outcome: Outcome };
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

const asOutcome = (effect: Effect): Outcome => ({
  changes: effect.changes as Partial<PlannedCase>,
  event: effect.event,
  notices: effect.notify.map((n) => ({ audience: n.to, kind: n.kind, data: n.data ?? {} })),
  ...(effect.followUp ? { followUp: { action: effect.followUp.action, outcome: asOutcome(effect.followUp.effect) } } : {}),
});

/** The live code's effect of an action (effects.ts), with its other records kept on the planned street. */
export function outcomeOf<A extends SimAction>(
  target: EffectTarget,
  action: A,
  at: Date,
  actor: string | null,
  input: Bodies[A],
): Outcome {
  const { row } = target;
  const env: EffectEnv = {
    at,
    deadlineFor: (tier) => target.deadlineFor(tier, at),
    remainingUntil: (dueDate) => workingDaysBetween(at, dueDate, target.table, { timeZone: target.timeZone }),
    deadlineOver: (workingDays, kind, tier) => target.deadline(at, { workingDays, kind, warnHours: target.warnHoursOf(tier) }),
  };
  const merge = action === 'merge' ? (input as Bodies['merge']) : undefined;
  const body = merge
    ? { ...merge, into: { id: merge.into.row.id, number: merge.into.row.number } }
    : action === 'resolve'
      ? { ...(input as Bodies['resolve']), photoIds: [] }
      : input;
  const effect = effectOf(action, row, body as EffectBodies[A], env);
  if (effect.contact)
    target.addContact({ street_id: row.street_id, case_id: row.id, by_user_id: actor as string, ...effect.contact, at });
  if (effect.grantOrganisation) target.grantOrganisation(effect.grantOrganisation);
  merge?.into.takeDuplicate(target, at, actor);
  return asOutcome(effect);
}

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
