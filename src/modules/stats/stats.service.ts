import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Assignment } from '../access/access.policy.ts';
import { requirePermission } from '../access/authorize.ts';
import { getArea } from '../areas/areas.service.ts';
import * as repo from './stats.repository.ts';
import { statsPeriod, WINDOW_DAYS } from './stats-period.ts';

export interface StatsDeps {
  db: Kysely<DB>;
  timeZone: string;
  now?: () => Date;
}

const WINDOW = `the last ${WINDOW_DAYS} local days, today included`;

export const GRID_DEFINITIONS = {
  open: 'Cases not closed, rejected or merged as a duplicate, now',
  overdue: 'Active cases (not resolved, suspended or finished) whose deadline has passed, now',
  warning: 'Active cases past their warning time whose deadline has not yet passed, now',
  received30d: `Cases received in ${WINDOW}`,
  resolved30d: `Cases resolved in ${WINDOW}`,
};

export const OVERVIEW_DEFINITIONS = {
  todayIntake: "Cases received since local midnight in the street's zone",
  open: GRID_DEFINITIONS.open,
  overdue: GRID_DEFINITIONS.overdue,
  onTimeRate: `Cases resolved in ${WINDOW} with resolved_at <= due_at / cases resolved in that window that had a deadline`,
  satisfaction: `Ratings of 4-5 / all ratings given in ${WINDOW}`,
  trend: `Per local day of ${WINDOW}: cases received and cases resolved`,
};

/** Node-held roles only, as in the case list: an organisation's role sees its own cases, not its node's. */
const readPaths = (assignments: Assignment[]) =>
  assignments.filter((a) => a.organisationId === null && a.permissions.includes('cases.read')).map((a) => a.scopePath);

/** The cases the figures may count: the caller's reading scope, narrowed to a node they may see (else 404). */
async function scopeOf(deps: StatsDeps, actor: Actor, nodeId: string | undefined): Promise<repo.StatsScope> {
  requirePermission(actor, 'cases.read');
  const paths = readPaths(actor.assignments);
  if (!nodeId) return { paths };
  const { node } = await getArea(deps.db, actor, nodeId);
  return { paths, underPath: node.path };
}

const nowOf = (deps: StatsDeps) => (deps.now ? deps.now() : new Date());

export async function gridStats(deps: StatsDeps, actor: Actor, nodeId: string | undefined) {
  const scope = await scopeOf(deps, actor, nodeId);
  const now = nowOf(deps);
  const rows = await repo.gridFigures(deps.db, scope, now, statsPeriod(now, deps.timeZone).windowStart);
  return {
    asOf: now,
    items: rows.map((row) => ({
      grid: { id: row.id, code: row.code, name: row.name, communityId: row.parent_id },
      open: row.open,
      overdue: row.overdue,
      warning: row.warning,
      received30d: row.received,
      resolved30d: row.resolved,
    })),
    definitions: GRID_DEFINITIONS,
  };
}

const rate = (numerator: number, denominator: number) => ({
  value: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
});

export async function overview(deps: StatsDeps, actor: Actor, nodeId: string | undefined) {
  const scope = await scopeOf(deps, actor, nodeId);
  const now = nowOf(deps);
  const period = statsPeriod(now, deps.timeZone);
  const [head, daily] = await Promise.all([
    repo.headlineFigures(deps.db, scope, now, period.todayStart, period.windowStart),
    repo.dailyCounts(deps.db, scope, period.windowStart, deps.timeZone),
  ]);
  const received = new Map(daily.received.map((row) => [row.date, row.n]));
  const resolved = new Map(daily.resolved.map((row) => [row.date, row.n]));
  return {
    asOf: now,
    today: period.today,
    todayIntake: head.today_intake,
    open: head.open,
    overdue: head.overdue,
    onTimeRate: rate(head.finished_on_time, head.finished),
    satisfaction: rate(head.satisfied, head.rated),
    trend: period.days.map((date) => ({ date, received: received.get(date) ?? 0, resolved: resolved.get(date) ?? 0 })),
    definitions: OVERVIEW_DEFINITIONS,
  };
}
