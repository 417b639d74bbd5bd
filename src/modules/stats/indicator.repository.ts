/**
 * Sums of the rollups for a node and a span of local days, optionally per day, month, category,
 * child node or organisation. Case figures come from the case rollups (the street's own rows when
 * the node is a street), the rest from the indicator rollups of migration 0016; only "overdue now"
 * and the households are counted live, over the small set of open cases and the area tree.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { ACTIVE_STATES } from '../cases/lifecycle.ts';
import { ROLLUP_COUNTERS } from '../cases/rollups.ts';

export interface NodeRef {
  id: string;
  path: string;
  level: string;
}

export type GroupBy = 'none' | 'day' | 'month' | 'category' | 'child' | 'organisation';

export interface Span {
  from: string;
  to: string;
}

export interface SumRow {
  key: string;
  source: string;
  bucket: number;
  value: number;
}

const depthOf = (path: string) => path.split('/').filter(Boolean).length;

/** The segment of a path naming the child of the node (the node's depth + 1st id). */
const childOf = (node: NodeRef, column: RawBuilder<string>) =>
  sql<string>`split_part(${column}, '/', ${sql.lit(depthOf(node.path) + 2)})`;

/** The key a breakdown groups by: the day or month of the row, or the column given for the breakdown. */
function keyOf(by: GroupBy, columns: Partial<Record<GroupBy, RawBuilder<string>>>): RawBuilder<string> {
  if (by === 'day') return sql<string>`to_char(r.day, 'YYYY-MM-DD')`;
  if (by === 'month') return sql<string>`to_char(r.day, 'YYYY-MM')`;
  return columns[by] ?? sql<string>`''`;
}

const caseKey = (node: NodeRef, by: GroupBy) =>
  keyOf(by, {
    category: sql<string>`r.category_id::text`,
    child: node.level === 'street' ? sql<string>`r.community_id::text` : sql<string>`r.grid_id::text`,
  });

function caseWhere(node: NodeRef): RawBuilder<unknown> {
  switch (node.level) {
    case 'grid':
      return sql`r.grid_id = ${node.id}`;
    case 'community':
      return sql`r.community_id = ${node.id}`;
    case 'street':
      return sql`r.street_id = ${node.id}`;
    default:
      return sql`r.street_id in (select id from area_nodes where level = 'street' and path like ${`${node.path}%`})`;
  }
}

/** The case rollups' counters, summed. Organisations are not a key of theirs: none there. */
export async function caseSums(db: Kysely<DB>, node: NodeRef, span: Span, by: GroupBy): Promise<SumRow[]> {
  if (by === 'organisation' || (by === 'child' && node.level === 'grid')) return [];
  // A street's totals and trend read its own daily rows: 365 for a year.
  const table =
    node.level === 'street' && (by === 'none' || by === 'day' || by === 'month')
      ? sql`case_street_daily_rollups`
      : sql`case_daily_rollups`;
  const where = node.level === 'street' ? sql`r.street_id = ${node.id}` : caseWhere(node);
  const key = caseKey(node, by);
  const sums = sql.join(ROLLUP_COUNTERS.map((c) => sql`coalesce(sum(${sql.ref(`r.${c}`)}), 0)::bigint as ${sql.ref(c)}`));
  const { rows } = await sql<Record<string, string | number>>`
    select ${key} as key, ${sums} from ${table} r
    where ${where} and r.day between ${span.from}::date and ${span.to}::date
    group by 1`.execute(db);
  return rows.flatMap((row) =>
    ROLLUP_COUNTERS.map((c) => ({ key: String(row.key ?? ''), source: `case.${c}`, bucket: 0, value: Number(row[c]) })),
  );
}

const statKey = (node: NodeRef, by: GroupBy) =>
  keyOf(by, {
    category: sql<string>`r.breakdown`,
    organisation: sql<string>`r.breakdown`,
    child: childOf(node, sql<string>`r.node_path`),
  });

