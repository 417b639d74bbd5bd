import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { checkBoundary, checkNoOverlap } from '../modules/areas/geojson-validation.ts';
import { isValidIdNumber } from '../modules/residents/id-number.ts';
import type { GeoJsonPolygon } from '../platform/db/schema.ts';
import { FULL_SCALE, planStreet } from './street-plan.ts';

const plan = planStreet(FULL_SCALE);

describe('the demo street', () => {
  it('has about six communities of 10-14 grids each, and tens of thousands of residents', () => {
    expect(plan.communities).toHaveLength(6);
    for (const community of plan.communities) {
      const grids = plan.grids.filter((g) => g.parent_id === community.id);
      expect(grids.length).toBeGreaterThanOrEqual(10);
      expect(grids.length).toBeLessThanOrEqual(14);
    }
    expect(plan.residents.length).toBeGreaterThan(20_000);
  });

  it('draws valid grid polygons that do not overlap their neighbours', () => {
    for (const community of plan.communities) {
      const grids = plan.grids.filter((g) => g.parent_id === community.id);
      grids.forEach((grid, i) => {
        expect(() => checkBoundary(grid.boundary)).not.toThrow();
        const others = grids.slice(i + 1).map((g) => ({ label: g.code, boundary: g.boundary as GeoJsonPolygon }));
        expect(() => checkNoOverlap({ label: grid.code, boundary: grid.boundary as GeoJsonPolygon }, others)).not.toThrow();
      });
    }
  });

  it('puts every building inside its own grid', () => {
    const gridById = new Map(plan.grids.map((g) => [g.id, g]));
    for (const building of plan.nodes.filter((n) => n.level === 'building')) {
      const grid = gridById.get(building.parent_id as string);
      expect(booleanPointInPolygon([building.lon as number, building.lat as number], grid?.boundary as never)).toBe(true);
    }
  });

  it('gives every resident a unique, valid identity number', () => {
    const numbers = plan.residents.map((r) => r.id_number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.every(isValidIdNumber)).toBe(true);
  });

  it('is the same street on every run, apart from its ids', () => {
    const again = planStreet(FULL_SCALE);
    expect(again.residents.slice(0, 50).map((r) => r.name)).toEqual(plan.residents.slice(0, 50).map((r) => r.name));
  });
});
