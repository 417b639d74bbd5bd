import { describe, expect, it } from 'vitest';
import { figuresOption } from './figures-option.ts';

const words = { found: 'found', rectified: 'rectified', rate: 'rate' };
const row = (label: string, found: number, rectified: number) => ({
  key: label,
  label,
  found,
  rectified,
  overdue: 0,
  rate: found === 0 ? null : rectified / found,
});

describe('the patrol figures chart', () => {
  it('draws the rows that found most first, and the rate in percent with one decimal', () => {
    const option = figuresOption([row('A', 3, 1), row('B', 9, 8)], words);
    expect(option.xAxis.data).toEqual(['B', 'A']);
    expect(option.series[2]?.data).toEqual([88.9, 33.3]);
  });

  it('leaves out rows where nothing was found rather than drawing a 0% rate', () => {
    const option = figuresOption([row('A', 0, 0), row('B', 2, 2)], words);
    expect(option.xAxis.data).toEqual(['B']);
  });

  it('keeps at most twelve bars', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(`R${i}`, i + 1, 0));
    expect(figuresOption(rows, words).xAxis.data).toHaveLength(12);
  });
});
