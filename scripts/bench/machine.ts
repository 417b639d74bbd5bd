/** What the numbers were measured on: the machine, how busy it was, the PostgreSQL server and its durability settings. */
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import type pg from 'pg';

export async function describeMachine(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ version: string; settings: string }>(
    `select current_setting('server_version') as version,
            (select string_agg(name || '=' || current_setting(name), ', ' order by name) from pg_settings
              where name in ('shared_buffers', 'fsync', 'synchronous_commit', 'max_connections', 'work_mem')) as settings`,
  );
  const cpu = cpus();
  const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  return [
    `machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${gib(totalmem())} memory (${gib(freemem())} free), Linux ${release()}`,
    `load average when the run started: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(
        ' / ',
      )} (1 / 5 / 15 min): the machine is shared, which is why every figure is set against PostgreSQL measured in the same run`,
    `Node.js ${process.version}; PostgreSQL ${rows[0]?.version} (${rows[0]?.settings})`,
  ];
}
