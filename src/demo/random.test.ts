import { describe, expect, it } from 'vitest';
import { Random, WeightedTable } from './random.ts';

/** A source that draws what it is told to, to put a roll exactly where a pick may go either way. */
class Rolls extends Random {
  constructor(private readonly values: number[]) {
    super(0);
  }

  override next(): number {
    return this.values.shift() as number;
  }
}

const tables: (readonly (readonly [number, number])[])[] = [
  [[0, 1]],
  [
    [0, 3],
    [1, 1],
  ],
  [
    [0, 0],
    [1, 0.5],
    [2, 0],
    [3, 2],
    [4, 0],
  ],
  // The shape of the report dates: a thousand days of 1, 0.55, 1.15 and 0.6325.
  Array.from({ length: 1096 }, (_, i) => [i, [1, 0.55, 1.15, 0.6325][(i * 7919) % 4] as number] as const),
  Array.from({ length: 80 }, (_, i) => [i, 0.1 + ((i * 37) % 11) * 0.3] as const),
];

describe('a weighted table', () => {
  it.each(tables.map((entries) => [entries.length, entries] as const))(
    'picks what weighted() picks from the same draws (%i entries)',
    (_, entries) => {
      const table = new WeightedTable(entries);
      for (let seed = 0; seed < 20; seed++) {
        const a = new Random(seed);
        const b = new Random(seed);
        for (let i = 0; i < 2_000; i++) expect(table.pick(a)).toBe(b.weighted(entries));
      }
    },
  );

  it('picks as weighted() does when a roll lands on a running total or a rounding away from it', () => {
    for (const entries of tables) {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      const table = new WeightedTable(entries);
      let running = 0;
      for (const [, weight] of entries) {
        running += weight;
        for (const roll of [running, running - 1e-12, running + 1e-12, running * (1 - Number.EPSILON)]) {
          const draw = roll / total;
          if (!(draw >= 0 && draw < 1)) continue;
          expect(table.pick(new Rolls([draw]))).toBe(new Rolls([draw]).weighted(entries));
        }
      }
    }
  });

  it('refuses negative or missing weights', () => {
    expect(() => new WeightedTable([])).toThrow(RangeError);
    expect(() => new WeightedTable([['a', -1]])).toThrow(RangeError);
    expect(() => new WeightedTable([['a', Number.NaN]])).toThrow(RangeError);
  });
});
