import { describe, expect, it } from 'vitest';
import { boolFlag, intFlag, parseFlags } from './cli-flags.ts';
import { generateOptions } from './generate-options.ts';

describe('command-line flags', () => {
  it('reads --name value, --name=value and bare --flag', () => {
    const flags = parseFlags(['--cases', '10_000_000', '--streets=10', '--reset'], ['cases', 'streets', 'reset']);
    expect(intFlag(flags, 'cases', 0)).toBe(10_000_000);
    expect(intFlag(flags, 'streets', 0)).toBe(10);
    expect(boolFlag(flags, 'reset')).toBe(true);
  });

  it('refuses an unknown flag, a stray argument and a number that is not one', () => {
    expect(() => parseFlags(['--case', '1'], ['cases'])).toThrow(/Unknown flag --case/);
    expect(() => parseFlags(['100'], ['cases'])).toThrow(/Unexpected argument/);
    expect(() => intFlag(parseFlags(['--cases', 'many'], ['cases']), 'cases', 0)).toThrow(/whole number/);
  });

  it('generates a hundred thousand cases in a hundred streets unless told otherwise', () => {
    const options = generateOptions([], {});
    expect(options).toMatchObject({ cases: 100_000, streets: 100, years: 3, reset: false, verify: 0 });
    expect(options.databaseUrl).toMatch(/fengqiao_city$/);
    expect(generateOptions(['--cases', '10000000'], { DATABASE_URL: 'postgres://x@h/y' })).toMatchObject({
      cases: 10_000_000,
      databaseUrl: 'postgres://x@h/y',
    });
  });
});
