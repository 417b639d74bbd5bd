import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridByCode } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';

/**
 * No role outside care reads a care file. Every care route against every demo role, on a file in
 * the grid worker's grid (A), a file in another community (C) and a campaign of the first
 * community. Expected answers are written out by hand: a file is read by the grid worker of its
 * grid and the staff and secretary of its community, nobody else, not the street leader, not an
 * administrator. Lists and exports refuse the other roles outright (403); a record outside what a
 * role may read answers 404, whether or not it exists.
 */
const ROLES = ['admin', 'leader', 'secretary', 'staff', 'grid', 'dept', 'property', 'mediator', 'partner', 'resident'] as const;
type Role = (typeof ROLES)[number];
type Target = 'fileA' | 'fileC' | 'campaign' | 'none';
interface Row {
  route: string;
  target: Target;
  /** Answered 2xx; roles in `forbidden` 403; all others 404. */
  allowed: Role[];
  forbidden?: Role[];
  /** Writes are sent only as the roles that must be refused, so the records stay as they are. */
  write?: boolean;
}

const CARE_READERS: Role[] = ['secretary', 'staff', 'grid'];
const NOT_CARE_READERS = ROLES.filter((r) => !CARE_READERS.includes(r));
const NO_CARE: Role[] = ['dept', 'property', 'mediator', 'partner', 'resident'];

const MATRIX: Row[] = [
  { route: 'GET /api/care/files/:id', target: 'fileA', allowed: CARE_READERS },
  { route: 'GET /api/care/files/:id', target: 'fileC', allowed: [] },
  { route: 'PATCH /api/care/files/:id', target: 'fileA', allowed: CARE_READERS, write: true },
  { route: 'PATCH /api/care/files/:id', target: 'fileC', allowed: [], write: true },
  { route: 'POST /api/care/files/:id/close', target: 'fileA', allowed: CARE_READERS, write: true },
  { route: 'POST /api/care/files/:id/visits', target: 'fileA', allowed: CARE_READERS, write: true },
  { route: 'POST /api/care/files/:id/visits', target: 'fileC', allowed: [], write: true },
  { route: 'GET /api/care/files', target: 'none', allowed: CARE_READERS, forbidden: NOT_CARE_READERS },
  { route: 'GET /api/care/files/export.xlsx', target: 'none', allowed: CARE_READERS, forbidden: NOT_CARE_READERS },
  { route: 'POST /api/care/files', target: 'none', allowed: CARE_READERS, forbidden: NOT_CARE_READERS, write: true },
  { route: 'GET /api/care/campaigns', target: 'none', allowed: ['admin', 'leader', ...CARE_READERS], forbidden: NO_CARE },
  { route: 'GET /api/care/campaigns/:id', target: 'campaign', allowed: ['admin', 'leader', ...CARE_READERS] },
  {
    route: 'POST /api/care/campaigns',
    target: 'none',
    allowed: ['leader', 'secretary', 'staff'],
    forbidden: ['admin', 'grid', ...NO_CARE],
    write: true,
  },
  {
    route: 'GET /api/care/figures?from=2026-01-01&to=2026-01-31',
    target: 'none',
    allowed: ['admin', 'leader', ...CARE_READERS],
    forbidden: NO_CARE,
  },
  { route: 'GET /api/care/rules', target: 'none', allowed: ['admin', 'leader', ...CARE_READERS], forbidden: NO_CARE },
  {
    route: 'PUT /api/care/rules',
    target: 'none',
    allowed: ['admin'],
    forbidden: ['leader', ...CARE_READERS, ...NO_CARE],
    write: true,
  },
  {
    route: 'POST /api/care/jobs/missed-visits/run',
    target: 'none',
    allowed: ['admin'],
    forbidden: ['leader', ...CARE_READERS, ...NO_CARE],
    write: true,
  },
];

let h: Harness;
const ids = new Map<Target, string>();
let residentA: { id: string; name: string };
let streetId: string;
let communityId: string;

async function residentIn(gridCode: string) {
  const grid = await gridByCode(h, gridCode);
  return h.database.db
    .selectFrom('residents as r')
    .innerJoin('area_nodes as hh', 'hh.id', 'r.household_id')
    .select(['r.id', 'r.name'])
    .where('hh.path', 'like', `${grid.path}%`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('care_files as f').select('f.id').whereRef('f.resident_id', '=', 'r.id'))),
    )
    .orderBy('r.id')
    .executeTakeFirstOrThrow();
}

