import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../../src/demo/seed-demo.ts';
import { TINY_SCALE } from '../../src/demo/street-plan.ts';
import { seedNationalCalendar } from '../../src/modules/calendar/calendar.service.ts';
import type { Query } from '../../src/platform/backup/fingerprint.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { categoryId, pointInGrid } from '../../test/fixtures.ts';
import { ChaosClient, type Counts } from './client.ts';
import { createPrivateCluster, freePort, type PrivateCluster } from './cluster.ts';
import { type LoadSetup, login, newLedger, runLoad } from './load.ts';
import { ServerProcess } from './server-process.ts';
import { verify } from './verify.ts';

/**
 * The crash and outage harness. Phase 1 SIGKILLs the server at random moments and starts it
 * again; phase 2 stops its PostgreSQL server (a crash, then a clean stop, in turn) under the
 * running app and starts it again. Both on a private cluster made for the run. Then every
 * acknowledged write is looked for in the database.
 */
export interface ChaosOptions {
  /** The private PostgreSQL cluster (kills, then outages), or embedded PGlite in a data folder (kills only). */
  engine: 'postgres' | 'pglite';
  killSeconds: number;
  outageSeconds: number;
  workers: number;
  /** Pause between faults, in ms: [min, max]. */
  faultEvery: [number, number];
  seed: number;
  log: (line: string) => void;
}

export interface ChaosReport extends Counts {
  seed: number;
  stories: number;
  kills: number;
  restarts: number;
  restartMs: number[];
  databaseStops: number;
  databaseRestarts: number;
  checkedCases: number;
  lost: number;
  duplicates: number;
  halfWritten: number;
  /** Times the server ended by itself rather than by the harness's SIGKILL. */
  crashes: number;
  details: string[];
  problems: string[];
}

/** mulberry32: a small seeded generator, so a failing run can be repeated with its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The database to run against, migrated and seeded with the tiny demo street: on the private cluster, or a PGlite folder. */
async function prepareDatabase(cluster: PrivateCluster | undefined, dataDir: string) {
  if (cluster) {
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query('create database fengqiao');
    await admin.end();
  }
  const database = await openDatabase(cluster ? { databaseUrl: cluster.url('fengqiao'), poolSize: 4 } : { dataDir });
  try {
    await migrate(database);
    await seedNationalCalendar(database.db);
    await seedDemoIfEmpty(database, TINY_SCALE);
    return { categoryId: await categoryId({ database }, 'ENV_GARBAGE'), point: await pointInGrid({ database }, 'C01G01') };
  } finally {
    await database.close();
  }
}

