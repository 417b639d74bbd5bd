import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { packageSchedule } from '../modules/calendar/package-schedule.ts';
import { buildDayTable, isWorkingDay, localDate } from '../modules/calendar/working-days.ts';
import {
  type Clock,
  DAY_MS,
  HOUR_MS,
  localDay,
  localInstant,
  MINUTE_MS,
  OFFICE_HOURS,
  pickMoment,
  WAKING_HOURS,
  type Window,
  zoneDays,
} from './case-time.ts';
import { Random } from './random.ts';

const schedule = packageSchedule(2024, 2026);
const table = buildDayTable(schedule.days, schedule.years);
/** Shanghai keeps one offset; New York and Lord Howe (half an hour) move theirs twice a year. */
const ZONES = ['Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe'];
const FROM = Date.parse('2024-01-01T00:00:00Z');
const SPAN = 3 * 365 * DAY_MS;

/** The zone arithmetic case-time.ts remembers, done afresh each time. */
const instantOf = (date: string, hour: number, timeZone: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const minutes = Math.round(hour * 60);
  return new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, timeZone).getTime();
};
const shiftDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** pickMoment as it was before its days were remembered: every date, hour and working day worked out again. */
function pickMomentAfresh(clock: Clock, random: Random, window: Window): Date {
  const spansOf = (floor: number, ceiling: number) => {
    const spans: [number, number][] = [];
    const last = localDate(new Date(ceiling), clock.timeZone);
    for (let date = localDate(new Date(floor), clock.timeZone); date <= last; date = shiftDate(date, 1)) {
      if (window.hours.workingDaysOnly && !isWorkingDay(date, clock.table)) continue;
      const from = Math.max(floor, instantOf(date, window.hours.from, clock.timeZone));
      const to = Math.min(ceiling, instantOf(date, window.hours.to, clock.timeZone));
      if (to > from) spans.push([from, to]);
    }
    return spans;
  };
  const fraction = random.next() ** (window.skew ?? 1);
  const floor = window.floor.getTime();
  const ceiling = window.ceiling.getTime();
  const spans = spansOf(floor, ceiling);
  const total = spans.reduce((sum, [from, to]) => sum + to - from, 0);
  if (total < MINUTE_MS) {
    const next = window.strict ? undefined : spansOf(floor, floor + 30 * DAY_MS)[0];
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

describe('the local days the demo history remembers', () => {
  it.each(ZONES)('give every instant the local date the zone gives it (%s)', (timeZone) => {
    const random = new Random(1);
    for (let i = 0; i < 20_000; i++) {
      const instant = new Date(FROM + Math.floor(random.next() * SPAN));
      expect(localDay(instant, timeZone)).toBe(localDate(instant, timeZone));
    }
    // Each side of every local midnight.
    for (let day = zoneDays(timeZone).dayOf(FROM); day.start < FROM + SPAN; day = day.next()) {
      expect(localDate(new Date(day.start), timeZone)).toBe(day.date);
      expect(localDate(new Date(day.end - 1), timeZone)).toBe(day.date);
    }
  });

  it.each(ZONES)('give the instants of local hours and working days as the rules do (%s)', (timeZone) => {
    const zone = zoneDays(timeZone);
    for (let day = zone.dayOf(FROM); day.start < FROM + SPAN; day = day.next()) {
      expect(day.isWorkingDay(table)).toBe(isWorkingDay(day.date, table));
      for (const hour of [0, 7, 8.5, 13, 18, 22]) {
        expect(day.at(hour)).toBe(instantOf(day.date, hour, timeZone));
        expect(localInstant(day.date, hour, timeZone).getTime()).toBe(instantOf(day.date, hour, timeZone));
      }
    }
  });

  it('answer for each table it is asked about', () => {
    const day = zoneDays('Asia/Shanghai').day('2025-10-01');
    const plain = buildDayTable([], []);
    expect(day.isWorkingDay(table)).toBe(false);
    expect(day.isWorkingDay(plain)).toBe(true);
    expect(day.isWorkingDay(table)).toBe(false);
  });

  it.each(ZONES)('pick the moments the uncached rule picks, from the same draws (%s)', (timeZone) => {
    const clock = { table, timeZone };
    const windows = new Random(2);
    for (let i = 0; i < 5_000; i++) {
      const floor = FROM + Math.floor(windows.next() * SPAN);
      const length = windows.pick([10 * MINUTE_MS, 2 * HOUR_MS, DAY_MS, 4 * DAY_MS, 15 * DAY_MS]) * windows.next();
      const window: Window = {
        floor: new Date(floor),
        ceiling: new Date(floor + Math.round(length)),
        hours: windows.chance(0.5) ? OFFICE_HOURS : WAKING_HOURS,
        skew: windows.pick([1, 1.5, 2.2]),
        strict: windows.chance(0.3),
      };
      const seed = Math.floor(windows.next() * 2 ** 32);
      expect(pickMoment(clock, new Random(seed), window)).toEqual(pickMomentAfresh(clock, new Random(seed), window));
    }
  });
});
