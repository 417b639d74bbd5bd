import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { openDatabase } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app-types.ts';
import { GridLocator } from './grid-locator.ts';

let h: Harness;
let admin: string;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.login('admin');
});
afterAll(() => h.close());

const get = (url: string, cookie = admin, app: App = h.app) => app.inject({ url, headers: { cookie } });
const send = (method: 'POST' | 'PATCH', url: string, payload: unknown, cookie = admin) =>
  h.app.inject({ method, url, payload: payload as object, headers: { cookie } });

async function area(level: string, code: string) {
  const { items } = (await get(`/api/areas?level=${level}&q=${code}`)).json();
  return items.find((item: { code: string }) => item.code === code);
}

const box = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const gridFeature = (parent: string, code: string, geometry: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: { parent, code, name: `网格${code}`, ...extra },
  geometry,
});

describe('the area tree', () => {
  it('lists the areas a role is held at, then their children', async () => {
    const roots = (await get('/api/areas', await h.login('secretary'))).json();
    expect(roots.items).toHaveLength(1);
    expect(roots.items[0]).toMatchObject({ level: 'community', code: 'C01', childCount: 3 });
    const children = (await get(`/api/areas?parentId=${roots.items[0].id}`, await h.login('secretary'))).json();
    expect(children.items.map((g: { code: string }) => g.code)).toEqual(['C01G01', 'C01G02', 'C01G03']);
  });

  it('lists the district for an administrator, however many areas lie under it', async () => {
    const roots = (await get('/api/areas?limit=1')).json();
    expect(roots.items.map((a: { level: string }) => a.level)).toEqual(['district']);
  });

  it('pages with a keyset cursor and refuses a forged one', async () => {
    const community = await area('community', 'C01');
    const first = (await get(`/api/areas?parentId=${community.id}&limit=2`)).json();
    expect(first.items).toHaveLength(2);
    const second = (await get(`/api/areas?parentId=${community.id}&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((g: { code: string }) => g.code)).toEqual(['C01G03']);
    expect(second.nextCursor).toBeNull();
    const forged = await get(`/api/areas?parentId=${community.id}&cursor=bm9wZQ`);
    expect(forged.json().error).toMatchObject({ code: 'INVALID_CURSOR', field: 'cursor' });
  });

  it('creates, renames, moves and retires nodes, each change an event', async () => {
    const grid1 = await area('grid', 'C01G01');
    const grid2 = await area('grid', 'C01G02');
    const created = await send('POST', '/api/areas', {
      parentId: grid1.id,
      level: 'building',
      name: '新楼',
      code: 'BNEW',
      lon: 120.231,
      lat: 29.705,
    });
    expect(created.statusCode).toBe(201);
    const building = created.json();
    const unit = (await send('POST', '/api/areas', { parentId: building.id, level: 'unit', name: '1单元', code: 'U1' })).json();

    expect((await send('PATCH', `/api/areas/${building.id}`, { name: '新楼（改）' })).json().name).toBe('新楼（改）');
    const moved = await send('PATCH', `/api/areas/${building.id}`, { parentId: grid2.id });
    expect(moved.json().parentId).toBe(grid2.id);
    const unitDetail = (await get(`/api/areas/${unit.id}`)).json();
    expect(unitDetail.breadcrumbs.map((b: { id: string }) => b.id)).toContain(grid2.id);

    const busy = await h.app.inject({
      method: 'POST',
      url: `/api/areas/${building.id}/retire`,
      payload: { reason: '拆除' },
      headers: { cookie: admin },
    });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.code).toBe('AREA_HAS_CHILDREN');
    await h.app.inject({
      method: 'POST',
      url: `/api/areas/${unit.id}/retire`,
      payload: { reason: '拆除' },
      headers: { cookie: admin },
    });
    const retired = await h.app.inject({
      method: 'POST',
      url: `/api/areas/${building.id}/retire`,
      payload: { reason: '拆除' },
      headers: { cookie: admin },
    });
    expect(retired.json().retiredAt).not.toBeNull();

    const events = await h.database.db
      .selectFrom('events')
      .select('type')
      .where('entity_id', '=', building.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['area.created', 'area.updated', 'area.moved', 'area.retired']);
  });

  it('refuses a node at the wrong level, a duplicate code, and a move across streets', async () => {
    const grid1 = await area('grid', 'C01G01');
    const wrong = await send('POST', '/api/areas', { parentId: grid1.id, level: 'household', name: '101', code: 'H101' });
    expect(wrong.json().error).toMatchObject({ code: 'AREA_WRONG_LEVEL', field: 'level' });
    const community = await area('community', 'C01');
    const duplicate = await send('POST', '/api/areas', { parentId: community.id, level: 'grid', name: '重复', code: 'C01G01' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.field).toBe('code');

    const district = await area('district', 'YZ');
    const other = (
      await send('POST', '/api/areas', { parentId: district.id, level: 'street', name: '另一街道', code: 'OTHER' })
    ).json();
    const across = await send('PATCH', `/api/areas/${community.id}`, { parentId: other.id });
    expect(across.json().error).toMatchObject({ code: 'AREA_MOVE_ACROSS_STREETS', field: 'parentId' });
  });

  it('lets a grid worker read their grid but not change it', async () => {
    const grid = await h.login('grid');
    const mine = await area('grid', 'C01G01');
    expect((await get(`/api/areas/${mine.id}`, grid)).statusCode).toBe(200);
    const rename = await h.app.inject({
      method: 'PATCH',
      url: `/api/areas/${mine.id}`,
      payload: { name: 'x' },
      headers: { cookie: grid },
    });
    expect(rename.statusCode).toBe(403);
    const other = await area('grid', 'C01G02');
    expect((await get(`/api/areas/${other.id}`, grid)).statusCode).toBe(404);
  });
});

describe('point to grid lookup', () => {
  const ringOf = async (code: string) =>
    ((await area('grid', code)).boundary.coordinates[0] as number[][]).map((p) => p.join(','));

  it('answers the grid containing a point, none outside the street, and the smaller code on a shared edge', async () => {
    const building = (await get(`/api/areas?level=building&limit=1`)).json().items[0];
    const inside = (await get(`/api/areas/grid-at?lon=${building.lon}&lat=${building.lat}`)).json();
    expect(inside.id).toBe(building.parentId);
    const outside = await get('/api/areas/grid-at?lon=121.5&lat=31.2');
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('GRID_NOT_FOUND');

    const [g1, g2] = [await ringOf('C01G01'), await ringOf('C01G02')];
    const shared = g1.find((p) => g2.includes(p)) as string;
    const [lon, lat] = shared.split(',');
    expect((await get(`/api/areas/grid-at?lon=${lon}&lat=${lat}`)).json().code).toBe('C01G01');
  });

  it('stays right after a boundary edit, also in another server instance', async () => {
    const second = await openDatabase(h.url ? { databaseUrl: h.url, poolSize: 2 } : { memory: true });
    // On PGlite one process owns the database: the second instance shares its handle but not its index.
    const otherApp = await buildApp({
      config: h.config,
      database: h.url ? second : h.database,
      gridLocator: new GridLocator(),
      version: 'test',
    });
    try {
      const grid3 = await area('grid', 'C01G03');
      const [w, s, e, n] = bbox(grid3.boundary.coordinates[0]);
      const probe = { lon: w + (e - w) * 0.9, lat: s + (n - s) * 0.5 };
      const url = `/api/areas/grid-at?lon=${probe.lon}&lat=${probe.lat}`;
      expect((await get(url, admin, otherApp)).json().code).toBe('C01G03');

      const shrunk = box(w + (e - w) * 0.3, s + (n - s) * 0.3, w + (e - w) * 0.6, s + (n - s) * 0.6);
      expect((await send('PATCH', `/api/areas/${grid3.id}`, { boundary: shrunk })).statusCode).toBe(200);
      expect((await get(url)).statusCode).toBe(404);
      expect((await get(url, admin, otherApp)).statusCode).toBe(404);
    } finally {
      await otherApp.close();
      await second.close();
    }
  });

  it('refuses a boundary that overlaps a sibling grid', async () => {
    const [g1, g2] = [await area('grid', 'C01G01'), await area('grid', 'C01G02')];
    const response = await send('PATCH', `/api/areas/${g1.id}`, { boundary: g2.boundary });
    expect(response.json().error).toMatchObject({ code: 'AREA_BOUNDARY_INVALID', field: 'boundary' });
    expect(response.json().error.message).toMatch(/overlaps grid C01G02/);
  });
});

function bbox(ring: number[][]): [number, number, number, number] {
  const xs = ring.map((p) => p[0] as number);
  const ys = ring.map((p) => p[1] as number);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

describe('importing grid boundaries from GeoJSON', () => {
  let communityId: string;
  beforeAll(async () => {
    const street = await area('street', 'FQ');
    const created = await send('POST', '/api/areas', {
      parentId: street.id,
      level: 'community',
      name: '新建社区',
      code: 'C09',
      boundary: box(120.3, 29.8, 120.32, 29.81),
    });
    communityId = created.json().id;
  });
  const importFile = (features: unknown[], query = '') =>
    h.app.inject({
      method: 'POST',
      url: `/api/areas/import-grids${query}`,
      payload: { type: 'FeatureCollection', features },
      headers: { cookie: admin },
    });
  const gridCount = async () => (await get(`/api/areas?parentId=${communityId}`)).json().items.length;

  it('creates the grids of a good file, with their worker, and updates them on a second import', async () => {
    const features = [
      gridFeature('C09', 'C09G01', box(120.3, 29.8, 120.31, 29.81), { worker: 'grid' }),
      gridFeature(communityId, 'C09G02', box(120.31, 29.8, 120.32, 29.81)),
    ];
    const dry = (await importFile(features, '?dryRun=true')).json();
    expect(dry).toMatchObject({ dryRun: true, created: 2, updated: 0 });
    expect(await gridCount()).toBe(0);

    const result = (await importFile(features)).json();
    expect(result).toMatchObject({ dryRun: false, created: 2, updated: 0 });
    const g1 = await area('grid', 'C09G01');
    expect(g1.responsibleName).toBeTruthy();
    expect((await get('/api/areas/grid-at?lon=120.315&lat=29.805')).json().code).toBe('C09G02');

    const again = (await importFile(features.map((f) => ({ ...f, properties: { ...f.properties, name: '改名网格' } })))).json();
    expect(again).toMatchObject({ created: 0, updated: 2 });
    expect((await area('grid', 'C09G01')).name).toBe('改名网格');
  });

  it('rejects a bad file whole, naming the feature and the reason', async () => {
    const before = await gridCount();
    const cases: [unknown[], RegExp][] = [
      [
        [
          gridFeature('C09', 'C09G03', box(120.3, 29.81, 120.31, 29.82)),
          gridFeature('C09', 'C09G04', box(120.305, 29.81, 120.315, 29.82)),
        ],
        /^Feature 1 overlaps feature 0/,
      ],
      [
        [
          gridFeature('C09', 'C09G05', {
            type: 'Polygon',
            coordinates: [
              [
                [120.3, 29.83],
                [120.31, 29.83],
                [120.31, 29.84],
                [120.3, 29.84],
              ],
            ],
          }),
        ],
        /^Feature 0 polygon 0 ring 0 is not closed/,
      ],
      [
        [
          gridFeature('C09', 'C09G06', box(120.3, 29.85, 120.31, 29.86)),
          gridFeature('NOPE', 'X1', box(120.4, 29.85, 120.41, 29.86)),
        ],
        /^Feature 1 names parent "NOPE"/,
      ],
      [[gridFeature('C09', 'C09G07', box(120.3, 29.8, 120.305, 29.805))], /^Feature 0 overlaps existing grid C09G01/],
      [[gridFeature('C09', 'C09G08', box(120.3, 29.87, 120.31, 29.88), { worker: 'ghost' })], /^Feature 0 names worker "ghost"/],
    ];
    for (const [features, message] of cases) {
      const response = await importFile(features);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('GEOJSON_INVALID');
      expect(response.json().error.message).toMatch(message);
    }
    expect(await gridCount()).toBe(before);
    const notCollection = await h.app.inject({
      method: 'POST',
      url: '/api/areas/import-grids',
      payload: { type: 'Feature' },
      headers: { cookie: admin },
    });
    expect(notCollection.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'type' });
  });

  it('is refused to a community secretary outside their community', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/areas/import-grids',
      payload: { type: 'FeatureCollection', features: [gridFeature('C09', 'C09G09', box(120.3, 29.9, 120.31, 29.91))] },
      headers: { cookie: await h.login('secretary') },
    });
    expect(response.statusCode).toBe(403);
  });
});