/** Reads the database after the run: the server's own PGlite folder is opened once the server has stopped. */
async function withQuery<T>(cluster: PrivateCluster | undefined, dataDir: string, work: (query: Query) => Promise<T>) {
  if (cluster) {
    const client = new pg.Client({ connectionString: cluster.url('fengqiao') });
    await client.connect();
    try {
      return await work(async (text, params) => (await client.query(text, params as unknown[])).rows);
    } finally {
      await client.end();
    }
  }
  const database = await openDatabase({ dataDir });
  try {
    return await work((text, params) => database.withScriptTransaction((tx) => tx.query(text, params)));
  } finally {
    await database.close();
  }
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const { log } = options;
  const next = random(options.seed);
  const between = ([min, max]: [number, number]) => min + Math.floor(next() * (max - min));
  const tag = `chaos${options.seed}`;
  const cluster = options.engine === 'postgres' ? await createPrivateCluster() : undefined;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'fq-chaos-data-'));
  let server: ServerProcess | undefined;
  try {
    log(
      `${cluster ? `private PostgreSQL cluster on port ${cluster.port}` : `PGlite in ${dataDir}`}; seeding the tiny demo street`,
    );
    const place = await prepareDatabase(cluster, dataDir);
    server = new ServerProcess(await freePort(), {
      ...(cluster ? { DATABASE_URL: cluster.url('fengqiao') } : {}),
      DATA_DIR: dataDir,
      SEED_DEMO: '0',
      // The deadline and webhook jobs stay off: the load is the intake and the case actions.
      SCHEDULER_SECONDS: '0',
      PG_POOL_SIZE: '8',
    });
    const running = server;
    const first = await running.start();
    log(`server up in ${first} ms at ${running.baseUrl}`);
    const client = new ChaosClient(() => running.baseUrl);
    const cookies = {
      resident: await login(client, 'resident', DEMO_PASSWORD),
      grid: await login(client, 'grid', DEMO_PASSWORD),
    };
    const ledger = newLedger();
    const setup: LoadSetup = { client, ledger, ...place, cookies, tag };
    const since = new Date();
    const counter = { stories: 0 };
    const report = { kills: 0, restarts: 0, restartMs: [] as number[], databaseStops: 0, databaseRestarts: 0 };

    // Phase 1: the server killed at random moments.
    const t0 = Date.now();
    const killUntil = Date.now() + options.killSeconds * 1000;
    client.stopAt = killUntil;
    const killer = (async () => {
      while (Date.now() + options.faultEvery[0] < killUntil) {
        await pause(between(options.faultEvery));
        await running.kill();
        report.kills++;
        await pause(between([0, 600]));
        report.restartMs.push(await running.start());
        report.restarts++;
        log(
          `kill ${report.kills}: restarted in ${report.restartMs.at(-1)} ms; ${client.counts.acknowledged} acknowledged so far`,
        );
      }
    })();
    await Promise.all([runLoad(setup, options.workers, killUntil, counter), killer]);
    log(`${Math.round((Date.now() - t0) / 1000)} s: phase 1 done: ${report.kills} kills, ${counter.stories} stories`);

    // Phase 2: the database gone under the running server, a crash and a clean stop in turn.
    const outageUntil = Date.now() + (cluster ? options.outageSeconds * 1000 : 0);
    client.stopAt = outageUntil;
    const outages = (async () => {
      while (cluster && Date.now() + options.faultEvery[0] < outageUntil) {
        await pause(between(options.faultEvery));
        const mode = report.databaseStops % 2 === 0 ? 'immediate' : 'fast';
        await cluster?.stop(mode);
        report.databaseStops++;
        const before = { ...client.counts };
        await pause(between([1500, 4000]));
        await cluster?.start();
        report.databaseRestarts++;
        const during = (what: keyof Counts) => client.counts[what] - before[what];
        log(
          `${Math.round((Date.now() - t0) / 1000)} s: server crashes ${running.crashes.length}; database stop ${report.databaseStops} (${mode}): ${during('unavailable')} answers of 503, ${during('noAnswer')} without answer, ${during('acknowledged')} acknowledged while it was gone`,
        );
      }
    })();
    await Promise.all([runLoad(setup, options.workers, outageUntil, counter), outages]);
    log(
      `${Math.round((Date.now() - t0) / 1000)} s: phase 2 done: ${report.databaseStops} database stops, ${counter.stories} stories in all`,
    );

    for (const crash of running.crashes) log(`the server ended by itself:\n${crash}`);
    // A PGlite folder belongs to one process: the server lets go of it before it is read.
    if (!cluster) await running.stop();
    const verdict = await withQuery(cluster, dataDir, (query) => verify(query, path.join(dataDir, 'files'), ledger, tag, since));
    return {
      seed: options.seed,
      stories: counter.stories,
      ...client.counts,
      ...report,
      ...verdict,
      crashes: running.crashes.length,
      problems: client.problems,
    };
  } catch (error) {
    if (server) log(`server output (tail):\n${server.output.slice(-3000)}`);
    throw error;
  } finally {
    await server?.stop();
    await cluster?.destroy();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The report as printed: the figures first, then anything that went wrong. */
export function formatReport(r: ChaosReport): string {
  const restart = r.restartMs.length ? `${Math.min(...r.restartMs)}-${Math.max(...r.restartMs)} ms` : '-';
  return [
    `seed ${r.seed}: ${r.stories} stories (report, accept, start, resolve)`,
    `requests sent ${r.sent}, acknowledged ${r.acknowledged}, refused ${r.refused}, replayed ${r.replayed}`,
    `no answer ${r.noAnswer}, abandoned ${r.abandoned}, server crashes ${r.crashes}, 503 ${r.unavailable} (with Retry-After and code ${r.unavailableWithHint}), other 5xx ${r.serverErrors}`,
    `kills ${r.kills}, restarts ${r.restarts} (each ${restart}), database stops ${r.databaseStops}, database restarts ${r.databaseRestarts}`,
    `acknowledged cases checked ${r.checkedCases}: lost ${r.lost}, duplicates ${r.duplicates}, half-written ${r.halfWritten}`,
    ...r.details.map((line) => `  ${line}`),
    ...r.problems.slice(0, 20).map((line) => `  ! ${line}`),
  ].join('\n');
}

export const passed = (r: ChaosReport) =>
  r.lost === 0 &&
  r.duplicates === 0 &&
  r.halfWritten === 0 &&
  r.serverErrors === 0 &&
  r.refused === 0 &&
  r.abandoned === 0 &&
  r.crashes === 0 &&
  r.unavailable === r.unavailableWithHint;
