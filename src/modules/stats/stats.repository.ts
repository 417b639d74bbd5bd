import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { ACTIVE_STATES, FINAL_STATES } from '../cases/lifecycle.ts';

/**
 * Direct aggregates over the cases table, scoped like the case list: a case counts when its
 * location lies under one of the caller's node-held cases.read paths and under the chosen node.
 * Rollups replace these once the tables grow; the definitions stay.
 */
export interface StatsScope {
  /** Paths of the caller's node-held roles that grant cases.read. */
  paths: string[];
  /** The chosen node's path, or none for everything in scope. */
  underPath?: string | undefined;
}

const likeAny = (column: string, paths: string[]) =>
  sql<SqlBool>`${sql.ref(column)} like any (${paths.map((p) => `${p}%`)}::text[])`;

function inScope(scope: StatsScope, column = 'c.location_path'): Expression<SqlBool> {
  if (scope.paths.length === 0) return sql<SqlBool>`false`;
  const visible = likeAny(column, scope.paths);
  return scope.underPath ? sql<SqlBool>`(${visible} and ${sql.ref(column)} like ${`${scope.underPath}%`})` : visible;
}

const open = sql<SqlBool>`c.state <> all (${[...FINAL_STATES]}::text[])`;
const running = sql<SqlBool>`c.state = any (${[...ACTIVE_STATES]}::text[])`;
const overdueAt = (now: Date) => sql<SqlBool>`(${running} and c.due_at <= ${now})`;
const warningAt = (now: Date) => sql<SqlBool>`(${running} and c.warn_at <= ${now} and c.due_at > ${now})`;

/** Per grid under the node (and in scope): what is open, overdue and due soon now; what came and went in the window. */
export function gridFigures(db: Kysely<DB>, scope: StatsScope, now: Date, windowStart: Date) {
  return db
    .selectFrom('area_nodes as g')
    .leftJoin('cases as c', (join) => join.onRef('c.grid_id', '=', 'g.id').on(inScope(scope)))
    .select(['g.id', 'g.code', 'g.name', 'g.parent_id'])
    .select((eb) => [
      eb.fn.count<number>('c.id').filterWhere(open).as('open'),
      eb.fn.count<number>('c.id').filterWhere(overdueAt(now)).as('overdue'),
      eb.fn.count<number>('c.id').filterWhere(warningAt(now)).as('warning'),
      eb.fn.count<number>('c.id').filterWhere('c.created_at', '>=', windowStart).as('received'),
      eb.fn.count<number>('c.id').filterWhere('c.resolved_at', '>=', windowStart).as('resolved'),
    ])
    .where('g.level', '=', 'grid')
    .where('g.retired_at', 'is', null)
    .where(inScope(scope, 'g.path'))
    .groupBy(['g.id', 'g.code', 'g.name', 'g.parent_id'])
    .orderBy('g.code')
    .execute();
}

/** The headline figures of the overview, in one pass over the cases in scope. */
export function headlineFigures(db: Kysely<DB>, scope: StatsScope, now: Date, todayStart: Date, windowStart: Date) {
  const finishedInWindow = sql<SqlBool>`(c.resolved_at >= ${windowStart} and c.due_at is not null)`;
  const ratedInWindow = sql<SqlBool>`(c.rated_at >= ${windowStart} and c.rating is not null)`;
  return db
    .selectFrom('cases as c')
    .select((eb) => [
      eb.fn.count<number>('c.id').filterWhere('c.created_at', '>=', todayStart).as('today_intake'),
      eb.fn.count<number>('c.id').filterWhere(open).as('open'),
      eb.fn.count<number>('c.id').filterWhere(overdueAt(now)).as('overdue'),
      eb.fn.count<number>('c.id').filterWhere(finishedInWindow).as('finished'),
      eb.fn
        .count<number>('c.id')
        .filterWhere(sql<SqlBool>`(${finishedInWindow} and c.resolved_at <= c.due_at)`)
        .as('finished_on_time'),
      eb.fn.count<number>('c.id').filterWhere(ratedInWindow).as('rated'),
      eb.fn.count<number>('c.id').filterWhere(sql<SqlBool>`(${ratedInWindow} and c.rating >= 4)`).as('satisfied'),
    ])
    .where(inScope(scope))
    .executeTakeFirstOrThrow();
}

/** Cases received and resolved per local day of the window. */
export async function dailyCounts(db: Kysely<DB>, scope: StatsScope, windowStart: Date, timeZone: string) {
  const day = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone ${timeZone}, 'YYYY-MM-DD')`;
  const perDay = (column: 'c.created_at' | 'c.resolved_at') =>
    db
      .selectFrom('cases as c')
      .select((eb) => [day(column).as('date'), eb.fn.countAll<number>().as('n')])
      .where(inScope(scope))
      .where(column, '>=', windowStart)
      // By position: the zone travels as a parameter, and two parameters never compare equal in GROUP BY.
      .groupBy(sql`1`)
      .execute();
  const [received, resolved] = await Promise.all([perDay('c.created_at'), perDay('c.resolved_at')]);
  return { received, resolved };
}
