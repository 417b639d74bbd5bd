import { describe, expect, it } from 'vitest';
import { daysIn, spanOf, trendBuckets } from './stats-span.ts';

describe('the span a dashboard counts over', () => {
  it('a month is compared with the month before, across a year end', () => {
    expect(spanOf('month', '2026-01-15')).toEqual({
      span: { from: '2026-01-01', to: '2026-01-31' },
      previous: { from: '2025-12-01', to: '2025-12-31' },
    });
  });

  it('a quarter and a year are the calendar ones holding the date', () => {
    expect(spanOf('quarter', '2026-05-02').span).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(spanOf('quarter', '2026-02-02').previous).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(spanOf('year', '2024-07-01').span).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('a custom span is compared with as many days just before it', () => {
    const { span, previous } = spanOf('custom', '2026-03-01', { from: '2026-03-01', to: '2026-03-10' });
    expect(daysIn(span)).toBe(10);
    expect(previous).toEqual({ from: '2026-02-19', to: '2026-02-28' });
  });

  it('trends are daily up to two months and monthly beyond', () => {
    expect(trendBuckets({ from: '2026-02-01', to: '2026-02-28' }).keys).toHaveLength(28);
    expect(trendBuckets({ from: '2025-11-15', to: '2026-02-01' })).toEqual({
      by: 'month',
      keys: ['2025-11', '2025-12', '2026-01', '2026-02'],
    });
  });
});
