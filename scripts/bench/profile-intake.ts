/**
 * Where an intake's time goes: the app in this process on DATABASE_URL, every statement sent to
 * PostgreSQL counted and timed, then eight reports at a time for a while, with the event loop's
 * use, the pool's queue and the commits counted. `npx tsx scripts/bench/profile-intake.ts [--seconds 10]`
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';
import { GridLocator } from '../../src/modules/areas/grid-locator.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { intFlag, parseFlags } from '../generate/cli-flags.ts';
import { DEFAULT_CITY_URL } from '../generate/database-admin.ts';
import { cityReporters, leafCategories } from './city-accounts.ts';
import { reportRequests } from './intake-load.ts';

interface Tally {
  statements: number;
  /** Milliseconds from sending a statement to its answer, summed. */
  waiting: number;
  byKind: Map<string, number>;
}

const tally: Tally = { statements: 0, waiting: 0, byKind: new Map() };
const pools = new Set<pg.Pool>();

/** Counts and times every statement any pg client sends; notes the pools in use. */
function countStatements() {
  const connect = pg.Pool.prototype.connect as (...args: unknown[]) => unknown;
  pg.Pool.prototype.connect = function noted(this: pg.Pool, ...args: unknown[]) {
    pools.add(this);
    return connect.apply(this, args);
  } as typeof pg.Pool.prototype.connect;
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
    const kind = text.trim().split(/\s+/).slice(0, 3).join(' ').toLowerCase();
    tally.statements++;
    tally.byKind.set(kind, (tally.byKind.get(kind) ?? 0) + 1);
    const started = performance.now();
    const result = query.apply(this, args);
    if (result instanceof Promise) void result.finally(() => (tally.waiting += performance.now() - started)).catch(() => {});
    return result;
  } as typeof pg.Client.prototype.query;
}

async function main() {
  const flags = parseFlags(process.argv.slice(2), ['seconds', 'concurrency']);
  const seconds = intFlag(flags, 'seconds', 10, 1);
  const concurrency = intFlag(flags, 'concurrency', 8, 1);
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_CITY_URL;
  countStatements();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    SEED_DEMO: '0',
    LOGIN_RATE_LIMIT: '100000',
  });
  const database = await openDatabase({ databaseUrl, poolSize: config.pgPoolSize });
  await migrate(database);
  const app = await buildApp({ config, database, gridLocator: new GridLocator(), version: 'profile' });
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const reporters = await Promise.all(
      (await cityReporters(admin, 32)).map(async (r) => {
        const response = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: r.username, password: DEMO_PASSWORD },
        });
        const cookie = ([response.headers['set-cookie'] ?? []].flat()[0] ?? '').split(';')[0] as string;
        return { cookie, points: r.points };
      }),
    );
    const next = reportRequests(reporters, await leafCategories(admin), 7);
    const report = async () => {
      const { headers, body } = next();
      const response = await app.inject({ method: 'POST', url: '/api/cases', headers, payload: body });
      if (response.statusCode !== 201) throw new Error(`${response.statusCode} ${response.body}`);
    };
    for (let i = 0; i < 50; i++) await report();

    // One at a time: what a single report costs.
    let before = { ...tally, byKind: new Map(tally.byKind) };
    const sequential = 200;
    let cpu = process.cpuUsage();
    let started = performance.now();
    for (let i = 0; i < sequential; i++) await report();
    const one = {
      ms: (performance.now() - started) / sequential,
      cpuMs: (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000 / sequential,
      statements: (tally.statements - before.statements) / sequential,
      waitingMs: (tally.waiting - before.waiting) / sequential,
    };
    const kinds = [...tally.byKind]
      .map(([kind, n]) => [kind, (n - (before.byKind.get(kind) ?? 0)) / sequential] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]);

    // Eight at a time for a while: throughput, event loop, pool queue.
    before = { ...tally, byKind: new Map(tally.byKind) };
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const elu = performance.eventLoopUtilization();
    let queued = 0;
    let samples = 0;
    const sampler = setInterval(() => {
      for (const pool of pools) queued += pool.waitingCount;
      samples++;
    }, 20);
    cpu = process.cpuUsage();
    started = performance.now();
    let done = 0;
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) {
          await report();
          done++;
        }
      }),
    );
    clearInterval(sampler);
    delay.disable();
    const wall = performance.now() - started;
    const used = performance.eventLoopUtilization(elu);
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(
      `one report at a time: ${one.ms.toFixed(2)} ms, ${one.cpuMs.toFixed(2)} ms of this process's CPU, ${one.statements.toFixed(1)} statements (${one.waitingMs.toFixed(2)} ms waiting on them)`,
    );
    out(`statements per report: ${kinds.map(([kind, n]) => `${kind} ${n.toFixed(2)}`).join('; ')}`);
    out(
      `${concurrency} at a time for ${seconds} s: ${(done / (wall / 1000)).toFixed(0)} reports/s, event loop ${(used.utilization * 100).toFixed(0)}% busy ` +
        `(delay p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms), ${((process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000 / done).toFixed(2)} ms CPU per report, ` +
        `pool queue ${(queued / Math.max(1, samples)).toFixed(1)} on average, ${((tally.waiting - before.waiting) / done).toFixed(1)} ms waiting on statements per report`,
    );
  } finally {
    await admin.end();
    await app.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
