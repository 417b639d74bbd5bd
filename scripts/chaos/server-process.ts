import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The real server as `npm start` runs it, in a child process the harness can SIGKILL and start
 * again on the same port and data folder. Its output is kept (the tail is shown when it fails).
 */
export class ServerProcess {
  private child: ChildProcess | undefined;
  output = '';
  /** How each server process ended (SIGKILL by the harness, or on its own). */
  readonly exits: string[] = [];
  readonly crashes: string[] = [];
  private stopping = false;
  readonly baseUrl: string;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  async start(timeoutMs = 120_000): Promise<number> {
    const started = Date.now();
    this.stopping = false;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        LOGIN_RATE_LIMIT: '100000',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.once('exit', (code, signal) => {
      this.exits.push(signal ?? `exit ${code}`);
      // The server ending by itself is a finding: its last words go into the report.
      if (!this.stopping && signal !== 'SIGKILL') this.crashes.push(this.output.slice(-4000));
    });
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited during start:\n${this.output.slice(-3000)}`);
      if (Date.now() - started > timeoutMs)
        throw new Error(`no healthy server after ${timeoutMs} ms:\n${this.output.slice(-3000)}`);
      try {
        const health = await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (health.ok) return Date.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** SIGKILL: no shutdown hooks, no flushing, connections cut mid-request. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    this.stopping = true;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
