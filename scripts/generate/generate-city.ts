/**
 * The load itself: keys set aside, one COPY per table kept open, street workers feeding them,
 * then keys, foreign keys and the figures derived from the daily rollups restored.
 */
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { Random } from '../../src/demo/random.ts';
import { CopyWriter, restoreKeys, type SetAside, seconds, setKeysAside } from './bulk-load.ts';
import { shareOut, streetScale } from './city-plan.ts';
import { COPY_TABLES, type CopyTable, copyRow } from './copy-tables.ts';
import type { GenerateOptions } from './generate-options.ts';
import type { FromWorker, StreetSummary, ToWorker, WorkerSetup } from './worker-protocol.ts';

export interface CityResult {
  summary: Omit<StreetSummary, 'index'>;
  rows: Record<CopyTable, number>;
}

export const streetSeed = (seed: number, index: number) => (Math.imul(seed + 1, 7919) + Math.imul(index + 1, 104_729)) >>> 0;

/** How many cases each street gets: by its number of grids, some streets busier than others. */
export function casesPerStreet(options: Pick<GenerateOptions, 'cases' | 'streets' | 'seed'>): number[] {
  const weights = Array.from({ length: options.streets }, (_, index) => {
    const seed = streetSeed(options.seed, index);
    const grids = streetScale(new Random(seed)).communityLayouts.reduce((sum, [rows, cols]) => sum + rows * cols, 0);
    return grids * new Random(seed + 7).between(0.6, 1.4);
  });
  return shareOut(options.cases, weights);
}

/** Streets to workers, biggest first; every chunk a worker sends is acknowledged once its COPY took it. */
async function runWorkers(
  options: GenerateOptions,
  setup: WorkerSetup,
  writers: Map<CopyTable, CopyWriter>,
  log: (line: string) => void,
): Promise<StreetSummary[]> {
  const counts = casesPerStreet(options);
  const queue = counts.map((count, index) => ({ index, count })).sort((a, b) => b.count - a.count);
  const summaries: StreetSummary[] = [];
  const started = performance.now();
  const workers = Array.from({ length: Math.min(options.workers, queue.length) }, () => {
    const entry = new URL('./street-worker.ts', import.meta.url).href;
    return new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData: { ...setup, entry } });
  });
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const street = queue.shift();
              if (!street) return resolve();
              const message: ToWorker = { type: 'street', ...street, seed: streetSeed(options.seed, street.index) };
              worker.postMessage(message);
            };
            worker.on('message', (message: FromWorker) => {
              if (message.type === 'rows') {
                (writers.get(message.table) as CopyWriter)
                  .write(message.bytes, message.rows)
                  .then(() => worker.postMessage({ type: 'ack' } satisfies ToWorker), reject);
              } else if (message.type === 'done') {
                summaries.push(message.summary);
                const done = summaries.length;
                if (done === counts.length || done % Math.max(1, Math.round(counts.length / 10)) === 0) {
                  const cases = summaries.reduce((sum, s) => sum + s.cases, 0);
                  log(`${done}/${counts.length} streets, ${cases.toLocaleString('en')} cases in ${seconds(started)}`);
                }
                next();
              } else reject(new Error(message.message));
            });
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return summaries;
}

/** Sums the daily rollups per street and day where a migration keeps such a table. */
async function refreshDerived(pool: pg.Pool) {
  const { rows } = await pool.query<{ exists: boolean }>("select to_regclass('case_street_daily_rollups') is not null as exists");
  if (!rows[0]?.exists) return;
  const { rows: columns } = await pool.query<{ name: string }>(
    `select column_name as name from information_schema.columns
      where table_name = 'case_street_daily_rollups' and column_name not in ('street_id', 'day') order by ordinal_position`,
  );
  const names = columns.map((c) => c.name);
  await pool.query('truncate case_street_daily_rollups');
  await pool.query(
    `insert into case_street_daily_rollups (street_id, day, ${names.join(', ')})
     select street_id, day, ${names.map((n) => `sum(${n})`).join(', ')} from case_daily_rollups group by street_id, day`,
  );
  // The indicator rollups' triggers were off during the load too (migrations/0016).
  const { rows: indicators } = await pool.query<{ exists: boolean }>("select to_regproc('stat_rebuild') is not null as exists");
  if (indicators[0]?.exists) await pool.query('select stat_rebuild(null)');
}

export async function generateCity(
  options: GenerateOptions,
  setup: WorkerSetup,
  log: (line: string) => void,
): Promise<CityResult> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: COPY_TABLES.length + 4 });
  pool.on('error', () => {});
  const writers = new Map<CopyTable, CopyWriter>();
  let saved: SetAside | undefined;
  try {
    const client = await pool.connect();
    try {
      await client.query('begin');
      saved = await setKeysAside(client, COPY_TABLES);
      await client.query('commit');
    } catch (error) {
      saved = undefined;
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
    for (const table of COPY_TABLES) writers.set(table, await CopyWriter.open(pool, table));
    const write = <T extends CopyTable>(table: T, row: Parameters<typeof copyRow<T>>[1]) =>
      (writers.get(table) as CopyWriter).write(copyRow(table, row), 1);
    await write('area_nodes', { ...setup.district, responsible_user_id: null });
    const { admin } = setup;
    await write('users', {
      id: admin.id,
      street_id: null,
      username: admin.username,
      display_name: admin.displayName,
      password_hash: setup.passwordHash,
      resident_id: null,
      organisation_id: null,
    });
    await write('role_assignments', {
      street_id: null,
      user_id: admin.id,
      role: 'admin',
      node_id: setup.district.id,
      organisation_id: null,
    });

    let started = performance.now();
    const summaries = await runWorkers(options, setup, writers, log);
    await Promise.all([...writers.values()].map((writer) => writer.end()));
    const rows = Object.fromEntries([...writers].map(([table, writer]) => [table, writer.rows])) as Record<CopyTable, number>;
    writers.clear();
    log(`generated and copied in ${seconds(started)}`);

    await restoreKeys(pool, saved, 2, log);
    saved = undefined;
    started = performance.now();
    await refreshDerived(pool);
    await pool.query('update area_index_state set boundary_version = boundary_version + 1');
    await pool.query('analyze');
    log(`street rollups and statistics in ${seconds(started)}`);
    const summary = { grids: 0, residents: 0, cases: 0, openCases: 0, events: 0, rollupRows: 0, notifications: 0 };
    for (const s of summaries) for (const key of Object.keys(summary) as (keyof typeof summary)[]) summary[key] += s[key];
    return { summary, rows };
  } catch (error) {
    await Promise.all([...writers.values()].map((writer) => writer.abort()));
    if (saved) log('the load failed with the keys set aside: run again with --reset');
    throw error;
  } finally {
    await pool.end();
  }
}
