import { describe, expect, it } from 'vitest';
import { packageSchedule } from '../modules/calendar/package-schedule.ts';
import { buildDayTable, effectiveReceiptDate } from '../modules/calendar/working-days.ts';
import { deadlineFrom } from '../modules/cases/deadlines.ts';
import { deadlineCounter, receiptDates } from './case-effects.ts';
import { DAY_MS, MINUTE_MS, zoneDays } from './case-time.ts';
import { Random } from './random.ts';

const schedule = packageSchedule(2024, 2026);
const table = buildDayTable(schedule.days, schedule.years);
/** Shanghai keeps one offset; New York and Lord Howe (half an hour) move theirs twice a year. */
const ZONES = ['Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe'];
const FROM = Date.parse('2024-01-01T00:00:00Z');
const SPAN = 3 * 365 * DAY_MS + 60 * DAY_MS;
const POLICIES = [
  { workingDays: 5, kind: 'handle', warnHours: 24 },
  { workingDays: 2, kind: 'handle', warnHours: 12 },
  { workingDays: 10, kind: 'explain', warnHours: 48 },
  { workingDays: 0, kind: 'answer', warnHours: 0 },
] as const;

/** Instants all over three years, and each side of midnight and of the cut-off on every local day. */
function instants(timeZone: string): number[] {
  const random = new Random(3);
  const all = Array.from({ length: 10_000 }, () => FROM + Math.floor(random.next() * SPAN));
  for (let day = zoneDays(timeZone).dayOf(FROM); day.start < FROM + SPAN; day = day.next()) {
    const cutoff = day.at(17.5);
    all.push(day.start - 1, day.start, cutoff - 1, cutoff, cutoff + MINUTE_MS, day.end - 1);
  }
  return all;
}

describe('deadlines counted once per receipt date', () => {
  it.each(ZONES)('count from the receipt date the rule gives every instant (%s)', (timeZone) => {
    const receipt = receiptDates(timeZone);
    for (const ms of instants(timeZone)) expect(receipt(ms)).toBe(effectiveReceiptDate(new Date(ms), { timeZone }));
  });

  it.each(ZONES)('are the deadlines deadlineFrom counts (%s)', (timeZone) => {
    const counter = deadlineCounter(table, timeZone);
    const random = new Random(4);
    for (let i = 0; i < 3_000; i++) {
      const start = new Date(FROM + Math.floor(random.next() * SPAN));
      const policy = random.pick(POLICIES);
      expect(counter(start, policy)).toEqual(deadlineFrom(start, policy, table, { timeZone }));
    }
  });

  it('are counted on the calendar they were asked for', () => {
    const start = new Date('2025-09-30T02:00:00Z');
    const plain = buildDayTable([], []);
    const policy = POLICIES[0];
    expect(deadlineCounter(table, 'Asia/Shanghai')(start, policy).dueDate).toBe('2025-10-14');
    expect(deadlineCounter(plain, 'Asia/Shanghai')(start, policy).dueDate).toBe('2025-10-07');
  });
});
