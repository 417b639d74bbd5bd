/**
 * The reminder to enter next year's holiday schedule. Pure: no HTTP, no SQL. The State Council
 * publishes it around November, and chinese-days stops at 2026, so a person has to enter it.
 */
const REMINDER_FROM_MONTH = 11;

export interface YearReminder {
  year: number;
  message: string;
}

/** From 1 November until next year's national schedule is known; any time the current year's is missing. */
export function yearReminder(today: string, knownYears: ReadonlySet<number>): YearReminder | null {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  let missing: number | null = null;
  if (!knownYears.has(year)) missing = year;
  else if (month >= REMINDER_FROM_MONTH && !knownYears.has(year + 1)) missing = year + 1;
  if (missing === null) return null;
  return {
    year: missing,
    message: `The State Council publishes each year's holiday schedule around November: enter ${missing}'s schedule.`,
  };
}
