import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverUrl, testEngine, withServerAdmin } from './databases.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Runs one of the scale scripts as npm would, on the given database; answers its output. */
function runScript(script: string, args: string[], databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

// pgbench, a second server process and PostGIS need the PostgreSQL server: not run on PGlite.
describe.skipIf(testEngine() !== 'postgres')('the city-scale scripts at a tiny scale', () => {
  it('generate a city whose rollups are what the rebuild makes, and the bench prints every figure with its target', async () => {
    const name = `fq_city_${randomBytes(5).toString('hex')}`;
    const url = serverUrl(name);
    try {
      const generated = await runScript(
        'scripts/generate/generate.ts',
        ['--cases', '1000', '--streets', '2', '--verify', '2'],
        url,
      );
      expect(generated.output).toMatch(/1,000 cases/);
      expect(generated.output.match(/the same as the rebuild makes/g)).toHaveLength(2);
      expect(generated.code).toBe(0);

      const bench = await runScript(
        'scripts/bench/bench.ts',
        [
          '--cases',
          '1000',
          '--streets',
          '2',
          '--seconds',
          '1',
          '--points',
          '500',
          '--runs',
          '2',
          '--direct-runs',
          '1',
          '--no-append',
        ],
        url,
      );
      expect(bench.code, bench.output).toBe(0);
      expect(bench.output).not.toMatch(/generating/);
      for (const figure of [
        'pgbench, one-row INSERT per transaction, 8 clients',
        'intake POST /api/cases, 8 clients',
        'intake latency p50 / p99',
        'server memory (RSS) under intake load',
        'grid worker',
        'department',
        'dashboard, whole city, one year, from street rollups',
        'dashboard, whole city, one year, direct aggregate over cases',
        'point -> grid, in-process index lookup (what intake adds',
        'point -> grid, PostGIS batched',
        'point -> grid, identical answers',
        'two instances: cases answered 201 but missing',
        'two instances: duplicate warnings',
      ]) {
        expect(bench.output).toContain(figure);
      }
      expect(bench.output).toMatch(/identical answers.*\| 0 points differ/);
      expect(bench.output).toMatch(/cases answered 201 but missing\s*\| 0 /);
    } finally {
      await withServerAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
    }
  }, 900_000);
});
