/**
 * Monthly reports of a node: produced on demand by a holder of stats.report, or by the job on the
 * first working day of a month for the month before (the street and each of its communities),
 * stored with both files and listed for download. One report per node, month and language: a new
 * one replaces the old, in one transaction with its event.
 */
import { sql } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { loadDayTable } from '../calendar/calendar.service.ts';
import { isWorkingDay, localDate } from '../calendar/working-days.ts';
import type { Lang } from './figure-tables.ts';
import { canReport, statsScopes } from './indicators.policy.ts';
import { type IndicatorDeps, type NodeRow, nodeFor } from './indicators.service.ts';
import { buildReport } from './report-document.ts';
import './reports.tables.ts';

const nowOf = (deps: IndicatorDeps) => (deps.now ? deps.now() : new Date());

async function store(deps: IndicatorDeps, node: NodeRow, month: string, lang: Lang, userId: string | null) {
  const producedAt = nowOf(deps);
  const files = await buildReport(deps, node, month, lang, producedAt);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('stat_reports')
      .values({
        street_id: node.street_id ?? node.id,
        node_id: node.id,
        month,
        lang,
        pdf: files.pdf,
        xlsx: files.xlsx,
        produced_by: userId,
        produced_at: producedAt,
      })
      .onConflict((oc) =>
        oc.columns(['node_id', 'month', 'lang']).doUpdateSet({
          pdf: files.pdf,
          xlsx: files.xlsx,
          produced_by: userId,
          produced_at: producedAt,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      streetId: node.street_id ?? node.id,
      entityType: 'stat_report',
      entityId: row.id,
      type: 'stats.report_produced',
      actorUserId: userId,
      data: { nodeId: node.id, month, lang, pdfBytes: files.pdf.length, xlsxBytes: files.xlsx.length },
      at: producedAt,
    });
    return row.id;
  });
}

export async function produceReport(
  deps: IndicatorDeps,
  actor: Actor,
  input: { nodeId?: string | undefined; month: string; lang: Lang },
) {
  const node = await nodeFor(deps, actor, input.nodeId);
  if (!canReport(actor, node.path)) throw forbidden('FORBIDDEN', 'You may not produce reports here.');
  const thisMonth = localDate(nowOf(deps), deps.timeZone).slice(0, 7);
  if (input.month > thisMonth) throw badRequest('MONTH_IN_FUTURE', 'The month has not begun.', 'month');
  const id = await store(deps, node, input.month, input.lang, actor.userId);
  return getReport(deps, actor, id);
}

const SUMMARY = [
  'r.id',
  'r.month',
  'r.lang',
  'r.produced_at',
  'r.node_id',
  'n.name as node_name',
  'u.display_name as producer',
  sql<number>`octet_length(r.pdf)`.as('pdf_bytes'),
  sql<number>`octet_length(r.xlsx)`.as('xlsx_bytes'),
] as const;

function present(row: {
  id: string;
  month: string;
  lang: string;
  produced_at: Date;
  node_id: string;
  node_name: string;
  producer: string | null;
  pdf_bytes: number;
  xlsx_bytes: number;
}) {
  return {
    id: row.id,
    node: { id: row.node_id, name: row.node_name },
    month: row.month,
    lang: row.lang,
    producedAt: row.produced_at,
    producedBy: row.producer,
    pdfBytes: Number(row.pdf_bytes),
    xlsxBytes: Number(row.xlsx_bytes),
  };
}

const reports = (deps: IndicatorDeps) =>
  deps.db
    .selectFrom('stat_reports as r')
    .innerJoin('area_nodes as n', 'n.id', 'r.node_id')
    .leftJoin('users as u', 'u.id', 'r.produced_by');

export async function listReports(deps: IndicatorDeps, actor: Actor) {
  const scopes = statsScopes(actor);
  if (scopes.length === 0) throw forbidden('FORBIDDEN', 'You may not read figures.');
  const rows = await reports(deps)
    .select(SUMMARY)
    .where((eb) => eb.or(scopes.map((scope) => eb('n.path', 'like', `${scope}%`))))
    .orderBy('r.month', 'desc')
    .orderBy('n.path')
    .limit(200)
    .execute();
  return { items: rows.map(present) };
}

export async function getReport(deps: IndicatorDeps, actor: Actor, id: string) {
  const row = await reports(deps).select(SUMMARY).select('n.path').where('r.id', '=', id).executeTakeFirst();
  if (!row || !statsScopes(actor).some((scope) => row.path.startsWith(scope))) throw notFound('Report');
  return present(row);
}

export async function reportFile(deps: IndicatorDeps, actor: Actor, id: string, format: 'pdf' | 'xlsx') {
  const row = await reports(deps)
    .select(['r.pdf', 'r.xlsx', 'r.month', 'n.name', 'n.path'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row || !statsScopes(actor).some((scope) => row.path.startsWith(scope))) throw notFound('Report');
  return {
    body: format === 'pdf' ? row.pdf : row.xlsx,
    type: format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `${row.name}-${row.month}.${format}`,
  };
}

/** The first working day of the month holding `today` ('YYYY-MM-DD'), by the street's calendar. */
export async function firstWorkingDay(deps: IndicatorDeps, streetId: string, today: string): Promise<string> {
  const table = await loadDayTable(deps.db, streetId);
  for (let d = 1; d <= 31; d++) {
    const date = `${today.slice(0, 8)}${String(d).padStart(2, '0')}`;
    if (isWorkingDay(date, table)) return date;
  }
  return `${today.slice(0, 8)}01`;
}

const previousMonth = (today: string) => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
};

/**
 * The monthly job: from the first working day of a month on, last month's report of each street and
 * each of its communities that is still missing is produced (so a server down on that day catches
 * up the next time the job runs). Returns how many were produced.
 */
export async function runMonthlyReports(deps: IndicatorDeps): Promise<number> {
  const today = localDate(nowOf(deps), deps.timeZone);
  const month = previousMonth(today);
  const streets = await deps.db
    .selectFrom('area_nodes')
    .select('id')
    .where('level', '=', 'street')
    .where('retired_at', 'is', null)
    .execute();
  let produced = 0;
  for (const street of streets) {
    if (today < (await firstWorkingDay(deps, street.id, today))) continue;
    const missing = await deps.db
      .selectFrom('area_nodes as n')
      .select(['n.id', 'n.name', 'n.path', 'n.level', 'n.street_id', 'n.parent_id'])
      .where((eb) =>
        eb.or([eb('n.id', '=', street.id), eb.and([eb('n.parent_id', '=', street.id), eb('n.level', '=', 'community')])]),
      )
      .where('n.retired_at', 'is', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('stat_reports as r')
              .select('r.id')
              .whereRef('r.node_id', '=', 'n.id')
              .where('r.month', '=', month)
              .where('r.lang', '=', 'zh-CN'),
          ),
        ),
      )
      .execute();
    for (const node of missing) {
      await store(deps, node, month, 'zh-CN', null);
      produced += 1;
    }
  }
  return produced;
}
