import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, firstCommunity, ok, refused } from '../../../test/api-as.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';

let h: Harness;
let community: { id: string; path: string };
let itemId: string;

beforeAll(async () => {
  h = await startHarness();
  ({ community } = await firstCommunity(h));
});
afterAll(() => h.close());

describe('the service menu', () => {
  it('holds 12 categories and 28 items from elder care to everyday help', async () => {
    const menu = await ok(await (await as(h, 'resident')).get('/api/services/menu'));
    expect(menu.items).toHaveLength(12);
    expect(menu.items.flatMap((c: { items: unknown[] }) => c.items)).toHaveLength(28);
    expect(menu.items[0]).toMatchObject({ code: 'ELDER', nameZh: '为老服务', nameEn: 'Elder care' });
    const visit = menu.items[0].items.find((i: { code: string }) => i.code === 'ELDER_VISIT');
    expect(visit).toMatchObject({ skills: ['elder_care', 'counselling'], workingDays: 5 });
    itemId = visit.id;
  });

  it('is changed only by those who configure it; a retired item is no longer offered', async () => {
    const menu = await ok(await (await as(h, 'admin')).get('/api/services/menu'));
    const category = menu.items.find((c: { code: string }) => c.code === 'CONVENIENCE');
    expect(
      refused(
        await (await as(h, 'secretary')).post('/api/services/items', {
          categoryId: category.id,
          code: 'CONV_X',
          nameZh: '磨刀',
          nameEn: 'Knives',
        }),
        403,
      ).code,
    ).toBe('FORBIDDEN');
    const admin = await as(h, 'admin');
    const knives = await ok(
      await admin.post('/api/services/items', {
        categoryId: category.id,
        code: 'CONV_KNIVES',
        nameZh: '磨刀修伞',
        nameEn: 'Knives and umbrellas',
        skills: [],
      }),
      201,
    );
    await ok(await admin.patch(`/api/services/items/${knives.id}`, { retired: true }));
    const error = refused(
      await (await as(h, 'resident')).post('/api/services/requests', { itemId: knives.id, description: '菜刀钝了' }),
      400,
    );
    expect(error).toMatchObject({ code: 'SERVICE_ITEM_NOT_FOUND', field: 'itemId' });
  });
});

describe('a service request', () => {
  let requestId: string;
  let volunteerId: string;

  beforeAll(async () => {
    // An approved volunteer of the community with the skills the item asks for.
    const staff = await as(h, 'staff');
    const grid = await as(h, 'gw_c01g02');
    const me = await ok(await grid.get('/api/me'));
    const applied = await ok(
      await grid.post('/api/volunteers/register', {
        communityId: community.id,
        skills: ['elder_care', 'counselling'],
        availability: ['weekend'],
      }),
      201,
    );
    await ok(await staff.post(`/api/volunteers/${applied.id}/approve`, {}));
    volunteerId = applied.id;
    expect(me.username).toBe('gw_c01g02');
  });

  it('is made by a resident with a deadline in the item’s working days, and tells the community', async () => {
    const resident = await as(h, 'resident');
    const made = await ok(
      await resident.post('/api/services/requests', {
        itemId,
        description: '母亲独居，希望有人每周来陪她聊聊天',
        preferredTime: '周六上午',
      }),
      201,
    );
    requestId = made.id;
    expect(made).toMatchObject({
      state: 'requested',
      deadline: 'open',
      allowedActions: ['cancel'],
      number: expect.stringMatching(/^FW\d{4}-\d{6}$/),
    });
    expect(made.contactPhone).not.toContain('*');
    expect(made.timeline.map((e: { type: string }) => e.type)).toEqual(['service_request.requested']);
    const staffNotes = await ok(await (await as(h, 'staff')).get('/api/notifications'));
    expect(staffNotes.items.map((n: { kind: string }) => n.kind)).toContain('service_request.requested');
  });

  it('ranks the community’s volunteers with the skills asked for first', async () => {
    const { items } = await ok(await (await as(h, 'staff')).get(`/api/services/requests/${requestId}/candidates`));
    expect(items[0]).toMatchObject({ volunteerId, matchingSkills: ['elder_care', 'counselling'] });
    expect(refused(await (await as(h, 'resident')).get(`/api/services/requests/${requestId}/candidates`), 403).code).toBe(
      'FORBIDDEN',
    );
  });

  it('is matched by staff (not by the resident), served by the volunteer, credited as hours and points, and rated', async () => {
    const resident = await as(h, 'resident');
    const staff = await as(h, 'staff');
    const volunteer = await as(h, 'gw_c01g02');
    expect(refused(await resident.post(`/api/services/requests/${requestId}/match`, { volunteerId }), 403).code).toBe(
      'REQUEST_FORBIDDEN',
    );
    const matched = await ok(await staff.post(`/api/services/requests/${requestId}/match`, { volunteerId }));
    expect(matched).toMatchObject({ state: 'matched', volunteer: { id: volunteerId } });
    const seen = await ok(await volunteer.get(`/api/services/requests/${requestId}`));
    expect(seen.allowedActions).toEqual(['unmatch', 'start', 'complete']);
    expect(seen.contactPhone).not.toContain('*');
    await ok(await volunteer.post(`/api/services/requests/${requestId}/start`, {}));
    const done = await ok(
      await volunteer.post(`/api/services/requests/${requestId}/complete`, { minutes: 90, note: '陪老人聊天、读报' }),
    );
    expect(done).toMatchObject({ state: 'completed', minutesServed: 90, deadline: 'met' });
    // 90 minutes at 12 points an hour for serving a request.
    expect((await ok(await volunteer.get('/api/points/me'))).balance).toBe(18);
    expect(refused(await staff.post(`/api/services/requests/${requestId}/rate`, { rating: 5 }), 403).code).toBe(
      'REQUEST_FORBIDDEN',
    );
    const rated = await ok(
      await resident.post(`/api/services/requests/${requestId}/rate`, { rating: 5, comment: '小伙子很耐心' }),
    );
    expect(rated).toMatchObject({ state: 'rated', rating: 5, allowedActions: [] });
    expect(rated.timeline.map((e: { type: string }) => e.type)).toEqual([
      'service_request.requested',
      'service_request.matched',
      'service_request.in_service',
      'service_request.completed',
      'service_request.rated',
    ]);
    expect(refused(await resident.post(`/api/services/requests/${requestId}/cancel`, { reason: '不需要了' }), 409).code).toBe(
      'REQUEST_ILLEGAL_TRANSITION',
    );
  });

  it('is hidden from staff of another community, and its phone from readers who do not serve it', async () => {
    expect(refused(await (await as(h, 'sec_c02')).get(`/api/services/requests/${requestId}`), 404).code).toBe('NOT_FOUND');
    const leader = await ok(await (await as(h, 'leader')).get(`/api/services/requests/${requestId}`));
    expect(leader.contactPhone).toMatch(/\*{4}/);
    expect(leader.allowedActions).toEqual([]);
  });

  it('lists for the resident what they asked for, and for the volunteer what they serve', async () => {
    const mine = await ok(await (await as(h, 'resident')).get('/api/services/requests?role=requester'));
    expect(mine.items.map((r: { id: string }) => r.id)).toContain(requestId);
    const serving = await ok(await (await as(h, 'gw_c01g02')).get('/api/services/requests?role=volunteer'));
    expect(serving.items.map((r: { id: string }) => r.id)).toEqual([requestId]);
  });
});
