import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryId, gridByCode, pointInGrid } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { multipartBody, phoneJpeg } from '../photos/test-images.ts';

let h: Harness;
let garbage: string;
let charging: string;
let pointA: { lon: number; lat: number };
let gridA: { id: string; path: string };
let gridB: { id: string; path: string };
let urbanDept: string;
let propertyCompany: string;

beforeAll(async () => {
  h = await startHarness();
  const db = h.database.db;
  garbage = await categoryId(h, 'ENV_GARBAGE');
  charging = await categoryId(h, 'FIRE_EBIKE_CHARGING');
  gridA = await gridByCode(h, 'C01G01');
  gridB = await gridByCode(h, 'C01G02');
  pointA = await pointInGrid(h, 'C01G01');
  urbanDept = (await db.selectFrom('organisations').select('id').where('code', '=', 'URBAN_MGMT').executeTakeFirstOrThrow()).id;
  const me = (await h.app.inject({ url: '/api/me', headers: { cookie: await h.login('property') } })).json();
  propertyCompany = me.roles[0].organisationId;
});
afterAll(() => h.close());

async function as(username: string) {
  const cookie = await h.login(username);
  return {
    get: (url: string) => h.app.inject({ url, headers: { cookie } }),
    post: (url: string, payload: object = {}, headers: Record<string, string> = {}) =>
      h.app.inject({ method: 'POST', url, payload, headers: { cookie, ...headers } }),
  };
}

