import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { RestoreRefusedError, restoreBackup } from '../src/platform/backup/restore.ts';
import { DataDirLockedError } from '../src/platform/db/data-dir-lock.ts';

/**
 * npm run restore -- <archive> [--force]
 * Restores a backup into the place the server would use: the database at DATABASE_URL, or the
 * PGlite folder in DATA_DIR, and the photo files into DATA_DIR/files. Refuses a place that holds
 * data unless --force; stop the server first. Every table is compared with the manifest after.
 */
const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
const archive = positionals[0];
if (!archive) {
  process.stderr.write('usage: npm run restore -- <archive.tar> [--force]\n');
  process.exit(2);
}
const config = loadConfig();
const started = Date.now();
try {
  const result = await restoreBackup({
    archive,
    target: config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: path.resolve(config.dataDir) },
    filesDir: path.resolve(config.dataDir, 'files'),
    force: values.force,
  });
  const { manifest, mismatches } = result;
  const rows = Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0);
  if (mismatches.length) {
    process.stderr.write(`restored, but these tables differ from the backup's manifest: ${mismatches.join(', ')}\n`);
    process.exit(1);
  }
  process.stdout.write(
    `restored ${manifest.engine} backup of ${manifest.createdAt} (migration ${manifest.migration.version}) in ${Date.now() - started} ms: ` +
      `${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.files.count} files; every table matches the manifest\n`,
  );
  // PGlite opened with a loaded data folder keeps a handle alive after close: the work is done.
  process.exit(0);
} catch (error) {
  const known = error instanceof RestoreRefusedError || error instanceof DataDirLockedError;
  process.stderr.write(
    `restore failed: ${known ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}
