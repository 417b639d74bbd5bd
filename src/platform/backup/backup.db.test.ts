import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, serverUrl, type TestDatabase, testEngine, withServerAdmin } from '../../../test/databases.ts';
import { fileSystemPhotoStore } from '../../modules/photos/photo-store.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { loadMigrations } from '../db/migrate.ts';
import { listFiles } from './archive.ts';
import { createBackup, type Manifest } from './backup.ts';
import { fingerprintTables, type Query } from './fingerprint.ts';
import { RestoreRefusedError, type RestoreTarget, restoreBackup } from './restore.ts';

let source: TestDatabase;
let work: string;
let filesDir: string;
let archive: string;
let manifest: Manifest;
const emptyDatabases: string[] = [];

const queryOf =
  (database: Database): Query =>
  (text, params) =>
    database.withScriptTransaction((tx) => tx.query(text, params));

/** An empty place to restore into: a new database on the server, or a new data folder. */
async function emptyTarget(): Promise<{ target: RestoreTarget; open: () => Promise<Database>; files: string }> {
  const files = await mkdtemp(path.join(work, 'files-'));
  if (testEngine() === 'postgres') {
    const name = `fq_restore_${randomBytes(5).toString('hex')}`;
    await withServerAdmin((client) => client.query(`create database ${name}`));
    emptyDatabases.push(name);
    const url = serverUrl(name);
    return { target: { kind: 'postgres', url }, open: () => openDatabase({ databaseUrl: url, poolSize: 2 }), files };
  }
  const dataDir = await mkdtemp(path.join(work, 'data-'));
  return { target: { kind: 'pglite', dataDir }, open: () => openDatabase({ dataDir }), files };
}

beforeAll(async () => {
  source = await createTestDatabase(inject('databaseTemplate'));
  work = await mkdtemp(path.join(tmpdir(), 'fq-backup-test-'));
  filesDir = path.join(work, 'source-files');
  const store = fileSystemPhotoStore(filesDir);
  for (let i = 0; i < 3; i++) await store.put(randomBytes(2000 + i));
  archive = path.join(work, 'backup.tar');
  manifest = await createBackup({
    database: source.database,
    databaseUrl: source.url,
    filesDir,
    out: archive,
    appVersion: 'test',
  });
});

afterAll(async () => {
  await source.drop();
  for (const name of emptyDatabases)
    await withServerAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
  await rm(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('the manifest names the engine, the migration level, every table with its rows, and every file', async () => {
    const latest = Math.max(...(await loadMigrations()).map((m) => m.version));
    expect(manifest).toMatchObject({ format: 'fengqiao-backup/1', engine: testEngine(), migration: { version: latest } });
    expect(manifest.tables.cases?.rows).toBeGreaterThan(0);
    expect(manifest.tables.events?.rows).toBeGreaterThan(0);
    expect(manifest.files.count).toBe(3);
    expect(manifest.database.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('restores into an empty place: every table and every file the same as the source', async () => {
    const before = await fingerprintTables(queryOf(source.database));
    const place = await emptyTarget();
    const result = await restoreBackup({ archive, target: place.target, filesDir: place.files });
    expect(result.mismatches).toEqual([]);
    const restored = await place.open();
    try {
      const after = await fingerprintTables(queryOf(restored));
      expect(Object.keys(after).length).toBeGreaterThan(40);
      expect(after).toEqual(before);
    } finally {
      await restored.close();
    }
    const names = await listFiles(filesDir);
    expect(await listFiles(place.files)).toEqual(names);
    for (const name of names) {
      expect((await readFile(path.join(place.files, name))).equals(await readFile(path.join(filesDir, name)))).toBe(true);
    }

    // A place that holds data is refused, unless told to replace it.
    await expect(restoreBackup({ archive, target: place.target, filesDir: place.files })).rejects.toBeInstanceOf(
      RestoreRefusedError,
    );
    const forced = await restoreBackup({ archive, target: place.target, filesDir: place.files, force: true });
    expect(forced.mismatches).toEqual([]);
  });
});
