/**
 * The local days a dashboard counts over and the period it is compared with, pure. A month,
 * quarter or year is the calendar one holding the anchor date, compared with the one before; a
 * custom span is compared with as many days just before it.
 */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface Span {
  from: string;
  to: string;
}

const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const DAY = 86_400_000;

export const shiftDays = (date: string, days: number) => iso(utc(date) + days * DAY);
export const daysIn = (span: Span) => Math.round((utc(span.to) - utc(span.from)) / DAY) + 1;

/** The months [year, month0] from `month0` of `year` for `count` months. */
function monthsSpan(year: number, month0: number, count: number): Span {
  return { from: iso(Date.UTC(year, month0, 1)), to: iso(Date.UTC(year, month0 + count, 0)) };
}

export function spanOf(kind: PeriodKind, at: string, custom?: Span): { span: Span; previous: Span } {
  const [y, m] = at.split('-').map(Number) as [number, number];
  switch (kind) {
    case 'month':
      return { span: monthsSpan(y, m - 1, 1), previous: monthsSpan(y, m - 2, 1) };
    case 'quarter': {
      const q = Math.floor((m - 1) / 3) * 3;
      return { span: monthsSpan(y, q, 3), previous: monthsSpan(y, q - 3, 3) };
    }
    case 'year':
      return { span: monthsSpan(y, 0, 12), previous: monthsSpan(y - 1, 0, 12) };
    default: {
      const span = custom ?? { from: at, to: at };
      const days = daysIn(span);
      return { span, previous: { from: shiftDays(span.from, -days), to: shiftDays(span.from, -1) } };
    }
  }
}

/** Trend buckets: each day for up to two months, else each month. */
export function trendBuckets(span: Span): { by: 'day' | 'month'; keys: string[] } {
  if (daysIn(span) <= 62) {
    return { by: 'day', keys: Array.from({ length: daysIn(span) }, (_, i) => shiftDays(span.from, i)) };
  }
  const keys: string[] = [];
  const [y, m] = span.from.split('-').map(Number) as [number, number];
  for (let i = 0; ; i++) {
    const key = iso(Date.UTC(y, m - 1 + i, 1)).slice(0, 7);
    if (key > span.to.slice(0, 7)) break;
    keys.push(key);
  }
  return { by: 'month', keys };
}
