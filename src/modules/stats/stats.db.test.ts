import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { localDate } from '../calendar/working-days.ts';
import { statsPeriod } from './stats-period.ts';

/**
 * Every figure against a hand-made data set: a community of its own, created for this file, so
 * whatever cases the demo street holds never enter the expected numbers.
 */
let h: Harness;
let community: { id: string; path: string };
let gridA: { id: string; path: string };
let gridB: { id: string; path: string };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.now();
const at = (offset: number) => new Date(now + offset);

async function as(username: string, password?: string) {
  const cookie = await h.login(username, password);
  return {
    get: (url: string) => h.app.inject({ url, headers: { cookie } }),
    post: (url: string, payload: object) => h.app.inject({ method: 'POST', url, payload, headers: { cookie } }),
  };
}

async function createArea(parentId: string, level: string, code: string) {
  const response = await (await as('admin')).post('/api/areas', { parentId, level, name: `统计${code}`, code });
  expect(response.statusCode, response.body).toBe(201);
  const { id } = response.json();
  const row = await h.database.db.selectFrom('area_nodes').select(['id', 'path']).where('id', '=', id).executeTakeFirstOrThrow();
  return row;
}

interface CaseShape {
  grid: { id: string; path: string };
  state: string;
  created: Date;
  due?: Date;
  warn?: Date;
  resolved?: Date;
  rating?: number;
  rated?: Date;
}

async function insertCase(shape: CaseShape, where = { communityId: community.id }) {
  const db = h.database.db;
  const street = await db.selectFrom('area_nodes').select('id').where('level', '=', 'street').executeTakeFirstOrThrow();
  const category = await db
    .selectFrom('case_categories')
    .select('id')
    .where('code', '=', 'ENV_GARBAGE')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('cases')
    .values({
      street_id: street.id,
      number: `S-${randomBytes(4).toString('hex')}`,
      tracking_hash: randomBytes(16).toString('hex'),
      source: 'resident',
      kind: 'complaint',
      category_id: category.id,
      title: '统计测试',
      description: '统计测试用的案件',
      priority: 'normal',
      state: shape.state,
      grid_id: shape.grid.id,
      community_id: where.communityId,
      location_path: shape.grid.path,
      tier: 'grid',
      due_at: shape.due ?? null,
      warn_at: shape.warn ?? null,
      resolved_at: shape.resolved ?? null,
      rating: shape.rating ?? null,
      rated_at: shape.rated ?? null,
      created_at: shape.created,
    } as never)
    .execute();
}

let period: ReturnType<typeof statsPeriod>;

beforeAll(async () => {
  h = await startHarness();
  const db = h.database.db;
  period = statsPeriod(new Date(now), h.config.timeZone);
  const street = await db.selectFrom('area_nodes').select('id').where('level', '=', 'street').executeTakeFirstOrThrow();
  community = await createArea(street.id, 'community', 'STATS_C');
  gridA = await createArea(community.id, 'grid', 'STATS_G1');
  gridB = await createArea(community.id, 'grid', 'STATS_G2');
  const start = period.todayStart.getTime() - now;
  // Grid A: open work in every deadline state.
  await insertCase({ grid: gridA, state: 'reported', created: at(start), due: at(3 * DAY), warn: at(2 * DAY) });
  await insertCase({ grid: gridA, state: 'accepted', created: at(start - 1000), due: at(-HOUR), warn: at(-DAY) });
  await insertCase({ grid: gridA, state: 'in_progress', created: at(-5 * DAY), due: at(HOUR), warn: at(-HOUR) });
  // Suspended: its clock is stopped, so a passed deadline is not "overdue now".
  await insertCase({ grid: gridA, state: 'suspended', created: at(-20 * DAY), due: at(-DAY), warn: at(-2 * DAY) });
  // Grid B: finished work, on time and late, rated well and badly, and some outside the window.
  await insertCase({
    grid: gridB,
    state: 'closed',
    created: at(-10 * DAY),
    resolved: at(-8 * DAY),
    due: at(-7 * DAY),
    rating: 5,
    rated: at(-7 * DAY),
  });
  await insertCase({
    grid: gridB,
    state: 'evaluated',
    created: at(-10 * DAY),
    resolved: at(-3 * DAY),
    due: at(-4 * DAY),
    rating: 3,
    rated: at(-2 * DAY),
  });
  await insertCase({ grid: gridB, state: 'resolved', created: at(-40 * DAY), resolved: at(-DAY) });
  await insertCase({
    grid: gridB,
    state: 'closed',
    created: at(-60 * DAY),
    resolved: at(-50 * DAY),
    due: at(-49 * DAY),
    rating: 1,
    rated: at(-45 * DAY),
  });
  await insertCase({ grid: gridB, state: 'rejected', created: at(-2 * DAY) });
  await insertCase({
    grid: gridB,
    state: 'closed',
    created: at(-12 * DAY),
    resolved: at(-11 * DAY),
    due: at(-10 * DAY),
    rating: 4,
    rated: at(-9 * DAY),
  });
  // One overdue case of another community: never counted under this one.
  const other = await db
    .selectFrom('area_nodes')
    .select(['id', 'path', 'parent_id'])
    .where('code', '=', 'C01G01')
    .executeTakeFirstOrThrow();
  await insertCase(
    { grid: other, state: 'accepted', created: at(start), due: at(-HOUR) },
    { communityId: other.parent_id as string },
  );
});
afterAll(() => h.close());