async function report(username: string, extra: object = {}) {
  const response = await (await as(username)).post('/api/cases', {
    categoryId: garbage,
    description: '3栋楼下垃圾桶满了两天没人清运，味道很大。',
    ...pointA,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().case;
}

async function act(username: string, id: string, action: string, payload: object = {}) {
  return (await as(username)).post(`/api/cases/${id}/${action}`, payload);
}

async function expectOk(username: string, id: string, action: string, payload: object = {}) {
  const response = await act(username, id, action, payload);
  expect(response.statusCode, `${username} ${action}: ${response.body}`).toBe(200);
  return response.json();
}

describe('intake', () => {
  it('a resident reports with a point; the case lands in the grid of that point with a working-day deadline', async () => {
    const c = await report('resident');
    expect(c).toMatchObject({
      state: 'reported',
      tier: 'grid',
      source: 'resident',
      gridId: gridA.id,
      categoryCode: 'ENV_GARBAGE',
    });
    expect(c.number).toMatch(/^\d{4}-\d{6}$/);
    expect(c.deadline).toMatchObject({ kind: 'handle', status: 'ok' });
    expect(c.deadline.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.title).toBe('3栋楼下垃圾桶满了两天没人清运');
    expect(c.reporter.isMe).toBe(true);
    expect(c.timeline.map((e: { type: string }) => e.type)).toEqual(['case.reported']);
  });

  it('a category with its own policy gets its own deadline: e-bike charging, two working days', async () => {
    const policies = (await (await as('admin')).get('/api/deadline-policies')).json().items;
    expect(policies.find((p: { categoryCode: string }) => p.categoryCode === 'FIRE_EBIKE_CHARGING')).toMatchObject({
      tier: 'grid',
      workingDays: 2,
    });
    const c = await report('resident', { categoryId: charging });
    const c5 = await report('resident');
    expect(c.deadline.dueDate < c5.deadline.dueDate).toBe(true);
  });

  it('a retried submission with the same Idempotency-Key returns the same case, never a second one', async () => {
    const key = `retry-${Date.now()}`;
    const body = { categoryId: garbage, description: '路灯坏了', ...pointA };
    const resident = await as('resident');
    const [first, second] = await Promise.all([
      resident.post('/api/cases', body, { 'idempotency-key': key }),
      resident.post('/api/cases', body, { 'idempotency-key': key }),
    ]);
    const third = await resident.post('/api/cases', body, { 'idempotency-key': key });
    const ids = [first, second, third].map((r) => r.json().case.id);
    expect(new Set(ids).size).toBe(1);
    expect([first.statusCode, second.statusCode, third.statusCode].sort()).toEqual([200, 200, 201]);
    const stored = await h.database.db.selectFrom('cases').select('id').where('idempotency_key', '=', key).execute();
    expect(stored).toHaveLength(1);
  });

  it('a reporter who prefers a minimal answer gets the new case’s id and number, also on a retry', async () => {
    const key = `minimal-${Date.now()}`;
    const body = { categoryId: garbage, description: '井盖松动', ...pointA };
    const resident = await as('resident');
    const headers = { 'idempotency-key': key, prefer: 'return=minimal' };
    const first = await resident.post('/api/cases', body, headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['preference-applied']).toBe('return=minimal');
    expect(Object.keys(first.json().case).sort()).toEqual(['id', 'number']);
    const again = await resident.post('/api/cases', body, headers);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const whole = await resident.post('/api/cases', body, { 'idempotency-key': key });
    expect(whole.json().case).toMatchObject({ ...first.json().case, state: 'reported' });
  });

  it('refuses a place outside every grid, a missing place, and an unknown category, each with its field', async () => {
    const resident = await as('resident');
    const outside = await resident.post('/api/cases', { categoryId: garbage, description: 'x', lon: 100, lat: 20 });
    expect(outside.json().error).toMatchObject({ code: 'CASE_OUTSIDE_AREA', field: 'lon' });
    const nowhere = await resident.post('/api/cases', { categoryId: garbage, description: 'x' });
    expect(nowhere.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lon' });
    const half = await resident.post('/api/cases', { categoryId: garbage, description: 'x', lon: 120.23 });
    expect(half.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lat' });
    const unknown = await resident.post('/api/cases', {
      categoryId: '00000000-0000-4000-8000-000000000000',
      description: 'x',
      ...pointA,
    });
    expect(unknown.json().error).toMatchObject({ code: 'CATEGORY_NOT_FOUND', field: 'categoryId' });
    const count = await h.database.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('description', '=', 'x')
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('staff record a walk-in on a named grid, with the reporter’s phone masked for roles that need not call back', async () => {
    const c = await report('staff', {
      source: 'walk_in',
      gridId: gridA.id,
      lon: undefined,
      lat: undefined,
      contact: { name: '王秀英', phone: '13912345678' },
    });
    expect(c.source).toBe('walk_in');
    const forGrid = (await (await as('grid')).get(`/api/cases/${c.id}`)).json();
    expect(forGrid.reporter).toMatchObject({ name: '王秀英', phone: '13912345678', masked: false });
    const forLeader = (await (await as('leader')).get(`/api/cases/${c.id}`)).json();
    expect(forLeader.reporter).toMatchObject({ name: '王**', phone: '139****5678', masked: true });
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select('subject_ids')
      .where('action', '=', 'personal_data.read')
      .where('subject_type', '=', 'case_reporter')
      .execute();
    expect(audit.flatMap((a) => a.subject_ids)).toContain(c.id);
  });

  it('an anonymous report hides the reporter from everyone handling it', async () => {
    const c = await report('resident', { anonymous: true });
    const forGrid = (await (await as('grid')).get(`/api/cases/${c.id}`)).json();
    expect(forGrid.reporter).toMatchObject({ name: null, phone: null, anonymous: true });
    expect((await (await as('resident')).get(`/api/cases/${c.id}`)).json().reporter.isMe).toBe(true);
  });
});

describe('scope', () => {
  it('no case of another grid is visible to a grid worker, in detail or in lists', async () => {
    const c = await report('resident');
    const other = await as('gw_c01g02');
    expect((await other.get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    const list = (await other.get('/api/cases?limit=100')).json();
    expect(list.items.every((item: { gridId: string }) => item.gridId === gridB.id)).toBe(true);
    expect((await act('gw_c01g02', c.id, 'accept')).statusCode).toBe(404);
  });

  it('the grid worker’s inbox holds the new case, sorted by deadline, and a notification announces it', async () => {
    const c = await report('resident');
    const inbox = (await (await as('grid')).get('/api/cases?mine=inbox&sort=deadline&limit=100')).json();
    expect(inbox.items.map((i: { id: string }) => i.id)).toContain(c.id);
    const dues = inbox.items.map((i: { deadline: { dueAt: string } }) => i.deadline.dueAt);
    expect([...dues].sort()).toEqual(dues);
    const notes = (await (await as('grid')).get('/api/notifications?limit=100')).json();
    expect(notes.items.some((n: { kind: string; caseId: string }) => n.kind === 'case.new' && n.caseId === c.id)).toBe(true);
    expect(notes.unread).toBeGreaterThan(0);
  });
});

describe('the lifecycle over the API', () => {
  it('report, accept, contact, resolve, a bad rating returns it once, rework, a good rating closes it', async () => {
    const c = await report('resident');
    await expectOk('grid', c.id, 'accept', { note: '已受理' });
    await expectOk('grid', c.id, 'contact', { channel: 'call', note: '电话联系居民，下午处理' });
    await expectOk('grid', c.id, 'start');
    const resolved = await expectOk('grid', c.id, 'resolve', { resolution: '已联系环卫清运' });
    expect(resolved).toMatchObject({ state: 'resolved', solvedTier: 'grid' });
    expect(resolved.response.firstContactAt).not.toBeNull();

    const returned = await expectOk('resident', c.id, 'rate', { rating: 2, comment: '只清了一半' });
    expect(returned).toMatchObject({ state: 'returned', returnedCount: 1, rating: null });
    expect(returned.timeline.slice(-2).map((e: { type: string }) => e.type)).toEqual(['case.rated', 'case.returned']);

    await expectOk('grid', c.id, 'accept');
    await expectOk('grid', c.id, 'resolve', { resolution: '全部清运完毕并消毒' });
    const closed = await expectOk('resident', c.id, 'rate', { rating: 5, comment: '很满意' });
    expect(closed).toMatchObject({ state: 'closed', closeReason: 'rated', rating: 5 });
    expect(closed.allowedActions).toEqual([]);
  });

  it('escalates grid -> community -> a street department, which answers and resolves it', async () => {
    const c = await report('resident');
    const noReason = await act('grid', c.id, 'escalate', { to: 'community' });
    expect(noReason.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    const skip = await act('grid', c.id, 'escalate', { to: 'department', organisationId: urbanDept, reason: '超出网格能力' });
    expect(skip.json().error).toMatchObject({ code: 'CASE_ESCALATION_INVALID', field: 'to' });
    await expectOk('grid', c.id, 'escalate', { to: 'community', reason: '涉及多个楼栋' });
    expect((await act('grid', c.id, 'accept')).statusCode).toBe(403);
    const atDept = await expectOk('staff', c.id, 'escalate', {
      to: 'department',
      organisationId: urbanDept,
      reason: '需要城管执法',
    });
    expect(atDept).toMatchObject({ state: 'escalated', tier: 'department', escalationCount: 2 });
    expect(atDept.deadline.kind).toBe('answer');
    const deptInbox = (await (await as('dept')).get('/api/cases?mine=inbox&limit=100')).json();
    expect(deptInbox.items.map((i: { id: string }) => i.id)).toContain(c.id);
    await expectOk('dept', c.id, 'accept');
    const done = await expectOk('dept', c.id, 'resolve', { resolution: '已责令清理' });
    expect(done.solvedTier).toBe('department');
  });

  it('dispatches to the property company, whose handler starts and resolves it', async () => {
    const c = await report('resident');
    const assigned = await expectOk('staff', c.id, 'assign', { organisationId: propertyCompany, note: '请物业处理' });
    expect(assigned.assignee.organisationId).toBe(propertyCompany);
    await expectOk('property', c.id, 'start');
    await expectOk('property', c.id, 'resolve', { resolution: '物业已清理' });
    const dept = await act('staff', c.id, 'assign', { organisationId: urbanDept });
    expect(dept.statusCode).toBe(409);
  });

  it('resolves with after-photos that the reporter can see and another grid cannot', async () => {
    const c = await report('resident');
    const upload = multipartBody([{ filename: 'after.jpg', contentType: 'image/jpeg', data: await phoneJpeg(1200, 900) }]);
    const grid = await h.login('grid');
    const photo = (
      await h.app.inject({
        method: 'POST',
        url: '/api/photos',
        headers: { cookie: grid, ...upload.headers },
        payload: upload.payload,
      })
    ).json();
    await expectOk('grid', c.id, 'accept');
    const resolved = await expectOk('grid', c.id, 'resolve', { resolution: '已清运，见照片', photoIds: [photo.id] });
    expect(resolved.photos.map((p: { id: string }) => p.id)).toEqual([photo.id]);
    expect(resolved.timeline.at(-1).data.photoIds).toEqual([photo.id]);
    expect((await (await as('resident')).get(`/api/photos/${photo.id}/thumbnail`)).statusCode).toBe(200);
    expect((await (await as('gw_c01g02')).get(`/api/photos/${photo.id}`)).statusCode).toBe(404);
  });

  it('rejects only with a reason, and tells the reporter', async () => {
    const c = await report('resident');
    expect((await act('grid', c.id, 'reject', {})).json().error.field).toBe('reason');
    const rejected = await expectOk('grid', c.id, 'reject', { reason: '不属于受理范围，已告知拨打12345' });
    expect(rejected).toMatchObject({ state: 'rejected', rejectReason: '不属于受理范围，已告知拨打12345' });
    const illegal = await act('grid', c.id, 'accept');
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error).toMatchObject({ code: 'CASE_ILLEGAL_TRANSITION', field: 'state' });
    expect(illegal.json().error.message).toMatch(/rejected/);
  });

  it('merges a duplicate; its reporter then follows and may rate the surviving case', async () => {
    const original = await report('staff', { source: 'staff' });
    const duplicate = await report('resident');
    const merged = await expectOk('grid', duplicate.id, 'merge', { intoCaseId: original.id });
    expect(merged).toMatchObject({ state: 'duplicate', mergedInto: { id: original.id, number: original.number } });
    expect((await act('grid', duplicate.id, 'merge', { intoCaseId: duplicate.id })).statusCode).toBe(409);
    const surviving = (await (await as('resident')).get(`/api/cases/${original.id}`)).json();
    expect(surviving.reporter.isMe).toBe(true);
    await expectOk('grid', original.id, 'accept');
    await expectOk('grid', original.id, 'resolve', { resolution: '已处理' });
    await expectOk('resident', original.id, 'rate', { rating: 4 });
  });

  it('suspends with a reason, pausing the clock, and resumes with the working days that were left', async () => {
    const c = await report('resident');
    await expectOk('grid', c.id, 'accept');
    const suspended = await expectOk('grid', c.id, 'suspend', { reason: '等待业主回国' });
    expect(suspended).toMatchObject({ state: 'suspended' });
    expect(suspended.deadline).toMatchObject({ status: 'none', dueAt: null });
    expect(suspended.deadline.remainingWorkingDays).toBeGreaterThanOrEqual(4);
    const resumed = await expectOk('grid', c.id, 'resume');
    expect(resumed.state).toBe('accepted');
    expect(resumed.deadline.dueDate).toBe(c.deadline.dueDate);
  });

  it('a superior urges a case; the count grows and the handler is told', async () => {
    const c = await report('resident');
    expect((await act('grid', c.id, 'urge')).statusCode).toBe(403);
    await expectOk('leader', c.id, 'urge', { note: '请尽快处理' });
    const urged = await expectOk('secretary', c.id, 'urge');
    expect(urged.urgeCount).toBe(2);
    const notes = (await (await as('grid')).get('/api/notifications?unread=true&limit=100')).json();
    expect(
      notes.items.filter((n: { kind: string; caseId: string }) => n.kind === 'case.urged' && n.caseId === c.id),
    ).toHaveLength(2);
  });

  it('refuses an action on a stale version', async () => {
    const c = await report('resident');
    const stale = await act('grid', c.id, 'accept', { expectedVersion: c.version + 5 });
    expect(stale.json().error.code).toBe('CASE_VERSION_CONFLICT');
    await expectOk('grid', c.id, 'accept', { expectedVersion: c.version });
  });

  it('lets only one of two conflicting actions succeed: a double accept, a resolve racing a reject', async () => {
    const c = await report('resident');
    const accepts = await Promise.all([act('grid', c.id, 'accept'), act('grid', c.id, 'accept')]);
    expect(accepts.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [resolve, reject] = await Promise.all([
      act('grid', c.id, 'resolve', { resolution: '已处理' }),
      act('staff', c.id, 'reject', { reason: '重复上报' }),
    ]);
    expect([resolve.statusCode, reject.statusCode].sort()).toEqual([200, 409]);
    const events = await h.database.db.selectFrom('events').select('type').where('entity_id', '=', c.id).execute();
    expect(events.filter((e) => e.type === 'case.accepted')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'case.resolved' || e.type === 'case.rejected')).toHaveLength(1);
  });

  it('counts cases per state under the inbox filters', async () => {
    const counts = (await (await as('grid')).get('/api/cases/counts')).json();
    expect(counts.total).toBeGreaterThan(0);
    expect(Object.values(counts.counts).reduce((a, b) => (a as number) + (b as number), 0)).toBe(counts.total);
  });
});
