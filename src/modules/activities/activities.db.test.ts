import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type As, as, firstCommunity, ok, refused } from '../../../test/api-as.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { runReminders } from './reminder-scheduler.ts';

let h: Harness;
let community: { id: string; path: string };
let secretary: As;

const HOUR = 3_600_000;
const inHours = (n: number) => new Date(Date.now() + n * HOUR).toISOString();

/** A resident of the street with an account of their own, living in the first grid. */
async function newResident(name: string): Promise<As> {
  const db = h.database.db;
  const demo = await db
    .selectFrom('users as u')
    .innerJoin('residents as r', 'r.id', 'u.resident_id')
    .select(['u.password_hash', 'u.street_id', 'r.household_id'])
    .where('u.username', '=', 'resident')
    .executeTakeFirstOrThrow();
  const resident = await db
    .insertInto('residents')
    .values({ street_id: demo.street_id as string, household_id: demo.household_id, name, birth_date: '1958-05-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const username = `act_${randomUUID().slice(0, 8)}`;
  const user = await db
    .insertInto('users')
    .values({
      username,
      display_name: name,
      password_hash: demo.password_hash,
      street_id: demo.street_id,
      resident_id: resident.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_assignments')
    .values({ user_id: user.id, role: 'resident', node_id: demo.household_id, street_id: demo.street_id })
    .execute();
  return as(h, username);
}

beforeAll(async () => {
  h = await startHarness();
  ({ community } = await firstCommunity(h));
  secretary = await as(h, 'secretary');
});
afterAll(() => h.close());

describe('a course', () => {
  let course: { id: string; sessionList: { id: string; startsAt: string }[] };

  it('is laid out as weekly sessions in the street’s zone and published', async () => {
    course = await ok(
      await secretary.post('/api/activities', {
        nodeId: community.id,
        kind: 'course',
        title: '女性调理瑜伽',
        place: '北苑社区党群服务中心三楼',
        capacity: 2,
        eligibility: { residentsOnly: true },
        recurrence: { weekdays: [2, 4], start: '19:00', end: '20:30', firstDate: '2026-12-28', count: 6 },
        publish: true,
      }),
      201,
    );
    expect(course).toMatchObject({ state: 'published', sessions: 6, capacity: 2, confirmed: 0 });
    expect(course.sessionList[0]?.startsAt).toBe('2026-12-29T11:00:00.000Z');
  });

  it('gives places while there are some, then puts people on the waitlist in order', async () => {
    const first = await newResident('张桂芳');
    const second = await newResident('李秀兰');
    const third = await newResident('王建国');
    const fourth = await newResident('赵丽华');
    expect((await ok(await first.post(`/api/activities/${course.id}/signup`))).signup).toMatchObject({
      status: 'confirmed',
      position: null,
    });
    await ok(await second.post(`/api/activities/${course.id}/signup`));
    const waiting = await ok(await third.post(`/api/activities/${course.id}/signup`));
    expect(waiting.signup).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await ok(await fourth.post(`/api/activities/${course.id}/signup`))).signup.position).toBe(2);
    expect(refused(await third.post(`/api/activities/${course.id}/signup`), 409).code).toBe('SIGNUP_EXISTS');
    const signups = await ok(await secretary.get(`/api/activities/${course.id}/signups`));
    expect(
      signups.items.map((s: { name: string; status: string; position: number | null }) => [s.name, s.status, s.position]),
    ).toEqual([
      ['张桂芳', 'confirmed', null],
      ['李秀兰', 'confirmed', null],
      ['王建国', 'waitlisted', 1],
      ['赵丽华', 'waitlisted', 2],
    ]);

    // A place frees: the first on the waitlist moves up at once and is told; the next moves to first.
    const after = await ok(await first.post(`/api/activities/${course.id}/signup/cancel`));
    expect(after.signup.status).toBe('cancelled');
    const promoted = await ok(await third.get(`/api/activities/${course.id}`));
    expect(promoted.signup).toMatchObject({ status: 'confirmed', promoted: true });
    expect((await ok(await third.get('/api/notifications'))).items.map((n: { kind: string }) => n.kind)).toContain(
      'activity.promoted',
    );
    expect((await ok(await fourth.get(`/api/activities/${course.id}`))).signup.position).toBe(1);

    // More places move the rest up.
    const bigger = await ok(await secretary.patch(`/api/activities/${course.id}`, { capacity: 3 }));
    expect(bigger).toMatchObject({ confirmed: 3, waitlisted: 0 });
  });

  it('keeps out those who live elsewhere when it is for its area’s residents', async () => {
    const outsider = await as(h, 'sec_c02');
    expect(refused(await outsider.post(`/api/activities/${course.id}/signup`), 409).code).toBe('ACTIVITY_NOT_ELIGIBLE_AREA');
  });

  it('is read by anyone of the street once published, and changed only by its staff', async () => {
    const resident = await as(h, 'resident');
    await ok(await resident.get(`/api/activities/${course.id}`));
    expect(refused(await resident.patch(`/api/activities/${course.id}`, { capacity: 50 }), 403).code).toBe('FORBIDDEN');
    const draft = await ok(
      await secretary.post('/api/activities', {
        nodeId: community.id,
        kind: 'event',
        title: '草稿活动',
        place: '社区广场',
        capacity: 10,
        sessions: [{ startsAt: inHours(48), endsAt: inHours(50) }],
      }),
      201,
    );
    expect(refused(await resident.get(`/api/activities/${draft.id}`), 404).code).toBe('NOT_FOUND');
  });
});

describe('check-in', () => {
  let activity: { id: string; sessionList: { id: string }[] };
  let volunteer: As;

  beforeAll(async () => {
    activity = await ok(
      await secretary.post('/api/activities', {
        nodeId: community.id,
        kind: 'service',
        title: '楼道清洁志愿服务',
        place: '北苑小区 3 栋',
        capacity: 1,
        sessions: [{ startsAt: inHours(-0.5), endsAt: inHours(1.5) }],
        publish: true,
      }),
      201,
    );
    volunteer = await newResident('孙志强');
    await ok(await volunteer.post(`/api/activities/${activity.id}/signup`));
  });

  it('shows the desk the session’s QR link, and a phone that opens it checks in once, earning the session’s points', async () => {
    const session = activity.sessionList[0]?.id as string;
    const desk = await ok(await secretary.get(`/api/activities/sessions/${session}/checkin-code`));
    expect(desk).toMatchObject({ confirmed: 1, attended: 0 });
    const code = decodeURIComponent(String(new URL(desk.url, 'http://x').searchParams.get('code')));
    expect(refused(await volunteer.post(`/api/activities/sessions/${session}/checkin`, { code: 'x'.repeat(24) }), 409).code).toBe(
      'CHECKIN_CODE_WRONG',
    );
    const checked = await ok(await volunteer.post(`/api/activities/sessions/${session}/checkin`, { code }));
    // Two hours of volunteer service at 10 points an hour.
    expect(checked).toMatchObject({ already: false, points: 20, minutes: 120 });
    expect(await ok(await volunteer.post(`/api/activities/sessions/${session}/checkin`, { code }))).toMatchObject({
      already: true,
      points: 0,
    });
    const points = await ok(await volunteer.get('/api/points/me'));
    expect(points).toMatchObject({ balance: 20, volunteerMinutes: 120 });
    const page = await ok(await secretary.get(`/api/activities/${activity.id}`));
    expect(page.figures).toEqual({ attendees: 1, attendanceRate: 1, minutes: 120 });
  });

  it('is refused to someone still on the waitlist', async () => {
    const waiting = await newResident('周海燕');
    expect((await ok(await waiting.post(`/api/activities/${activity.id}/signup`))).signup.status).toBe('waitlisted');
    const session = activity.sessionList[0]?.id as string;
    const desk = await ok(await secretary.get(`/api/activities/sessions/${session}/checkin-code`));
    const code = String(new URL(desk.url, 'http://x').searchParams.get('code'));
    expect(refused(await waiting.post(`/api/activities/sessions/${session}/checkin`, { code }), 409).code).toBe(
      'CHECKIN_NOT_SIGNED_UP',
    );
  });

  it('takes a short report with the activity finished', async () => {
    await ok(await secretary.post(`/api/activities/${activity.id}/move`, { to: 'finished' }));
    const reported = await ok(
      await secretary.post(`/api/activities/${activity.id}/report`, { summary: '清理楼道杂物 3 车，张贴文明提示 12 张。' }),
    );
    expect(reported.report).toMatchObject({ summary: '清理楼道杂物 3 车，张贴文明提示 12 张。' });
    expect(refused(await secretary.post(`/api/activities/${activity.id}/move`, { to: 'published' }), 409).code).toBe(
      'ACTIVITY_ILLEGAL_TRANSITION',
    );
  });
});

describe('reminders', () => {
  it('tell everyone with a place the day before, once however often the job runs', async () => {
    const soon = await ok(
      await secretary.post('/api/activities', {
        nodeId: community.id,
        kind: 'event',
        title: '邻里中秋游园会',
        place: '社区广场',
        capacity: 50,
        sessions: [{ startsAt: inHours(20), endsAt: inHours(22) }],
        publish: true,
      }),
      201,
    );
    const person = await newResident('钱卫东');
    await ok(await person.post(`/api/activities/${soon.id}/signup`));
    const deps = { db: h.database.db, timeZone: 'Asia/Shanghai' };
    const [first, second] = await Promise.all([runReminders(deps), runReminders(deps)]);
    expect(first + second).toBeGreaterThanOrEqual(1);
    expect(await runReminders(deps)).toBe(0);
    const reminders = (await ok(await person.get('/api/notifications'))).items.filter(
      (n: { kind: string }) => n.kind === 'activity.reminder',
    );
    expect(reminders).toHaveLength(1);
  });
});
