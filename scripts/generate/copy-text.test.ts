import { describe, expect, it } from 'vitest';
import { copyField, copyLine } from './copy-text.ts';

describe('the COPY text format', () => {
  it('writes null as \\N and escapes what would end a field or a line', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyField('楼道堆放杂物')).toBe('楼道堆放杂物');
  });

  it('writes booleans, numbers, instants, text arrays and JSON as PostgreSQL reads them', () => {
    expect(copyField(true)).toBe('t');
    expect(copyField(false)).toBe('f');
    expect(copyField(120.5)).toBe('120.5');
    expect(copyField(Number.NaN)).toBe('\\N');
    expect(copyField(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678Z');
    expect(copyField(['elderly', 'a,b', 'say "hi"'])).toBe('{"elderly","a,b","say \\\\"hi\\\\""}');
    expect(copyField({ note: 'line\nbreak', n: 1 })).toBe('{"note":"line\\\\nbreak","n":1}');
  });

  it('puts a row in the given column order, one line', () => {
    expect(copyLine({ b: 2, a: 'x', c: null }, ['a', 'b', 'c'])).toBe('x\t2\t\\N\n');
  });
});
