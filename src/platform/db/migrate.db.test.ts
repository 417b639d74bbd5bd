import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { serverUrl, testEngine, withServerAdmin } from '../../../test/databases.ts';
import { DataDirLockedError } from './data-dir-lock.ts';
import { type Database, openDatabase } from './database.ts';
import { loadMigrations, migrate } from './migrate.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** An empty database of the engine under test, dropped after the file. */
async function emptyDatabase(): Promise<{ open: () => Promise<Database> }> {
  if (testEngine() === 'pglite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'fq-migrate-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return { open: () => openDatabase({ dataDir: dir }) };
  }
  const name = `fq_migrate_${randomBytes(5).toString('hex')}`;
  await withServerAdmin((client) => client.query(`create database ${name}`));
  cleanups.push(() => withServerAdmin((client) => client.query(`drop database if exists ${name} with (force)`)));
  return { open: () => openDatabase({ databaseUrl: serverUrl(name), poolSize: 3 }) };
}

const tables = async (database: Database) =>
  (
    await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = 'public' order by 1`.execute(database.db)
  ).rows.map((row) => row.t);

describe('migrations', () => {
  it('build the whole schema on an empty database, then find nothing pending', async () => {
    const empty = await emptyDatabase();
    const database = await empty.open();
    try {
      const all = await loadMigrations();
      expect(await migrate(database)).toEqual(all.map((m) => m.version));
      expect(await tables(database)).toEqual(
        expect.arrayContaining(['area_nodes', 'residents', 'users', 'role_assignments', 'events']),
      );
      expect(await migrate(database)).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('apply only the new one to an existing database, and keep its data across a restart', async () => {
    const empty = await emptyDatabase();
    let database = await empty.open();
    await migrate(database);
    await database.db.insertInto('roles').values({ code: 'kept_role', held_at: 'node' }).execute();
    await database.close();

    database = await empty.open();
    try {
      const extra = {
        version: 9999,
        name: 'add_note',
        sql: 'create table test_notes (id int primary key); insert into test_notes values (1);',
      };
      expect(await migrate(database, [...(await loadMigrations()), extra])).toEqual([9999]);
      expect(await database.db.selectFrom('roles').select('code').where('code', '=', 'kept_role').execute()).toHaveLength(1);
    } finally {
      await database.close();
    }
  });

  it('leave nothing behind when a migration fails half way', async () => {
    const empty = await emptyDatabase();
    const database = await empty.open();
    try {
      await migrate(database);
      const broken = { version: 9998, name: 'broken', sql: 'create table half_done (id int); select no_such_function();' };
      await expect(migrate(database, [...(await loadMigrations()), broken])).rejects.toThrow();
      expect(await tables(database)).not.toContain('half_done');
      const versions = await sql<{ version: number }>`select version from schema_migrations`.execute(database.db);
      expect(versions.rows.map((row) => row.version)).not.toContain(9998);
    } finally {
      await database.close();
    }
  });

  it.runIf(testEngine() === 'postgres')('run once when two instances start together', async () => {
    const empty = await emptyDatabase();
    const [a, b] = await Promise.all([empty.open(), empty.open()]);
    try {
      const results = await Promise.all([migrate(a), migrate(b)]);
      const all = (await loadMigrations()).map((m) => m.version);
      expect(results.flat().sort((x, y) => x - y)).toEqual(all);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe.runIf(testEngine() === 'pglite')('the embedded data folder', () => {
  it('refuses a second server on the same folder with a clear message', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fq-lock-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const first = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirLockedError);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by another Fengqiao server/);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });
});
