/**
 * PostgreSQL's COPY text format, pure: one line per row, columns separated by tabs, \N for null,
 * backslash escapes for the characters that would end a field or a line.
 */
export type CopyValue = string | number | boolean | Date | null | undefined | readonly string[] | Record<string, unknown>;

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function escapeCopy(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string) : text;
}

/** An array literal for a text[] column: every element quoted, so commas and braces stay inside it. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeCopy(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeCopy(arrayLiteral(value));
  return escapeCopy(JSON.stringify(value));
}

/** One row as a COPY line, its columns in the given order. */
export function copyLine<T extends object>(row: T, columns: readonly (keyof T & string)[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += '\t';
    line += copyField(row[columns[i] as keyof T] as CopyValue);
  }
  return `${line}\n`;
}
