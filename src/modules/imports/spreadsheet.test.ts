import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv, readSheet, writeCsv, writeSheet } from './spreadsheet.ts';

describe('register spreadsheets', () => {
  it('reads CSV saved by Excel in GBK as well as in UTF-8 with a BOM', async () => {
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a, 0xcd, 0xf5, 0xbd, 0xa8, 0xb9, 0xfa]); // 姓名\r\n王建国
    expect(decodeText(gbk)).toEqual({ text: '姓名\r\n王建国', encoding: 'gbk' });
    const utf8 = Buffer.from('\uFEFF姓名\n王建国\n', 'utf8');
    expect(decodeText(utf8)).toEqual({ text: '姓名\n王建国\n', encoding: 'utf-8' });
    expect((await readSheet(gbk, 'csv')).rows).toEqual([{ 姓名: '王建国' }]);
  });

  it('parses quoted fields with commas, quotes and line breaks, and skips blank lines', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\r\n\r\n1,2')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
      ['1', '2'],
    ]);
  });

  it('writes xlsx and CSV that read back the same, with formulas neutralised', async () => {
    const rows = [['330681198005120037', '=1+1']];
    const xlsx = await readSheet(await writeSheet('s', ['身份证号', '备注'], rows), 'xlsx');
    expect(xlsx.rows).toEqual([{ 身份证号: '330681198005120037', 备注: "'=1+1" }]);
    const csv = await readSheet(writeCsv(['身份证号', '备注'], rows), 'csv');
    expect(csv).toEqual({
      headers: ['身份证号', '备注'],
      rows: [{ 身份证号: '330681198005120037', 备注: "'=1+1" }],
      encoding: 'utf-8',
    });
  });
});
