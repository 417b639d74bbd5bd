import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Database } from '../db/database.ts';
import { copyFiles, type FileEntry, packTar, pgProgram, runProgram, sha256File } from './archive.ts';
import { fingerprintTables, migrationLevel, type Query, type TableFingerprint } from './fingerprint.ts';

/**
 * A backup: the database (pg_dump's custom format from a PostgreSQL server, the data folder of
 * embedded PGlite), the photo files, and a manifest saying what is in it, in one tar archive.
 * On the server the manifest's figures and the dump come from one exported snapshot, so they
 * agree even while the app keeps writing. Photo files are copied after that snapshot: a photo row
 * is written only after its file, so every photo the dump knows has its file in the archive.
 */
export const BACKUP_FORMAT = 'fengqiao-backup/1';

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  appVersion: string;
  engine: Database['kind'];
  createdAt: string;
  migration: { version: number; name: string };
  database: { file: string; bytes: number; sha256: string };
  tables: Record<string, TableFingerprint>;
  files: { count: number; bytes: number; entries: FileEntry[] };
}

export interface BackupOptions {
  database: Database;
  /** The server's URL when database is on PostgreSQL: pg_dump connects to it. */
  databaseUrl?: string | undefined;
  /** The photo store's folder (DATA_DIR/files). */
  filesDir: string;
  out: string;
  appVersion: string;
}

export async function createBackup(options: BackupOptions): Promise<Manifest> {
  const staging = await mkdtemp(path.join(tmpdir(), 'fq-backup-'));
  try {
    const dumped =
      options.database.kind === 'postgres'
        ? await dumpServer(requireUrl(options.databaseUrl), staging)
        : await dumpPglite(options.database, staging);
    const entries = await copyFiles(options.filesDir, path.join(staging, 'files'));
    const file = path.join(staging, dumped.file);
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      appVersion: options.appVersion,
      engine: options.database.kind,
      createdAt: new Date().toISOString(),
      migration: dumped.migration,
      database: { file: dumped.file, bytes: (await stat(file)).size, sha256: await sha256File(file) },
      tables: dumped.tables,
      files: { count: entries.length, bytes: entries.reduce((sum, e) => sum + e.bytes, 0), entries },
    };
    await writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await packTar(staging, path.resolve(options.out));
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function requireUrl(url: string | undefined): string {
  if (!url) throw new Error('A backup of a PostgreSQL server needs its URL (DATABASE_URL).');
  return url;
}

/** pg_dump inside the snapshot the fingerprints were read in. */
async function dumpServer(url: string, staging: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]?.id as string;
    const query: Query = async (text, params) => (await client.query(text, params as unknown[])).rows;
    const tables = await fingerprintTables(query);
    const migration = await migrationLevel(query);
    const file = 'database.pgdump';
    await runProgram(pgProgram('pg_dump'), [
      '--format=custom',
      `--snapshot=${snapshot}`,
      '--no-owner',
      '--file',
      path.join(staging, file),
      url,
    ]);
    await client.query('commit');
    return { file, tables, migration };
  } finally {
    await client.end();
  }
}

/** PGlite's own dump of its data folder, read in the same single connection as the fingerprints. */
async function dumpPglite(database: Database, staging: string) {
  if (!database.dumpDataDir) throw new Error('This database cannot dump its data folder.');
  const query: Query = (text, params) => database.withScriptTransaction((tx) => tx.query(text, params));
  const tables = await fingerprintTables(query);
  const migration = await migrationLevel(query);
  const file = 'pglite-data.tar';
  const blob = await database.dumpDataDir();
  await writeFile(path.join(staging, file), Buffer.from(await blob.arrayBuffer()));
  return { file, tables, migration };
}
