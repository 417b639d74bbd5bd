import { describe, expect, it } from 'vitest';
import { tableToCsv } from './figure-tables.ts';

describe('a table of figures as CSV', () => {
  it('starts with a BOM, quotes what needs it and neutralises cells that would run as formulas', () => {
    const csv = tableToCsv({
      name: 't',
      headers: ['名称', '值'],
      rows: [
        ['=HYPERLINK("x")', 1],
        ['+1', -2.5],
        ['@SUM', null],
        ['-x, y', 0],
      ],
    }).toString('utf8');
    expect(csv.startsWith('\uFEFF名称,值\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")",1`);
    expect(csv).toContain("'+1,-2.5");
    expect(csv).toContain("'@SUM,\r\n");
    expect(csv).toContain(`"'-x, y",0`);
  });
});
