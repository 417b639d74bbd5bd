import { describe, expect, it } from 'vitest';
import { expectedRunDates, isRunDay, missedRunDates, runDateOf } from './patrol-schedule.ts';

const weekly = { frequency: 'weekly' as const, weekdays: [2, 4], startsOn: '2026-11-01', endsOn: null };
const daily = { frequency: 'daily' as const, weekdays: [], startsOn: '2026-11-20', endsOn: '2026-11-25' };

describe('patrol schedule', () => {
  it('expects weekly runs on the plan’s weekdays only', () => {
    // 2026-11-03 is a Tuesday, 2026-11-05 a Thursday.
    expect(expectedRunDates(weekly, '2026-11-02', '2026-11-08')).toEqual(['2026-11-03', '2026-11-05']);
  });

  it('expects nothing before the start or after the end', () => {
    expect(expectedRunDates(daily, '2026-11-18', '2026-11-27')).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
    ]);
    expect(isRunDay(daily, '2026-11-26')).toBe(false);
  });

  it('counts an expected day without a run as missed, but never today', () => {
    const done = new Set(['2026-11-20', '2026-11-22']);
    expect(missedRunDates(daily, done, '2026-11-20', '2026-11-24')).toEqual(['2026-11-21', '2026-11-23']);
    expect(missedRunDates(daily, done, '2026-11-24', '2026-11-24')).toEqual([]);
  });

  it('gives a night round started after midnight to the evening before', () => {
    expect(runDateOf('nightly', '2026-11-25', 1)).toBe('2026-11-24');
    expect(runDateOf('nightly', '2026-11-25', 21)).toBe('2026-11-25');
    expect(runDateOf('daily', '2026-11-25', 1)).toBe('2026-11-25');
  });
});
