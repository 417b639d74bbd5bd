import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { calendarStatus, loadDayTable, onCalendarYearPublished, seedNationalCalendar } from './calendar.service.ts';
import { DayTableCache } from './day-table-cache.ts';
import { addWorkingDays, isWorkingDay, localDate } from './working-days.ts';

let h: Harness;
let admin: string;
let streetId: string;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.login('admin');
  const street = await h.database.db
    .selectFrom('area_nodes')
    .select('id')
    .where('level', '=', 'street')
    .executeTakeFirstOrThrow();
  streetId = street.id;
});
afterAll(() => h.close());

const get = (url: string, cookie = admin) => h.app.inject({ url, headers: { cookie } });
const send = (method: 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown, cookie = admin) =>
  h.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
const shanghai = { timeZone: 'Asia/Shanghai' };

describe('the national schedule', () => {
  it('is seeded from chinese-days in well under a second, once', async () => {
    const { db } = h.database;
    await sql`delete from calendar_days where street_id is null`.execute(db);
    await sql`delete from calendar_years where street_id is null`.execute(db);
    const started = performance.now();
    const seeded = await seedNationalCalendar(db);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(seeded).toEqual({ seeded: true, days: 254, years: [2020, 2021, 2022, 2023, 2024, 2025, 2026] });
    expect((await seedNationalCalendar(db)).seeded).toBe(false);
  });

  it('serves the seeded 2026 holidays to every role', async () => {
    const response = await get('/api/calendar/years/2026', await h.login('grid'));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ year: 2026, published: true });
    expect(body.days).toHaveLength(39);
    expect(body.days).toContainEqual({ date: '2026-02-17', kind: 'holiday', name: '春节', source: 'package', scope: 'national' });
    expect(body.days).toContainEqual({ date: '2026-02-28', kind: 'workday', name: '春节', source: 'package', scope: 'national' });
  });

  it('is refused to an anonymous caller', async () => {
    expect((await h.app.inject({ url: '/api/calendar/years/2026' })).statusCode).toBe(401);
  });

  it('has its routes in the OpenAPI document under the calendar tag', async () => {
    const spec = (await h.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths).filter((path) => path.startsWith('/api/calendar'))).toEqual([
      '/api/calendar/status',
      '/api/calendar/years/{year}',
      '/api/calendar/days/{date}',
      '/api/calendar/years/{year}/publish',
    ]);
    expect(spec.paths['/api/calendar/days/{date}'].put.tags).toEqual(['calendar']);
  });
});

