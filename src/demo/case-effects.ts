/**
 * What each action does to a demo case: the live code's pure effects (effects.ts), applied to a
 * planned row instead of the database.
 */
import { tzOffset } from '@date-fns/tz';
import { type DayTable, DEFAULT_CUTOFF, effectiveReceiptDate, workingDaysBetween } from '../modules/calendar/working-days.ts';
import { type CaseDeadline, type DeadlineKind, type DeadlinePolicy, deadlineFrom } from '../modules/cases/deadlines.ts';
import { type Effect, type EffectBodies, type EffectEnv, effectOf } from '../modules/cases/effects.ts';
import type { CaseAction, Tier } from '../modules/cases/lifecycle.ts';
import type { PlannedCase, PlannedContact, PlannedNotice } from './case-rows.ts';
import { DAY_MS, type LocalDay, zoneDays } from './case-time.ts';

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

/** The street's deadlines as an action at a moment sees them. */
class ActionEnv implements EffectEnv {
  constructor(
    private readonly target: EffectTarget,
    readonly at: Date,
  ) {}

  deadlineFor(tier: Tier) {
    return this.target.deadlineFor(tier, this.at);
  }

  remainingUntil(dueDate: string) {
    return workingDaysBetween(this.at, dueDate, this.target.table, { timeZone: this.target.timeZone });
  }

  deadlineOver(workingDays: number, kind: DeadlineKind, tier: Tier) {
    return this.target.deadline(this.at, { workingDays, kind, warnHours: this.target.warnHoursOf(tier) });
  }
}

/** The live code's effect of an action (effects.ts), with its other records kept on the planned street. */
export function outcomeOf<A extends SimAction>(
  target: EffectTarget,
  action: A,
  at: Date,
  actor: string | null,
  input: Bodies[A],
): Outcome {
  const { row } = target;
  const env = new ActionEnv(target, at);
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

/** What the cut-off of working-days.ts (effectiveReceiptDate) comes to in a local day: 17:30 by default. */
const CUTOFF_MS = (([hours, minutes]) => (Number(hours) * 60 + Number(minutes)) * 60_000)(DEFAULT_CUTOFF.split(':'));

/** The deadlines counted so far, per calendar and zone: every street of a thread shares them. */
/** Whether the cut-off is a fixed instant of a local day (receiptDates). */
const steady = new WeakMap<LocalDay, boolean>();
const countedDeadlines = new WeakMap<DayTable, Map<string, Map<string, CaseDeadline>>>();

/**
 * deadlineFrom, counted once per receipt date: its result depends on the start only through the
 * effective receipt date (working-days.ts), and thousands of cases share a few hundred dates.
 */
export function deadlineCounter(table: DayTable, timeZone: string): DeadlineCounter {
  let byZone = countedDeadlines.get(table);
  if (!byZone) {
    byZone = new Map();
    countedDeadlines.set(table, byZone);
  }
  let counted = byZone.get(timeZone);
  if (!counted) {
    counted = new Map();
    byZone.set(timeZone, counted);
  }
  const receipts = receiptDates(timeZone);
  const deadlines = counted;
  return (start, policy) => {
    const key = `${receipts(start.getTime())} ${policy.workingDays} ${policy.kind} ${policy.warnHours}`;
    let deadline = deadlines.get(key);
    if (!deadline) {
      deadline = deadlineFrom(start, policy, table, { timeZone });
      deadlines.set(key, deadline);
    }
    return { ...deadline, startedAt: start };
  };
}

/**
 * effectiveReceiptDate with the default cut-off, from the local days of case-time.ts: on a day
 * the zone keeps one offset all day long (every day of most zones, all but two a year of the
 * rest) the local time is the time since midnight, so the cut-off is a fixed instant of the day.
 * On the other days, and wherever the two ways might disagree, the rule itself answers.
 */
export function receiptDates(timeZone: string): (ms: number) => string {
  const zone = zoneDays(timeZone);
  const rule = (ms: number) => effectiveReceiptDate(new Date(ms), { timeZone });
  const isSteady = (day: LocalDay) => {
    let known = steady.get(day);
    if (known === undefined) {
      const cutoff = day.start + CUTOFF_MS;
      known =
        day.end - day.start === DAY_MS &&
        tzOffset(timeZone, new Date(day.start)) === tzOffset(timeZone, new Date(day.end - 1)) &&
        rule(day.start) === day.date &&
        rule(cutoff - 1) === day.date &&
        rule(cutoff) === day.next().date &&
        rule(day.end - 1) === day.next().date;
      steady.set(day, known);
    }
    return known;
  };
  return (ms) => {
    const day = zone.dayOf(ms);
    if (!isSteady(day)) return rule(ms);
    return ms - day.start >= CUTOFF_MS ? day.next().date : day.date;
  };
}
