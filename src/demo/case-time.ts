/**
 * When things happen in the demo street's history: cases come in on weekdays and in the daytime
 * mostly, staff act in office hours on working days, residents rate from morning to night.
 */
import { TZDate } from '@date-fns/tz';
import { type DayTable, isWorkingDay } from '../modules/calendar/working-days.ts';
import type { Random } from './random.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface Clock {
  table: DayTable;
  timeZone: string;
}

/** Local hours in which people act: staff on working days only, residents every day. */
export const OFFICE_HOURS = { from: 8.5, to: 18, workingDaysOnly: true } as const;
export const WAKING_HOURS = { from: 7, to: 22, workingDaysOnly: false } as const;
type Hours = typeof OFFICE_HOURS | typeof WAKING_HOURS;

/** Reports per hour of the local day: a morning and an afternoon peak, a few at night. */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.3, 0.3, 0.5, 2, 5, 9, 11, 10, 8, 5, 6, 9, 10, 9, 8, 6, 5, 4, 3, 2, 1.5];
/** Weekends and holidays bring about half a weekday's reports: fewer staff and patrols are out. */
const RESTDAY_SHARE = 0.55;
/** Heat, open windows and night markets: summer brings a little more of everything. */
const SUMMER_MONTHS = new Set([6, 7, 8]);
const SUMMER_FACTOR = 1.15;

const shiftDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** Walking day by day through the same half year asks for the same next dates again and again. */
const followingDates = new Map<string, string>();

function nextDate(date: string, days = 1): string {
  if (days !== 1) return shiftDate(date, days);
  let next = followingDates.get(date);
  if (next === undefined) {
    next = shiftDate(date, 1);
    followingDates.set(date, next);
  }
  return next;
}

/** Zone arithmetic is the slow part of planning thousands of cases: the same few hours of the same days recur. */
const instants = new Map<string, number>();

/** The instant of a local date and fractional hour in the street's zone. */
export function localInstant(date: string, hour: number, timeZone: string): Date {
  const key = `${timeZone} ${date} ${hour}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const minutes = Math.round(hour * 60);
    instant = new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, timeZone).getTime();
    instants.set(key, instant);
  }
  return new Date(instant);
}

/** The local date of an instant, from the cached starts of its neighbouring days. */
export function localDay(instant: Date, timeZone: string): string {
  const utc = instant.toISOString().slice(0, 10);
  for (const date of [utc, nextDate(utc, -1), nextDate(utc, 1)]) {
    const start = localInstant(date, 0, timeZone);
    if (start <= instant && instant < localInstant(nextDate(date), 0, timeZone)) return date;
  }
  throw new RangeError(`No local date for ${instant.toISOString()} in ${timeZone}`);
}

export interface Window {
  floor: Date;
  ceiling: Date;
  hours: Hours;
  /** Above 1 leans towards the start of the window. */
  skew?: number;
  /** Never past the ceiling, even when no such hours lie in the window. */
  strict?: boolean;
}

/** The spans of the given hours between two instants, as [from, to] milliseconds. */
function spansOf(clock: Clock, floor: number, ceiling: number, hours: Hours): [number, number][] {
  const spans: [number, number][] = [];
  const last = localDay(new Date(ceiling), clock.timeZone);
  for (let date = localDay(new Date(floor), clock.timeZone); date <= last; date = nextDate(date)) {
    if (hours.workingDaysOnly && !isWorkingDay(date, clock.table)) continue;
    const from = Math.max(floor, localInstant(date, hours.from, clock.timeZone).getTime());
    const to = Math.min(ceiling, localInstant(date, hours.to, clock.timeZone).getTime());
    if (to > from) spans.push([from, to]);
  }
  return spans;
}

/**
 * A moment inside the window's hours, at the fraction r^skew of the hours available. With no such
 * hours in the window it is the first such hours after it (people act when they are back), or,
 * for a strict window, plain time within it.
 */
export function pickMoment(clock: Clock, random: Random, window: Window): Date {
  const fraction = random.next() ** (window.skew ?? 1);
  const floor = window.floor.getTime();
  const ceiling = window.ceiling.getTime();
  const spans = spansOf(clock, floor, ceiling, window.hours);
  const total = spans.reduce((sum, [from, to]) => sum + to - from, 0);
  if (total < MINUTE_MS) {
    const next = window.strict ? undefined : spansOf(clock, floor, floor + 30 * DAY_MS, window.hours)[0];
    if (next) return new Date(next[0] + Math.max(MINUTE_MS / 2, fraction * Math.min(next[1] - next[0], 2 * HOUR_MS)));
    return new Date(floor + Math.max(1000, fraction * (ceiling - floor)));
  }
  let position = Math.max(MINUTE_MS / 2, fraction * total);
  for (const [from, to] of spans) {
    if (position <= to - from) return new Date(from + position);
    position -= to - from;
  }
  return new Date((spans.at(-1) as [number, number])[1]);
}

/** `count` report times over the `days` before `now`, oldest first. */
export function reportTimes(clock: Clock, random: Random, count: number, now: Date, days: number): Date[] {
  const today = localDay(now, clock.timeZone);
  const dates: [string, number][] = [];
  for (let date = nextDate(today, -days + 1); date <= today; date = nextDate(date)) {
    const month = Number(date.slice(5, 7));
    dates.push([date, (isWorkingDay(date, clock.table) ? 1 : RESTDAY_SHARE) * (SUMMER_MONTHS.has(month) ? SUMMER_FACTOR : 1)]);
  }
  const hourEntries = HOUR_WEIGHTS.map((weight, hour) => [hour, weight] as const);
  const times: Date[] = [];
  while (times.length < count) {
    const date = random.weighted(dates);
    const hour = localInstant(date, random.weighted(hourEntries), clock.timeZone);
    const at = new Date(hour.getTime() + random.next() * HOUR_MS);
    // Today's remaining hours have not happened yet.
    if (at < now) times.push(at);
  }
  return times.sort((a, b) => a.getTime() - b.getTime());
}
