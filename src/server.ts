import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyServerOptions } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { seedDemoIfEmpty } from './demo/seed-demo.ts';
import { FULL_SCALE } from './demo/street-plan.ts';
import { GridLocator } from './modules/areas/grid-locator.ts';
import { seedNationalCalendar } from './modules/calendar/calendar.service.ts';
import { syncZone } from './modules/stats/indicator-rollups.ts';
import { openDatabase } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';

export const VERSION = (
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8')) as { version: string }
).version;

/** Opens the database, migrates it, seeds the demo street when asked and the database is empty, builds the app. */
export async function startServer(config: Config, logger: FastifyServerOptions['logger'], log: (line: string) => void) {
  const t0 = performance.now();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.pgPoolSize,
    statementTimeoutMs: config.statementTimeoutMs || undefined,
  });
  try {
    const applied = await migrate(database);
    await seedNationalCalendar(database.db);
    // The indicator rollups count local days of the configured zone: a changed STREET_TIMEZONE recounts them once.
    if (await syncZone(database.db, config.timeZone)) log(`indicator rollups counted in ${config.timeZone}`);
    log(
      `database: ${database.kind}${database.kind === 'pglite' ? ` in ${path.resolve(config.dataDir)}` : ''}; migrations applied: ${applied.length ? applied.join(', ') : 'none pending'} (${Math.round(performance.now() - t0)} ms)`,
    );
    if (config.seedDemo) {
      const t1 = performance.now();
      const seed = await seedDemoIfEmpty(database, FULL_SCALE, config.timeZone);
      if (seed.seeded) {
        const counts = Object.entries(seed.counts)
          .map(([what, n]) => `${n} ${what}`)
          .join(', ');
        log(`demo street generated in ${Math.round(performance.now() - t1)} ms: ${counts}`);
      }
    }
    const context = { config, database, gridLocator: new GridLocator(), version: VERSION };
    const app = await buildApp(context, logger);
    return { app, database, context };
  } catch (error) {
    await database.close();
    throw error;
  }
}