async function open(username: string, residentId: string) {
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/care/files',
    headers: { cookie: await h.login(username) },
    payload: { residentId, groups: ['disabled'], riskLevel: 'medium', situation: '肢体二级残疾' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; name: string };
}

/** Bodies that would pass validation, so a refusal is about who asks, never about the input. */
function bodyOf(route: string): object | undefined {
  const today = new Date().toISOString().slice(0, 10);
  const bodies: Record<string, object> = {
    'PATCH /api/care/files/:id': { situation: '肢体二级残疾，轮椅出行' },
    'POST /api/care/files/:id/close': { reason: 'other' },
    'POST /api/care/files/:id/visits': {
      clientId: crypto.randomUUID(),
      method: 'phone',
      wellbeing: 'good',
      observations: '电话问候',
    },
    'POST /api/care/files': { residentId: residentA.id, groups: ['disabled'], riskLevel: 'low' },
    'POST /api/care/campaigns': {
      nodeId: communityId,
      name: '春节走访',
      festival: 'spring_festival',
      groups: ['in_difficulty'],
      startsOn: today,
      endsOn: today,
    },
    'PUT /api/care/rules': { streetId, rules: [{ group: 'disabled', risk: 'low', every: 1, unit: 'months' }] },
  };
  return bodies[route];
}

beforeAll(async () => {
  h = await startHarness();
  const grid = await gridByCode(h, 'C01G01');
  const node = await h.database.db
    .selectFrom('area_nodes')
    .select(['parent_id', 'street_id'])
    .where('id', '=', grid.id)
    .executeTakeFirstOrThrow();
  communityId = node.parent_id as string;
  streetId = node.street_id as string;
  const fileA = await open('grid', (await residentIn('C01G01')).id);
  residentA = await residentIn('C01G01');
  const fileC = await open('sec_c02', (await residentIn('C02G01')).id);
  ids.set('fileA', fileA.id).set('fileC', fileC.id);
  const campaign = await h.app.inject({
    method: 'POST',
    url: '/api/care/campaigns',
    headers: { cookie: await h.login('secretary') },
    payload: bodyOf('POST /api/care/campaigns'),
  });
  ids.set('campaign', campaign.json().id);
});
afterAll(() => h.close());

describe('care routes x every role: no role outside care reads a care file', () => {
  const cases = MATRIX.flatMap((row) =>
    ROLES.map((role) => {
      const expected = row.allowed.includes(role) ? 'allowed' : row.forbidden?.includes(role) ? 403 : 404;
      return { ...row, role, expected };
    }).filter((c) => !(c.write && c.expected === 'allowed')),
  );

  it.each(cases)('$route on $target as $role answers $expected', async ({ route, target, role, expected }) => {
    const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'PUT', string];
    const body = bodyOf(route);
    const response = await h.app.inject({
      method,
      url: path.replace(':id', ids.get(target) ?? ''),
      headers: { cookie: await h.login(role) },
      ...(body ? { payload: body } : {}),
    });
    if (expected === 'allowed') expect(response.statusCode, response.body).toBeLessThan(300);
    else expect(response.statusCode, response.body).toBe(expected);
    if (expected !== 'allowed') expect(response.body).not.toContain(residentA.name);
  });

  it.each(MATRIX.filter((row, i) => MATRIX.findIndex((r) => r.route === row.route) === i))(
    '$route without signing in answers 401',
    async ({ route }) => {
      const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'PUT', string];
      const response = await h.app.inject({ method, url: path.replace(':id', ids.get('fileA') ?? ''), payload: bodyOf(route) });
      expect(response.statusCode).toBe(401);
    },
  );
});

describe('what the figures roles see', () => {
  it('the street leader and an administrator count files without opening one', async () => {
    for (const role of ['leader', 'admin'] as const) {
      const cookie = await h.login(role);
      const today = new Date().toISOString().slice(0, 10);
      const figures = await h.app.inject({ url: `/api/care/figures?from=${today}&to=${today}`, headers: { cookie } });
      expect(figures.statusCode).toBe(200);
      expect(figures.json().totals.files).toBeGreaterThanOrEqual(2);
      expect(figures.body).not.toContain(residentA.name);
    }
  });
});
