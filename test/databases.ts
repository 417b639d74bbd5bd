import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { type Database, openDatabase } from '../src/platform/db/database.ts';

/**
 * Test databases: every test file gets its own copy of one migrated database holding the tiny
 * demo street, made once per run by test/global-setup.ts. TEST_DB picks the engine: 'pglite'
 * (a dumped data folder loaded into an in-memory PGlite) or 'postgres' (CREATE DATABASE ...
 * TEMPLATE on the server at TEST_DATABASE_URL).
 */
export type TestEngine = 'pglite' | 'postgres';

export const testEngine = (): TestEngine => (process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export function serverUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withServerAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  database: Database;
  /** Opens another handle on the same database (a second server instance), where the engine allows it. */
  url: string | undefined;
  drop(): Promise<void>;
}

export async function createTestDatabase(template: string): Promise<TestDatabase> {
  if (testEngine() === 'pglite') {
    const dump = await readFile(template);
    const database = await openDatabase({ memory: true, loadDataDir: new Blob([dump]) });
    return { database, url: undefined, drop: () => database.close() };
  }
  const name = `fq_test_${randomBytes(6).toString('hex')}`;
  await withServerAdmin((client) => client.query(`create database ${name} template ${template}`));
  const url = serverUrl(name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      await withServerAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}
