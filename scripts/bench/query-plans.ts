/**
 * The query plans that matter, from the statements the application itself sends: the case list
 * service is called as each person's request would call it, its SQL caught on the way to the
 * database and run again under EXPLAIN (ANALYZE, BUFFERS). Prints Markdown for docs/query-plans.md.
 * `DATABASE_URL=... npx tsx scripts/bench/query-plans.ts > plans.md`
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { z } from 'zod';
import { loadActor } from '../../src/modules/access/access.repository.ts';
import { GridLocator } from '../../src/modules/areas/grid-locator.ts';
import { loadDayTable } from '../../src/modules/calendar/calendar.service.ts';
import { endOfLocalDay, localDate } from '../../src/modules/calendar/working-days.ts';
import type { CaseDeps } from '../../src/modules/cases/case-view.ts';
import type { listCasesQuery } from '../../src/modules/cases/cases.schemas.ts';
import { listCasesFor } from '../../src/modules/cases/cases.service.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { sharedTypeParsers } from '../../src/platform/db/type-parsers.ts';
import { DEFAULT_CITY_URL } from '../generate/database-admin.ts';
import { busiestDepartmentHandler, busiestGridWorker } from './city-accounts.ts';
import { DIRECT, FIGURES, previousDate } from './dashboard.ts';

type ListQuery = z.infer<typeof listCasesQuery>;

interface Caught {
  sql: string;
  parameters: readonly unknown[];
}

const out = (line = '') => process.stdout.write(`${line}\n`);

async function main() {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_CITY_URL;
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 2,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        sharedTypeParsers[oid] ?? pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  let caught: Caught[] = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') caught.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  const deps: CaseDeps = { db, gridLocator: new GridLocator(), dayTables: { dayTable: loadDayTable }, timeZone: 'Asia/Shanghai' };
  const client = await pool.connect();
  try {
    const { rows: size } = await client.query<{ cases: number; open: number }>(
      'select count(*)::int as cases, count(*) filter (where closed_at is null)::int as open from cases',
    );
    const userId = async (username: string) =>
      (await client.query<{ id: string }>('select id from users where username = $1', [username])).rows[0]?.id as string;
    const { rows: street } = await client.query<{ username: string; id: string }>(
      `select u.username, s.id from cases c join area_nodes s on s.id = c.street_id
         join role_assignments ra on ra.node_id = s.id and ra.role = 'street_leader' join users u on u.id = ra.user_id
        group by u.username, s.id order by count(*) desc limit 1`,
    );
    const grid = await busiestGridWorker(client);
    const department = await busiestDepartmentHandler(client);
    const leader = street[0] as { username: string; id: string };

    const explain = async (title: string, username: string, query: Partial<ListQuery>, deep = 1) => {
      const actor = await loadActor(db, await userId(username));
      if (!actor) throw new Error(`no account ${username}`);
      const full = { sort: 'newest', limit: 20, ...query } as ListQuery;
      let cursor: { at: string; id: string } | undefined;
      for (let page = 1; page < deep; page++) {
        const { rows } = await listCasesFor(deps, actor, full, cursor);
        const last = rows[full.limit - 1];
        if (!last) break;
        const at = full.sort === 'deadline' ? (last.due_at?.toISOString() ?? 'infinity') : last.created_at.toISOString();
        cursor = { at, id: last.id };
      }
      caught = [];
      await listCasesFor(deps, actor, full, cursor);
      const statement = caught.at(-1) as Caught;
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${statement.sql}`, [
        ...statement.parameters,
      ]);
      out(`### ${title}`);
      out();
      out(
        `\`${username}\`, \`GET /api/cases?${new URLSearchParams(Object.entries(full).map(([k, v]) => [k, String(v)])).toString()}\`${deep > 1 ? `, page ${deep} by its cursor` : ''}`,
      );
      out();
      out('```');
      for (const row of rows) out(row['QUERY PLAN']);
      out('```');
      out();
    };

    out(
      `Measured on ${new Date().toISOString().slice(0, 10)} against ${size[0]?.cases.toLocaleString('en')} cases (${size[0]?.open.toLocaleString('en')} not closed).`,
    );
    out();
    out(`- grid worker: ${grid.scope}, ${grid.visibleCases.toLocaleString('en')} cases`);
    out(`- department handler: ${department.scope}, ${department.visibleCases.toLocaleString('en')} cases held`);
    out();
    await explain('Grid worker: inbox, soonest deadline first', grid.username, { mine: 'inbox', sort: 'deadline' });
    await explain('Grid worker: every case of the grid, newest first', grid.username, {});
    await explain('Grid worker: the same list, page 100', grid.username, {}, 100);
    await explain('Department handler: inbox', department.username, { mine: 'inbox', sort: 'deadline' });
    await explain('Department handler: every case the department has held, page 100', department.username, {}, 100);
    await explain('Street leader: every case of the street, page 100', leader.username, {}, 100);
    await explain('Street leader: overdue cases of the street', leader.username, {
      deadline: 'overdue',
      sort: 'deadline',
      nodeId: leader.id,
    });
    await explain('Street leader: search', leader.username, { q: '电梯' });

    const now = new Date();
    const to = localDate(now, 'Asia/Shanghai');
    const from = localDate(new Date(now.getTime() - 365 * 86_400_000), 'Asia/Shanghai');
    const [fromInstant, toInstant] = [from, to].map((date) => endOfLocalDay(previousDate(date), 'Asia/Shanghai'));
    const plan = async (title: string, text: string, values: unknown[]) => {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, values);
      out(`### ${title}`);
      out();
      out('```');
      for (const row of rows) out(row['QUERY PLAN']);
      out('```');
      out();
    };
    await plan(
      'Dashboard: one street, one year, from the street rollups',
      `select ${FIGURES} from case_street_daily_rollups where street_id = $1 and day >= $2 and day < $3`,
      [leader.id, from, to],
    );
    await plan(
      'Dashboard: one street, one year, from the grid rollups',
      `select ${FIGURES} from case_daily_rollups where street_id = $1 and day >= $2 and day < $3`,
      [leader.id, from, to],
    );
    await plan('Dashboard: one street, one year, directly from the cases', `select ${DIRECT} from cases where street_id = $3`, [
      fromInstant,
      toInstant,
      leader.id,
    ]);
    await plan(
      'Dashboard: the whole city, one year, from the street rollups',
      `select ${FIGURES} from case_street_daily_rollups where day >= $1 and day < $2`,
      [from, to],
    );
    await plan('Dashboard: the whole city, one year, directly from the cases', `select ${DIRECT} from cases`, [
      fromInstant,
      toInstant,
    ]);
  } finally {
    client.release();
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
