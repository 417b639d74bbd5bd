/**
 * Loading tens of millions of rows the way PostgreSQL loads fastest: keys, indexes and foreign
 * keys set aside (their definitions read from the catalogue, so migrations stay the only source),
 * each table filled by one COPY ... FREEZE in the transaction that emptied it, then the keys put
 * back, the foreign keys validated in parallel and the statistics gathered.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type CopyTable, copyStatement } from './copy-tables.ts';

interface SavedConstraint {
  table: string;
  name: string;
  definition: string;
  kind: 'p' | 'u' | 'f';
}

interface SavedIndex {
  table: string;
  name: string;
  definition: string;
}

export interface SetAside {
  constraints: SavedConstraint[];
  indexes: SavedIndex[];
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Drops the keys, unique constraints, indexes and foreign keys of the tables, and of any table referring to them. */
export async function setKeysAside(client: pg.ClientBase, tables: readonly CopyTable[]): Promise<SetAside> {
  const { rows: constraints } = await client.query<SavedConstraint>(
    `select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition, c.contype as kind
       from pg_constraint c
      where c.contype in ('p', 'u', 'f')
        and (c.conrelid = any ($1::regclass[]) or (c.contype = 'f' and c.confrelid = any ($1::regclass[])))
      order by c.contype = 'f' desc, c.conname`,
    [tables],
  );
  const { rows: indexes } = await client.query<SavedIndex>(
    `select i.indrelid::regclass::text as table, i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
      where i.indrelid = any ($1::regclass[])
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid and c.contype in ('p', 'u'))
      order by 2`,
    [tables],
  );
  // Foreign keys first: a key cannot go while something refers to it.
  for (const c of constraints) await client.query(`alter table ${c.table} drop constraint ${q(c.name)}`);
  for (const index of indexes) await client.query(`drop index ${index.name}`);
  return { constraints, indexes };
}

/** Runs the jobs on `connections` clients at once, each job on whichever client is free. */
async function inParallel(pool: pg.Pool, connections: number, jobs: string[], setup: string[]) {
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: Math.min(connections, jobs.length) }, async () => {
      const client = await pool.connect();
      try {
        for (const statement of setup) await client.query(statement);
        for (let job = queue.shift(); job !== undefined; job = queue.shift()) await client.query(job);
      } finally {
        client.release();
      }
    }),
  );
}

/**
 * Puts back what setKeysAside took: keys and indexes built in parallel, foreign keys added
 * without a check and then validated in parallel (validation locks only lightly).
 */
export async function restoreKeys(pool: pg.Pool, saved: SetAside, connections: number, log: (line: string) => void) {
  const setup = ["set maintenance_work_mem = '512MB'", 'set max_parallel_maintenance_workers = 1'];
  let started = performance.now();
  const keys = saved.constraints.filter((c) => c.kind !== 'f');
  await inParallel(
    pool,
    connections,
    keys.map((c) => `alter table ${c.table} add constraint ${q(c.name)} ${c.definition}`),
    setup,
  );
  await inParallel(
    pool,
    connections,
    saved.indexes.map((index) => index.definition),
    setup,
  );
  log(`keys and ${saved.indexes.length} indexes rebuilt in ${seconds(started)}`);
  started = performance.now();
  const foreign = saved.constraints.filter((c) => c.kind === 'f');
  const client = await pool.connect();
  try {
    for (const c of foreign) await client.query(`alter table ${c.table} add constraint ${q(c.name)} ${c.definition} not valid`);
  } finally {
    client.release();
  }
  await inParallel(
    pool,
    connections,
    foreign.map((c) => `alter table ${c.table} validate constraint ${q(c.name)}`),
    [],
  );
  log(`${foreign.length} foreign keys validated in ${seconds(started)}`);
}

export const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** One table's COPY, open from the first row to the last, in the transaction that emptied the table. */
export class CopyWriter {
  rows = 0;
  private drained: Promise<void> | undefined;
  private constructor(
    private readonly client: pg.PoolClient,
    private readonly stream: NodeJS.WritableStream,
    private readonly table: CopyTable,
    private readonly triggers: boolean,
  ) {}

  /** User triggers are off during the load: whatever they maintain is recounted afterwards in one statement. */
  static async open(pool: pg.Pool, table: CopyTable): Promise<CopyWriter> {
    const client = await pool.connect();
    await client.query('begin');
    await client.query('set local synchronous_commit = off');
    await client.query(`truncate ${table}`);
    const { rows } = await client.query<{ n: number }>(
      'select count(*)::int as n from pg_trigger where tgrelid = $1::regclass and not tgisinternal',
      [table],
    );
    const triggers = (rows[0]?.n ?? 0) > 0;
    if (triggers) await client.query(`alter table ${table} disable trigger user`);
    const stream = client.query(copyFrom(copyStatement(table, true)));
    return new CopyWriter(client, stream, table, triggers);
  }

  /** Resolves when the stream takes more: at once, or once it has drained; rejects when the COPY failed. */
  async write(text: string | Uint8Array, rows: number): Promise<void> {
    this.rows += rows;
    if (this.stream.write(text)) return;
    // Both workers' chunks may wait on one table at once: one wait for all of them, not a listener each.
    this.drained ??= once(this.stream, 'drain')
      .then(() => undefined)
      .finally(() => {
        this.drained = undefined;
      });
    await this.drained;
  }

  async end(): Promise<void> {
    this.stream.end();
    await finished(this.stream);
    if (this.triggers) await this.client.query(`alter table ${this.table} enable trigger user`);
    await this.client.query('commit');
    this.client.release();
  }

  /** Fails the COPY (the server rolls it back) and drops the connection. */
  async abort(): Promise<void> {
    (this.stream as NodeJS.WritableStream & { destroy(error: Error): void }).destroy(new Error('generation failed'));
    await finished(this.stream).catch(() => {});
    this.client.release(true);
  }
}
