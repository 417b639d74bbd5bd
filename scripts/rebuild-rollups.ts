/**
 * Recounts the daily case figures from the case events: `npm run rollups:rebuild`, against
 * DATABASE_URL or the embedded DATA_DIR (stop the server first: one process per data folder).
 */
import { loadConfig } from '../src/config.ts';
import { rebuildRollups } from '../src/modules/cases/rollups.repository.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
try {
  await migrate(database);
  const started = performance.now();
  const rows = await rebuildRollups(database.db, config.timeZone, process.argv[2]);
  process.stdout.write(`rebuilt ${rows} daily rollup rows in ${Math.round(performance.now() - started)} ms\n`);
} finally {
  await database.close();
}
