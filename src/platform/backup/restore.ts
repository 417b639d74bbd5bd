import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/database.ts';
import { copyFiles, pgProgram, runProgram, sha256File, unpackTar } from './archive.ts';
import { BACKUP_FORMAT, type Manifest } from './backup.ts';
import { fingerprintTables, type Query, type TableFingerprint } from './fingerprint.ts';

/**
 * Restores an archive into an empty place: a PostgreSQL database (pg_restore) or a PGlite data
 * folder, and the photo files. Every checksum is verified before anything is written; a target
 * that already holds data is refused unless `force` (which empties it first). Afterwards every
 * table's fingerprint is compared with the manifest.
 */
export type RestoreTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export interface RestoreOptions {
  archive: string;
  target: RestoreTarget;
  filesDir: string;
  force?: boolean;
}

export interface RestoreResult {
  manifest: Manifest;
  /** Tables whose rows after the restore differ from the manifest (none when all is well). */
  mismatches: string[];
}

export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const staging = await mkdtemp(path.join(tmpdir(), 'fq-restore-'));
  try {
    await unpackTar(path.resolve(options.archive), staging);
    const manifest = await checkedManifest(staging);
    if (manifest.engine !== options.target.kind)
      throw new RestoreRefusedError(
        `This backup is of ${manifest.engine}; restore it into ${manifest.engine === 'postgres' ? 'a PostgreSQL database (DATABASE_URL)' : 'a data folder (DATA_DIR, no DATABASE_URL)'}.`,
      );
    await refuseNonEmpty(options);
    const dump = path.join(staging, manifest.database.file);
    const target = options.target;
    const query = target.kind === 'postgres' ? await restoreServer(target.url, dump) : await restorePglite(target.dataDir, dump);
    try {
      await copyFiles(path.join(staging, 'files'), options.filesDir);
      return { manifest, mismatches: compare(manifest.tables, await fingerprintTables(query.run)) };
    } finally {
      await query.close();
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The manifest, after checking the database file and every photo file against it. */
async function checkedManifest(staging: string): Promise<Manifest> {
  const file = path.join(staging, 'manifest.json');
  if (!existsSync(file)) throw new RestoreRefusedError('This is not a Fengqiao backup: manifest.json is missing.');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
  if (manifest.format !== BACKUP_FORMAT) throw new RestoreRefusedError(`Unknown backup format ${String(manifest.format)}.`);
  if ((await sha256File(path.join(staging, manifest.database.file))) !== manifest.database.sha256)
    throw new RestoreRefusedError(`The database file ${manifest.database.file} is damaged: its checksum differs.`);
  for (const entry of manifest.files.entries) {
    const at = path.join(staging, 'files', entry.path);
    if (!existsSync(at) || (await sha256File(at)) !== entry.sha256)
      throw new RestoreRefusedError(`The photo file ${entry.path} is missing or damaged.`);
  }
  return manifest;
}

const hasEntries = async (dir: string) => existsSync(dir) && (await readdir(dir)).length > 0;

async function refuseNonEmpty({ target, filesDir, force }: RestoreOptions) {
  const reasons: string[] = [];
  if (target.kind === 'postgres') {
    const tables = await withClient(target.url, async (client) => {
      const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from pg_tables where schemaname = 'public'`);
      return rows[0]?.n ?? 0;
    });
    if (tables > 0) reasons.push(`the database holds ${tables} tables`);
  } else if (await hasEntries(path.join(target.dataDir, 'pglite'))) {
    reasons.push(`${path.join(target.dataDir, 'pglite')} is not empty`);
  }
  if (await hasEntries(filesDir)) reasons.push(`${filesDir} is not empty`);
  if (reasons.length === 0) return;
  if (!force)
    throw new RestoreRefusedError(`Refusing to restore over existing data: ${reasons.join('; ')}. Use --force to replace it.`);
  if (target.kind === 'postgres')
    await withClient(target.url, (client) => client.query('drop schema public cascade; create schema public'));
  else await rm(path.join(target.dataDir, 'pglite'), { recursive: true, force: true });
  await rm(filesDir, { recursive: true, force: true });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function restoreServer(url: string, dump: string) {
  await runProgram(pgProgram('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', '--dbname', url, dump]);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run: Query = async (text, params) => (await client.query(text, params as unknown[])).rows;
  return { run, close: () => client.end() };
}

async function restorePglite(dataDir: string, dump: string) {
  await mkdir(dataDir, { recursive: true });
  const database = await openDatabase({ dataDir, loadDataDir: new Blob([new Uint8Array(await readFile(dump))]) });
  const run: Query = (text, params) => database.withScriptTransaction((tx) => tx.query(text, params));
  return { run, close: () => database.close() };
}

function compare(expected: Record<string, TableFingerprint>, actual: Record<string, TableFingerprint>): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...names]
    .sort()
    .filter((name) => expected[name]?.rows !== actual[name]?.rows || expected[name]?.sha256 !== actual[name]?.sha256);
}
