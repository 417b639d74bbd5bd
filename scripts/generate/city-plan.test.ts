import { describe, expect, it } from 'vitest';
import { boundingBox } from '../../src/modules/areas/grid-index.ts';
import type { GeoJsonPolygon } from '../../src/platform/db/schema.ts';
import { cityLayout, planAdmin, planCityStreet, planDistrict, shareOut } from './city-plan.ts';
import { casesPerStreet } from './generate-city.ts';

const layout = cityLayout(4);
const district = planDistrict(layout);
const admin = planAdmin(district);
const [first, second] = [planCityStreet(district, admin, layout, 0, 11), planCityStreet(district, admin, layout, 1, 12)];

describe('the generated city', () => {
  it('hangs every street under one district, each on its own block of the map', () => {
    for (const street of [first, second]) {
      expect(street.plan.street.parent_id).toBe(district.id);
      expect(street.plan.nodes.every((node) => node.path.startsWith(`${district.path}${street.plan.street.id}/`))).toBe(true);
      expect(street.plan.nodes.some((node) => node.level === 'district')).toBe(false);
    }
    const box = (s: typeof first) => boundingBox(s.plan.street.boundary as GeoJsonPolygon);
    const [a, b] = [box(first), box(second)];
    expect(a[2]).toBeCloseTo(b[0], 6);
    const gridBoxes = second.plan.grids.map((g) => boundingBox(g.boundary as GeoJsonPolygon));
    expect(gridBoxes.every(([w, s, e, n]) => w >= b[0] - 1e-9 && e <= b[2] + 1e-9 && s >= b[1] - 1e-9 && n <= b[3] + 1e-9)).toBe(
      true,
    );
  });

  it('has about eighty grids a street, and accounts named after their street with one administrator for all', () => {
    expect(first.plan.grids.length).toBeGreaterThanOrEqual(5 * 2 * 3);
    expect(first.plan.grids.length).toBeLessThanOrEqual(8 * 4 * 5);
    expect(first.users[0]).toBe(admin);
    expect(second.users[0]).toBe(admin);
    const names = [...first.users.slice(1), ...second.users.slice(1)].map((u) => u.username);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('s001.grid');
    expect(names).toContain('s002.resident');
    expect(names.every((name) => /^s00[12]\./.test(name))).toBe(true);
  });

  it('shares the cases out to the exact total, busier streets getting more', () => {
    expect(shareOut(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(shareOut(1000, [3, 1])).toEqual([750, 250]);
    const counts = casesPerStreet({ cases: 10_000_000, streets: 100, seed: 1 });
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000_000);
    expect(Math.max(...counts) / Math.min(...counts)).toBeGreaterThan(1.5);
  });
});