describe('overrides', () => {
  it("an admin's override makes a Saturday a working day, at once in every instance's day table", async () => {
    const { db } = h.database;
    const otherInstance = new DayTableCache();
    expect(isWorkingDay('2026-03-07', await loadDayTable(db, streetId))).toBe(false);
    expect(isWorkingDay('2026-03-07', await otherInstance.dayTable(db, streetId))).toBe(false);

    const set = await send('PUT', '/api/calendar/days/2026-03-07', { kind: 'workday', name: '街道补班', streetId });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ date: '2026-03-07', kind: 'workday', name: '街道补班', source: 'admin', scope: 'street' });

    expect(isWorkingDay('2026-03-07', await loadDayTable(db, streetId))).toBe(true);
    expect(isWorkingDay('2026-03-07', await otherInstance.dayTable(db, streetId))).toBe(true);
    expect(isWorkingDay('2026-03-07', await loadDayTable(db, null))).toBe(false);
    if (h.url) {
      const second = await openDatabase({ databaseUrl: h.url, poolSize: 2 });
      try {
        expect(isWorkingDay('2026-03-07', await new DayTableCache().dayTable(second.db, streetId))).toBe(true);
      } finally {
        await second.close();
      }
    }

    const year = (await get(`/api/calendar/years/2026?streetId=${streetId}`)).json();
    expect(year.days).toContainEqual({ date: '2026-03-07', kind: 'workday', name: '街道补班', source: 'admin', scope: 'street' });
    const events = await db.selectFrom('events').select(['type', 'street_id']).where('type', 'like', 'calendar.day%').execute();
    expect(events).toEqual([{ type: 'calendar.day_set', street_id: streetId }]);

    expect((await send('DELETE', `/api/calendar/days/2026-03-07?streetId=${streetId}`)).statusCode).toBe(204);
    expect(isWorkingDay('2026-03-07', await otherInstance.dayTable(db, streetId))).toBe(false);
    expect((await send('DELETE', `/api/calendar/days/2026-03-07?streetId=${streetId}`)).json().error).toMatchObject({
      code: 'CALENDAR_DAY_NOT_FOUND',
      field: 'date',
    });
  });

  it("a street's entry replaces a national holiday for that street only", async () => {
    const { db } = h.database;
    expect((await send('PUT', '/api/calendar/days/2026-10-07', { kind: 'workday', name: '值班', streetId })).statusCode).toBe(
      200,
    );
    expect(isWorkingDay('2026-10-07', await loadDayTable(db, streetId))).toBe(true);
    expect(isWorkingDay('2026-10-07', await loadDayTable(db, null))).toBe(false);
    const year = (await get(`/api/calendar/years/2026?streetId=${streetId}`)).json();
    expect(year.days.filter((day: { date: string }) => day.date === '2026-10-07')).toEqual([
      { date: '2026-10-07', kind: 'workday', name: '值班', source: 'admin', scope: 'street' },
    ]);
    await send('DELETE', `/api/calendar/days/2026-10-07?streetId=${streetId}`);
  });
});

describe('publishing a year', () => {
  it('publishing 2027 tells each listener once, makes its deadlines final and clears the reminder', async () => {
    const { db } = h.database;
    const november = new Date('2026-11-02T02:00:00Z');
    expect((await calendarStatus(db, 'Asia/Shanghai', november)).reminder).toMatchObject({ year: 2027 });
    const receivedAt = new Date('2026-12-28T10:00:00+08:00');
    expect(addWorkingDays(receivedAt, 5, await loadDayTable(db, null), shanghai)).toMatchObject({
      dueDate: '2027-01-04',
      provisional: true,
    });

    const empty = await send('POST', '/api/calendar/years/2027/publish', {});
    expect(empty.json().error).toMatchObject({ code: 'CALENDAR_YEAR_EMPTY', field: 'year' });
    expect((await send('PUT', '/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦' })).statusCode).toBe(200);

    const heard: Array<{ year: number; streetId: string | null; recomputed: unknown }> = [];
    const stop = onCalendarYearPublished(async (trx, year, scope) => {
      const recomputed = addWorkingDays(receivedAt, 5, await loadDayTable(trx, scope), shanghai);
      heard.push({ year, streetId: scope, recomputed });
    });
    try {
      const published = await send('POST', '/api/calendar/years/2027/publish');
      expect(published.statusCode).toBe(200);
      expect(published.json()).toMatchObject({ year: 2027, streetId: null });
      expect(heard).toEqual([
        { year: 2027, streetId: null, recomputed: expect.objectContaining({ dueDate: '2027-01-05', provisional: false }) },
      ]);
      const again = await send('POST', '/api/calendar/years/2027/publish', {});
      expect(again.json().error).toMatchObject({ code: 'CALENDAR_YEAR_PUBLISHED', field: 'year' });
      expect(heard).toHaveLength(1);
    } finally {
      stop();
    }

    expect((await calendarStatus(db, 'Asia/Shanghai', november)).reminder).toBeNull();
    const status = (await get('/api/calendar/status', await h.login('resident'))).json();
    expect(status.today).toBe(localDate(new Date(), 'Asia/Shanghai'));
    expect(status.knownYears).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    const events = await db.selectFrom('events').select('type').where('type', '=', 'calendar.year_published').execute();
    expect(events).toHaveLength(1);
  });
});

