import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { safeRow } from '../../platform/export/safe-cells.ts';
import type { Actor } from '../access/access.policy.ts';
import type { CaseDeps } from './case-view.ts';
import type { CaseRow } from './cases.repository.ts';
import type { listCasesQuery } from './cases.schemas.ts';
import { listCasesFor, presentSummary } from './cases.service.ts';

/**
 * The case table as a spreadsheet: the same filters and scope as GET /api/cases, paged through
 * on the server, one sheet in the caller's language. The reporter's contact never leaves.
 */
export const EXPORT_LANGUAGES = ['zh-CN', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** Enough for any street's working set; a larger export is a job for the statistics module. */
export const EXPORT_MAX_ROWS = 10_000;
const PAGE = 500;

/** Page size and cap are the server's; tests shrink them to walk the paging. */
export interface ExportLimits {
  pageSize: number;
  maxRows: number;
}

const COLUMNS = [
  'number',
  'title',
  'category',
  'state',
  'tier',
  'grid',
  'source',
  'priority',
  'created',
  'dueDate',
  'deadline',
  'assignee',
  'rating',
] as const;
type Column = (typeof COLUMNS)[number];

type Words = Record<Column, string> & { sheet: string; values: Record<string, string> };

const WORDS: Record<ExportLanguage, Words> = {
  'zh-CN': {
    sheet: '工单',
    number: '编号',
    title: '标题',
    category: '类别',
    state: '状态',
    tier: '办理层级',
    grid: '网格',
    source: '来源',
    priority: '紧急程度',
    created: '上报时间',
    dueDate: '办理时限',
    deadline: '时限状态',
    assignee: '承办人',
    rating: '评价',
    values: {
      reported: '已上报',
      accepted: '已受理',
      assigned: '已派单',
      in_progress: '处理中',
      resolved: '已办结',
      evaluated: '已评价',
      closed: '已关闭',
      rejected: '不予受理',
      duplicate: '重复合并',
      returned: '退回重办',
      escalated: '已上报上级',
      suspended: '已挂起',
      grid: '网格',
      community: '社区',
      department: '街道部门',
      district: '区级',
      resident: '居民上报',
      patrol: '平安伙伴巡查',
      hotline: '热线转办',
      walk_in: '来访',
      staff: '工作人员发现',
      low: '低',
      normal: '一般',
      high: '较急',
      urgent: '紧急',
      none: '无时限',
      ok: '时限内',
      warning: '即将超期',
      overdue: '已超期',
    },
  },
  en: {
    sheet: 'Cases',
    number: 'Number',
    title: 'Title',
    category: 'Category',
    state: 'State',
    tier: 'Tier',
    grid: 'Grid',
    source: 'Source',
    priority: 'Priority',
    created: 'Reported at',
    dueDate: 'Due date',
    deadline: 'Deadline status',
    assignee: 'Assignee',
    rating: 'Rating',
    values: {
      reported: 'Reported',
      accepted: 'Accepted',
      assigned: 'Assigned',
      in_progress: 'In progress',
      resolved: 'Resolved',
      evaluated: 'Rated',
      closed: 'Closed',
      rejected: 'Rejected',
      duplicate: 'Duplicate',
      returned: 'Returned',
      escalated: 'Escalated',
      suspended: 'Suspended',
      grid: 'Grid',
      community: 'Community',
      department: 'Street department',
      district: 'District',
      resident: 'Resident',
      patrol: 'Patrol volunteer',
      hotline: 'Hotline',
      walk_in: 'Walk-in',
      staff: 'Staff finding',
      low: 'Low',
      normal: 'Normal',
      high: 'High',
      urgent: 'Urgent',
      none: 'No deadline',
      ok: 'On time',
      warning: 'Due soon',
      overdue: 'Overdue',
    },
  },
};

const WIDTHS: Record<Column, number> = {
  number: 14,
  title: 40,
  category: 18,
  state: 12,
  tier: 12,
  grid: 16,
  source: 14,
  priority: 10,
  created: 18,
  dueDate: 12,
  deadline: 12,
  assignee: 18,
  rating: 8,
};

/** The wall-clock time in the street's zone as a date cell: spreadsheets have no zones. */
function localCell(instant: Date, timeZone: string): Date {
  const local = new TZDate(instant.getTime(), timeZone);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes()));
}

function dateCell(date: string): Date {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
}

function cellsOf(row: CaseRow, now: Date, words: Words, lang: ExportLanguage, timeZone: string) {
  const summary = presentSummary(row, now);
  const label = (code: string) => words.values[code] ?? code;
  return {
    number: row.number,
    title: row.title,
    category: lang === 'zh-CN' ? row.category_name_zh : row.category_name_en,
    state: label(row.state),
    tier: label(row.tier),
    grid: row.grid_name,
    source: label(row.source),
    priority: label(row.priority),
    created: localCell(row.created_at, timeZone),
    dueDate: row.due_date ? dateCell(row.due_date) : null,
    deadline: label(summary.deadline.status),
    assignee: summary.assignee.name,
    rating: row.rating,
  } satisfies Record<Column, unknown>;
}

type ExportQuery = Omit<z.infer<typeof listCasesQuery>, 'limit' | 'cursor'>;

/** Every case the list would show under these filters, page by page, up to the cap. */
async function collectRows(deps: CaseDeps, actor: Actor, query: ExportQuery, { pageSize, maxRows }: ExportLimits) {
  const rows: CaseRow[] = [];
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const page = await listCasesFor(deps, actor, { ...query, limit: pageSize, cursor: undefined }, after);
    const more = page.rows.length > pageSize;
    rows.push(...page.rows.slice(0, pageSize));
    if (!more || rows.length >= maxRows) {
      return { rows: rows.slice(0, maxRows), now: page.now, truncated: more || rows.length > maxRows };
    }
    const last = rows.at(-1) as CaseRow;
    // The list's own keyset: the deadline (open-ended last) or the creation time, then the id.
    const at = query.sort === 'deadline' ? (last.due_at?.toISOString() ?? 'infinity') : last.created_at.toISOString();
    after = { at, id: last.id };
  }
}

export async function exportCases(
  deps: CaseDeps,
  actor: Actor,
  query: ExportQuery,
  lang: ExportLanguage,
  limits: ExportLimits = { pageSize: PAGE, maxRows: EXPORT_MAX_ROWS },
) {
  const { rows, now, truncated } = await collectRows(deps, actor, query, limits);
  const words = WORDS[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  const sheet = workbook.addWorksheet(words.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((key) => ({ key, header: words[key], width: WIDTHS[key] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn('created').numFmt = 'yyyy-mm-dd hh:mm';
  sheet.getColumn('dueDate').numFmt = 'yyyy-mm-dd';
  for (const row of rows) sheet.addRow(safeRow(cellsOf(row, now, words, lang, deps.timeZone)));
  return {
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
    fileName: `fengqiao-cases-${format(new TZDate(now.getTime(), deps.timeZone), 'yyyy-MM-dd')}.xlsx`,
    rowCount: rows.length,
    truncated,
  };
}
