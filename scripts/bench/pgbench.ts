/**
 * PostgreSQL's own limit for one-row writes on this machine, measured in the same run: pgbench,
 * one INSERT per transaction, fsync as the server is configured, on a scratch database.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { createDatabase, databaseExists, dropDatabase } from '../generate/database-admin.ts';

const run = promisify(execFile);

export function scratchUrl(databaseUrl: string, suffix: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `${url.pathname}_${suffix}`;
  return url.toString();
}

/** `tps = 10123.456 (without initial connection time)` */
export function parseTps(output: string): number {
  const match = /tps = ([\d.]+) \((?:without|excluding) initial connection/.exec(output) ?? /tps = ([\d.]+)/.exec(output);
  if (!match) throw new Error(`pgbench printed no tps:\n${output}`);
  return Number(match[1]);
}

export async function pgbenchInsertTps(databaseUrl: string, clientCounts: readonly number[], seconds: number) {
  const url = scratchUrl(databaseUrl, 'pgbench');
  if (await databaseExists(url)) await dropDatabase(url);
  await createDatabase(url);
  const script = path.join(tmpdir(), `fq-pgbench-${process.pid}.sql`);
  try {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(
      'create table bench_rows (id bigint generated always as identity primary key, v int not null, at timestamptz not null default now())',
    );
    await client.end();
    await writeFile(script, 'insert into bench_rows (v) values (1);\n');
    const tps = new Map<number, number>();
    for (const clients of clientCounts) {
      const args = ['-n', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds), '-f', script, url];
      const { stdout } = await run('pgbench', args, { maxBuffer: 10_000_000 });
      tps.set(clients, parseTps(stdout));
    }
    return tps;
  } finally {
    await dropDatabase(url);
  }
}
