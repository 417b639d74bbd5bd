import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridByCode } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';

/**
 * The public studio page and booking a consultation: a guest reads studios and free slots
 * without an account and learns nothing about mediators' phones or who booked; a signed-in
 * resident books, sees and cancels; wrong slots and periods are refused with their field.
 */
let h: Harness;
let studioId: string;
let lawyerId: string;

type Response = Awaited<ReturnType<Harness['app']['inject']>>;

const DAY = 86_400_000;
const localDate = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const tomorrow = () => localDate(new Date(Date.now() + DAY));
/** An instant at a local time of a local date in the street's zone (UTC+8, no daylight saving). */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();

async function as(username: string) {
  const cookie = await h.login(username);
  return {
    get: (url: string) => h.app.inject({ url, headers: { cookie } }),
    post: (url: string, payload: object = {}) => h.app.inject({ method: 'POST', url, payload, headers: { cookie } }),
  };
}
const guest = {
  get: (url: string) => h.app.inject({ url }),
  post: (url: string, payload: object = {}) => h.app.inject({ method: 'POST', url, payload }),
};

async function ok(response: Response, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

interface Slot {
  start: string;
  end: string;
  capacity: number;
  free: number;
  mediatorName: string | null;
}
const slotsOf = async (from: string, to: string): Promise<Slot[]> =>
  (await ok(await guest.get(`/api/public/mediation/studios/${studioId}/slots?from=${from}&to=${to}`))).items;
const slotAt = async (start: string) => (await slotsOf(tomorrow(), tomorrow())).find((s) => s.start === start) as Slot;

beforeAll(async () => {
  h = await startHarness();
  const grid = await gridByCode(h, 'C01G01');
  const { parent_id: communityId } = await h.database.db
    .selectFrom('area_nodes')
    .select('parent_id')
    .where('id', '=', grid.id)
    .executeTakeFirstOrThrow();
  const secretary = await as('secretary');
  const lawyer = await ok(
    await secretary.post('/api/mediation/mediators', {
      nodeId: communityId,
      name: '钱律师',
      kind: 'lawyer',
      phone: '13912345678',
      affiliation: '枫桥律师事务所',
    }),
    201,
  );
  lawyerId = lawyer.id;
  // Open every day: 09:00-12:00 one party an hour with the lawyer, 14:00-16:00 two parties an hour.
  const schedule = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:00', slotMinutes: 60, capacity: 1, mediatorId: lawyer.id },
    { weekday, start: '14:00', end: '16:00', slotMinutes: 60, capacity: 2 },
  ]);
  const studio = await ok(
    await secretary.post('/api/mediation/studios', {
      nodeId: communityId,
      name: '钱律师法律咨询室',
      address: '北苑社区党群服务中心一楼',
      schedule,
      mediatorIds: [lawyer.id],
    }),
    201,
  );
  studioId = studio.id;
});
afterAll(() => h.close());

