import { availableParallelism } from 'node:os';
import { boolFlag, intFlag, numberFlag, parseFlags } from './cli-flags.ts';
import { DEFAULT_CITY_URL } from './database-admin.ts';

export interface GenerateOptions {
  databaseUrl: string;
  cases: number;
  streets: number;
  years: number;
  seed: number;
  workers: number;
  /** Drop and recreate a database that already holds data. */
  reset: boolean;
  /** How many streets' rollups to compare with the rebuild afterwards. */
  verify: number;
}

export const GENERATE_USAGE = `npm run generate -- [--cases 100000] [--streets 100] [--years 3] [--seed 1] [--workers 2] [--reset] [--verify 0]
  fills DATABASE_URL (default ${DEFAULT_CITY_URL}) with a city: streets of about 80 grids each, their
  communities, buildings, households and residents, and that many cases over that many years.
  --verify n: afterwards, n streets' daily rollups are compared with what npm run rollups:rebuild makes of them.`;

export function generateOptions(argv: readonly string[], env: NodeJS.ProcessEnv): GenerateOptions {
  const flags = parseFlags(argv, ['cases', 'streets', 'years', 'seed', 'workers', 'reset', 'verify', 'help']);
  if (flags.has('help')) throw new Error(GENERATE_USAGE);
  return {
    databaseUrl: env.DATABASE_URL || DEFAULT_CITY_URL,
    cases: intFlag(flags, 'cases', 100_000),
    streets: intFlag(flags, 'streets', 100, 1),
    years: numberFlag(flags, 'years', 3, 0.05),
    seed: intFlag(flags, 'seed', 1),
    workers: intFlag(flags, 'workers', Math.min(2, availableParallelism()), 1),
    reset: boolFlag(flags, 'reset'),
    verify: intFlag(flags, 'verify', 0),
  };
}
