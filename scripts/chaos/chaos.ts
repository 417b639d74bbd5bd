import { parseArgs } from 'node:util';
import { clusterUnavailable } from './cluster.ts';
import { formatReport, passed, runChaos } from './run.ts';

/**
 * npm run chaos [-- --kill-seconds 150 --outage-seconds 60 --workers 6 --seed 7 --engine postgres|pglite]
 * Crash and outage harness: see scripts/chaos/run.ts. Needs root (the private cluster runs as
 * the postgres user) and PostgreSQL 15's programs in /usr/lib/postgresql/15/bin (or PG_BIN).
 */
const { values } = parseArgs({
  options: {
    'kill-seconds': { type: 'string', default: '150' },
    'outage-seconds': { type: 'string', default: '60' },
    workers: { type: 'string', default: '6' },
    seed: { type: 'string' },
    'fault-every': { type: 'string', default: '3000-8000' },
    engine: { type: 'string', default: 'postgres' },
  },
});

const engine = values.engine === 'pglite' ? 'pglite' : 'postgres';
const why = engine === 'postgres' ? clusterUnavailable() : undefined;
if (why) {
  process.stderr.write(`chaos: ${why}\n`);
  process.exit(2);
}
const [min, max] = (values['fault-every'] as string).split('-').map(Number) as [number, number];
const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 1_000_000);
const started = Date.now();
const report = await runChaos({
  engine,
  killSeconds: Number(values['kill-seconds']),
  outageSeconds: Number(values['outage-seconds']),
  workers: Number(values.workers),
  faultEvery: [min, max],
  seed,
  log: (line) => process.stdout.write(`[chaos] ${line}\n`),
});
process.stdout.write(`\n${formatReport(report)}\n`);
process.stdout.write(`${passed(report) ? 'PASS' : 'FAIL'} in ${Math.round((Date.now() - started) / 1000)} s\n`);
process.exit(passed(report) ? 0 : 1);