describe('the public studio page', () => {
  it('lists the studios with address, community, hours and mediators by name and kind to a guest, without phones', async () => {
    const response = await guest.get('/api/public/mediation/studios');
    const { items } = await ok(response);
    const studio = items.find((s: { id: string }) => s.id === studioId);
    expect(studio).toMatchObject({ name: '钱律师法律咨询室', address: '北苑社区党群服务中心一楼', nodeName: expect.any(String) });
    expect(studio.schedule).toHaveLength(14);
    expect(studio.schedule[0]).toMatchObject({ weekday: 1, start: '09:00', end: '12:00', mediatorId: lawyerId });
    expect(studio.mediators).toEqual([{ id: lawyerId, name: '钱律师', kind: 'lawyer' }]);
    expect(response.body).not.toContain('1391234');
    expect(response.body).not.toContain('5678');
    expect(response.body).not.toContain('streetId');
    expect(response.body).not.toContain('path');
  });

  it('narrows the list to a street, and refuses a malformed street id with its field', async () => {
    const { streetId } = await h.database.db
      .selectFrom('mediation_studios')
      .select('street_id as streetId')
      .where('id', '=', studioId)
      .executeTakeFirstOrThrow();
    const mine = await ok(await guest.get(`/api/public/mediation/studios?streetId=${streetId}`));
    expect(mine.items.map((s: { id: string }) => s.id)).toContain(studioId);
    const none = await ok(await guest.get(`/api/public/mediation/studios?streetId=${crypto.randomUUID()}`));
    expect(none.items).toEqual([]);
    const bad = await guest.get('/api/public/mediation/studios?streetId=x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'streetId' });
  });

  it('shows a guest a fortnight of slots still to come with the places free and the mediator who sits', async () => {
    const from = localDate(new Date());
    const to = localDate(new Date(Date.now() + 13 * DAY));
    const slots = await slotsOf(from, to);
    // Five slots a day for the 13 days after today, and whatever of today is still to come.
    expect(slots.length).toBeGreaterThanOrEqual(13 * 5);
    expect(slots.length).toBeLessThanOrEqual(14 * 5);
    expect(slots.every((s) => Date.parse(s.start) > Date.now())).toBe(true);
    const morning = slots.find((s) => s.start === at(tomorrow(), '09:00'));
    expect(morning).toEqual({
      start: at(tomorrow(), '09:00'),
      end: at(tomorrow(), '10:00'),
      capacity: 1,
      free: 1,
      mediatorName: '钱律师',
    });
    expect(slots.find((s) => s.start === at(tomorrow(), '14:00'))).toMatchObject({ capacity: 2, free: 2, mediatorName: null });
  });

  it('answers an unknown studio with 404', async () => {
    const response = await guest.get(
      `/api/public/mediation/studios/${crypto.randomUUID()}/slots?from=${tomorrow()}&to=${tomorrow()}`,
    );
    expect(response.statusCode).toBe(404);
  });

  it('refuses a period that ends before it starts, one longer than 31 days and a date that does not exist, with the field', async () => {
    const url = (from: string, to: string) => `/api/public/mediation/studios/${studioId}/slots?from=${from}&to=${to}`;
    const backwards = await guest.get(url('2026-03-10', '2026-03-01'));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
    const tooLong = await guest.get(url('2026-03-01', '2026-04-02'));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
    expect((await guest.get(url('2026-03-01', '2026-03-31'))).statusCode).toBe(200);
    const noSuchDay = await guest.get(url('2026-02-30', '2026-03-02'));
    expect(noSuchDay.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'from' });
    const missing = await guest.get(`/api/public/mediation/studios/${studioId}/slots?from=2026-03-01`);
    expect(missing.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
  });
});

describe('booking a consultation', () => {
  it('needs a session: a guest is answered 401 and nothing is booked', async () => {
    const slotStart = at(tomorrow(), '10:00');
    const response = await guest.post(`/api/mediation/studios/${studioId}/bookings`, { slotStart, topic: '咨询' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('AUTH_REQUIRED');
    expect((await guest.get('/api/mediation/bookings/mine')).statusCode).toBe(401);
    expect((await slotAt(slotStart)).free).toBe(1);
  });

  it('books a slot, which the public page then counts without saying who; cancelling frees the place again', async () => {
    const resident = await as('resident');
    const slotStart = at(tomorrow(), '14:00');
    const booking = await ok(
      await resident.post(`/api/mediation/studios/${studioId}/bookings`, {
        slotStart,
        topic: '  楼上漏水，物业不管，想问能否索赔  ',
      }),
      201,
    );
    expect(booking).toMatchObject({
      studioId,
      studioName: '钱律师法律咨询室',
      slotStart,
      slotEnd: at(tomorrow(), '15:00'),
      topic: '楼上漏水，物业不管，想问能否索赔',
      status: 'booked',
    });
    const publicSlots = await guest.get(`/api/public/mediation/studios/${studioId}/slots?from=${tomorrow()}&to=${tomorrow()}`);
    expect(publicSlots.json().items.find((s: Slot) => s.start === slotStart)).toMatchObject({ capacity: 2, free: 1 });
    const { user_id: residentId } = await h.database.db
      .selectFrom('mediation_bookings')
      .select('user_id')
      .where('id', '=', booking.id)
      .executeTakeFirstOrThrow();
    for (const secret of [booking.id, residentId, '漏水', 'resident', 'topic', 'user']) {
      expect(publicSlots.body).not.toContain(secret);
    }

    const mine = await ok(await resident.get('/api/mediation/bookings/mine'));
    expect(mine.items.find((b: { id: string }) => b.id === booking.id)).toMatchObject({ status: 'booked' });

    // Someone else cannot cancel it, nor learn that it exists.
    const stranger = await (await as('partner')).post(`/api/mediation/bookings/${booking.id}/cancel`);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.code).toBe('NOT_FOUND');
    expect((await slotAt(slotStart)).free).toBe(1);

    const cancelled = await ok(await resident.post(`/api/mediation/bookings/${booking.id}/cancel`));
    expect(cancelled).toMatchObject({ id: booking.id, status: 'cancelled' });
    expect((await slotAt(slotStart)).free).toBe(2);
    const after = await ok(await resident.get('/api/mediation/bookings/mine'));
    expect(after.items.find((b: { id: string }) => b.id === booking.id)).toMatchObject({ status: 'cancelled' });
  });

  it('answers a second cancel as the booking stands (a double tap is no mistake), leaving its time of cancelling alone', async () => {
    const resident = await as('resident');
    const slotStart = at(tomorrow(), '15:00');
    const booking = await ok(
      await resident.post(`/api/mediation/studios/${studioId}/bookings`, { slotStart, topic: '继承' }),
      201,
    );
    await ok(await resident.post(`/api/mediation/bookings/${booking.id}/cancel`));
    const cancelledAt = async () =>
      (
        await h.database.db
          .selectFrom('mediation_bookings')
          .select('cancelled_at')
          .where('id', '=', booking.id)
          .executeTakeFirstOrThrow()
      ).cancelled_at;
    const first = await cancelledAt();
    expect(first).toBeInstanceOf(Date);
    const again = await ok(await resident.post(`/api/mediation/bookings/${booking.id}/cancel`));
    expect(again).toMatchObject({ id: booking.id, status: 'cancelled' });
    expect(await cancelledAt()).toEqual(first);
    expect((await slotAt(slotStart)).free).toBe(2);
    // The freed slot may be booked again by the same person.
    const rebooked = await ok(
      await resident.post(`/api/mediation/studios/${studioId}/bookings`, { slotStart, topic: '继承' }),
      201,
    );
    expect(rebooked.id).not.toBe(booking.id);
    expect((await slotAt(slotStart)).free).toBe(1);
  });

  it('refuses to cancel a consultation that has already begun', async () => {
    const { street_id, id: userId } = await h.database.db
      .selectFrom('users')
      .select(['street_id', 'id'])
      .where('username', '=', 'resident')
      .executeTakeFirstOrThrow();
    const yesterday = localDate(new Date(Date.now() - DAY));
    const past = await h.database.db
      .insertInto('mediation_bookings')
      .values({
        street_id: street_id as string,
        studio_id: studioId,
        slot_start: new Date(at(yesterday, '09:00')),
        slot_end: new Date(at(yesterday, '10:00')),
        user_id: userId,
        topic: '昨天的咨询',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const response = await (await as('resident')).post(`/api/mediation/bookings/${past.id}/cancel`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('BOOKING_PAST');
  });

  it('refuses a slot in the past and a time not on the schedule, naming slotStart', async () => {
    const resident = await as('resident');
    const yesterday = localDate(new Date(Date.now() - DAY));
    const book = (slotStart: string) =>
      resident.post(`/api/mediation/studios/${studioId}/bookings`, { slotStart, topic: '咨询' });
    const past = await book(at(yesterday, '09:00'));
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ code: 'SLOT_PAST', field: 'slotStart' });
    for (const time of ['09:30', '12:00', '03:00']) {
      const off = await book(at(tomorrow(), time));
      expect(off.statusCode, time).toBe(400);
      expect(off.json().error, time).toMatchObject({ code: 'SLOT_NOT_FOUND', field: 'slotStart' });
    }
    const notADate = await book('next Thursday');
    expect(notADate.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'slotStart' });
    const noTopic = await resident.post(`/api/mediation/studios/${studioId}/bookings`, {
      slotStart: at(tomorrow(), '11:00'),
      topic: '   ',
    });
    expect(noTopic.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'topic' });
  });

  it('refuses a full slot and a second booking of the same slot by the same person', async () => {
    const slotStart = at(tomorrow(), '11:00');
    const path = `/api/mediation/studios/${studioId}/bookings`;
    await ok(await (await as('resident')).post(path, { slotStart, topic: '劳动合同' }), 201);
    const twice = await (await as('resident')).post(path, { slotStart, topic: '劳动合同' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'SLOT_ALREADY_BOOKED', field: 'slotStart' });
    const full = await (await as('partner')).post(path, { slotStart, topic: '邻里噪音' });
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({ code: 'SLOT_FULL', field: 'slotStart' });
    expect((await slotAt(slotStart)).free).toBe(0);
  });
});

describe('the API contract', () => {
  it('documents the public studio routes', async () => {
    const spec = await ok(await h.app.inject({ url: '/api/openapi.json' }));
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/public/mediation/studios', '/api/public/mediation/studios/{id}/slots']),
    );
  });
});
