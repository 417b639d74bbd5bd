/**
 * Recounts the daily figures: the case figures from the case events, and the indicator rollups
 * (hazards, complaints, handling times, disputes, volunteer hours, care visits) from their source
 * rows. `npm run rollups:rebuild [street id]`, against DATABASE_URL or the embedded DATA_DIR (stop
 * the server first: one process per data folder).
 */
import { loadConfig } from '../src/config.ts';
import { rebuildRollups } from '../src/modules/cases/rollups.repository.ts';
import { rebuildIndicatorRollups } from '../src/modules/stats/indicator-rollups.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
try {
  await migrate(database);
  let started = performance.now();
  const rows = await rebuildRollups(database.db, config.timeZone, process.argv[2]);
  process.stdout.write(`rebuilt ${rows} daily case rollup rows in ${Math.round(performance.now() - started)} ms\n`);
  started = performance.now();
  const indicatorRows = await rebuildIndicatorRollups(database.db, config.timeZone, process.argv[2]);
  process.stdout.write(`rebuilt ${indicatorRows} indicator rollup rows in ${Math.round(performance.now() - started)} ms\n`);
} finally {
  await database.close();
}
