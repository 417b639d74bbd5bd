/**
 * Coverage figures of a node and a period (local dates): of the due dates that fell in the
 * period, those visited on time, visited late, missed (passed and still not visited) and pending
 * (not yet passed), with the on-time rate; by the node's children or by group. Counts only: no
 * name leaves, so the street leader and administrators read them too.
 */
import { type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import { badRequest } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { figureScopes } from './care.policy.ts';
import type { figuresQuery } from './care.schemas.ts';
import { type CareDeps, type Db, nodeOf, todayOf } from './care.shared.ts';
import { coverage } from './care-rules.ts';

const depthOf = (path: string) => path.split('/').filter(Boolean).length;

/** The paths to count under: the node asked for (inside the reader's scope), or the reader's scopes. */
export async function countingPaths(db: Db, actor: Actor, nodeId: string | undefined) {
  const scopes = figureScopes(actor);
  if (!nodeId) return { paths: scopes, depth: scopes.length ? Math.min(...scopes.map(depthOf)) : 0 };
  const node = await nodeOf(db, nodeId);
  if (!scopes.some((scope) => node.path.startsWith(scope))) throw badRequest('NODE_NOT_FOUND', 'Choose an area.', 'nodeId');
  return { paths: [node.path], depth: depthOf(node.path) };
}

interface Counted {
  key: string;
  on_time: number;
  late: number;
  missed: number;
  pending: number;
  files: number;
}

async function count(db: Db, paths: string[], key: RawBuilder<string>, period: { from: string; to: string; today: string }) {
  const inScope = sql.join(
    paths.map((path) => sql`f.location_path like ${`${path}%`}`),
    sql` or `,
  );
  const { rows } = await sql<Counted>`
    with visits as (
      select ${key} as key, count(*) filter (where v.on_time) as on_time, count(*) filter (where not v.on_time) as late
      from care_visits v join care_files f on f.id = v.file_id ${key === GROUP_KEY ? sql`cross join lateral unnest(f.groups) as g(code)` : sql``}
      where (${inScope}) and v.due_date between ${period.from}::date and ${period.to}::date
      group by 1),
    files as (
      select ${key} as key,
        count(*) filter (where f.next_due_date between ${period.from}::date and ${period.to}::date and f.next_due_date < ${period.today}::date) as missed,
        count(*) filter (where f.next_due_date between ${period.from}::date and ${period.to}::date and f.next_due_date >= ${period.today}::date) as pending,
        count(*) as files
      from care_files f ${key === GROUP_KEY ? sql`cross join lateral unnest(f.groups) as g(code)` : sql``}
      where (${inScope}) and f.status = 'active'
      group by 1)
    select coalesce(v.key, f.key) as key, coalesce(v.on_time, 0) as on_time, coalesce(v.late, 0) as late,
      coalesce(f.missed, 0) as missed, coalesce(f.pending, 0) as pending, coalesce(f.files, 0) as files
    from visits v full join files f on f.key = v.key
    order by 1`.execute(db);
  return rows.map((r) => ({
    key: r.key,
    files: Number(r.files),
    ...coverage({ onTime: Number(r.on_time), late: Number(r.late), missed: Number(r.missed), pending: Number(r.pending) }),
  }));
}

const withoutKey = ({ key, ...figures }: { key: string } & typeof EMPTY) => figures;
const EMPTY = { files: 0, ...coverage({ onTime: 0, late: 0, missed: 0, pending: 0 }) };

const GROUP_KEY = sql<string>`g.code`;
const TOTAL_KEY = sql<string>`'total'`;

export async function careFigures(deps: CareDeps, actor: Actor, query: z.infer<typeof figuresQuery>) {
  const { db } = deps;
  const { paths, depth } = await countingPaths(db, actor, query.nodeId);
  const period = { from: query.from, to: query.to, today: todayOf(deps) };
  const empty = EMPTY;
  if (paths.length === 0) return { from: query.from, to: query.to, totals: empty, rows: [] };
  // A literal, not a parameter: the grouped expression must read the same in select and group by.
  const key = query.by === 'group' ? GROUP_KEY : sql<string>`split_part(f.location_path, '/', ${sql.lit(depth + 2)})`;
  const [totals, rows] = await Promise.all([count(db, paths, TOTAL_KEY, period), count(db, paths, key, period)]);
  const labels =
    query.by === 'node'
      ? await nodeNames(
          db,
          rows.map((r) => r.key),
        )
      : {};
  return {
    from: query.from,
    to: query.to,
    totals: totals[0] ? withoutKey(totals[0]) : empty,
    rows: rows
      .filter((r) => r.key)
      .map((r) => ({ ...r, label: labels[r.key] ?? r.key }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
  };
}

export async function nodeNames(db: Db, ids: string[]): Promise<Record<string, string>> {
  const valid = ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
  if (valid.length === 0) return {};
  const rows = await db.selectFrom('area_nodes').select(['id', 'name']).where('id', 'in', valid).execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
