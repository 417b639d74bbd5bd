/**
 * Working days of the Chinese calendar and deadlines counted in them. Pure: no HTTP, no SQL.
 *
 * The deadline rule (also in the README, "Working days"):
 * - the day of receipt is never counted;
 * - a case received at or after the cut-off time (default 17:30, local time in the street's zone)
 *   counts as received the next calendar day;
 * - the deadline is the end (24:00 local, i.e. the instant of the following local midnight) of the
 *   N-th working day strictly after the (effective) receipt date; N = 0 means the end of the
 *   effective receipt day itself;
 * - a working day is a make-up workday (调休上班, often a Saturday or Sunday), or a Monday to
 *   Friday that is not a statutory holiday;
 * - a day in a year whose schedule is not known counts by the plain weekday calendar (Monday to
 *   Friday), even if some of its days are already entered, and makes the result provisional:
 *   recompute it when that year is published.
 *
 * Local dates are 'YYYY-MM-DD' strings; instants are Dates. Zone rules (including DST, which
 * Asia/Shanghai lacks but other zones have) come from @date-fns/tz, never from fixed offsets.
 */
import { TZDate } from '@date-fns/tz';

/** One calendar: what is a holiday, what is a make-up workday, which years' schedules are known. */
export interface DayTable {
  holidays: ReadonlySet<string>;
  makeupWorkdays: ReadonlySet<string>;
  knownYears: ReadonlySet<number>;
}

export interface ZoneOptions {
  /** IANA zone of the street, e.g. 'Asia/Shanghai'. */
  timeZone: string;
}

export interface ReceiptOptions extends ZoneOptions {
  /** Local 'HH:mm'; at or after it a day's receipts count as the next day's. Default '17:30'. */
  cutoff?: string;
}

export interface Deadline {
  /** The instant the deadline passes: the local midnight that ends dueDate. */
  dueAt: Date;
  /** The last local date on which the work is on time. */
  dueDate: string;
  /** True when a day of a year with an unknown schedule was counted. */
  provisional: boolean;
}

export const DEFAULT_CUTOFF = '17:30';
/** No deadline in the rules is longer than a few weeks; this only stops a runaway count. */
export const MAX_WORKING_DAYS = 1000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

/** Whether a string is a real 'YYYY-MM-DD' date (no 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return utc.getUTCFullYear() === Number(match[1]) && utc.toISOString().slice(0, 10) === value;
}

function utcMidnight(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

/** Calendar arithmetic on plain dates: zone-free, so UTC is only a neutral carrier here. */
function shiftDate(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** Whether a date is a working day; entries of a year not yet known are drafts and do not count. */
export function isWorkingDay(date: string, table: DayTable): boolean {
  const known = table.knownYears.has(yearOf(date));
  if (known && table.makeupWorkdays.has(date)) return true;
  if (known && table.holidays.has(date)) return false;
  const weekday = new Date(utcMidnight(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The local date of an instant in a zone. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function localDate(instant: Date, timeZone: string): string {
  // One formatter per zone: making them is what costs, and rollups ask for thousands of dates.
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The instant a local date ends: its following local midnight (or the first instant of the next day where a DST jump skips midnight). */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const next = shiftDate(date, 1);
  return new Date(new TZDate(yearOf(next), Number(next.slice(5, 7)) - 1, Number(next.slice(8, 10)), timeZone).getTime());
}

/** The date a receipt counts from: its local date, or the next one at or after the cut-off. */
export function effectiveReceiptDate(receivedAt: Date, options: ReceiptOptions): string {
  const cutoff = TIME.exec(options.cutoff ?? DEFAULT_CUTOFF);
  if (!cutoff) throw new RangeError(`Not a cut-off time 'HH:mm': ${options.cutoff}`);
  const local = new TZDate(receivedAt.getTime(), options.timeZone);
  const date = localDate(receivedAt, options.timeZone);
  const afterCutoff = local.getHours() * 60 + local.getMinutes() >= Number(cutoff[1]) * 60 + Number(cutoff[2]);
  return afterCutoff ? shiftDate(date, 1) : date;
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`A number of working days is a whole number from 0 to ${MAX_WORKING_DAYS}: ${n}`);
  }
}

/** The deadline of work received at an instant and due N working days later (the rule at the top of this file). */
export function addWorkingDays(receivedAt: Date, n: number, table: DayTable, options: ReceiptOptions): Deadline {
  checkCount(n);
  let dueDate = effectiveReceiptDate(receivedAt, options);
  let provisional = false;
  for (let counted = 0; counted < n; ) {
    dueDate = shiftDate(dueDate, 1);
    if (!table.knownYears.has(yearOf(dueDate))) provisional = true;
    if (isWorkingDay(dueDate, table)) counted += 1;
  }
  return { dueAt: endOfLocalDay(dueDate, options.timeZone), dueDate, provisional };
}

/**
 * Working days left between an instant and the end of a due date: the N for which work received
 * at `from` would be due on `toDate` (its exact inverse when toDate is a working day). 0 when the
 * due date is not after the instant's effective date. A suspended case keeps this count and gets
 * it again from the moment it resumes: addWorkingDays(resumedAt, remaining, ...).
 */
export function workingDaysBetween(from: Date, toDate: string, table: DayTable, options: ReceiptOptions): number {
  utcMidnight(toDate);
  let days = 0;
  for (let date = shiftDate(effectiveReceiptDate(from, options), 1); date <= toDate; date = shiftDate(date, 1)) {
    if (isWorkingDay(date, table)) days += 1;
  }
  return days;
}

/** The working day N working days before a date (N = 0: the date itself), e.g. the day to warn at. */
export function subtractWorkingDays(date: string, n: number, table: DayTable): string {
  checkCount(n);
  let result = date;
  for (let counted = 0; counted < n; ) {
    result = shiftDate(result, -1);
    if (isWorkingDay(result, table)) counted += 1;
  }
  return result;
}

/**
 * When to warn that a deadline is near: `hours` working hours before the end of the due date,
 * where each working day counts its 24 local hours and other days do not count. 24 hours before
 * a Monday deadline is the end of the Friday before it, as is subtractWorkingDays(due, 1).
 */
export function warningAt(dueDate: string, hours: number, table: DayTable, options: ZoneOptions): Date {
  if (!(hours >= 0) || hours > MAX_WORKING_DAYS * 24) throw new RangeError(`Not a number of hours: ${hours}`);
  let remainingMs = hours * 3_600_000;
  for (let date = dueDate; ; date = shiftDate(date, -1)) {
    if (!isWorkingDay(date, table)) continue;
    const end = endOfLocalDay(date, options.timeZone).getTime();
    const length = end - endOfLocalDay(shiftDate(date, -1), options.timeZone).getTime();
    // A warning that falls exactly on a day boundary is given at the end of the working day before.
    if (remainingMs < length) return new Date(end - remainingMs);
    remainingMs -= length;
  }
}

export interface ScheduleEntry {
  date: string;
  kind: 'holiday' | 'workday';
}

/** A day table from schedule entries; a later entry for the same date wins (a street's after the national ones). */
export function buildDayTable(entries: Iterable<ScheduleEntry>, knownYears: Iterable<number>): DayTable {
  const holidays = new Set<string>();
  const makeupWorkdays = new Set<string>();
  for (const entry of entries) {
    (entry.kind === 'holiday' ? makeupWorkdays : holidays).delete(entry.date);
    (entry.kind === 'holiday' ? holidays : makeupWorkdays).add(entry.date);
  }
  return { holidays, makeupWorkdays, knownYears: new Set(knownYears) };
}
