import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../../test/harness.ts';

interface Place {
  kind: 'estate' | 'building';
  id: string;
  name: string;
  estateName: string | null;
  communityName: string | null;
  lon: number | null;
  lat: number | null;
}

let h: Harness;
let categoryId: string;

beforeAll(async () => {
  h = await startHarness();
  const categories = (await h.app.inject({ url: '/api/case-categories' })).json().items;
  categoryId = categories[0].children[0].id;
});
afterAll(() => h.close());

const places = async (search = '') => {
  const response = await h.app.inject({ url: `/api/public/places${search}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Place[];
};

describe('places to pick for a report', () => {
  it('are open without an account: estates first, each followed by its buildings, with positions and nothing personal', async () => {
    const items = await places('?limit=50');
    expect(items.length).toBeGreaterThan(3);
    const first = items[0] as Place;
    expect(first).toMatchObject({ kind: 'estate', estateName: first.name });
    expect(items[1]).toMatchObject({ kind: 'building', estateName: first.name });
    for (const place of items) {
      expect(Object.keys(place).sort()).toEqual(['communityName', 'estateName', 'id', 'kind', 'lat', 'lon', 'name']);
      expect(place.lon).not.toBeNull();
    }
  });

  it('are found by part of a building or estate name', async () => {
    const building = (await places('?limit=50')).find((p) => p.kind === 'building') as Place;
    const found = await places(`?q=${encodeURIComponent(building.name)}`);
    expect(found.map((p) => p.id)).toContain(building.id);
    expect(found.every((p) => p.name.includes(building.name) || p.estateName?.includes(building.name))).toBe(true);
    expect(await places('?q=%25%25nothing-like-this')).toEqual([]);
  });

  it('come nearest first around a point', async () => {
    const far = (await places('?limit=50')).filter((p) => p.kind === 'building').at(-1) as Place;
    const near = await places(`?lon=${far.lon}&lat=${far.lat}&limit=3`);
    expect(near.some((p) => p.id === far.id)).toBe(true);
    expect(near[0]).toMatchObject({ lon: far.lon, lat: far.lat });
  });

  it('a building picked from them, or an estate’s point, places an anonymous report in a grid', async () => {
    const items = await places('?limit=50');
    const building = items.find((p) => p.kind === 'building') as Place;
    const estate = items.find((p) => p.kind === 'estate') as Place;
    const report = (place: object) =>
      h.app.inject({
        method: 'POST',
        url: '/api/public/cases',
        payload: { categoryId, description: '楼道灯坏了', ...place },
      });
    const byBuilding = await report({ buildingId: building.id });
    expect(byBuilding.statusCode, byBuilding.body).toBe(201);
    const byEstate = await report({ lon: estate.lon, lat: estate.lat, address: estate.name });
    expect(byEstate.statusCode, byEstate.body).toBe(201);
    const rows = await h.database.db
      .selectFrom('cases')
      .select(['building_id', 'grid_id', 'address'])
      .where('number', 'in', [byBuilding.json().case.number, byEstate.json().case.number])
      .orderBy('number')
      .execute();
    expect(rows[0]).toMatchObject({ building_id: building.id, address: building.name });
    expect(rows[1]).toMatchObject({ building_id: null, address: estate.name });
    expect(rows.every((row) => row.grid_id !== null)).toBe(true);
  });

  it('refuse half a point and an oversized page with the field named', async () => {
    const half = await h.app.inject({ url: '/api/public/places?lon=120.2' });
    expect(half.statusCode).toBe(400);
    expect(half.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lat' });
    const big = await h.app.inject({ url: '/api/public/places?limit=500' });
    expect(big.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'limit' });
  });
});
