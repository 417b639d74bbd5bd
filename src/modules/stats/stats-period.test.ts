import { describe, expect, it } from 'vitest';
import { statsPeriod, WINDOW_DAYS } from './stats-period.ts';

describe('the period the figures are counted over', () => {
  it('starts today at local midnight in Shanghai, not at UTC midnight', () => {
    const period = statsPeriod(new Date('2026-03-01T17:00:00Z'), 'Asia/Shanghai');
    expect(period.today).toBe('2026-03-02');
    expect(period.todayStart.toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });

  it('covers today and the 29 local days before it, across a month end', () => {
    const period = statsPeriod(new Date('2026-03-02T04:00:00Z'), 'Asia/Shanghai');
    expect(period.days).toHaveLength(WINDOW_DAYS);
    expect(period.days[0]).toBe('2026-02-01');
    expect(period.days.at(-1)).toBe('2026-03-02');
    expect(period.windowStart.toISOString()).toBe('2026-01-31T16:00:00.000Z');
  });
});
