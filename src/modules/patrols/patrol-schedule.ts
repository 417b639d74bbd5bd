/**
 * When a patrol plan expects a run, and which expected runs never happened: pure date arithmetic
 * on ISO dates (the street's local calendar days), no clock, no SQL.
 */
export const FREQUENCIES = ['daily', 'weekly', 'nightly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface PlanSchedule {
  frequency: Frequency;
  /** ISO weekdays, 1 = Monday, for weekly plans. */
  weekdays: readonly number[];
  startsOn: string;
  endsOn: string | null;
}

const DAY_MS = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);
const isoWeekday = (time: number) => ((new Date(time).getUTCDay() + 6) % 7) + 1;

/** Whether the plan expects a run on this date. Daily and nightly plans run every day, weekly ones on their weekdays. */
export function isRunDay(plan: PlanSchedule, date: string): boolean {
  if (date < plan.startsOn || (plan.endsOn !== null && date > plan.endsOn)) return false;
  return plan.frequency !== 'weekly' || plan.weekdays.includes(isoWeekday(toTime(date)));
}

/** The dates from `from` to `to` (both included) on which the plan expects a run. */
export function expectedRunDates(plan: PlanSchedule, from: string, to: string): string[] {
  const dates: string[] = [];
  for (let time = toTime(from); time <= toTime(to); time += DAY_MS) {
    const date = toDate(time);
    if (isRunDay(plan, date)) dates.push(date);
  }
  return dates;
}

/**
 * Expected dates without a run. Today is never missed yet: a run may still start tonight.
 * A nightly run that starts after midnight counts for the evening before (see runDateOf).
 */
export function missedRunDates(plan: PlanSchedule, runDates: ReadonlySet<string>, from: string, today: string): string[] {
  const yesterday = toDate(toTime(today) - DAY_MS);
  if (yesterday < from) return [];
  return expectedRunDates(plan, from, yesterday).filter((date) => !runDates.has(date));
}

/** The plan day a run belongs to: its local start date, or the evening before for a night round started before 6 am. */
export function runDateOf(frequency: Frequency, localDate: string, localHour: number): string {
  return frequency === 'nightly' && localHour < 6 ? toDate(toTime(localDate) - DAY_MS) : localDate;
}

export const shiftDate = (date: string, days: number) => toDate(toTime(date) + days * DAY_MS);
