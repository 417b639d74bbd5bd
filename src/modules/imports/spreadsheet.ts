/**
 * Reading and writing the register's spreadsheets: CSV in UTF-8 (with or without BOM) or GBK,
 * as Chinese offices' Excel saves it, and xlsx through exceljs. Rows come back as header -> text.
 * Text written into a spreadsheet is neutralised so a cell never runs as a formula.
 */
import ExcelJS from 'exceljs';
import { safeRow } from '../../platform/export/safe-cells.ts';

export interface Sheet {
  headers: string[];
  /** Data rows; each row's number in the file is its index + 2 (the header is row 1). */
  rows: Record<string, string>[];
  encoding: 'utf-8' | 'gbk' | null;
}

/** UTF-8 if the bytes are valid UTF-8 (a BOM is dropped), GBK otherwise: Node's full ICU decodes it. */
export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gbk' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

/** RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      record.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || record.length) {
    record.push(cell);
    records.push(record);
  }
  return records.filter((r) => r.some((v) => v.trim() !== ''));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

function toSheet(records: string[][], encoding: Sheet['encoding']): Sheet {
  const [head = [], ...body] = records;
  const headers = head.map((h, i) => h.trim() || `#${i + 1}`);
  const rows = body.map((record) => Object.fromEntries(headers.map((h, i) => [h, (record[i] ?? '').trim()])));
  return { headers, rows, encoding };
}

export async function readSheet(bytes: Buffer, format: 'xlsx' | 'csv'): Promise<Sheet> {
  if (format === 'csv') {
    const { text, encoding } = decodeText(bytes);
    return toSheet(parseCsv(text), encoding);
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const records: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) values.push(cellText(row.getCell(col).value).trim());
    if (values.some(Boolean)) records.push(values);
  });
  return toSheet(records, null);
}

/** A sheet as an xlsx file: headers in bold, every column as text so ID numbers keep their 18 digits. */
export async function writeSheet(name: string, headers: string[], rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  sheet.columns = headers.map((header) => ({ header, width: Math.max(10, header.length * 2 + 4), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(safeRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function writeCsv(headers: string[], rows: string[][]): Buffer {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [headers, ...rows.map(safeRow)].map((r) => r.map(quote).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
