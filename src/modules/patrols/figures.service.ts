/**
 * Patrol figures for a node and a period: hazards found (reported in the period, neither merged
 * as a duplicate nor rejected), how many of those are rectified now, how many are overdue now, the
 * rectification rate, by area, hazard type, responsible party or patrol team; runs, check-ins and missed runs; each partner's activity.
 * Counted directly from the hazards of the node (a street's few thousand); the statistics layer
 * will serve them from rollups at city scale.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { type Actor, pathIds } from '../access/access.policy.ts';
import { endOfLocalDay, localDate } from '../calendar/working-days.ts';
import { rectificationRate } from './hazard-rules.ts';
import type { FIGURE_DIMENSIONS, figuresQuery } from './hazards.schemas.ts';
import { expectedRunDates, shiftDate } from './patrol-schedule.ts';
import { canRead, readScopes } from './patrols.policy.ts';

type Db = Kysely<DB>;
type Lang = 'zh-CN' | 'en';
type Dimension = (typeof FIGURE_DIMENSIONS)[number];

async function nodeFor(db: Db, actor: Actor, nodeId: string | undefined) {
  const id = nodeId ?? pathIds(readScopes(actor)[0] ?? '').at(-1);
  if (!id) throw notFound('Area');
  const node = await db.selectFrom('area_nodes').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirst();
  if (!node || !canRead(actor, node.path)) throw notFound('Area');
  return node;
}

/** What each breakdown groups by: its key, its label and the join that brings them. */
function dimension(
  by: Dimension,
  nodeId: string,
  lang: Lang,
): { key: RawBuilder<unknown>; label: RawBuilder<unknown>; join: RawBuilder<unknown> } {
  switch (by) {
    case 'node':
      return {
        key: sql`ch.id::text`,
        label: sql`ch.name`,
        join: sql`join area_nodes ch on ch.parent_id = ${nodeId} and k.location_path like ch.path || '%'`,
      };
    case 'category':
      return {
        key: sql`cat.id::text`,
        label: lang === 'en' ? sql`cat.name_en` : sql`cat.name_zh`,
        join: sql`join case_categories cat on cat.id = k.category_id`,
      };
    case 'party':
      return {
        key: sql`o.party_name`,
        label: sql`coalesce(o.party_name, '')`,
        join: sql`left join lateral (select party_name from hazard_orders where case_id = k.id order by round desc limit 1) o on true`,
      };
    case 'team':
      return {
        key: sql`t.id::text`,
        label: sql`coalesce(t.name, '')`,
        join: sql`left join patrol_findings f on f.case_id = k.id left join patrol_runs r on r.id = f.run_id left join patrol_teams t on t.id = r.team_id`,
      };
  }
}

interface Counted {
  found: number | string;
  rectified: number | string;
  overdue: number | string;
}
const counts = (row: Counted | undefined) => {
  const found = Number(row?.found ?? 0);
  const rectified = Number(row?.rectified ?? 0);
  return { found, rectified, overdue: Number(row?.overdue ?? 0), rate: rectificationRate(found, rectified) };
};

const MEASURES = sql`count(*) as found, count(k.rectified_at) as rectified,
  count(*) filter (where k.due_at < now() and k.state in ('reported', 'accepted', 'assigned', 'in_progress', 'escalated', 'returned')) as overdue`;

/** Expected runs of the node's plans in the period (up to yesterday) that never took place. */
async function missedRuns(db: Db, path: string, from: string, to: string, today: string) {
  const last = to < today ? to : shiftDate(today, -1);
  if (last < from) return 0;
  const plans = await db
    .selectFrom('patrol_plans as pl')
    .innerJoin('area_nodes as c', 'c.id', 'pl.community_id')
    .select(['pl.id', 'pl.frequency', 'pl.weekdays', 'pl.starts_on', 'pl.ends_on'])
    .where('c.path', 'like', `${path}%`)
    .where('pl.retired_at', 'is', null)
    .execute();
  if (plans.length === 0) return 0;
  const done = await db
    .selectFrom('patrol_runs')
    .select(['plan_id', 'run_date'])
    .distinct()
    .where(
      'plan_id',
      'in',
      plans.map((p) => p.id),
    )
    .where('run_date', '>=', from)
    .where('run_date', '<=', last)
    .execute();
  const doneKeys = new Set(done.map((d) => `${d.plan_id} ${d.run_date}`));
  return plans.reduce((sum, plan) => {
    const schedule = { frequency: plan.frequency, weekdays: plan.weekdays, startsOn: plan.starts_on, endsOn: plan.ends_on };
    return sum + expectedRunDates(schedule, from, last).filter((date) => !doneKeys.has(`${plan.id} ${date}`)).length;
  }, 0);
}

export async function patrolFigures(
  db: Db,
  actor: Actor,
  query: z.infer<typeof figuresQuery>,
  lang: Lang,
  timeZone: string,
  now: Date,
) {
  const node = await nodeFor(db, actor, query.nodeId);
  if (query.to > shiftDate(query.from, 366)) throw badRequest('PERIOD_TOO_LONG', 'Choose a period of at most a year.', 'to');
  // A merged duplicate or a rejected report is not a hazard found.
  const where = sql`k.kind = 'hazard' and k.state not in ('duplicate', 'rejected') and k.location_path like ${`${node.path}%`}
    and k.created_at >= ${endOfLocalDay(shiftDate(query.from, -1), timeZone)} and k.created_at < ${endOfLocalDay(query.to, timeZone)}`;
  const { key, label, join } = dimension(query.by, node.id, lang);
  const runWhere = sql`c.path like ${`${node.path}%`} and r.run_date between ${query.from} and ${query.to}`;
  const [totals, rows, runs, partners, missed] = await Promise.all([
    sql<Counted>`select ${MEASURES} from cases k where ${where}`.execute(db),
    sql<Counted & { key: string | null; label: string }>`
      select ${key} as key, ${label} as label, ${MEASURES} from cases k ${join} where ${where}
      group by 1, 2 order by found desc, label`.execute(db),
    sql<{ runs: number; checkins: number }>`
      select count(*) as runs, coalesce(sum((select count(*) from patrol_checkins ci where ci.run_id = r.id)), 0) as checkins
      from patrol_runs r join patrol_plans pl on pl.id = r.plan_id join area_nodes c on c.id = pl.community_id where ${runWhere}`.execute(
      db,
    ),
    sql<{ user_id: string; name: string; runs: number; checkins: number; findings: number }>`
      select r.started_by as user_id, u.display_name as name, count(*) as runs,
        sum((select count(*) from patrol_checkins ci where ci.run_id = r.id)) as checkins,
        sum((select count(*) from patrol_findings pf where pf.run_id = r.id)) as findings
      from patrol_runs r join patrol_plans pl on pl.id = r.plan_id join area_nodes c on c.id = pl.community_id
      join users u on u.id = r.started_by
      where ${runWhere} group by 1, 2 order by runs desc, name limit 100`.execute(db),
    missedRuns(db, node.path, query.from, query.to, localDate(now, timeZone)),
  ]);
  return {
    from: query.from,
    to: query.to,
    totals: {
      ...counts(totals.rows[0]),
      runs: Number(runs.rows[0]?.runs ?? 0),
      checkins: Number(runs.rows[0]?.checkins ?? 0),
      missedRuns: missed,
    },
    rows: rows.rows.map((row) => ({ key: row.key, label: row.label, ...counts(row) })),
    partners: partners.rows.map((p) => ({
      userId: p.user_id,
      name: p.name,
      runs: Number(p.runs),
      checkins: Number(p.checkins),
      findings: Number(p.findings),
    })),
  };
}
