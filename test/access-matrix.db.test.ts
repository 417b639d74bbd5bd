import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.ts';

/**
 * Every demo role against every route, on a record inside and outside its scope. The expected
 * answers are written out by hand from the role table, not computed by the code under test.
 * Records: grid A (C01G01, the grid worker's), grid B (C01G02, same community), grid C (C02G01,
 * another community), a resident living in each, the urban-management department (at the street).
 */
const ROLES = ['admin', 'leader', 'secretary', 'staff', 'grid', 'dept', 'property', 'mediator', 'partner', 'resident'] as const;
type Role = (typeof ROLES)[number];
type Record = 'gridA' | 'gridB' | 'gridC' | 'residentA' | 'residentB' | 'residentC' | 'department' | 'workerC';

interface Row {
  route: string;
  record: Record;
  /** Roles answered 200; roles in `forbidden` 403; all others 404. */
  allowed: Role[];
  forbidden?: Role[];
}

const everyone: Role[] = [...ROLES];
const MATRIX: Row[] = [
  {
    route: 'GET /api/areas/:id',
    record: 'gridA',
    allowed: ['admin', 'leader', 'secretary', 'staff', 'grid', 'dept', 'property', 'mediator', 'partner'],
  },
  {
    route: 'GET /api/areas/:id',
    record: 'gridB',
    allowed: ['admin', 'leader', 'secretary', 'staff', 'dept', 'property', 'mediator', 'partner'],
  },
  { route: 'GET /api/areas/:id', record: 'gridC', allowed: ['admin', 'leader', 'dept', 'property', 'mediator'] },
  {
    route: 'PATCH /api/areas/:id',
    record: 'gridA',
    allowed: ['admin'],
    forbidden: ['leader', 'secretary', 'staff', 'grid', 'dept', 'property', 'mediator', 'partner'],
  },
  { route: 'PATCH /api/areas/:id', record: 'gridC', allowed: ['admin'], forbidden: ['leader', 'dept', 'property', 'mediator'] },
  {
    route: 'GET /api/residents/:id',
    record: 'residentA',
    allowed: ['admin', 'leader', 'secretary', 'staff', 'grid', 'mediator'],
  },
  { route: 'GET /api/residents/:id', record: 'residentB', allowed: ['admin', 'leader', 'secretary', 'staff', 'mediator'] },
  { route: 'GET /api/residents/:id', record: 'residentC', allowed: ['admin', 'leader', 'mediator'] },
  {
    route: 'PATCH /api/residents/:id',
    record: 'residentA',
    allowed: ['admin', 'secretary', 'staff', 'grid'],
    forbidden: ['leader', 'mediator'],
  },
  { route: 'PATCH /api/residents/:id', record: 'residentC', allowed: ['admin'], forbidden: ['leader', 'mediator'] },
  {
    route: 'GET /api/organisations/:id',
    record: 'department',
    allowed: ['admin', 'leader', 'secretary', 'staff', 'dept', 'property', 'mediator'],
  },
  {
    route: 'PATCH /api/organisations/:id',
    record: 'department',
    allowed: ['admin'],
    forbidden: ['leader', 'secretary', 'staff', 'dept', 'property', 'mediator'],
  },
  { route: 'GET /api/users/:id', record: 'workerC', allowed: ['admin', 'leader'] },
  { route: 'PATCH /api/users/:id', record: 'workerC', allowed: ['admin'], forbidden: ['leader'] },
];

/** A body that changes nothing visible, so every allowed write can run in any order. */
const BODIES: { [route: string]: (record: { name?: string }) => object } = {
  'PATCH /api/areas/:id': (r) => ({ name: r.name }),
  'PATCH /api/residents/:id': () => ({ tags: [] }),
  'PATCH /api/organisations/:id': (r) => ({ name: r.name }),
  'PATCH /api/users/:id': (r) => ({ displayName: r.name }),
};

let h: Harness;
const records = new Map<Record, { id: string; name: string }>();

