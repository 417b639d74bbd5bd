/** `--name value`, `--name=value` and bare `--flag` arguments, checked against the flags a command knows. */
export type Flags = Map<string, string | true>;

export function parseFlags(argv: readonly string[], known: readonly string[]): Flags {
  const flags: Flags = new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}": flags look like --cases 100000.`);
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!known.includes(name)) throw new Error(`Unknown flag --${name}; known: ${known.map((k) => `--${k}`).join(' ')}.`);
    const next = argv[i + 1];
    if (inline !== undefined) flags.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) {
      flags.set(name, next);
      i++;
    } else flags.set(name, true);
  }
  return flags;
}

/** A whole number, with `_` or `,` allowed as thousands separators (10_000_000). */
export function intFlag(flags: Flags, name: string, fallback: number, min = 0): number {
  const value = flags.get(name);
  if (value === undefined) return fallback;
  const n = typeof value === 'string' ? Number(value.replaceAll(/[_,]/g, '')) : Number.NaN;
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes a whole number of at least ${min}.`);
  return n;
}

export function numberFlag(flags: Flags, name: string, fallback: number, min = 0): number {
  const value = flags.get(name);
  if (value === undefined) return fallback;
  const n = typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} takes a number of at least ${min}.`);
  return n;
}

export const boolFlag = (flags: Flags, name: string) => flags.get(name) === true || flags.get(name) === 'true';
