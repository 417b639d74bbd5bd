import { endOfLocalDay, localDate } from '../calendar/working-days.ts';

/** How many local days the rolling figures (received, resolved, on-time rate, satisfaction, trend) cover. */
export const WINDOW_DAYS = 30;

export interface StatsPeriod {
  /** Today's local date, 'YYYY-MM-DD'. */
  today: string;
  /** The instant today began in the street's zone. */
  todayStart: Date;
  /** The instant the first day of the window began: today and the 29 local days before it. */
  windowStart: Date;
  /** The window's local dates, oldest first, ending today. */
  days: string[];
}

const shiftDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The local days the figures are counted over, as seen at an instant. Pure. */
export function statsPeriod(now: Date, timeZone: string): StatsPeriod {
  const today = localDate(now, timeZone);
  const days = Array.from({ length: WINDOW_DAYS }, (_, i) => shiftDate(today, i - (WINDOW_DAYS - 1)));
  return {
    today,
    todayStart: endOfLocalDay(shiftDate(today, -1), timeZone),
    windowStart: endOfLocalDay(shiftDate(days[0] as string, -1), timeZone),
    days,
  };
}
