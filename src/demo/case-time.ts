/**
 * When things happen in the demo street's history: cases come in on weekdays and in the daytime
 * mostly, staff act in office hours on working days, residents rate from morning to night.
 */
import { TZDate } from '@date-fns/tz';
import { type DayTable, isWorkingDay } from '../modules/calendar/working-days.ts';
import { type Random, WeightedTable } from './random.ts';

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
const HOUR_TABLE = new WeightedTable(HOUR_WEIGHTS.map((weight, hour) => [hour, weight] as const));

const shiftDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The instant of a local date and fractional hour in a zone, as zone arithmetic gives it: the slow part, so cached below. */
function zoneInstant(date: string, hour: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const minutes = Math.round(hour * 60);
  return new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, timeZone).getTime();
}

/**
 * One local date of a zone, worked out once: thousands of cases ask about the same few hundred
 * days, their midnights, their office and waking hours and whether they are working days.
 */
export class LocalDay {
  /** Its local midnight and the next one, in milliseconds. */
  readonly start: number;
  readonly end: number;
  private following: LocalDay | undefined;
  private readonly hours: number[] = [];
  private readonly instants: number[] = [];
  private workingIn: DayTable | undefined;
  private working = false;

  constructor(
    readonly date: string,
    private readonly zone: ZoneDays,
  ) {
    this.start = this.at(0);
    this.end = zoneInstant(shiftDate(date, 1), 0, zone.timeZone);
  }

  /** The instant of a fractional local hour of this day. */
  at(hour: number): number {
    const i = this.hours.indexOf(hour);
    if (i >= 0) return this.instants[i] as number;
    const instant = zoneInstant(this.date, hour, this.zone.timeZone);
    this.hours.push(hour);
    this.instants.push(instant);
    return instant;
  }

  /** The next local date. */
  next(): LocalDay {
    this.following ??= this.zone.day(shiftDate(this.date, 1));
    return this.following;
  }

  /** isWorkingDay, remembered for the table last asked about (a street's table is never changed once built). */
  isWorkingDay(table: DayTable): boolean {
    if (this.workingIn !== table) {
      this.working = isWorkingDay(this.date, table);
      this.workingIn = table;
    }
    return this.working;
  }
}

/** The local days of one zone, by date and by the UTC day an instant falls in. */
export class ZoneDays {
  private readonly days = new Map<string, LocalDay>();
  /** For each UTC day (ms / DAY_MS), the local dates an instant of it may belong to: its own date and the two beside it. */
  private readonly candidates = new Map<number, readonly LocalDay[]>();

  constructor(readonly timeZone: string) {}

  day(date: string): LocalDay {
    let day = this.days.get(date);
    if (!day) {
      day = new LocalDay(date, this);
      this.days.set(date, day);
    }
    return day;
  }

  /** The local day an instant falls in. */
  dayOf(ms: number): LocalDay {
    const utcDay = Math.floor(ms / DAY_MS);
    let candidates = this.candidates.get(utcDay);
    if (!candidates) {
      if (!Number.isFinite(ms)) throw new RangeError(`No local date for an invalid instant in ${this.timeZone}`);
      const utc = new Date(utcDay * DAY_MS).toISOString().slice(0, 10);
      candidates = [this.day(utc), this.day(shiftDate(utc, -1)), this.day(shiftDate(utc, 1))];
      this.candidates.set(utcDay, candidates);
    }
    for (const day of candidates) if (day.start <= ms && ms < day.end) return day;
    throw new RangeError(`No local date for ${new Date(ms).toISOString()} in ${this.timeZone}`);
  }
}

const zones = new Map<string, ZoneDays>();

/** The local days of a zone, shared by every street of this thread in that zone. */
export function zoneDays(timeZone: string): ZoneDays {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = new ZoneDays(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

/** The instant of a local date and fractional hour in the street's zone. */
export function localInstant(date: string, hour: number, timeZone: string): Date {
  return new Date(zoneDays(timeZone).day(date).at(hour));
}

/** The local date of an instant. */
export function localDay(instant: Date, timeZone: string): string {
  return zoneDays(timeZone).dayOf(instant.getTime()).date;
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

/** Where spansOf puts its spans, [from, to] milliseconds one after the other: one array for every pick. */
const spans: number[] = [];

/**
 * The spans of the given hours between two instants, at most `limit` of them, into `spans`;
 * returns how many.
 */
function spansOf(clock: Clock, floor: number, ceiling: number, hours: Hours, limit = Number.POSITIVE_INFINITY): number {
  const zone = zoneDays(clock.timeZone);
  const last = zone.dayOf(ceiling).date;
  let count = 0;
  for (let day = zone.dayOf(floor); day.date <= last && count < limit; day = day.next()) {
    if (hours.workingDaysOnly && !day.isWorkingDay(clock.table)) continue;
    const from = Math.max(floor, day.at(hours.from));
    const to = Math.min(ceiling, day.at(hours.to));
    if (to > from) {
      spans[2 * count] = from;
      spans[2 * count + 1] = to;
      count++;
    }
  }
  return count;
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
  const count = spansOf(clock, floor, ceiling, window.hours);
  let total = 0;
  for (let i = 0; i < count; i++) total = total + (spans[2 * i + 1] as number) - (spans[2 * i] as number);
  if (total < MINUTE_MS) {
    if (!window.strict && spansOf(clock, floor, floor + 30 * DAY_MS, window.hours, 1) === 1) {
      const [from, to] = spans as [number, number];
      return new Date(from + Math.max(MINUTE_MS / 2, fraction * Math.min(to - from, 2 * HOUR_MS)));
    }
    return new Date(floor + Math.max(1000, fraction * (ceiling - floor)));
  }
  let position = Math.max(MINUTE_MS / 2, fraction * total);
  for (let i = 0; i < count; i++) {
    const from = spans[2 * i] as number;
    const to = spans[2 * i + 1] as number;
    if (position <= to - from) return new Date(from + position);
    position -= to - from;
  }
  return new Date(spans[2 * count - 1] as number);
}

/** `count` report times over the `days` before `now`, oldest first. */
export function reportTimes(clock: Clock, random: Random, count: number, now: Date, days: number): Date[] {
  const zone = zoneDays(clock.timeZone);
  const today = zone.dayOf(now.getTime());
  const dates: [LocalDay, number][] = [];
  for (let day = zone.day(shiftDate(today.date, -days + 1)); day.date <= today.date; day = day.next()) {
    const month = Number(day.date.slice(5, 7));
    dates.push([day, (day.isWorkingDay(clock.table) ? 1 : RESTDAY_SHARE) * (SUMMER_MONTHS.has(month) ? SUMMER_FACTOR : 1)]);
  }
  const datesTable = new WeightedTable(dates);
  const times: Date[] = [];
  while (times.length < count) {
    const day = datesTable.pick(random);
    const at = new Date(day.at(HOUR_TABLE.pick(random)) + random.next() * HOUR_MS);
    // Today's remaining hours have not happened yet.
    if (at < now) times.push(at);
  }
  return times.sort((a, b) => a.getTime() - b.getTime());
}
