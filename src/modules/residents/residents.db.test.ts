import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { idNumberCheckChar } from './id-number.ts';

let h: Harness;
let residentId: string;
let householdId: string;
beforeAll(async () => {
  h = await startHarness();
  const row = await h.database.db
    .selectFrom('residents as r')
    .innerJoin('area_nodes as hh', 'hh.id', 'r.household_id')
    .innerJoin('area_nodes as g', (join) => join.on('g.code', '=', 'C01G01').on('g.level', '=', 'grid'))
    .select(['r.id', 'r.household_id'])
    .where('r.phone', 'is not', null)
    .where(sql<boolean>`hh.path like g.path || '%'`)
    .executeTakeFirstOrThrow();
  residentId = row.id;
  householdId = row.household_id;
});
afterAll(() => h.close());

const read = async (username: string) =>
  (await h.app.inject({ url: `/api/residents/${residentId}`, headers: { cookie: await h.login(username) } })).json();
const auditedReads = (username: string) =>
  h.database.db
    .selectFrom('audit_log as a')
    .innerJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.subject_ids'])
    .where('a.action', '=', 'personal_data.read')
    .where('u.username', '=', username)
    .execute();

describe('personal data of residents', () => {
  it('a grid worker sees the full phone and ID number of a resident in their grid, and the read is audited', async () => {
    const resident = await read('grid');
    expect(resident.masked).toBe(false);
    expect(resident.phone).toMatch(/^1\d{10}$/);
    expect(resident.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect((await auditedReads('grid')).flatMap((a) => a.subject_ids)).toContain(residentId);
  });

  it('a street leader and a mediator see them masked, and nothing is audited for them', async () => {
    for (const username of ['leader', 'mediator']) {
      const resident = await read(username);
      expect(resident.masked).toBe(true);
      expect(resident.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(resident.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(await auditedReads(username)).toEqual([]);
    }
  });

  it('an administrator can search the audit log of unmasked reads by subject', async () => {
    const response = (
      await h.app.inject({
        url: `/api/audit?action=personal_data.read&subjectId=${residentId}`,
        headers: { cookie: await h.login('admin') },
      })
    ).json();
    expect(
      response.items?.map((i: { actorUsername: string }) => i.actorUsername),
      JSON.stringify(response),
    ).toContain('grid');
  });

  it('lists mask in the same way, one audit entry per page read', async () => {
    const leader = (await h.app.inject({ url: '/api/residents?limit=5', headers: { cookie: await h.login('leader') } })).json();
    expect(leader.items.every((r: { masked: boolean }) => r.masked)).toBe(true);
    const before = (await auditedReads('secretary')).length;
    const secretary = (
      await h.app.inject({ url: '/api/residents?limit=5', headers: { cookie: await h.login('secretary') } })
    ).json();
    expect(secretary.items.some((r: { masked: boolean }) => !r.masked)).toBe(true);
    expect((await auditedReads('secretary')).length).toBe(before + 1);
  });
});

describe('finding residents', () => {
  it('filters by tag and finds by exact phone', async () => {
    const cookie = await h.login('secretary');
    const elderly = (await h.app.inject({ url: '/api/residents?tag=elderly&limit=100', headers: { cookie } })).json();
    expect(elderly.items.length).toBeGreaterThan(0);
    expect(elderly.items.every((r: { tags: string[] }) => r.tags.includes('elderly'))).toBe(true);
    const one = (await h.app.inject({ url: `/api/residents/${residentId}`, headers: { cookie } })).json();
    const byPhone = (await h.app.inject({ url: `/api/residents?q=${one.phone}`, headers: { cookie } })).json();
    expect(byPhone.items.map((r: { id: string }) => r.id)).toContain(residentId);
  });
});

describe('registering and correcting residents', () => {
  it('a grid worker registers a resident, and a bad ID number or phone is refused with its field', async () => {
    const cookie = await h.login('grid');
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/residents',
      headers: { cookie },
      payload: { householdId, name: '王小明', idNumber: '330681199001011230' },
    });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'idNumber' });
    const badPhone = await h.app.inject({
      method: 'POST',
      url: '/api/residents',
      headers: { cookie },
      payload: { householdId, name: '王小明', phone: '12345' },
    });
    expect(badPhone.json().error.field).toBe('phone');
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/residents',
      headers: { cookie },
      payload: {
        householdId,
        name: '王小明',
        phone: '13900001111',
        idNumber: `33068120100307123${idNumberCheckChar('33068120100307123')}`,
        tags: ['left_behind_child'],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: '王小明', phone: '13900001111', tags: ['left_behind_child'] });
    const duplicate = await h.app.inject({
      method: 'POST',
      url: '/api/residents',
      headers: { cookie },
      payload: { householdId, name: '王小明', idNumber: created.json().idNumber },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.field).toBe('idNumber');
  });

  it('records a move-out without the personal values in the event', async () => {
    const cookie = await h.login('staff');
    const moved = await h.app.inject({
      method: 'PATCH',
      url: `/api/residents/${residentId}`,
      headers: { cookie },
      payload: { movedOut: true },
    });
    expect(moved.json().movedOutAt).not.toBeNull();
    const event = await h.database.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('entity_id', '=', residentId)
      .executeTakeFirstOrThrow();
    expect(event.type).toBe('resident.moved_out');
    expect(JSON.stringify(event.data)).not.toMatch(/\d{11}/);
  });
});
