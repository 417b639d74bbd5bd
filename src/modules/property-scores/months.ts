/** Months as the API speaks them ('2026-11') and as the tables keep them ('2026-11-01'). Pure. */

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export const monthDate = (month: string) => `${month}-01`;
export const monthOf = (date: string) => date.slice(0, 7);

/** The month `count` months after (or before, when negative) the given one. */
export function addMonths(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` months ending with `last`, oldest first. */
export const monthsEnding = (last: string, count: number) =>
  Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
