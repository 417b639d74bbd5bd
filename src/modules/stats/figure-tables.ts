/**
 * Tables of figures as spreadsheets: xlsx (numbers stay numbers) and CSV in UTF-8 with a BOM, so
 * Excel opens the Chinese right. Text cells are neutralised (a leading = + - @ never runs as a
 * formula); numbers cannot run and are written as they are.
 */
import ExcelJS from 'exceljs';
import { neutralise, safeRow } from '../../platform/export/safe-cells.ts';
import { INDICATORS, type Indicator, type Unit } from './indicators.ts';

export type Cell = string | number | null;
export interface FigureTable {
  name: string;
  headers: string[];
  rows: Cell[][];
}
export type Lang = 'zh-CN' | 'en';

const UNIT_LABEL: Record<Lang, Record<Unit, string>> = {
  'zh-CN': { count: '', rate: '%', working_days: '工作日', hours: '小时', yuan: '元', per_1000_households: '件/千户·月' },
  en: {
    count: '',
    rate: '%',
    working_days: 'working days',
    hours: 'hours',
    yuan: 'yuan',
    per_1000_households: 'per 1,000 households a month',
  },
};

const DECIMALS: Record<Unit, number> = { count: 0, rate: 1, working_days: 1, hours: 1, yuan: 2, per_1000_households: 2 };

/** A value as shown: rates in percent; rounded to the unit's decimals. */
export function shown(indicator: Indicator, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const scaled = indicator.unit === 'rate' ? value * 100 : value;
  const factor = 10 ** DECIMALS[indicator.unit];
  return Math.round(scaled * factor) / factor;
}

export const nameOf = (indicator: Indicator, lang: Lang) => (lang === 'en' ? indicator.name.en : indicator.name.zh);
export const unitOf = (indicator: Indicator, lang: Lang) => UNIT_LABEL[lang][indicator.unit];
const header = (indicator: Indicator, lang: Lang) => {
  const unit = unitOf(indicator, lang);
  return unit ? `${nameOf(indicator, lang)} (${unit})` : nameOf(indicator, lang);
};

const WORDS = {
  'zh-CN': {
    indicator: '指标',
    value: '本期',
    previous: '上期',
    change: '变化',
    definition: '口径',
    period: '时间',
    name: '名称',
  },
  en: {
    indicator: 'Indicator',
    value: 'This period',
    previous: 'Previous period',
    change: 'Change',
    definition: 'Definition',
    period: 'Period',
    name: 'Name',
  },
};

interface FigureLine {
  code: string;
  value: number | null;
  previous: number | null;
  change: number | null;
}

/** Change as shown: rates in points, other figures in percent. */
const shownChange = (change: number | null) => (change === null ? null : Math.round(change * 1000) / 10);

export function figuresTable(lines: FigureLine[], lang: Lang, title: string): FigureTable {
  const w = WORDS[lang];
  const byCode = new Map(lines.map((l) => [l.code, l]));
  return {
    name: title,
    headers: [w.indicator, w.value, w.previous, lang === 'en' ? 'Change (pt / %)' : '变化（百分点/%）', w.definition],
    rows: INDICATORS.map((i) => {
      const line = byCode.get(i.code);
      return [
        header(i, lang),
        shown(i, line?.value),
        shown(i, line?.previous),
        shownChange(line?.change ?? null),
        lang === 'en' ? i.definition.en : i.definition.zh,
      ];
    }),
  };
}

export function valuesTable(
  name: string,
  first: string,
  rows: { label: string; values: Record<string, number | null> }[],
  lang: Lang,
  indicators: readonly Indicator[] = INDICATORS,
): FigureTable {
  return {
    name,
    headers: [first === 'period' ? WORDS[lang].period : WORDS[lang].name, ...indicators.map((i) => header(i, lang))],
    rows: rows.map((r) => [r.label, ...indicators.map((i) => shown(i, r.values[i.code]))]),
  };
}

export async function tablesToXlsx(tables: FigureTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fengqiao';
  for (const table of tables) {
    // Sheet names: at most 31 characters, none of []:*?/\ .
    const sheet = workbook.addWorksheet(table.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    sheet.columns = table.headers.map((h, i) => ({
      header: neutralise(h),
      width: i === 0 ? 28 : Math.min(60, Math.max(12, h.length * 2)),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(safeRow(row));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function tableToCsv(table: FigureTable): Buffer {
  const quote = (cell: Cell) => {
    if (cell === null) return '';
    if (typeof cell === 'number') return String(cell);
    return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  };
  const lines = [table.headers, ...table.rows].map((row) => safeRow(row).map(quote).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
