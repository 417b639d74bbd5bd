import stringWidth from 'string-width';

/** The benchmark's one table: every figure with its target and whether it is met, as Markdown. */
export interface Figure {
  name: string;
  measured: string;
  target: string;
  /** null: a figure shown for reference, with no target of its own. */
  met: boolean | null;
}

const verdict = (met: boolean | null) => (met === null ? '' : met ? 'met' : '**not met**');

/** Columns padded to their width on screen (a Chinese character takes two), as the formatter lays Markdown tables out. */
export function renderTable(figures: readonly Figure[]): string {
  const rows = [['figure', 'measured', 'target', ''], ...figures.map((f) => [f.name, f.measured, f.target, verdict(f.met)])];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => stringWidth(row[i] as string)))) ?? [];
  const pad = (cell: string, i: number) => cell + ' '.repeat((widths[i] as number) - stringWidth(cell));
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  return [line(rows[0] as string[]), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
}

export interface BenchmarkEntry {
  when: Date;
  command: string;
  machine: string[];
  scale: string[];
  figures: readonly Figure[];
}

/** A section of BENCHMARKS.md: when, how, on what, at which scale, then the table. */
export function renderEntry(entry: BenchmarkEntry): string {
  const met = entry.figures.filter((f) => f.met === true).length;
  const targets = entry.figures.filter((f) => f.met !== null).length;
  return [
    `## ${entry.when.toISOString().replace('T', ' ').slice(0, 16)} UTC: ${met} of ${targets} targets met`,
    '',
    '```sh',
    entry.command,
    '```',
    '',
    ...entry.machine.map((line) => `- ${line}`),
    ...entry.scale.map((line) => `- ${line}`),
    '',
    renderTable(entry.figures),
    '',
  ].join('\n');
}

/** Milliseconds, to two significant places below 10. */
export const ms = (value: number) => (value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value).toLocaleString('en')} ms`);
export const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')}/s`;
export const megabytes = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;
export const times = (ratio: number) => `${ratio >= 10 ? Math.round(ratio).toLocaleString('en') : ratio.toFixed(1)}x`;

/** The value at a fraction of the sorted samples (nearest rank). */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] as number;
}
