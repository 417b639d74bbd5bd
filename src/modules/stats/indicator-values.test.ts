import { describe, expect, it } from 'vitest';
import { allValues, change, indicatorValue, mean, quantile } from './indicator-values.ts';
import { INDICATORS, indicatorOf } from './indicators.ts';

const figures = (sums: Record<string, number>, histogram: [number, number][] = [], days = 30, households = 0) => ({
  sums: new Map(Object.entries(sums)),
  histogram: new Map(histogram),
  days,
  households,
});

describe('indicator values', () => {
  it('every indicator has both names, both definitions and a formula', () => {
    for (const i of INDICATORS) {
      expect(i.name.zh && i.name.en && i.definition.zh && i.definition.en).toBeTruthy();
      expect(Object.keys(i.formula)).toHaveLength(i.formula && 'scale' in i.formula ? 2 : 1);
    }
    expect(new Set(INDICATORS.map((i) => i.code)).size).toBe(INDICATORS.length);
  });

  it('a rate with nothing to divide by is null, not zero', () => {
    const on = indicatorOf('on_time_rate');
    expect(on && indicatorValue(on, figures({}))).toEqual({ value: null, numerator: 0, denominator: 0 });
  });

  it('the 90th percentile is the smallest day count nine in ten cases do not exceed', () => {
    expect(
      quantile(
        new Map([
          [0, 5],
          [1, 4],
          [7, 1],
        ]),
        0.9,
      ),
    ).toBe(1);
    expect(
      quantile(
        new Map([
          [0, 5],
          [1, 3],
          [7, 2],
        ]),
        0.9,
      ),
    ).toBe(7);
    expect(quantile(new Map(), 0.9)).toBeNull();
    expect(
      mean(
        new Map([
          [1, 2],
          [4, 1],
        ]),
      ),
    ).toBe(2);
  });

  it('scales minutes to hours, fen to yuan, complaints to a month per 1,000 households', () => {
    const values = allValues(
      figures({ 'stat.volunteer_minutes': 90, 'stat.disputes_recovered_fen': 12345, 'stat.complaints': 6 }, [], 61, 2000),
    );
    expect(values.volunteer_hours?.value).toBe(1.5);
    expect(values.amount_recovered?.value).toBeCloseTo(123.45);
    expect(values.complaints_per_1000_households?.value).toBeCloseTo((6 / (61 / 30.4375) / 2000) * 1000);
  });

  it('compares rates in points and counts as a ratio', () => {
    const rate = indicatorOf('on_time_rate');
    const count = indicatorOf('received');
    expect(rate && change(rate, 0.9, 0.8)).toBeCloseTo(0.1);
    expect(count && change(count, 120, 100)).toBeCloseTo(0.2);
    expect(count && change(count, 5, 0)).toBeNull();
  });
});