describe('who may change the calendar', () => {
  it("a grid worker reads their street's calendar but cannot change it", async () => {
    const grid = await h.login('grid');
    expect((await get(`/api/calendar/years/2026?streetId=${streetId}`, grid)).statusCode).toBe(200);
    for (const response of [
      await send('PUT', '/api/calendar/days/2026-03-14', { kind: 'workday', name: '补班' }, grid),
      await send('PUT', '/api/calendar/days/2026-03-14', { kind: 'workday', name: '补班', streetId }, grid),
      await send('DELETE', '/api/calendar/days/2026-10-01', undefined, grid),
      await send('POST', '/api/calendar/years/2028/publish', {}, grid),
    ]) {
      expect(response.statusCode).toBe(403);
    }
  });

  it('a street leader given calendar.manage changes their own street only, never the national schedule', async () => {
    await h.database.db.insertInto('role_permissions').values({ role: 'street_leader', permission: 'calendar.manage' }).execute();
    const leader = await h.login('leader');
    expect(
      (await send('PUT', '/api/calendar/days/2026-03-14', { kind: 'workday', name: '补班', streetId }, leader)).statusCode,
    ).toBe(200);
    const national = await send('PUT', '/api/calendar/days/2026-03-14', { kind: 'workday', name: '补班' }, leader);
    expect(national.statusCode).toBe(403);
    expect(national.json().error).toMatchObject({ code: 'CALENDAR_NATIONAL_SCHEDULE', field: 'streetId' });

    const district = await h.database.db
      .selectFrom('area_nodes')
      .select('id')
      .where('level', '=', 'district')
      .executeTakeFirstOrThrow();
    const other = await send('POST', '/api/areas', { parentId: district.id, level: 'street', name: '另一街道', code: 'OTHER' });
    const elsewhere = await send(
      'PUT',
      '/api/calendar/days/2026-03-14',
      { kind: 'workday', name: '补班', streetId: other.json().id },
      leader,
    );
    expect(elsewhere.statusCode).toBe(404);
    expect((await get(`/api/calendar/years/2026?streetId=${other.json().id}`, leader)).statusCode).toBe(404);
  });
});

describe('input', () => {
  const community = () =>
    h.database.db.selectFrom('area_nodes').select('id').where('level', '=', 'community').executeTakeFirstOrThrow();

  it.each([
    ['PUT', '/api/calendar/days/2025-02-29', { kind: 'holiday', name: '假日' }, 'date'],
    ['PUT', '/api/calendar/days/20250301', { kind: 'holiday', name: '假日' }, 'date'],
    ['PUT', '/api/calendar/days/1999-12-31', { kind: 'holiday', name: '假日' }, 'date'],
    ['PUT', '/api/calendar/days/2026-03-14', { kind: 'weekend', name: '假日' }, 'kind'],
    ['PUT', '/api/calendar/days/2026-03-14', { kind: 'holiday', name: ' ' }, 'name'],
    ['PUT', '/api/calendar/days/2026-03-14', { kind: 'holiday', name: '假日', streetId: 'nope' }, 'streetId'],
    ['GET', '/api/calendar/years/1999', undefined, 'year'],
    ['GET', '/api/calendar/years/twenty', undefined, 'year'],
    ['GET', '/api/calendar/years/2026?streetId=nope', undefined, 'streetId'],
    ['POST', '/api/calendar/years/2101/publish', {}, 'year'],
  ] as const)('%s %s is refused with 400 naming the field', async (method, url, payload, field) => {
    const response = method === 'GET' ? await get(url) : await send(method, url, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  it('a calendar is asked of a street, not of a community, and an unknown street is not found', async () => {
    const { id } = await community();
    const notStreet = await get(`/api/calendar/years/2026?streetId=${id}`);
    expect(notStreet.json().error).toMatchObject({ code: 'CALENDAR_NOT_A_STREET', field: 'streetId' });
    expect((await get('/api/calendar/years/2026?streetId=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
