import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian puts the PostgreSQL 15 server programs; PG_BIN overrides. */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A private PostgreSQL cluster on its own port, in a temporary folder, run as the `postgres`
 * user: the harness may stop, crash and restart it without touching the machine's shared server.
 */
export interface PrivateCluster {
  port: number;
  url(database?: string): string;
  start(): Promise<void>;
  /** `immediate` is a crash (no checkpoint, clients cut off); `fast` a clean shutdown. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  destroy(): Promise<void>;
}

/** Why a private cluster cannot be made here, or undefined when it can (root, runuser, the server programs). */
export function clusterUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root: runuser -u postgres needs root';
  if (!existsSync(path.join(PG_BIN, 'initdb'))) return `no initdb in ${PG_BIN} (set PG_BIN)`;
  if (!existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser')) return 'no runuser';
  return undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const asPostgres = (program: string, args: string[]) =>
  run('runuser', ['-u', 'postgres', '--', path.join(PG_BIN, program), ...args], { timeout: 120_000 });

export async function createPrivateCluster(): Promise<PrivateCluster> {
  const why = clusterUnavailable();
  if (why) throw new Error(`cannot create a private PostgreSQL cluster: ${why}`);
  const root = await mkdtemp(path.join(tmpdir(), 'fq-chaos-pg-'));
  const { stdout } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  await chown(root, Number(stdout.trim()), Number(gid.trim()));
  const dataDir = path.join(root, 'data');
  const port = await freePort();
  await asPostgres('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
  // Only this harness talks to it: loopback, its own port, its socket in its own folder.
  const options = `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root} -c fsync=on -c max_connections=60`;
  const cluster: PrivateCluster = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await asPostgres('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(root, 'server.log'), '-w', '-t', '60', 'start']);
    },
    async stop(mode = 'fast') {
      await asPostgres('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
    },
    async destroy() {
      await cluster.stop('immediate').catch(() => {});
      await rm(root, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
