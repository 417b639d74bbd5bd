import { describe, expect, it } from 'vitest';
import { packageSchedule } from './package-schedule.ts';
import {
  addWorkingDays,
  buildDayTable,
  endOfLocalDay,
  isCalendarDate,
  isWorkingDay,
  localDate,
  type ReceiptOptions,
  subtractWorkingDays,
  warningAt,
  workingDaysBetween,
} from './working-days.ts';

const schedule = packageSchedule(2020, 2026);
const table = buildDayTable(schedule.days, schedule.years);
const shanghai = { timeZone: 'Asia/Shanghai' };
/** A local time in Shanghai as an instant. */
const at = (local: string) => new Date(`${local}:00+08:00`);
const due = (receivedLocal: string, n: number, options: ReceiptOptions = shanghai) =>
  addWorkingDays(at(receivedLocal), n, table, options);
const dates = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00Z`); d <= new Date(`${to}T00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
};
const workingIn = (from: string, to: string) => dates(from, to).filter((date) => isWorkingDay(date, table));

describe('the national schedule from the chinese-days package', () => {
  it('covers 2020 to 2026 and names days in Chinese', () => {
    expect(schedule.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(schedule.days.find((day) => day.date === '2026-02-17')).toEqual({ date: '2026-02-17', kind: 'holiday', name: '春节' });
    expect(schedule.days.find((day) => day.date === '2025-09-28')).toEqual({
      date: '2025-09-28',
      kind: 'workday',
      name: '国庆节',
    });
  });

  it('has the official 2026 schedule day for day', () => {
    const of2026 = schedule.days.filter((day) => day.date.startsWith('2026'));
    expect(of2026.filter((day) => day.kind === 'workday').map((day) => day.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(of2026.filter((day) => day.kind === 'holiday').map((day) => day.date)).toEqual([
      ...dates('2026-01-01', '2026-01-03'),
      ...dates('2026-02-15', '2026-02-23'),
      ...dates('2026-04-04', '2026-04-06'),
      ...dates('2026-05-01', '2026-05-05'),
      ...dates('2026-06-19', '2026-06-21'),
      ...dates('2026-09-25', '2026-09-27'),
      ...dates('2026-10-01', '2026-10-07'),
    ]);
  });
});

describe('working days', () => {
  it('National Day 2025 is eight days off, worked for on Sunday 28 September and Saturday 11 October', () => {
    expect(workingIn('2025-09-27', '2025-10-12')).toEqual([
      '2025-09-28',
      '2025-09-29',
      '2025-09-30',
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
    ]);
  });

  it('the 2026 Spring Festival runs from 15 to 23 February, worked for on Saturdays 14 and 28 February', () => {
    expect(workingIn('2026-02-13', '2026-03-01')).toEqual(['2026-02-13', '2026-02-14', ...dates('2026-02-24', '2026-02-28')]);
  });

  it('a year not yet known is counted Monday to Friday, and its entered days wait for it to be published', () => {
    const drafted = buildDayTable([...schedule.days, { date: '2027-01-01', kind: 'holiday' }], schedule.years);
    expect(isWorkingDay('2027-01-01', drafted)).toBe(true);
    expect(isWorkingDay('2027-01-02', drafted)).toBe(false);
    const published = buildDayTable([...schedule.days, { date: '2027-01-01', kind: 'holiday' }], [...schedule.years, 2027]);
    expect(isWorkingDay('2027-01-01', published)).toBe(false);
  });

  it("a street's entry for a date replaces the national one", () => {
    const street = buildDayTable([...schedule.days, { date: '2025-10-08', kind: 'workday' }], schedule.years);
    expect(isWorkingDay('2025-10-08', street)).toBe(true);
    expect(street.holidays.has('2025-10-08')).toBe(false);
  });
});

describe('deadlines', () => {
  it('a case received before National Day is due five working days after it, counting the make-up Saturday', () => {
    const deadline = due('2025-09-30T10:00', 5);
    expect(deadline).toEqual({ dueAt: new Date('2025-10-14T16:00:00Z'), dueDate: '2025-10-14', provisional: false });
  });

  it('a make-up Sunday is the first working day after a Friday', () => {
    expect(due('2025-09-26T10:00', 1).dueDate).toBe('2025-09-28');
  });

  it('a case received on Friday at 17:29 may be due on the make-up Saturday; at 17:30 or 17:31 it counts from Saturday', () => {
    expect(due('2025-10-10T17:29', 1).dueDate).toBe('2025-10-11');
    expect(due('2025-10-10T17:30', 1).dueDate).toBe('2025-10-13');
    expect(due('2025-10-10T17:31', 1).dueDate).toBe('2025-10-13');
  });

  it('on an ordinary Friday 17:29 and 17:31 give the same deadline, as the weekend does not count', () => {
    expect(due('2025-11-14T17:29', 5).dueDate).toBe('2025-11-21');
    expect(due('2025-11-14T17:31', 5).dueDate).toBe('2025-11-21');
  });

  it('a Thursday receipt after the cut-off loses Friday as its first working day', () => {
    expect(due('2025-11-13T17:29', 1).dueDate).toBe('2025-11-14');
    expect(due('2025-11-13T17:31', 1).dueDate).toBe('2025-11-17');
  });

  it('the cut-off can be set per street', () => {
    expect(due('2025-11-13T17:00', 1, { ...shanghai, cutoff: '16:30' }).dueDate).toBe('2025-11-17');
    expect(due('2025-11-13T17:00', 1, { ...shanghai, cutoff: '18:00' }).dueDate).toBe('2025-11-14');
  });

  it('a case received on a holiday counts from the first working day after the holidays', () => {
    expect(due('2025-10-03T10:00', 1).dueDate).toBe('2025-10-09');
    expect(due('2025-10-03T10:00', 3).dueDate).toBe('2025-10-11');
  });

  it('a deadline crossing from 2025 into 2026 skips New Year and counts the make-up Sunday 4 January', () => {
    expect(due('2025-12-31T10:00', 3)).toEqual({
      dueAt: new Date('2026-01-06T16:00:00Z'),
      dueDate: '2026-01-06',
      provisional: false,
    });
  });

  it('a deadline reaching into 2027 counts weekends only and is provisional', () => {
    expect(due('2026-12-28T10:00', 3)).toMatchObject({ dueDate: '2026-12-31', provisional: false });
    expect(due('2026-12-28T10:00', 5)).toEqual({
      dueAt: new Date('2027-01-04T16:00:00Z'),
      dueDate: '2027-01-04',
      provisional: true,
    });
  });

  it('zero days is the end of the receipt day, or of the next day after the cut-off even on a weekend', () => {
    expect(due('2025-11-14T10:00', 0)).toEqual({
      dueAt: new Date('2025-11-14T16:00:00Z'),
      dueDate: '2025-11-14',
      provisional: false,
    });
    expect(due('2025-11-14T18:00', 0).dueDate).toBe('2025-11-15');
  });

  it('refuses a negative, fractional or absurd number of days and a malformed cut-off', () => {
    expect(() => due('2025-11-14T10:00', -1)).toThrow(RangeError);
    expect(() => due('2025-11-14T10:00', 1.5)).toThrow(RangeError);
    expect(() => due('2025-11-14T10:00', 100_000)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2025-11-14T10:00'), 1, table, { ...shanghai, cutoff: '25:00' })).toThrow(RangeError);
  });
});

describe('time zones', () => {
  const plain = buildDayTable([], []);
  const newYork = { timeZone: 'America/New_York' };

  it('a local date is taken in the zone, not in UTC', () => {
    expect(localDate(new Date('2025-12-31T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-01-01');
    expect(localDate(new Date('2026-01-01T03:00:00Z'), 'America/New_York')).toBe('2025-12-31');
  });

  it('a deadline across a daylight-saving change ends at the local midnight of the new offset', () => {
    const deadline = addWorkingDays(new Date('2026-03-06T15:00:00Z'), 1, plain, newYork);
    expect(deadline.dueDate).toBe('2026-03-09');
    expect(deadline.dueAt).toEqual(new Date('2026-03-10T04:00:00Z'));
    expect(endOfLocalDay('2026-03-06', 'America/New_York')).toEqual(new Date('2026-03-07T05:00:00Z'));
  });

  it('the cut-off is read on the local clock in summer time too', () => {
    expect(addWorkingDays(new Date('2026-06-04T21:29:00Z'), 1, plain, newYork).dueDate).toBe('2026-06-05');
    expect(addWorkingDays(new Date('2026-06-04T21:31:00Z'), 1, plain, newYork).dueDate).toBe('2026-06-08');
  });

  it('a day whose midnight a clock change skips ends at the first instant of the next day', () => {
    expect(endOfLocalDay('2024-09-07', 'America/Santiago')).toEqual(new Date('2024-09-08T04:00:00Z'));
  });
});

describe('suspension and warnings', () => {
  it('the working days left to a due date are exactly what addWorkingDays counted', () => {
    for (const [received, n] of [
      ['2025-09-30T10:00', 5],
      ['2025-10-10T17:31', 3],
      ['2026-02-13T09:00', 6],
      ['2025-11-14T10:00', 0],
    ] as const) {
      expect(workingDaysBetween(at(received), due(received, n).dueDate, table, shanghai)).toBe(n);
    }
  });

  it('a case suspended before National Day gets its remaining working days again when it resumes', () => {
    const deadline = due('2025-09-26T10:00', 5);
    expect(deadline.dueDate).toBe('2025-10-10');
    const remaining = workingDaysBetween(at('2025-09-29T11:00'), deadline.dueDate, table, shanghai);
    expect(remaining).toBe(3);
    expect(addWorkingDays(at('2025-10-13T09:00'), remaining, table, shanghai).dueDate).toBe('2025-10-16');
  });

  it('no working days are left once the due date has passed', () => {
    expect(workingDaysBetween(at('2025-10-20T10:00'), '2025-10-14', table, shanghai)).toBe(0);
  });

  it('the working day before 9 October 2025 is 30 September, and the one before that the make-up Sunday', () => {
    expect(subtractWorkingDays('2025-10-09', 0, table)).toBe('2025-10-09');
    expect(subtractWorkingDays('2025-10-09', 1, table)).toBe('2025-09-30');
    expect(subtractWorkingDays('2025-10-09', 3, table)).toBe('2025-09-28');
  });

  it('a warning 24 working hours before a Monday deadline comes at the end of the make-up Saturday', () => {
    expect(warningAt('2025-10-13', 24, table, shanghai)).toEqual(new Date('2025-10-11T16:00:00Z'));
    expect(warningAt('2025-10-13', 24, table, shanghai)).toEqual(
      endOfLocalDay(subtractWorkingDays('2025-10-13', 1, table), 'Asia/Shanghai'),
    );
  });

  it('a warning a few hours before a deadline falls on the due day itself', () => {
    expect(warningAt('2025-10-14', 4, table, shanghai)).toEqual(new Date('2025-10-14T12:00:00Z'));
    expect(warningAt('2025-10-14', 0, table, shanghai)).toEqual(due('2025-09-30T10:00', 5).dueAt);
  });
});

describe('calendar dates', () => {
  it('accepts only real dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
  });
});
