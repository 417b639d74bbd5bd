import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { neutralise, safeRow } from './safe-cells.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('formula injection in exports', () => {
  it('makes a cell that would run as a formula plain text, and leaves others alone', () => {
    for (const text of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://evil.example")']) {
      expect(neutralise(text)).toBe(`'${text}`);
    }
    for (const text of ['', '张三', 'a=1', '1-2', "'already"]) expect(neutralise(text)).toBe(text);
  });

  it('neutralises every text cell of a row, keeps numbers and dates', () => {
    const date = new Date(0);
    expect(safeRow(['=x', 3, -4, date, null])).toEqual(["'=x", 3, -4, date, null]);
    expect(safeRow({ title: '@cmd', rating: -1 })).toEqual({ title: "'@cmd", rating: -1 });
  });

  it('is the only path rows take into a workbook or CSV anywhere in the server', () => {
    const files = sourceFiles(path.resolve(import.meta.dirname, '../..'));
    const writers = files.filter((file) => /\.addRow\(|writeCsv\(/.test(readFileSync(file, 'utf8')));
    expect(writers.length).toBeGreaterThanOrEqual(4);
    for (const file of writers) {
      const text = readFileSync(file, 'utf8');
      const rows = text.match(/\.addRow\(\s*[^\s)]{0,20}/g) ?? [];
      for (const call of rows) expect(call, `${path.relative(process.cwd(), file)}: ${call}`).toMatch(/^\.addRow\(\s*safeRow\(/);
      expect(text, file).not.toMatch(/FORMULA_START\s*=/);
    }
  });
});
