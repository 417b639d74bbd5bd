import { describe, expect, it } from 'vitest';
import { isWorkingDay, localDate } from '../modules/calendar/working-days.ts';
import type { Tier } from '../modules/cases/lifecycle.ts';
import { DAY_MS, demoHistory, NOW, rules, table, timeZone } from './case-history.fixture.ts';
import type { PlannedCase } from './case-rows.ts';
import type { HistoryCategory } from './street-index.ts';

const h = demoHistory();
const share = (part: number, whole: number) => part / whole;
const codeOf = new Map(rules.categories.map((c) => [c.id, c.code]));
const parentCodeOf = (c: PlannedCase) => {
  const category = rules.categories.find((k) => k.id === c.category_id) as HistoryCategory;
  return codeOf.get(category.parentId ?? '') ?? category.code;
};
const finished = h.cases.filter((c) => c.closed_at && c.solved_tier);

describe('the demo case history', () => {
  it('holds about 3,000 cases over the last 180 days, numbered per year in order of intake', () => {
    expect(h.cases).toHaveLength(3000);
    const times = h.cases.map((c) => c.created_at.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 180 * DAY_MS);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const { year, last } of h.counters) {
      const numbers = h.cases.filter((c) => c.number.startsWith(`${year}-`)).map((c) => c.number);
      expect(numbers).toEqual(Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(6, '0')}`));
    }
    expect(h.counters.map((c) => c.year)).toEqual([2025, 2026]);
  });

  it('comes in on working days and in the daytime mostly', () => {
    const onWorkingDays = h.cases.filter((c) => isWorkingDay(localDate(c.created_at, timeZone), table)).length;
    expect(share(onWorkingDays, 3000)).toBeGreaterThan(0.72);
    const hourOf = (c: PlannedCase) =>
      Number(new Intl.DateTimeFormat('en', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(c.created_at));
    expect(share(h.cases.filter((c) => hourOf(c) >= 8 && hourOf(c) < 19).length, 3000)).toBeGreaterThan(0.65);
  });

  it('is reported by residents about half the time and by patrols a fifth, who find fire hazards above all', () => {
    const from = (source: string) => h.cases.filter((c) => c.source === source);
    expect(share(from('resident').length, 3000)).toBeGreaterThan(0.45);
    expect(share(from('resident').length, 3000)).toBeLessThan(0.55);
    expect(share(from('patrol').length, 3000)).toBeGreaterThan(0.16);
    expect(share(from('patrol').length, 3000)).toBeLessThan(0.24);
    const patrolFire = from('patrol').filter((c) => parentCodeOf(c) === 'FIRE').length;
    expect(share(patrolFire, from('patrol').length)).toBeGreaterThan(0.4);
    const byParent = new Map<string, number>();
    for (const c of h.cases) byParent.set(parentCodeOf(c), (byParent.get(parentCodeOf(c)) ?? 0) + 1);
    const ranked = [...byParent].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    expect(ranked.slice(0, 4)).toEqual(expect.arrayContaining(['ENV', 'PROPERTY', 'NOISE']));
    const urgent = h.cases.filter((c) => c.priority === 'urgent');
    expect(urgent.length).toBeGreaterThan(5);
    expect(urgent.every((c) => ['FIRE', 'ROAD'].includes(parentCodeOf(c)))).toBe(true);
  });

  it('solves about 80% in the grid, 15% at the community and 5% beyond: small things do not leave the grid', () => {
    const at = (tier: Tier) => share(finished.filter((c) => c.solved_tier === tier).length, finished.length);
    expect(at('grid')).toBeGreaterThan(0.75);
    expect(at('grid')).toBeLessThan(0.85);
    expect(at('community')).toBeGreaterThan(0.1);
    expect(at('community')).toBeLessThan(0.2);
    expect(at('department') + at('district')).toBeGreaterThan(0.03);
    expect(at('department') + at('district')).toBeLessThan(0.08);
  });

  it('finishes nine in ten on time, is rated 4-5 mostly, and leaves about one in ten unrated', () => {
    expect(share(finished.filter((c) => !c.ever_overdue).length, finished.length)).toBeGreaterThan(0.85);
    expect(share(finished.filter((c) => !c.ever_overdue).length, finished.length)).toBeLessThan(0.95);
    const ratings = h.events.filter((e) => e.type === 'case.rated').map((e) => e.data.rating as number);
    expect(share(ratings.filter((r) => r >= 4).length, ratings.length)).toBeGreaterThan(0.75);
    expect(share(ratings.filter((r) => r <= 2).length, ratings.length)).toBeGreaterThan(0.02);
    const rateable = finished.filter((c) => c.close_reason !== 'closed_by_staff');
    const unrated = share(rateable.filter((c) => c.close_reason === 'not_rated').length, rateable.length);
    expect(unrated).toBeGreaterThan(0.05);
    expect(unrated).toBeLessThan(0.15);
    expect(h.cases.filter((c) => c.returned_count > 0).length).toBeGreaterThan(30);
    expect(h.cases.filter((c) => c.urge_count > 0).length).toBeGreaterThan(30);
  });

  it('rejects a few with a reason and merges a few into an earlier open case of their grid and category', () => {
    const rejected = h.cases.filter((c) => c.state === 'rejected');
    expect(share(rejected.length, 3000)).toBeGreaterThan(0.02);
    expect(share(rejected.length, 3000)).toBeLessThan(0.05);
    expect(rejected.every((c) => c.reject_reason)).toBe(true);
    const duplicates = h.cases.filter((c) => c.state === 'duplicate');
    expect(share(duplicates.length, 3000)).toBeGreaterThan(0.015);
    for (const d of duplicates) {
      const target = h.cases.find((c) => c.id === d.merged_into) as PlannedCase;
      expect([target.grid_id, target.category_id]).toEqual([d.grid_id, d.category_id]);
      expect(target.created_at < d.created_at).toBe(true);
      expect(h.followers).toContainEqual({ case_id: target.id, source_case_id: d.id });
    }
  });
});
