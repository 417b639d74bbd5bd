import { describe, expect, it } from 'vitest';
import { isWeekend, monthWeeks } from './calendar-grid.ts';

describe('a month of the year view', () => {
  it('starts on Monday: October 2025 begins on a Wednesday, after two blanks', () => {
    const weeks = monthWeeks(2025, 10).map((week) => week.map((cell) => cell.date));
    expect(weeks[0]).toEqual([null, null, '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05']);
    expect(weeks.at(-1)?.filter(Boolean).at(-1)).toBe('2025-10-31');
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(
      new Set(
        monthWeeks(2025, 10)
          .flat()
          .map((cell) => cell.key),
      ).size,
    ).toBe(35);
  });

  it('knows February of a leap year', () => {
    expect(
      monthWeeks(2028, 2)
        .flat()
        .filter((cell) => cell.date),
    ).toHaveLength(29);
  });

  it('marks Saturdays and Sundays as the weekend', () => {
    expect(isWeekend('2025-10-11')).toBe(true);
    expect(isWeekend('2025-10-13')).toBe(false);
  });
});
