import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { inboxFigures } from './bench-figures.ts';
import { parseTps } from './pgbench.ts';
import { percentile, renderEntry, renderTable } from './report.ts';

describe('the benchmark report', () => {
  it('prints one aligned Markdown table, saying plainly which targets are not met', () => {
    const table = renderTable([
      { name: 'a', measured: '1 ms', target: '< 20 ms', met: true },
      { name: 'longer name', measured: '30 ms', target: '< 20 ms', met: false },
      { name: 'reference', measured: '5/s', target: 'reference', met: null },
      { name: '枫桥街道 dashboard', measured: '1 ms', target: '< 50 ms', met: true },
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(6);
    expect(new Set(lines.map((line) => stringWidth(line))).size).toBe(1);
    expect(lines[1]).toMatch(/^\| -+ \| -+ \|/);
    expect(lines[3]).toContain('**not met**');
    expect(lines[2]).toMatch(/\| met\s+\|$/);
  });

  it('heads an entry with the time, the count of targets met, the command and the machine', () => {
    const entry = renderEntry({
      when: new Date('2026-11-25T01:02:03Z'),
      command: 'npm run bench',
      machine: ['machine: 2 cores'],
      scale: ['data: 100 cases'],
      figures: [
        { name: 'x', measured: '1', target: '1', met: true },
        { name: 'y', measured: '2', target: '1', met: false },
        { name: 'z', measured: '3', target: 'reference', met: null },
      ],
    });
    expect(entry).toMatch(/^## 2026-11-25 01:02 UTC: 1 of 2 targets met/);
    expect(entry).toContain('```sh\nnpm run bench\n```');
    expect(entry).toContain('- machine: 2 cores');
  });

  it('takes percentiles by nearest rank and pgbench tps from its output', () => {
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        0.95,
      ),
    ).toBe(95);
    expect(parseTps('latency average = 0.8 ms\ntps = 10123.456789 (without initial connection time)\n')).toBeCloseTo(10123.46, 2);
  });

  it('counts a deep page as met only when the list really reached page 100', () => {
    const timing = (page: number) => ({ p50: 5, p95: 8, page, items: 20 });
    const rows = inboxFigures('grid worker', { inboxFirst: timing(1), listFirst: timing(1), listDeep: timing(63) });
    expect(rows.map((r) => r.met)).toEqual([true, true, false]);
    expect(rows[2]?.name).toContain('page 63');
  });
});
