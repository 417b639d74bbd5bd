import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { createBackup } from '../src/platform/backup/backup.ts';
import { DataDirLockedError } from '../src/platform/db/data-dir-lock.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { VERSION } from '../src/server.ts';

/**
 * npm run backup [-- --out backups/fengqiao.tar]
 * Backs up the database the server uses (DATABASE_URL, or the PGlite folder in DATA_DIR) and the
 * photo files in DATA_DIR/files into one archive. On the server it runs beside the live app; the
 * PGlite folder is held by one process at a time, so stop the server first.
 */
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const config = loadConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = path.resolve(values.out ?? path.join('backups', `fengqiao-${stamp}.tar`));
await mkdir(path.dirname(out), { recursive: true });
const started = Date.now();
try {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const manifest = await createBackup({
      database,
      databaseUrl: config.databaseUrl,
      filesDir: path.join(config.dataDir, 'files'),
      out,
      appVersion: VERSION,
    });
    const rows = Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0);
    process.stdout.write(
      `backup written to ${out} in ${Date.now() - started} ms: ${manifest.engine}, migration ${manifest.migration.version}, ` +
        `${Object.keys(manifest.tables).length} tables, ${rows} rows (cases ${manifest.tables.cases?.rows ?? 0}), ` +
        `${manifest.files.count} files (${manifest.files.bytes} bytes)\n`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  const message =
    error instanceof DataDirLockedError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`backup failed: ${message}\n`);
  process.exit(1);
}
