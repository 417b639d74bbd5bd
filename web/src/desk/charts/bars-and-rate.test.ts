import { describe, expect, it } from 'vitest';
import { barsAndRateOption } from './bars-and-rate.ts';

const words = { total: 'found', part: 'rectified', rate: 'rate' };
const row = (label: string, total: number, part: number) => ({ label, total, part, rate: total === 0 ? null : part / total });

describe('a figures chart of two bars and a rate', () => {
  it('draws the largest rows first, and the rate in percent with one decimal', () => {
    const option = barsAndRateOption([row('A', 3, 1), row('B', 9, 8)], words);
    expect(option.xAxis.data).toEqual(['B', 'A']);
    expect(option.series[2]?.data).toEqual([88.9, 33.3]);
  });

  it('leaves out rows with nothing in them rather than drawing a 0% rate', () => {
    const option = barsAndRateOption([row('A', 0, 0), row('B', 2, 2)], words);
    expect(option.xAxis.data).toEqual(['B']);
  });

  it('keeps at most twelve bars', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(`R${i}`, i + 1, 0));
    expect(barsAndRateOption(rows, words).xAxis.data).toHaveLength(12);
  });
});
