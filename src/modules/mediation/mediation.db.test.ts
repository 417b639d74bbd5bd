import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryId, gridByCode, pointInGrid } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { multipartBody, phoneJpeg } from '../photos/test-images.ts';
import { runFollowUpJobs } from './follow-up-scheduler.ts';

let h: Harness;
let communityId: string;
let gridId: string;

beforeAll(async () => {
  h = await startHarness();
  const grid = await gridByCode(h, 'C01G01');
  gridId = grid.id;
  const row = await h.database.db
    .selectFrom('area_nodes')
    .select('parent_id')
    .where('id', '=', grid.id)
    .executeTakeFirstOrThrow();
  communityId = row.parent_id as string;
});
afterAll(() => h.close());

type Response = Awaited<ReturnType<Harness['app']['inject']>>;

async function as(username: string) {
  const cookie = await h.login(username);
  const send =
    (method: 'POST' | 'PATCH') =>
    (url: string, payload: object = {}) =>
      h.app.inject({ method, url, payload, headers: { cookie } });
  return { get: (url: string) => h.app.inject({ url, headers: { cookie } }), post: send('POST'), patch: send('PATCH') };
}

async function ok(response: Response, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

const DAY = 86_400_000;
const localDate = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

describe('studios and bookings', () => {
  let studioId: string;

  it('staff register an outside lawyer and a studio open every Thursday afternoon; residents see it', async () => {
    const secretary = await as('secretary');
    const bad = await secretary.post('/api/mediation/mediators', { nodeId: communityId, kind: 'lawyer' });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
    const lawyer = await ok(
      await secretary.post('/api/mediation/mediators', {
        nodeId: communityId,
        name: '周律师',
        kind: 'lawyer',
        phone: '13700001234',
        affiliation: '枫桥律师事务所',
      }),
      201,
    );
    expect(
      (await (await as('sec_c02')).post('/api/mediation/mediators', { nodeId: communityId, name: 'x', kind: 'volunteer' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await (await as('leader')).post('/api/mediation/mediators', { nodeId: communityId, name: 'x', kind: 'volunteer' }))
        .statusCode,
    ).toBe(403);
    const badHours = await secretary.post('/api/mediation/studios', {
      nodeId: communityId,
      name: '周四法律咨询',
      address: '社区服务中心',
      schedule: [{ weekday: 4, start: '17:00', end: '14:00' }],
    });
    expect(badHours.json().error).toMatchObject({ code: 'STUDIO_SCHEDULE', field: 'schedule.0.end' });
    const studio = await ok(
      await secretary.post('/api/mediation/studios', {
        nodeId: communityId,
        name: '老杨调解工作室',
        address: '社区党群服务中心二楼',
        schedule: [{ weekday: 4, start: '14:00', end: '17:00', slotMinutes: 60, capacity: 1, mediatorId: lawyer.id }],
        mediatorIds: [lawyer.id],
      }),
      201,
    );
    studioId = studio.id;
    const twice = await secretary.post('/api/mediation/studios', {
      nodeId: communityId,
      name: '老杨调解工作室',
      address: '别处',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.field).toBe('name');
    expect(
      (await (await as('resident')).get(`/api/mediation/studios/${communityId}/slots?from=2026-01-01&to=2026-01-02`)).statusCode,
    ).toBe(404);
    expect(
      (await (await as('resident')).get(`/api/mediation/studios/${studio.id}/slots?from=2026-01-01&to=2026-03-01`)).json().error,
    ).toMatchObject({ field: 'to' });
    const listed = await ok(await (await as('resident')).get('/api/mediation/studios'));
    expect(listed.items.map((s: { name: string }) => s.name)).toContain('老杨调解工作室');
    expect((await (await as('resident')).get('/api/mediation/mediators')).json().items).toEqual([]);
  });

  it('lets two residents race for the last place of a slot: one gets it, the other is told it is full', async () => {
    const from = localDate(new Date(Date.now() + 7 * DAY));
    const to = localDate(new Date(Date.now() + 13 * DAY));
    const slots = await ok(await (await as('resident')).get(`/api/mediation/studios/${studioId}/slots?from=${from}&to=${to}`));
    expect(slots.items).toHaveLength(3);
    expect(slots.items[0]).toMatchObject({ capacity: 1, free: 1, mediatorName: '周律师' });
    const slotStart = slots.items[0].start;
    const made = await Promise.all(
      ['resident', 'partner'].map(async (u) =>
        (await as(u)).post(`/api/mediation/studios/${studioId}/bookings`, { slotStart, topic: '楼上漏水赔偿咨询' }),
      ),
    );
    expect(made.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(made.find((r) => r.statusCode === 409)?.json().error.code).toBe('SLOT_FULL');
    const again = await (await as('resident')).get(`/api/mediation/studios/${studioId}/slots?from=${from}&to=${to}`);
    expect(again.json().items[0].free).toBe(0);
    const made2 = await (await as('resident')).post(`/api/mediation/studios/${studioId}/bookings`, {
      slotStart: new Date(Date.parse(slotStart) + 30 * 60_000).toISOString(),
      topic: '咨询',
    });
    expect(made2.json().error).toMatchObject({ code: 'SLOT_NOT_FOUND', field: 'slotStart' });
    const calendar = await ok(await (await as('staff')).get(`/api/mediation/calendar?from=${from}&to=${to}`));
    expect(calendar.items).toHaveLength(1);
    expect(calendar.items[0]).toMatchObject({ kind: 'booking', studioName: '老杨调解工作室', title: '楼上漏水赔偿咨询' });
  });
});

describe('a dispute file from a resident’s case to a broken agreement', () => {
  let id: string;
  let instalments: { id: string; seq: number }[];

  it('opens from a case with its reporter as a party, masked for a street leader and hidden from another community', async () => {
    const c = await ok(
      await (await as('resident')).post('/api/cases', {
        categoryId: await categoryId(h, 'ENV_GARBAGE'),
        description: '楼上水管爆裂，我家地下室被淹，要求赔偿。',
        ...(await pointInGrid(h, 'C01G01')),
      }),
      201,
    );
    const grid = await as('grid');
    const highWithoutReason = await grid.post('/api/mediation/disputes', {
      source: 'case',
      caseId: c.case.id,
      type: 'compensation',
      title: '地下室被淹赔偿纠纷',
      facts: '501室水管爆裂致401室地下室被淹。',
      peopleInvolved: 2,
      amount: 12000,
      riskLevel: 'high',
    });
    expect(highWithoutReason.json().error).toMatchObject({ code: 'DISPUTE_RISK_REASON_REQUIRED', field: 'riskReasons' });
    const opened = await ok(
      await grid.post('/api/mediation/disputes', {
        source: 'case',
        caseId: c.case.id,
        type: 'compensation',
        title: '地下室被淹赔偿纠纷',
        facts: '501室水管爆裂致401室地下室被淹。',
        parties: [{ side: 'respondent', name: '李建国', phone: '13800001111', idNumber: '330102196501011234' }],
        peopleInvolved: 2,
        amount: 12000.5,
        riskLevel: 'high',
        riskReasons: ['extreme_behaviour_threat'],
      }),
      201,
    );
    id = opened.id;
    expect(opened).toMatchObject({ level: 'grid', state: 'opened', amount: 12000.5, caseId: c.case.id, canManage: true });
    expect(opened.parties.map((p: { side: string }) => p.side)).toEqual(['applicant', 'respondent']);
    expect(opened.parties[1]).toMatchObject({ phone: '13800001111', idNumber: '330102196501011234' });
    // The reporting resident's contacts come from the register, so the mediator can call them.
    const registered = await h.database.db
      .selectFrom('users as u')
      .innerJoin('residents as r', 'r.id', 'u.resident_id')
      .select(['r.phone', 'r.id_number'])
      .where('u.username', '=', 'resident')
      .executeTakeFirstOrThrow();
    expect(opened.parties[0]).toMatchObject({ phone: registered.phone, idNumber: registered.id_number });
    const again = await grid.post('/api/mediation/disputes', {
      source: 'case',
      caseId: c.case.id,
      type: 'compensation',
      title: '重复',
      facts: '重复',
      peopleInvolved: 2,
      riskLevel: 'low',
    });
    expect(again.json().error).toMatchObject({ code: 'DISPUTE_CASE_TAKEN', field: 'caseId' });

    const leader = await ok(await (await as('leader')).get(`/api/mediation/disputes/${id}`));
    expect(leader.parties[1]).toMatchObject({ name: '李建国', phone: '138****1111', idNumber: '330102********1234' });
    expect(leader.canManage).toBe(false);
    const audited = await h.database.db
      .selectFrom('audit_log as a')
      .innerJoin('users as u', 'u.id', 'a.actor_user_id')
      .select('u.username')
      .where('a.subject_type', '=', 'dispute_party')
      .execute();
    expect(audited.map((a) => a.username)).toEqual(['grid']);
    for (const outsider of ['sec_c02', 'dept', 'resident']) {
      expect((await (await as(outsider)).get(`/api/mediation/disputes/${id}`)).statusCode, outsider).toBe(404);
      expect((await (await as(outsider)).get(`/api/mediation/disputes/${id}/sessions`)).statusCode, outsider).toBe(404);
      expect((await (await as(outsider)).post(`/api/mediation/disputes/${id}/escalate`, { reason: '升级' })).statusCode).toBe(
        404,
      );
    }
    const badId = await grid.patch(`/api/mediation/disputes/${id}`, {
      parties: [{ side: 'applicant', name: '王', idNumber: '12-34' }],
    });
    expect(badId.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'parties.0.idNumber' });
    expect((await grid.get('/api/mediation/disputes?cursor=bm9wZQ')).json().error).toMatchObject({ field: 'cursor' });
    const listed = await ok(await (await as('leader')).get('/api/mediation/disputes?riskLevel=high'));
    expect(listed.items.map((d: { id: string }) => d.id)).toEqual([id]);
    expect((await (await as('leader')).post(`/api/mediation/disputes/${id}/escalate`, { reason: '升级' })).statusCode).toBe(403);
  });

  it('escalates from grid to community; the grid worker then follows the file but no longer handles it', async () => {
    const grid = await as('grid');
    expect((await grid.post(`/api/mediation/disputes/${id}/escalate`, { reason: ' ' })).json().error.field).toBe('reason');
    const up = await ok(await grid.post(`/api/mediation/disputes/${id}/escalate`, { reason: '双方分歧大，网格调解未果' }));
    expect(up).toMatchObject({ level: 'community', canManage: false });
    expect((await grid.patch(`/api/mediation/disputes/${id}`, { peopleInvolved: 3 })).statusCode).toBe(403);
    const notes = await h.database.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select('u.username')
      .where('n.kind', '=', 'dispute.escalated')
      .execute();
    expect(notes.map((n) => n.username).sort()).toEqual(['secretary', 'staff']);
  });

  it('holds a session with evidence, draws the agreement up twice and follows its schedule', async () => {
    const secretary = await as('secretary');
    const outcomeTooSoon = await secretary.post(`/api/mediation/disputes/${id}/outcome`, { outcome: 'agreement' });
    expect(outcomeTooSoon.json().error).toMatchObject({ code: 'DISPUTE_ILLEGAL_TRANSITION', field: 'outcome' });
    const session = await ok(
      await secretary.post(`/api/mediation/disputes/${id}/sessions`, {
        scheduledAt: new Date(Date.now() - 3_600_000).toISOString(),
        place: '社区调解室',
      }),
      201,
    );
    const body = multipartBody([{ filename: 'basement.jpg', contentType: 'image/jpeg', data: await phoneJpeg(800, 600) }]);
    const photo = await ok(
      await h.app.inject({
        method: 'POST',
        url: '/api/photos',
        headers: { cookie: await h.login('secretary'), ...body.headers },
        payload: body.payload,
      }),
      201,
    );
    const badPhoto = await secretary.post(`/api/mediation/disputes/${id}/sessions/${session.id}/held`, {
      attendees: ['王秀英', '李建国'],
      notes: '双方陈述',
      photoIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(badPhoto.json().error).toMatchObject({ code: 'PHOTO_NOT_ATTACHABLE', field: 'photoIds' });
    expect((await ok(await secretary.get(`/api/mediation/disputes/${id}`))).state).toBe('opened');
    const held = await ok(
      await secretary.post(`/api/mediation/disputes/${id}/sessions/${session.id}/held`, {
        attendees: ['王秀英', '李建国'],
        notes: '双方陈述事实，初步同意分期赔偿。',
        nextSteps: '下周起草协议',
        photoIds: [photo.id],
      }),
    );
    expect(held).toMatchObject({ status: 'held', nextSteps: '下周起草协议', photos: [{ id: photo.id }] });
    expect((await ok(await secretary.get(`/api/mediation/disputes/${id}`))).state).toBe('in_mediation');
    expect((await (await as('grid')).get(`/api/photos/${photo.id}/thumbnail`)).statusCode).toBe(200);
    expect((await (await as('sec_c02')).get(`/api/photos/${photo.id}/thumbnail`)).statusCode).toBe(404);

    const today = localDate(new Date());
    const inTwoDays = localDate(new Date(Date.now() + 2 * DAY));
    const lastWeek = localDate(new Date(Date.now() - 7 * DAY));
    await ok(
      await secretary.post(`/api/mediation/disputes/${id}/agreement`, { facts: '初稿', terms: ['乙方赔偿甲方10000元。'] }),
      201,
    );
    const v2 = await ok(
      await secretary.post(`/api/mediation/disputes/${id}/agreement`, {
        facts: '501室水管爆裂致401室地下室被淹。',
        terms: ['乙方赔偿甲方损失12000元，分两期支付。'],
        schedule: [
          { dueDate: inTwoDays, amount: 7000, what: '第二期赔偿款' },
          { dueDate: lastWeek, amount: 5000, what: '第一期赔偿款' },
        ],
      }),
      201,
    );
    expect(v2.version).toBe(2);
    expect(v2.schedule.map((i: { what: string }) => i.what)).toEqual(['第一期赔偿款', '第二期赔偿款']);
    instalments = v2.schedule;
    expect((await ok(await secretary.get(`/api/mediation/disputes/${id}/agreement?version=1`))).schedule).toEqual([]);
    expect(today <= inTwoDays).toBe(true);

    await ok(await secretary.post(`/api/mediation/disputes/${id}/outcome`, { outcome: 'agreement' }));
    const following = await ok(await secretary.post(`/api/mediation/disputes/${id}/state`, { to: 'following_up' }));
    expect(following.state).toBe('following_up');
    expect(
      (await secretary.post(`/api/mediation/disputes/${id}/agreement`, { facts: 'x', terms: ['y'] })).json().error.code,
    ).toBe('AGREEMENT_LOCKED');
  });

  it('reminds the handlers once of the instalment due soon and once of the overdue one, however many jobs run', async () => {
    const deps = { db: h.database.db, timeZone: 'Asia/Shanghai' };
    const runs = await Promise.all([runFollowUpJobs(deps), runFollowUpJobs(deps)]);
    expect(runs.reduce((sum, r) => sum + r.dueSoon, 0)).toBe(1);
    expect(runs.reduce((sum, r) => sum + r.overdue, 0)).toBe(1);
    expect(await runFollowUpJobs(deps)).toEqual({ dueSoon: 0, overdue: 0 });
    const notes = await h.database.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['u.username', 'n.kind'])
      .where('n.kind', 'like', 'dispute.instalment_%')
      .where('u.username', '=', 'secretary')
      .execute();
    expect(notes.map((n) => n.kind).sort()).toEqual(['dispute.instalment_due_soon', 'dispute.instalment_overdue']);
  });

  it('checks instalments, refusing a part payment without its amount, and reopens the file when one is not paid', async () => {
    const secretary = await as('secretary');
    const [first, second] = instalments as unknown as [{ id: string }, { id: string }];
    const noAmount = await secretary.post(`/api/mediation/disputes/${id}/instalments/${first.id}/check`, { result: 'partly' });
    expect(noAmount.json().error).toMatchObject({ code: 'INSTALMENT_PARTLY_AMOUNT', field: 'paidAmount' });
    const partly = await ok(
      await secretary.post(`/api/mediation/disputes/${id}/instalments/${first.id}/check`, { result: 'partly', paidAmount: 3000 }),
    );
    expect(partly.schedule[0]).toMatchObject({ status: 'partly', paidAmount: 3000 });
    const reopened = await secretary.post(`/api/mediation/disputes/${id}/instalments/${second.id}/check`, {
      result: 'paid',
      reopen: true,
    });
    expect(reopened.json().error.field).toBe('reopen');
    await ok(
      await secretary.post(`/api/mediation/disputes/${id}/instalments/${second.id}/check`, {
        result: 'not_paid',
        note: '乙方拒绝支付',
        reopen: true,
      }),
    );
    const file = await ok(await secretary.get(`/api/mediation/disputes/${id}`));
    expect(file.state).toBe('reopened');
    expect(file.timeline.map((e: { type: string }) => e.type)).toEqual([
      'dispute.opened',
      'dispute.escalated',
      'dispute.session_scheduled',
      'dispute.session_held',
      'dispute.in_mediation',
      'dispute.agreement_drawn_up',
      'dispute.agreement_drawn_up',
      'dispute.agreement',
      'dispute.following_up',
      'dispute.instalment_due_soon',
      'dispute.instalment_overdue',
      'dispute.instalment_checked',
      'dispute.instalment_checked',
      'dispute.reopened',
    ]);
  });

  it('prints the agreement as a PDF for a reader of the file, and to nobody else', async () => {
    const pdf = await (await as('leader')).get(`/api/mediation/disputes/${id}/agreement.pdf?lang=zh-CN&version=2`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
    const flat = text.replace(/\s+/g, '');
    // The agreement is the parties' own: full names and ID numbers, the terms and the schedule of version 2.
    for (const expected of ['李建国', '330102196501011234', '乙方赔偿甲方损失12000元，分两期支付。', '第一期赔偿款']) {
      expect(flat, expected).toContain(expected);
    }
    expect(flat).not.toContain('初稿');
    expect((await (await as('sec_c02')).get(`/api/mediation/disputes/${id}/agreement.pdf`)).statusCode).toBe(404);
    expect((await (await as('leader')).get(`/api/mediation/disputes/${id}/agreement.pdf?version=9`)).statusCode).toBe(404);
    expect((await (await as('leader')).get(`/api/mediation/disputes/${id}/agreement.pdf?lang=fr`)).json().error.field).toBe(
      'lang',
    );
  });

  it('warns the street leader of the high-risk file still being worked on', async () => {
    const warnings = await ok(await (await as('leader')).get('/api/mediation/warnings'));
    expect(warnings.items.find((w: { id: string }) => w.id === id)?.reasons).toEqual(['high_risk']);
    expect((await ok(await (await as('sec_c02')).get('/api/mediation/warnings'))).items).toEqual([]);
    expect((await ok(await (await as('resident')).get('/api/mediation/warnings'))).items).toEqual([]);
  });
});

describe('the API contract', () => {
  it('documents the mediation routes in the OpenAPI document', async () => {
    const spec = await ok(await h.app.inject({ url: '/api/openapi.json' }));
    for (const path of [
      '/api/mediation/disputes',
      '/api/mediation/disputes/{id}/agreement.pdf',
      '/api/mediation/studios/{id}/bookings',
      '/api/mediation/figures',
    ]) {
      expect(Object.keys(spec.paths), path).toContain(path);
    }
  });
});

describe('opening without a case', () => {
  it('a referral names who referred it; a walk-in at a grid starts at the grid level', async () => {
    const grid = await as('grid');
    const base = {
      type: 'labour_wage',
      title: '拖欠工资',
      facts: '装修工人22人被拖欠工资。',
      peopleInvolved: 22,
      riskLevel: 'medium',
    };
    const noReferrer = await grid.post('/api/mediation/disputes', { ...base, source: 'referral', nodeId: gridId });
    expect(noReferrer.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'referredBy' });
    const walkIn = await ok(await grid.post('/api/mediation/disputes', { ...base, source: 'walk_in', nodeId: gridId }), 201);
    expect(walkIn).toMatchObject({ level: 'grid', source: 'walk_in', parties: [] });
    const other = await gridByCode(h, 'C02G01');
    expect(
      (await grid.post('/api/mediation/disputes', { ...base, source: 'walk_in', nodeId: other.id })).json().error.field,
    ).toBe('nodeId');
  });
});

describe('a case staff recorded for someone', () => {
  it('makes the person it names the applicant, not the staff member who recorded it', async () => {
    const secretary = await as('secretary');
    const recorded = await ok(
      await secretary.post('/api/cases', {
        categoryId: await categoryId(h, 'ENV_GARBAGE'),
        description: '王大爷来访：楼上漏水泡坏了他家的书柜。',
        source: 'walk_in',
        gridId,
        contact: { name: '王大爷', phone: '13900001234' },
      }),
      201,
    );
    const opened = await ok(
      await secretary.post('/api/mediation/disputes', {
        source: 'case',
        caseId: recorded.case.id,
        type: 'neighbour',
        title: '楼上漏水纠纷',
        facts: '楼上漏水泡坏书柜。',
        peopleInvolved: 2,
        riskLevel: 'low',
      }),
      201,
    );
    expect(opened.parties).toEqual([expect.objectContaining({ side: 'applicant', name: '王大爷', phone: '13900001234' })]);
    const party = await h.database.db
      .selectFrom('dispute_parties')
      .select('user_id')
      .where('dispute_id', '=', opened.id)
      .executeTakeFirstOrThrow();
    expect(party.user_id).toBeNull();
  });
});