/** Measures whose breakdown is an organisation (kept out of a breakdown by category); the others are broken down by a category. */
const ORGANISATION_MEASURES = ['org_handled', 'org_on_time'];

/** The indicator rollups' measures, summed; care due dates still open split into missed (passed) and pending. */
export async function statSums(db: Kysely<DB>, node: NodeRef, span: Span, by: GroupBy, today: string): Promise<SumRow[]> {
  const key = statKey(node, by);
  const where = node.level === 'street' ? sql`r.street_id = ${node.id}` : sql`r.node_path like ${`${node.path}%`}`;
  const organisations = by === 'organisation';
  const { rows } = await sql<SumRow>`
    select ${key} as key,
      'stat.' || case when r.measure = 'care_due_open' then (case when r.day < ${today}::date then 'care_missed' else 'care_pending' end) else r.measure end as source,
      r.bucket, sum(r.value)::bigint as value
    from stat_daily_rollups r
    where ${where} and r.day between ${span.from}::date and ${span.to}::date
      and ${
        organisations
          ? sql`r.measure = any(${ORGANISATION_MEASURES}::text[])`
          : by === 'category'
            ? sql`r.measure <> all(${ORGANISATION_MEASURES}::text[])`
            : sql`true`
      }
    group by 1, 2, 3`.execute(db);
  return rows.map((row) => ({ ...row, key: String(row.key ?? ''), value: Number(row.value) }));
}

/** Active cases past their deadline now, under the node (the open cases' own index). */
export async function overdueNow(db: Kysely<DB>, node: NodeRef, by: GroupBy, now: Date): Promise<SumRow[]> {
  if (by !== 'none' && by !== 'child' && by !== 'category') return [];
  const key =
    by === 'child'
      ? childOf(node, sql<string>`c.location_path`)
      : by === 'category'
        ? sql<string>`c.category_id::text`
        : sql<string>`''`;
  const { rows } = await sql<{ key: string; n: number }>`
    select ${key} as key, count(*)::int as n from cases c
    where c.location_path like ${`${node.path}%`} and c.state = any(${[...ACTIVE_STATES]}::text[]) and c.due_at <= ${now}
    group by 1`.execute(db);
  return rows.map((row) => ({ key: String(row.key), source: 'live.overdue', bucket: 0, value: Number(row.n) }));
}

/** Households under the node now, per child when asked. */
export async function households(db: Kysely<DB>, node: NodeRef, byChild: boolean): Promise<Map<string, number>> {
  const key = byChild ? childOf(node, sql<string>`n.path`) : sql<string>`''`;
  const { rows } = await sql<{ key: string; n: number }>`
    select ${key} as key, count(*)::int as n from area_nodes n
    where n.level = 'household' and n.retired_at is null and n.path like ${`${node.path}%`}
    group by 1`.execute(db);
  return new Map(rows.map((row) => [String(row.key), Number(row.n)]));
}

/** Names of the keys of a breakdown: nodes, categories or organisations. */
export interface Label {
  name: string;
  code: string;
  kind?: string;
}

export async function labels(db: Kysely<DB>, by: GroupBy, keys: string[], lang: 'zh-CN' | 'en'): Promise<Map<string, Label>> {
  const ids = keys.filter((k) => /^[0-9a-f-]{36}$/.test(k));
  if (ids.length === 0) return new Map();
  if (by === 'child') {
    const rows = await db.selectFrom('area_nodes').select(['id', 'name', 'code']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { name: r.name, code: r.code }]));
  }
  if (by === 'organisation') {
    const rows = await db.selectFrom('organisations').select(['id', 'name', 'kind', 'code']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind, code: r.code }]));
  }
  const rows = await db
    .selectFrom('case_categories')
    .select(['id', 'name_zh', 'name_en', 'code'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: lang === 'en' ? r.name_en : r.name_zh, code: r.code }]));
}