beforeAll(async () => {
  h = await startHarness();
  const db = h.database.db;
  const grid = (code: string) =>
    db
      .selectFrom('area_nodes')
      .select(['id', 'name', 'path'])
      .where('code', '=', code)
      .where('level', '=', 'grid')
      .executeTakeFirstOrThrow();
  const residentIn = (path: string) =>
    db
      .selectFrom('residents as r')
      .innerJoin('area_nodes as h', 'h.id', 'r.household_id')
      .select(['r.id', 'r.name'])
      .where('h.path', 'like', `${path}%`)
      .orderBy('r.name')
      .executeTakeFirstOrThrow();
  for (const [key, code] of [
    ['A', 'C01G01'],
    ['B', 'C01G02'],
    ['C', 'C02G01'],
  ] as const) {
    const g = await grid(code);
    records.set(`grid${key}`, g);
    records.set(`resident${key}`, await residentIn(g.path));
  }
  records.set(
    'department',
    await db.selectFrom('organisations').select(['id', 'name']).where('code', '=', 'URBAN_MGMT').executeTakeFirstOrThrow(),
  );
  const worker = await db
    .selectFrom('users')
    .select(['id', 'display_name as name'])
    .where('username', '=', 'gw_c02g01')
    .executeTakeFirstOrThrow();
  records.set('workerC', worker);
});
afterAll(() => h.close());

describe('authorisation matrix: every role x route x record in and out of scope', () => {
  const cases = MATRIX.flatMap((row) =>
    everyone.map((role) => {
      const expected = row.allowed.includes(role) ? 200 : row.forbidden?.includes(role) ? 403 : 404;
      return { ...row, role, expected };
    }),
  );

  it.each(cases)('$route on $record as $role answers $expected', async ({ route, record, role, expected }) => {
    const [method, path] = route.split(' ') as ['GET' | 'PATCH', string];
    const target = records.get(record) as { id: string; name: string };
    const response = await h.app.inject({
      method,
      url: path.replace(':id', target.id),
      headers: { cookie: await h.login(role) },
      ...(method === 'PATCH' ? { payload: (BODIES[route] as (r: object) => object)(target) } : {}),
    });
    expect(response.statusCode, response.body).toBe(expected);
    if (expected === 404) expect(response.body).not.toContain(target.name);
  });

  it.each(MATRIX)('$route on $record without signing in answers 401', async ({ route, record }) => {
    const [method, path] = route.split(' ') as ['GET' | 'PATCH', string];
    const response = await h.app.inject({
      method,
      url: path.replace(':id', (records.get(record) as { id: string }).id),
      ...(method === 'PATCH' ? { payload: {} } : {}),
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('lists show only what lies in scope', () => {
  it('a grid worker lists only the residents of their grid', async () => {
    const cookie = await h.login('grid');
    const { items } = (await h.app.inject({ url: '/api/residents?limit=100', headers: { cookie } })).json();
    const gridA = records.get('gridA') as { id: string };
    const paths = await h.database.db
      .selectFrom('residents as r')
      .innerJoin('area_nodes as hh', 'hh.id', 'r.household_id')
      .select('hh.path')
      .where(
        'r.id',
        'in',
        items.map((i: { id: string }) => i.id),
      )
      .execute();
    expect(items.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.path.includes(gridA.id))).toBe(true);
  });

  it('a resident sees no list of residents, and a patrol volunteer is forbidden the user list', async () => {
    const resident = await h.login('resident');
    expect((await h.app.inject({ url: '/api/residents', headers: { cookie: resident } })).json().items).toEqual([]);
    expect((await h.app.inject({ url: '/api/users', headers: { cookie: await h.login('partner') } })).statusCode).toBe(403);
  });

  it('a community secretary lists the street departments that serve their community', async () => {
    const { items } = (
      await h.app.inject({ url: '/api/organisations?kind=street_department', headers: { cookie: await h.login('secretary') } })
    ).json();
    expect(items.map((o: { code: string }) => o.code)).toContain('URBAN_MGMT');
  });
});
