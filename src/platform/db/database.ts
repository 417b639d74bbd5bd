import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { DB } from './schema.ts';
import { sharedTypeParsers } from './type-parsers.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** Runs a multi-statement SQL script; only migrations need this, everything else goes through Kysely. */
export interface ScriptTransaction {
  exec(script: string): Promise<void>;
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  withScriptTransaction<T>(work: (tx: ScriptTransaction) => Promise<T>): Promise<T>;
  /** PGlite only: the whole data folder as a tarball (test templates, backups). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** In-memory PGlite (tests); ignored when databaseUrl is set. */
  memory?: boolean;
  /** A PGlite data directory dumped by dumpDataDir, to start from (tests). */
  loadDataDir?: Blob;
  poolSize?: number;
  /** PostgreSQL server only: the longest a statement may run, in ms (statement_timeout). */
  statementTimeoutMs?: number | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.statementTimeoutMs);
  return openPglite(options);
}

function openPostgres(connectionString: string, max: number, statementTimeoutMs: number | undefined): Database {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5000,
    // A statement stuck behind a lock or on a slow disk gives its connection back after this
    // (answered 503 DATABASE_TIMEOUT) instead of holding it and draining the pool.
    ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        sharedTypeParsers[oid] ?? pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', () => {});
  // Nor one checked out between two statements of a transaction: its next query fails instead
  // (answered 503), and the pool drops it on release. Without this the 'error' event is unhandled.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    async withScriptTransaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({
          exec: async (script) => {
            await client.query(script);
          },
          query: async (text, params) => (await client.query(text, params)).rows,
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  let lock: DataDirLock | undefined;
  let dataDir: string | undefined;
  if (!options.memory) {
    dataDir = path.resolve(options.dataDir ?? './data', 'pglite');
    await mkdir(dataDir, { recursive: true });
    lock = await acquireDataDirLock(path.dirname(dataDir));
  }
  try {
    const pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers: sharedTypeParsers,
      // Deliberation finds similar proposals by trigram similarity (migrations/0014).
      extensions: { pg_trgm },
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    return {
      kind: 'pglite',
      db,
      withScriptTransaction: (work) =>
        pglite.transaction((tx) =>
          work({
            exec: async (script) => {
              await tx.exec(script);
            },
            query: async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows,
          }),
        ),
      dumpDataDir: async () => (await pglite.dumpDataDir('none')) as Blob,
      async close() {
        await db.destroy();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}
