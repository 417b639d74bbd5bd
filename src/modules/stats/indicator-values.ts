/**
 * Turns the rollups' sums into indicator values, pure. Sums are keyed by source name
 * (`case.resolved`, `stat.hazards_found`, `live.overdue`); handling times come as a histogram of
 * cases by whole working days, so the mean and the 90th percentile are exact.
 */
import { INDICATORS, type Indicator } from './indicators.ts';

export interface Figures {
  sums: ReadonlyMap<string, number>;
  /** Cases by working days taken. */
  histogram: ReadonlyMap<number, number>;
  /** Days in the period (for per-month figures). */
  days: number;
  /** Households in the area now. */
  households: number;
}

export interface Value {
  value: number | null;
  numerator?: number;
  denominator?: number;
}

const total = (sums: ReadonlyMap<string, number>, names: string[]) => names.reduce((sum, name) => sum + (sums.get(name) ?? 0), 0);

/** The smallest number of days such that at least q of the cases took no longer; null without cases. */
export function quantile(histogram: ReadonlyMap<number, number>, q: number): number | null {
  const buckets = [...histogram].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const count = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (count === 0) return null;
  const rank = Math.ceil(q * count);
  let seen = 0;
  for (const [days, n] of buckets) {
    seen += n;
    if (seen >= rank) return days;
  }
  return buckets.at(-1)?.[0] ?? null;
}

export function mean(histogram: ReadonlyMap<number, number>): number | null {
  let count = 0;
  let sum = 0;
  for (const [days, n] of histogram) {
    count += n;
    sum += days * n;
  }
  return count === 0 ? null : sum / count;
}

const MONTH_DAYS = 30.4375;

export function indicatorValue(indicator: Indicator, figures: Figures): Value {
  const f = indicator.formula;
  if ('sum' in f) return { value: total(figures.sums, f.sum) * (f.scale ?? 1) };
  if ('ratio' in f) {
    const numerator = total(figures.sums, f.ratio[0]);
    const denominator = total(figures.sums, f.ratio[1]);
    return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator };
  }
  if ('histogram' in f) {
    return { value: f.histogram === 'mean' ? mean(figures.histogram) : quantile(figures.histogram, 0.9) };
  }
  const numerator = total(figures.sums, [f.perMonthPer1000Households]);
  if (figures.households === 0 || figures.days === 0) return { value: null, numerator, denominator: figures.households };
  return {
    value: (numerator / (figures.days / MONTH_DAYS) / figures.households) * 1000,
    numerator,
    denominator: figures.households,
  };
}

export function allValues(figures: Figures, indicators: readonly Indicator[] = INDICATORS): Record<string, Value> {
  return Object.fromEntries(indicators.map((i) => [i.code, indicatorValue(i, figures)]));
}

/** Change against the previous period: a difference for rates (in points), a ratio otherwise. */
export function change(indicator: Indicator, now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  if (indicator.unit === 'rate') return now - before;
  return before === 0 ? null : (now - before) / before;
}
