/**
 * The one guard every spreadsheet and CSV export goes through against formula injection: a
 * spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before them) as a
 * formula, so text a resident typed could run on a clerk's computer. A leading apostrophe makes
 * such a cell plain text again; the value still reads the same.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutralise = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** A row with every text cell neutralised; numbers, dates and empty cells pass unchanged. */
export function safeRow<T extends readonly unknown[] | Record<string, unknown>>(row: T): T {
  const cell = (value: unknown) => (typeof value === 'string' ? neutralise(value) : value);
  if (Array.isArray(row)) return row.map(cell) as unknown as T;
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, cell(value)])) as T;
}
