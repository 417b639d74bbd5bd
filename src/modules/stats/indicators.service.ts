/**
 * Indicators of a node over a period: every value with its change against the previous period,
 * trends, breakdowns (categories, children for rankings and the map, organisations). All from the
 * rollups: a street's year reads a few hundred of its own daily case rows and its indicator rows.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { localDate } from '../calendar/working-days.ts';
import * as repo from './indicator.repository.ts';
import { allValues, change, type Figures, type Value } from './indicator-values.ts';
import { canReadStats, defaultNodeId, statsScopes } from './indicators.policy.ts';
import { INDICATORS } from './indicators.ts';
import { daysIn, type PeriodKind, type Span, spanOf, trendBuckets } from './stats-span.ts';

export interface IndicatorDeps {
  db: Kysely<DB>;
  timeZone: string;
  now?: () => Date;
}

export interface PeriodQuery {
  nodeId?: string | undefined;
  period: PeriodKind;
  at?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export type Lang = 'zh-CN' | 'en';
const nowOf = (deps: IndicatorDeps) => (deps.now ? deps.now() : new Date());

export async function nodeFor(deps: IndicatorDeps, actor: Actor, nodeId: string | undefined) {
  if (statsScopes(actor).length === 0) throw forbidden('FORBIDDEN', 'You may not read figures.');
  const id = nodeId ?? defaultNodeId(actor);
  const node = id
    ? await deps.db
        .selectFrom('area_nodes')
        .select(['id', 'name', 'path', 'level', 'street_id', 'parent_id'])
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!node || !canReadStats(actor, node.path)) throw notFound('Area');
  return node;
}

export function periodOf(deps: IndicatorDeps, query: PeriodQuery) {
  const today = localDate(nowOf(deps), deps.timeZone);
  const custom = query.from && query.to ? { from: query.from, to: query.to } : undefined;
  return { ...spanOf(query.period, query.at ?? query.from ?? today, custom), today };
}

/** The figures of a node's span, per key of a breakdown ('' for the whole). */
export async function collect(
  deps: IndicatorDeps,
  node: repo.NodeRef,
  span: Span,
  by: repo.GroupBy,
): Promise<Map<string, Figures>> {
  const now = nowOf(deps);
  const today = localDate(now, deps.timeZone);
  // Overdue now is a figure of this moment, whatever the period.
  const live = by === 'none' || by === 'child' || by === 'category';
  const [cases, stats, overdue, homes] = await Promise.all([
    repo.caseSums(deps.db, node, span, by),
    repo.statSums(deps.db, node, span, by, today),
    live ? repo.overdueNow(deps.db, node, by, now) : Promise.resolve([]),
    by === 'none' || by === 'child' ? repo.households(deps.db, node, by === 'child') : Promise.resolve(new Map<string, number>()),
  ]);
  const days = daysIn(span);
  const out = new Map<string, { sums: Map<string, number>; histogram: Map<number, number>; days: number; households: number }>();
  const entry = (key: string) => {
    let figures = out.get(key);
    if (!figures) {
      figures = { sums: new Map(), histogram: new Map(), days, households: homes.get(key) ?? 0 };
      out.set(key, figures);
    }
    return figures;
  };
  for (const row of [...cases, ...stats, ...overdue]) {
    if (by !== 'none' && row.key === '') continue;
    const figures = entry(row.key);
    if (row.source === 'stat.handling_days') {
      figures.histogram.set(row.bucket, (figures.histogram.get(row.bucket) ?? 0) + row.value);
    } else {
      figures.sums.set(row.source, (figures.sums.get(row.source) ?? 0) + row.value);
    }
  }
  for (const key of homes.keys()) if (key !== '' || by === 'none') entry(key);
  return out;
}

const EMPTY: Figures = { sums: new Map(), histogram: new Map(), days: 1, households: 0 };

export type NodeRow = Awaited<ReturnType<typeof nodeFor>>;

export async function figures(deps: IndicatorDeps, actor: Actor, query: PeriodQuery) {
  return figuresAt(deps, await nodeFor(deps, actor, query.nodeId), query);
}

/** The figures of a node already allowed (a job's report has no caller). */
export async function figuresAt(deps: IndicatorDeps, node: NodeRow, query: PeriodQuery) {
  const { span, previous } = periodOf(deps, query);
  const [current, before] = await Promise.all([collect(deps, node, span, 'none'), collect(deps, node, previous, 'none')]);
  const values = allValues(current.get('') ?? { ...EMPTY, days: daysIn(span) });
  const earlier = allValues(before.get('') ?? { ...EMPTY, days: daysIn(previous) });
  return {
    node: { id: node.id, name: node.name, level: node.level },
    span,
    previous,
    indicators: INDICATORS.map((i) => {
      const value = values[i.code] as Value;
      // Overdue now is this moment's figure: it has no previous period.
      const prior = i.code === 'overdue_now' ? null : (earlier[i.code] as Value).value;
      return { code: i.code, ...value, previous: prior, change: change(i, value.value, prior) };
    }),
  };
}

export async function trend(deps: IndicatorDeps, actor: Actor, query: PeriodQuery) {
  return trendAt(deps, await nodeFor(deps, actor, query.nodeId), query);
}

export async function trendAt(deps: IndicatorDeps, node: NodeRow, query: PeriodQuery) {
  const { span } = periodOf(deps, query);
  const buckets = trendBuckets(span);
  const rows = await collect(deps, node, span, buckets.by);
  return {
    span,
    by: buckets.by,
    points: buckets.keys.map((key) => {
      const values = allValues(rows.get(key) ?? { ...EMPTY, days: buckets.by === 'day' ? 1 : 30 });
      return { key, values: Object.fromEntries(Object.entries(values).map(([code, v]) => [code, v.value])) };
    }),
  };
}

export type BreakdownBy = 'category' | 'child' | 'organisation';

export async function breakdown(deps: IndicatorDeps, actor: Actor, query: PeriodQuery & { by: BreakdownBy; lang: Lang }) {
  return breakdownAt(deps, await nodeFor(deps, actor, query.nodeId), query);
}

export async function breakdownAt(deps: IndicatorDeps, node: NodeRow, query: PeriodQuery & { by: BreakdownBy; lang: Lang }) {
  const { span } = periodOf(deps, query);
  const rows = await collect(deps, node, span, query.by);
  const names = await repo.labels(deps.db, query.by, [...rows.keys()], query.lang);
  return {
    node: { id: node.id, name: node.name, level: node.level },
    span,
    by: query.by,
    rows: [...rows]
      .map(([key, figures]) => {
        const label = names.get(key);
        const values = allValues(figures);
        return {
          key,
          name: label?.name ?? key,
          code: label?.code ?? null,
          kind: label?.kind ?? null,
          values: Object.fromEntries(Object.entries(values).map(([code, v]) => [code, v.value])),
        };
      })
      .sort((a, b) => (a.code ?? a.name).localeCompare(b.code ?? b.name)),
  };
}
