/** A seeded pseudo-random source (mulberry32), so the demo street is the same on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: weighted([['a', 3], ['b', 1]]) gives 'a' three times as often. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (entries.at(-1) as readonly [T, number])[0];
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
}

/**
 * Random.weighted over entries that never change, without walking them on every pick: the first
 * entry whose running total passes the roll, by halving. Walking subtracts weight after weight and
 * rounds at each step, so where the roll lies within those roundings of a running total the pick
 * is made by the walk itself: every pick is the one weighted() makes from the same draw.
 */
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly weights: number[];
  /** The running totals, summed as weighted() sums its total. */
  private readonly totals: Float64Array;
  private readonly total: number;
  /** How far the walk's roundings can take its remainder from roll minus a running total. */
  private readonly slack: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new RangeError('A weighted table needs an entry.');
    this.values = entries.map(([value]) => value);
    this.weights = entries.map(([, weight]) => weight);
    if (!this.weights.every((weight) => weight >= 0 && Number.isFinite(weight)))
      throw new RangeError('Weights are finite numbers of at least 0.');
    this.totals = new Float64Array(entries.length);
    let sum = 0;
    for (let i = 0; i < entries.length; i++) {
      sum += this.weights[i] as number;
      this.totals[i] = sum;
    }
    this.total = sum;
    this.slack = 4 * (entries.length + 2) * Number.EPSILON * sum;
  }

  pick(random: Random): T {
    const roll = random.next() * this.total;
    const { totals } = this;
    let low = 0;
    let high = totals.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (roll < (totals[middle] as number)) high = middle;
      else low = middle + 1;
    }
    return this.near(roll, low) || this.near(roll, low - 1) ? this.walk(roll) : (this.values[low] as T);
  }

  /** Whether the walk might decide otherwise than the running total at i. */
  private near(roll: number, i: number): boolean {
    return i >= 0 && Math.abs(roll - (this.totals[i] as number)) <= this.slack;
  }

  /** weighted()'s own walk. */
  private walk(roll: number): T {
    let remainder = roll;
    for (let i = 0; i < this.values.length; i++) {
      remainder -= this.weights[i] as number;
      if (remainder < 0) return this.values[i] as T;
    }
    return this.values.at(-1) as T;
  }
}
