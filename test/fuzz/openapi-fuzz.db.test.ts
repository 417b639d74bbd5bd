import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../harness.ts';
import { type FuzzReport, runFuzz, signIn } from './runner.ts';

/**
 * The bounded run of the OpenAPI fuzzer that `npm test` carries: every operation, as every demo
 * role and anonymously, FUZZ_RUNS generated requests each from a fixed seed (`npm run fuzz --
 * --runs N` runs more). A finding prints the request that caused it, to replay by hand.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('the OpenAPI fuzzer', () => {
  it('finds no 5xx, no stack trace or SQL in an answer, and no half-written record', { timeout: 600_000 }, async () => {
    const report: FuzzReport = await runFuzz({
      app: h.app,
      db: h.database.db,
      login: (username) => signIn(h.app, username),
      runsPerIdentity: RUNS,
      seed: SEED,
      ...(process.env.FUZZ_ONLY ? { only: new RegExp(process.env.FUZZ_ONLY) } : {}),
    });
    process.stdout.write(
      `fuzz: ${report.cases} cases over ${report.operations} operations x ${report.identities} identities, ${report.refusedWrites} refused writes checked; statuses ${JSON.stringify(report.statuses)}\n`,
    );
    for (const f of report.findings.slice(0, 40))
      process.stdout.write(
        `FINDING ${f.rule} ${f.status} as ${f.identity}: ${f.request.method} ${f.request.url} [${f.request.kind}] ${String(f.request.payload ?? '').slice(0, 160)} => ${f.body.slice(0, 200)}\n`,
      );
    if (!process.env.FUZZ_ONLY) expect(report.operations).toBeGreaterThan(200);
    expect(report.findings.map((f) => `${f.rule}: ${f.request.method} ${f.request.url}`)).toEqual([]);
  });
});
