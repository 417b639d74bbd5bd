/**
 * Early warning and figures. Warnings: disputes in scope still being worked on that are high
 * risk or open longer than 30 days. Figures of the disputes received at a node in a period:
 * received, mediated (agreement, partial agreement or failure), success rate = (agreement +
 * partial) / mediated, yuan recovered (paid on the current agreement's instalments), people involved.
 */
import { TZDate } from '@date-fns/tz';
import { sql } from 'kysely';
import type { z } from 'zod';
import { badRequest } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { LONG_RUNNING_DAYS, MEDIATED_OUTCOMES, OPEN_STATES, SUCCESSFUL_OUTCOMES } from './dispute-rules.ts';
import { presentSummary } from './dispute-views.service.ts';
import type { figuresQuery } from './disputes.schemas.ts';
import { readScopes } from './mediation.policy.ts';
import { type Db, type MediationDeps, nodeOf, nowOf } from './mediation.shared.ts';

export async function warnings(deps: MediationDeps, actor: Actor) {
  const scopes = readScopes(actor);
  if (scopes.length === 0) return { items: [] };
  const now = nowOf(deps);
  const longAgo = new Date(now.getTime() - LONG_RUNNING_DAYS * 86_400_000);
  const rows = await deps.db
    .selectFrom('disputes as d')
    .innerJoin('area_nodes as n', 'n.id', 'd.node_id')
    .selectAll('d')
    .select('n.name as node_name')
    .where((eb) => eb.or(scopes.map((scope) => eb('d.location_path', 'like', `${scope}%`))))
    .where('d.state', 'in', [...OPEN_STATES])
    .where((eb) => eb.or([eb('d.risk_level', '=', 'high'), eb('d.opened_at', '<', longAgo)]))
    .orderBy(sql`d.risk_level = 'high'`, 'desc')
    .orderBy('d.opened_at')
    .limit(200)
    .execute();
  return {
    items: rows.map((row) => ({
      ...presentSummary(row, row.node_name, now),
      reasons: [
        ...(row.risk_level === 'high' ? (['high_risk'] as const) : []),
        ...(row.opened_at < longAgo ? (['long_running'] as const) : []),
      ],
    })),
  };
}

const LABELS: Record<string, string> = {};

/** The local midnight of a date in the zone, as an instant: periods are whole local days. */
const startOfDay = (date: string, timeZone: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, timeZone).getTime());
};

export async function figures(deps: MediationDeps, actor: Actor, query: z.infer<typeof figuresQuery>) {
  const { db } = deps;
  const scopes = readScopes(actor);
  let paths: string[];
  let depth = 0;
  if (query.nodeId) {
    const node = await nodeOf(db, query.nodeId);
    if (!scopes.some((scope) => node.path.startsWith(scope))) throw badRequest('NODE_NOT_FOUND', 'Choose an area.', 'nodeId');
    paths = [node.path];
    depth = node.path.split('/').filter(Boolean).length;
  } else {
    paths = scopes;
    depth = Math.min(...scopes.map((p) => p.split('/').filter(Boolean).length));
  }
  const from = startOfDay(query.from, deps.timeZone);
  const to = new Date(startOfDay(query.to, deps.timeZone).getTime() + 86_400_000);
  const key =
    query.by === 'type'
      ? sql<string>`d.type`
      : query.by === 'level'
        ? sql<string>`d.level`
        : // A literal, not a parameter: the grouped expression must read the same in select, group by and order by.
          sql<string>`split_part(d.location_path, '/', ${sql.lit(Math.trunc(depth) + 2)})`;
  const rows =
    paths.length === 0
      ? []
      : await db
          .selectFrom('disputes as d')
          .leftJoinLateral(
            (eb) =>
              eb
                .selectFrom('dispute_instalments as i')
                .select((e) => e.fn.sum<number>('i.paid_fen').as('paid'))
                .whereRef('i.dispute_id', '=', 'd.id')
                .where(
                  'i.agreement_id',
                  '=',
                  eb
                    .selectFrom('dispute_agreements as a')
                    .select('a.id')
                    .whereRef('a.dispute_id', '=', 'd.id')
                    .orderBy('a.version', 'desc')
                    .limit(1),
                )
                .as('p'),
            (join) => join.onTrue(),
          )
          .select([
            key.as('key'),
            sql<number>`count(*)`.as('received'),
            sql<number>`count(*) filter (where d.outcome = any(${sql.val([...MEDIATED_OUTCOMES])}::text[]))`.as('mediated'),
            sql<number>`count(*) filter (where d.outcome = any(${sql.val([...SUCCESSFUL_OUTCOMES])}::text[]))`.as('successful'),
            sql<number>`coalesce(sum(p.paid), 0)`.as('recovered_fen'),
            sql<number>`coalesce(sum(d.people_involved), 0)`.as('people'),
          ])
          .where((eb) => eb.or(paths.map((path) => eb('d.location_path', 'like', `${path}%`))))
          .where('d.opened_at', '>=', from)
          .where('d.opened_at', '<', to)
          .groupBy(key)
          .orderBy(key)
          .execute();
  const labels =
    query.by === 'node'
      ? await nodeNames(
          db,
          rows.map((r) => r.key),
        )
      : LABELS;
  const shape = (r: { received: number; mediated: number; successful: number; recovered_fen: number; people: number }) => {
    const mediated = Number(r.mediated);
    const successful = Number(r.successful);
    return {
      received: Number(r.received),
      mediated,
      successful,
      successRate: mediated === 0 ? null : Math.round((successful / mediated) * 10_000) / 10_000,
      amountRecovered: Number(r.recovered_fen) / 100,
      peopleInvolved: Number(r.people),
    };
  };
  const sum = (field: 'received' | 'mediated' | 'successful' | 'recovered_fen' | 'people') =>
    rows.reduce((total, r) => total + Number(r[field]), 0);
  return {
    from: query.from,
    to: query.to,
    totals: shape({
      received: sum('received'),
      mediated: sum('mediated'),
      successful: sum('successful'),
      recovered_fen: sum('recovered_fen'),
      people: sum('people'),
    }),
    rows: rows.map((r) => ({ key: r.key, label: labels[r.key] ?? r.key, ...shape(r) })),
  };
}

async function nodeNames(db: Db, ids: string[]): Promise<Record<string, string>> {
  const valid = ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
  if (valid.length === 0) return {};
  const rows = await db.selectFrom('area_nodes').select(['id', 'name']).where('id', 'in', valid).execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
