import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl, testEngine, withServerAdmin } from '../../test/databases.ts';
import { GridLocator } from '../modules/areas/grid-locator.ts';
import { loadDayTable, seedNationalCalendar } from '../modules/calendar/calendar.service.ts';
import type { CaseDeps } from '../modules/cases/case-view.ts';
import { runDeadlineJobs } from '../modules/cases/deadline-scheduler.ts';
import { hashTrackingCode, trackingCodeFor } from '../modules/cases/tracking.ts';
import { type Database, openDatabase } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { type SeedResult, seedDemoIfEmpty } from './seed-demo.ts';
import { TINY_SCALE } from './street-plan.ts';

let database: Database;
let seeded: SeedResult;
let migratedSchema: string[];
let drop = async () => {};

/** A fresh, empty database of the engine under test: the template already holds a seeded street. */
beforeAll(async () => {
  if (testEngine() === 'pglite') database = await openDatabase({ memory: true });
  else {
    const name = `fq_history_${randomBytes(5).toString('hex')}`;
    await withServerAdmin((client) => client.query(`create database ${name}`));
    database = await openDatabase({ databaseUrl: serverUrl(name), poolSize: 3 });
    drop = () => withServerAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {});
  }
  await migrate(database);
  await seedNationalCalendar(database.db);
  migratedSchema = await schemaOf(database);
  seeded = await seedDemoIfEmpty(database, TINY_SCALE);
});
afterAll(async () => {
  await database.close();
  await drop();
});

/** Every index, constraint and trigger of the schema, as the database describes them. */
async function schemaOf(database: Database): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    select tablename || ' ' || indexdef as line from pg_indexes where schemaname = current_schema()
    union all
    select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
    where connamespace = current_schema()::regnamespace
    union all
    select tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text from pg_trigger where not tgisinternal
    order by 1`.execute(database.db);
  return rows.map((r) => r.line);
}

const count = async (table: 'cases' | 'case_contacts' | 'notifications' | 'case_org_access' | 'patrol_findings') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const caseEvents = async () =>
  Number(
    (
      await database.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entity_type', '=', 'case')
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('seeding the demo street with its case history', () => {
  it('writes the cases, the hazards found on patrol besides, their timelines, contacts and notifications, and says how many', async () => {
    expect(seeded.seeded).toBe(true);
    const cases = TINY_SCALE.cases + (await count('patrol_findings'));
    expect(await count('cases')).toBe(cases);
    expect(seeded.counts).toMatchObject({ cases, 'case events': await caseEvents() });
    expect(await caseEvents()).toBeGreaterThan(TINY_SCALE.cases * 3);
    expect(await count('case_contacts')).toBeGreaterThan(0);
    expect(await count('notifications')).toBe(seeded.counts.notifications);
    expect(await count('case_org_access')).toBeGreaterThan(0);
  });

  it('numbers the cases per year up to the counter, and gives each a tracking code of this installation', async () => {
    const counters = await database.db.selectFrom('case_counters').selectAll().execute();
    const cases = await database.db.selectFrom('cases').select(['id', 'number', 'tracking_hash']).orderBy('number').execute();
    for (const { year, last } of counters) {
      expect(cases.filter((c) => c.number.startsWith(`${year}-`)).at(-1)?.number).toBe(
        `${year}-${String(last).padStart(6, '0')}`,
      );
    }
    const secret = await database.db
      .selectFrom('server_secrets')
      .select('value')
      .where('name', '=', 'tracking')
      .executeTakeFirstOrThrow();
    expect(cases.every((c) => c.tracking_hash === hashTrackingCode(trackingCodeFor(secret.value, c.id)))).toBe(true);
  });

  it('writes each timeline oldest first, so event ids grow with time', async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from (
        select at < lag(at) over (partition by entity_id order by id) as backwards from events where entity_type = 'case'
      ) t where backwards`.execute(database.db);
    expect(rows[0]?.n).toBe(0);
  });

  it('leaves the deadline jobs nothing of the history to claim, only what falls due from now on', async () => {
    const deps: CaseDeps = {
      db: database.db,
      gridLocator: new GridLocator(),
      dayTables: { dayTable: loadDayTable },
      timeZone: 'Asia/Shanghai',
    };
    const claimed = await runDeadlineJobs(deps);
    expect(Object.values(claimed).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
    const { n } = await database.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('warned_at', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBeGreaterThan(0);
  });

  it('leaves every index, key and trigger it set aside for the bulk load as the migrations made them', async () => {
    expect(await schemaOf(database)).toEqual(migratedSchema);
  });

  it('seeds nothing a second time', async () => {
    expect(await seedDemoIfEmpty(database, TINY_SCALE)).toMatchObject({ seeded: false });
    expect(await count('cases')).toBe(seeded.counts.cases);
  });
});
