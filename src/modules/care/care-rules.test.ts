import { describe, expect, it } from 'vitest';
import { packageSchedule } from '../calendar/package-schedule.ts';
import { buildDayTable } from '../calendar/working-days.ts';
import {
  addMonths,
  countingFrom,
  coverage,
  dueAfter,
  dueStatus,
  effectiveRules,
  isMissed,
  isOnTime,
  nextDueDate,
  ruleFor,
  type VisitRule,
} from './care-rules.ts';

const schedule = packageSchedule(2025, 2026);
const table = buildDayTable(schedule.days, schedule.years);
const STREET = 'street-1';

/** The defaults migration 0011 writes, as the street sees them. */
const rule = (group: VisitRule['group'], risk: VisitRule['risk'], every: number, unit: VisitRule['unit']): VisitRule => ({
  streetId: null,
  group,
  risk,
  every,
  unit,
});
const DEFAULTS: VisitRule[] = [
  rule('elderly_alone', 'low', 1, 'weeks'),
  rule('elderly_alone', 'medium', 1, 'weeks'),
  rule('elderly_alone', 'high', 2, 'working_days'),
  rule('retired_soldier', 'low', 1, 'months'),
  rule('retired_soldier', 'medium', 1, 'months'),
  rule('retired_soldier', 'high', 2, 'weeks'),
  rule('disabled', 'low', 1, 'months'),
  rule('disabled', 'medium', 2, 'weeks'),
  rule('disabled', 'high', 1, 'weeks'),
  rule('in_difficulty', 'low', 1, 'months'),
  rule('in_difficulty', 'medium', 2, 'weeks'),
  rule('in_difficulty', 'high', 1, 'weeks'),
  rule('left_behind_child', 'low', 2, 'weeks'),
  rule('left_behind_child', 'medium', 1, 'weeks'),
  rule('left_behind_child', 'high', 3, 'working_days'),
  rule('seriously_ill', 'low', 2, 'weeks'),
  rule('seriously_ill', 'medium', 1, 'weeks'),
  rule('seriously_ill', 'high', 2, 'working_days'),
];
const file = (groups: VisitRule['group'][], risk: VisitRule['risk']) => ({ streetId: STREET, groups, risk });

describe('when the next visit falls due', () => {
  it('an elderly person living alone is visited weekly, a retired soldier monthly', () => {
    expect(nextDueDate('2026-03-02', file(['elderly_alone'], 'low'), DEFAULTS, table)).toBe('2026-03-09');
    expect(nextDueDate('2026-03-02', file(['retired_soldier'], 'low'), DEFAULTS, table)).toBe('2026-04-02');
  });

  it('high risk is stricter: every two working days for an elderly person alone', () => {
    // Monday 2 March 2026: Tuesday and Wednesday are the next two working days.
    expect(nextDueDate('2026-03-02', file(['elderly_alone'], 'high'), DEFAULTS, table)).toBe('2026-03-04');
    // Friday: the weekend does not count.
    expect(nextDueDate('2026-03-06', file(['elderly_alone'], 'high'), DEFAULTS, table)).toBe('2026-03-10');
  });

  it('someone in several groups is visited as often as the strictest group asks', () => {
    expect(nextDueDate('2026-03-02', file(['retired_soldier', 'disabled'], 'medium'), DEFAULTS, table)).toBe('2026-03-16');
    expect(nextDueDate('2026-03-02', file(['retired_soldier', 'elderly_alone'], 'high'), DEFAULTS, table)).toBe('2026-03-04');
  });

  it("a street's own rule stands before the default, for that street only", () => {
    const rules = [...DEFAULTS, { ...rule('retired_soldier', 'low', 2, 'months'), streetId: STREET }];
    expect(nextDueDate('2026-03-02', file(['retired_soldier'], 'low'), rules, table)).toBe('2026-05-02');
    expect(nextDueDate('2026-03-02', { ...file(['retired_soldier'], 'low'), streetId: 'other' }, rules, table)).toBe(
      '2026-04-02',
    );
    expect(effectiveRules(rules, STREET)).toHaveLength(18);
    expect(ruleFor(rules, STREET, 'retired_soldier', 'low').every).toBe(2);
  });

  it('a month later is the same day, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('counts from the last visit, or from the start of the file when the last visit is older or absent', () => {
    expect(countingFrom({ lastVisitDate: null, startDate: '2026-03-01' })).toBe('2026-03-01');
    expect(countingFrom({ lastVisitDate: '2026-03-05', startDate: '2026-03-01' })).toBe('2026-03-05');
    expect(countingFrom({ lastVisitDate: '2026-02-20', startDate: '2026-03-01' })).toBe('2026-03-01');
  });

  it('refuses an interval that is not a whole number of 1 to 366', () => {
    expect(() => dueAfter('2026-03-02', { every: 0, unit: 'days' }, table)).toThrow(RangeError);
    expect(() => dueAfter('2026-03-02', { every: 1.5, unit: 'weeks' }, table)).toThrow(RangeError);
  });
});