describe('GET /api/stats/grids', () => {
  it('counts per grid what is open, overdue and due soon now, and what came and went in the last 30 days', async () => {
    const response = await (await as('leader')).get(`/api/stats/grids?nodeId=${community.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.items).toEqual([
      {
        grid: { id: gridA.id, code: 'STATS_G1', name: '统计STATS_G1', communityId: community.id },
        open: 4,
        overdue: 1,
        warning: 1,
        received30d: 4,
        resolved30d: 0,
      },
      {
        grid: { id: gridB.id, code: 'STATS_G2', name: '统计STATS_G2', communityId: community.id },
        open: 2,
        overdue: 0,
        warning: 0,
        received30d: 4,
        resolved30d: 4,
      },
    ]);
    expect(Object.keys(body.definitions).sort()).toEqual(['open', 'overdue', 'received30d', 'resolved30d', 'warning']);
  });

  it('a community secretary sees only the grids of their community, and another community answers 404', async () => {
    const secretary = await as('secretary');
    expect((await secretary.get(`/api/stats/grids?nodeId=${community.id}`)).statusCode).toBe(404);
    const codes = (await secretary.get('/api/stats/grids'))
      .json()
      .items.map((item: { grid: { code: string } }) => item.grid.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((code: string) => code.startsWith('C01'))).toBe(true);
  });

  it('a grid worker sees their own grid only', async () => {
    const created = await (await as('admin')).post('/api/users', {
      username: 'stats_gw',
      displayName: '统计网格员',
      password: 'stats-password-1',
      roles: [{ role: 'grid_worker', nodeId: gridA.id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const worker = await as('stats_gw', 'stats-password-1');
    const items = (await worker.get('/api/stats/grids')).json().items;
    expect(items.map((item: { grid: { id: string } }) => item.grid.id)).toEqual([gridA.id]);
    expect(items[0]).toMatchObject({ open: 4, overdue: 1 });
    expect((await worker.get(`/api/stats/overview?nodeId=${community.id}`)).statusCode).toBe(404);
    expect((await worker.get(`/api/stats/overview?nodeId=${gridA.id}`)).json()).toMatchObject({ open: 4, overdue: 1 });
  });

  it('a resident, who reads no cases, is refused', async () => {
    const response = await (await as('resident')).get('/api/stats/grids');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });

  it('a node id that is not a uuid names the field', async () => {
    const response = await (await as('leader')).get('/api/stats/grids?nodeId=north');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('nodeId');
  });
});

describe('GET /api/stats/overview', () => {
  let body: Record<string, unknown> & { trend: { date: string; received: number; resolved: number }[] };
  beforeAll(async () => {
    const response = await (await as('leader')).get(`/api/stats/overview?nodeId=${community.id}`);
    expect(response.statusCode, response.body).toBe(200);
    body = response.json();
  });

  it("today's intake counts from local midnight: a case a second before it is yesterday's", () => {
    expect(body.today).toBe(period.today);
    expect(body.todayIntake).toBe(1);
  });

  it('open counts everything not finished; overdue only active cases past their deadline', () => {
    expect(body.open).toBe(6);
    expect(body.overdue).toBe(1);
  });

  it('the on-time rate counts cases resolved in the window that had a deadline', () => {
    expect(body.onTimeRate).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
  });

  it('satisfaction is ratings of 4-5 over ratings given in the window', () => {
    expect(body.satisfaction).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
  });

  it('the trend has 30 local days ending today, with each case on the day it was received or resolved', () => {
    expect(body.trend.map((day) => day.date)).toEqual(period.days);
    const on = (offset: number) => body.trend.find((day) => day.date === localDate(at(offset), h.config.timeZone));
    expect(on(0)?.received).toBe(1);
    expect(body.trend.reduce((sum, day) => sum + day.received, 0)).toBe(8);
    expect(body.trend.reduce((sum, day) => sum + day.resolved, 0)).toBe(4);
    for (const offset of [-DAY, -3 * DAY, -8 * DAY, -11 * DAY]) expect(on(offset)?.resolved).toBeGreaterThanOrEqual(1);
  });

  it('with nothing rated or finished the rates are null, not zero', async () => {
    const empty = (await (await as('leader')).get(`/api/stats/overview?nodeId=${gridA.id}`)).json();
    expect(empty.onTimeRate).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(empty.satisfaction.value).toBeNull();
  });

  it('every figure carries its definition', () => {
    expect(Object.keys(body.definitions as object).sort()).toEqual(
      ['onTimeRate', 'open', 'overdue', 'satisfaction', 'todayIntake', 'trend'].sort(),
    );
  });
});
