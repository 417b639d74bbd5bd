/**
 * The OpenAPI fuzzer at length: `npm run fuzz -- --runs 50 [--seed 7] [--only cases]`. Builds a
 * fresh in-memory database with the tiny demo street (never touches ./data or a server), then
 * sends every operation, as every demo role and anonymously, --runs generated requests each.
 * Prints how many cases it ran and every finding; exits 1 if there was one. `npm test` carries a
 * bounded run of the same fuzzer (test/fuzz/openapi-fuzz.db.test.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemoIfEmpty } from '../src/demo/seed-demo.ts';
import { TINY_SCALE } from '../src/demo/street-plan.ts';
import { GridLocator } from '../src/modules/areas/grid-locator.ts';
import { seedNationalCalendar } from '../src/modules/calendar/calendar.service.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { runFuzz, signIn } from '../test/fuzz/runner.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    only: { type: 'string' },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const dataDir = await mkdtemp(path.join(tmpdir(), 'fq-fuzz-'));
const database = await openDatabase({ memory: true });
try {
  await migrate(database);
  await seedNationalCalendar(database.db);
  await seedDemoIfEmpty(database, TINY_SCALE);
  const config = loadConfig({ NODE_ENV: 'test', LOGIN_RATE_LIMIT: '100000', DATA_DIR: dataDir });
  const app = await buildApp({ config, database, gridLocator: new GridLocator(), version: 'fuzz' });
  const started = performance.now();
  let last = 0;
  const report = await runFuzz({
    app,
    db: database.db,
    login: (username) => signIn(app, username),
    runsPerIdentity: runs,
    seed,
    ...(values.only ? { only: new RegExp(values.only) } : {}),
    onProgress: (done, total) => {
      if (done - last >= 2000) {
        last = done;
        process.stderr.write(`  ${done}/${total}\n`);
      }
    },
  });
  const seconds = Math.round((performance.now() - started) / 1000);
  process.stdout.write(
    `fuzz: ${report.cases} cases (${report.operations} operations x ${report.identities} identities x ${runs} runs, seed ${seed}) in ${seconds} s; ` +
      `${report.refusedWrites} refused writes checked for partial writes; statuses ${JSON.stringify(report.statuses)}; ${report.findings.length} findings\n`,
  );
  for (const f of report.findings) {
    process.stdout.write(
      `  ${f.rule}: ${f.status} as ${f.identity}: ${f.request.method} ${f.request.url} [${f.request.kind}] => ${f.body.slice(0, 200)}\n`,
    );
  }
  await app.close();
  process.exitCode = report.findings.length ? 1 : 0;
} finally {
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
}
