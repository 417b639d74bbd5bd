import { boolFlag, intFlag, parseFlags } from '../generate/cli-flags.ts';

export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/fengqiao_bench';
export const FULL_CASES = 10_000_000;

export interface BenchOptions {
  databaseUrl: string;
  cases: number;
  streets: number;
  /** How long each load runs (pgbench, intake, two instances). */
  seconds: number;
  points: number;
  /** Repetitions of each inbox and rollup query. */
  runs: number;
  /** Repetitions of each direct aggregate over the cases table. */
  directRuns: number;
  regenerate: boolean;
  append: boolean;
  benchmarksFile: string;
}

export const BENCH_USAGE = `npm run bench -- [--full | --cases 100000] [--streets 100] [--seconds 15] [--points 100000] [--regenerate] [--no-append]
  measures against DATABASE_URL (default ${DEFAULT_BENCH_URL}), generating the city there first when it does
  not hold one of that size; prints one table and appends it to BENCHMARKS.md. --full: 10,000,000 cases.`;

export function benchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = parseFlags(argv, [
    'full',
    'cases',
    'streets',
    'seconds',
    'points',
    'runs',
    'direct-runs',
    'regenerate',
    'no-append',
    'benchmarks-file',
    'help',
  ]);
  if (flags.has('help')) throw new Error(BENCH_USAGE);
  const full = boolFlag(flags, 'full');
  const file = flags.get('benchmarks-file');
  return {
    databaseUrl: env.DATABASE_URL || DEFAULT_BENCH_URL,
    cases: intFlag(flags, 'cases', full ? FULL_CASES : 100_000, 1),
    streets: intFlag(flags, 'streets', 100, 1),
    seconds: intFlag(flags, 'seconds', 15, 1),
    points: intFlag(flags, 'points', 100_000, 1),
    runs: intFlag(flags, 'runs', 30, 1),
    directRuns: intFlag(flags, 'direct-runs', full ? 3 : 5, 1),
    regenerate: boolFlag(flags, 'regenerate'),
    append: !boolFlag(flags, 'no-append'),
    benchmarksFile: typeof file === 'string' ? file : 'BENCHMARKS.md',
  };
}
