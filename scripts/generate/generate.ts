/**
 * `npm run generate -- --cases 10000000`: a city in a PostgreSQL database. Streets are generated
 * in worker threads (generate-city.ts), bulk-loaded with COPY (bulk-load.ts); the daily figures
 * are counted while generating. See GENERATE_USAGE for the flags.
 */
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';
import { loadDayTable, seedNationalCalendar } from '../../src/modules/calendar/calendar.service.ts';
import { deadlinePolicies, trackingSecret } from '../../src/modules/cases/cases.repository.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { hashPassword } from '../../src/platform/security/password.ts';
import { cityLayout, planAdmin, planDistrict } from './city-plan.ts';
import { stampCity } from './city-stamp.ts';
import { createDatabase, databaseExists, dropDatabase } from './database-admin.ts';
import { type CityResult, generateCity } from './generate-city.ts';
import { type GenerateOptions, generateOptions } from './generate-options.ts';
import { checkStreetRollups } from './verify-rollups.ts';
import type { WorkerSetup } from './worker-protocol.ts';

const TIME_ZONE = process.env.STREET_TIMEZONE || 'Asia/Shanghai';
const DAY_MS = 86_400_000;

/** A database to fill: created when missing, dropped and created afresh with --reset; one holding data is refused. */
async function prepareDatabase(options: GenerateOptions, log: (line: string) => void) {
  if (await databaseExists(options.databaseUrl)) {
    if (options.reset) {
      log('dropping the existing database (--reset)');
      await dropDatabase(options.databaseUrl);
    } else {
      await refuseIfUsed(options.databaseUrl);
      return;
    }
  }
  await createDatabase(options.databaseUrl);
}

async function refuseIfUsed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>("select to_regclass('area_nodes') is not null as exists");
    if (!rows[0]?.exists || (await client.query('select 1 from area_nodes limit 1')).rowCount === 0) return;
  } finally {
    await client.end();
  }
  throw new Error(`${url} already holds data: add --reset to drop it and generate afresh.`);
}

async function workerSetup(db: Kysely<DB>, options: GenerateOptions): Promise<WorkerSetup> {
  const layout = cityLayout(options.streets);
  const district = planDistrict(layout);
  const categories = await db.selectFrom('case_categories').selectAll().where('retired_at', 'is', null).execute();
  const responsePolicies = await db.selectFrom('response_policies').selectAll().execute();
  const table = await loadDayTable(db, null);
  return {
    district,
    admin: planAdmin(district),
    layout,
    categories: categories.map((c) => ({
      id: c.id,
      parentId: c.parent_id,
      code: c.code,
      kind: c.kind,
      departmentCode: c.department_code,
    })),
    policies: await deadlinePolicies(db),
    responsePolicies: responsePolicies.map((p) => ({ priority: p.priority, hours: p.hours, workingDays: p.working_days })),
    calendar: {
      holidays: [...table.holidays],
      makeupWorkdays: [...table.makeupWorkdays],
      knownYears: [...table.knownYears],
    },
    timeZone: TIME_ZONE,
    trackingSecret: await trackingSecret(db),
    passwordHash: await hashPassword(DEMO_PASSWORD),
    nowMs: Date.now(),
    days: Math.round(options.years * 365),
  };
}

function report(result: CityResult, options: GenerateOptions, log: (line: string) => void) {
  const n = (x: number) => x.toLocaleString('en');
  const s = result.summary;
  log(
    `${n(options.streets)} streets, ${n(s.grids)} grids, ${n(s.residents)} residents; ${n(s.cases)} cases ` +
      `(${n(s.openCases)} not yet closed), ${n(s.events)} case events, ${n(s.rollupRows)} daily rollup rows, ${n(s.notifications)} notifications`,
  );
  log(
    `rows written: ${Object.entries(result.rows)
      .map(([table, rows]) => `${table} ${n(rows)}`)
      .join(', ')}`,
  );
  log(`accounts: admin, and per street s001.leader, s001.grid, s001.dept, s001.resident, ... (password ${DEMO_PASSWORD})`);
}

async function main() {
  const log = (line: string) => process.stdout.write(`[generate] ${line}\n`);
  const options = generateOptions(process.argv.slice(2), process.env);
  const started = performance.now();
  log(
    `${options.cases.toLocaleString('en')} cases over ${options.years} years in ${options.streets} streets into ${options.databaseUrl}`,
  );
  await prepareDatabase(options, log);
  const database = await openDatabase({ databaseUrl: options.databaseUrl, poolSize: 2 });
  let setup: WorkerSetup;
  try {
    await migrate(database);
    await seedNationalCalendar(database.db);
    setup = await workerSetup(database.db, options);
  } finally {
    await database.close();
  }
  const result = await generateCity(options, setup, log);
  report(result, options, log);
  const days = Math.round(options.years * 365);
  log(`cases from ${new Date(setup.nowMs - days * DAY_MS).toISOString().slice(0, 10)} to now`);
  const seconds = (performance.now() - started) / 1000;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const { cases, streets, years, seed } = options;
    await stampCity(client, options.databaseUrl, { cases, streets, years, seed, generatedAt: new Date().toISOString(), seconds });
  } finally {
    await client.end();
  }
  log(`done in ${seconds.toFixed(1)} s`);
  if (options.verify > 0) await verify(options, log);
}

/** Compares some streets' rollups with what the rebuild makes of them. */
async function verify(options: GenerateOptions, log: (line: string) => void) {
  const database = await openDatabase({ databaseUrl: options.databaseUrl, poolSize: 2 });
  try {
    const streets = await database.db
      .selectFrom('area_nodes')
      .select('id')
      .where('level', '=', 'street')
      .orderBy('code')
      .limit(options.verify)
      .execute();
    for (const street of streets) {
      const check = await checkStreetRollups(database.db, TIME_ZONE, street.id);
      const agrees = check.differences === 0 && check.streetDifferences === 0;
      log(
        `rollups of street ${street.id}: ${check.rows} rows, ${agrees ? 'the same as the rebuild makes' : `${check.differences} differ from the rebuild, ${check.streetDifferences} street sums differ`}`,
      );
      if (!agrees) process.exitCode = 1;
    }
    // The rolled-back rebuilds moved every street row of their streets many times over: compact the
    // small street table again, or a whole-city dashboard reads several times its size.
    await sql`vacuum (full, analyze) case_street_daily_rollups`.execute(database.db);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[generate] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