describe('visit-rule alerts across working days and holidays (the 2026 calendar)', () => {
  const highRiskAlone = file(['elderly_alone'], 'high');

  it('a visit on Tuesday 29 September is next due on Thursday 8 October: 30 September, then the National Day week off', () => {
    const due = nextDueDate('2026-09-29', highRiskAlone, DEFAULTS, table);
    expect(due).toBe('2026-10-08');
    for (const day of ['2026-10-01', '2026-10-04', '2026-10-07', '2026-10-08']) expect(isMissed(due, day)).toBe(false);
    expect(isMissed(due, '2026-10-09')).toBe(true);
  });

  it('a visit on Wednesday 30 September is next due on Friday 9 October; one on the 9th counts the make-up Saturday the 10th', () => {
    expect(nextDueDate('2026-09-30', highRiskAlone, DEFAULTS, table)).toBe('2026-10-09');
    expect(nextDueDate('2026-10-09', highRiskAlone, DEFAULTS, table)).toBe('2026-10-12');
    // After the make-up Saturday comes Sunday off: a visit on the 10th is due on Tuesday the 13th.
    expect(nextDueDate('2026-10-10', highRiskAlone, DEFAULTS, table)).toBe('2026-10-13');
    expect(isMissed('2026-10-12', '2026-10-11')).toBe(false);
  });

  it('the Mid-Autumn weekend of 25 to 27 September does not count, the make-up Sunday of 20 September does', () => {
    expect(nextDueDate('2026-09-24', highRiskAlone, DEFAULTS, table)).toBe('2026-09-29');
    expect(nextDueDate('2026-09-18', highRiskAlone, DEFAULTS, table)).toBe('2026-09-21');
    expect(nextDueDate('2026-09-19', highRiskAlone, DEFAULTS, table)).toBe('2026-09-21');
    // Three working days for a high-risk left-behind child from Friday 18 September: Sunday 20 (make-up), 21, 22.
    expect(nextDueDate('2026-09-18', file(['left_behind_child'], 'high'), DEFAULTS, table)).toBe('2026-09-22');
  });

  it('through the Spring Festival 2026 a visit on Friday 13 February is next due on Wednesday 25 February', () => {
    // The make-up Saturday 14th, then nine days off from the 15th to the 23rd.
    expect(nextDueDate('2026-02-13', highRiskAlone, DEFAULTS, table)).toBe('2026-02-24');
    expect(nextDueDate('2026-02-14', highRiskAlone, DEFAULTS, table)).toBe('2026-02-25');
  });

  it('a weekly or monthly rule counts calendar days through a holiday', () => {
    expect(nextDueDate('2026-09-30', file(['elderly_alone'], 'low'), DEFAULTS, table)).toBe('2026-10-07');
    expect(nextDueDate('2026-09-05', file(['retired_soldier'], 'low'), DEFAULTS, table)).toBe('2026-10-05');
  });
});

describe('timing of a visit and standing of a file', () => {
  it('on the due date is on time, a day after it late', () => {
    expect(isOnTime('2026-10-08', '2026-10-08')).toBe(true);
    expect(isOnTime('2026-10-09', '2026-10-08')).toBe(false);
  });

  it('a file is overdue after its due date, due today on it, due soon within three days', () => {
    expect(dueStatus('2026-10-08', '2026-10-09')).toBe('overdue');
    expect(dueStatus('2026-10-08', '2026-10-08')).toBe('due_today');
    expect(dueStatus('2026-10-08', '2026-10-05')).toBe('due_soon');
    expect(dueStatus('2026-10-08', '2026-10-04')).toBe('upcoming');
  });

  it('the on-time rate counts the due dates that passed or were visited, and is none when there are none', () => {
    expect(coverage({ onTime: 6, late: 1, missed: 1, pending: 2 })).toEqual({
      due: 10,
      onTime: 6,
      late: 1,
      missed: 1,
      pending: 2,
      onTimeRate: 0.75,
    });
    expect(coverage({ onTime: 0, late: 0, missed: 0, pending: 3 }).onTimeRate).toBeNull();
  });
});
