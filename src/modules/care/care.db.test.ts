import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryId, gridByCode } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import type { Actor } from '../access/access.policy.ts';
import { loadActor } from '../access/access.repository.ts';
import { GridLocator } from '../areas/grid-locator.ts';
import { caseDepsOf } from '../cases/cases.routes.ts';
import { multipartBody, phoneJpeg } from '../photos/test-images.ts';
import { addDays } from './care-rules.ts';
import { openFile } from './files.service.ts';
import { runMissedVisitJob } from './missed-visit-scheduler.ts';
import { logVisit } from './visits.service.ts';

let h: Harness;
let resident: { id: string; name: string; phone: string | null; id_number: string | null };
let communityId: string;
let streetId: string;

type Response = Awaited<ReturnType<Harness['app']['inject']>>;

async function as(username: string) {
  const cookie = await h.login(username);
  const send =
    (method: 'POST' | 'PATCH' | 'PUT') =>
    (url: string, payload: object = {}) =>
      h.app.inject({ method, url, payload, headers: { cookie } });
  return {
    get: (url: string) => h.app.inject({ url, headers: { cookie } }),
    post: send('POST'),
    patch: send('PATCH'),
    put: send('PUT'),
  };
}

async function ok(response: Response, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
const deps = () => ({
  db: h.database.db,
  timeZone: 'Asia/Shanghai',
  cases: caseDepsOf({ database: h.database, config: h.config, gridLocator: new GridLocator(), version: 'test' }),
});

/** A resident of a grid with a phone, an ID number and no care file yet. */
async function residentWithoutFile(gridCode: string, skip = 0) {
  const grid = await gridByCode(h, gridCode);
  return h.database.db
    .selectFrom('residents as r')
    .innerJoin('area_nodes as hh', 'hh.id', 'r.household_id')
    .select(['r.id', 'r.name', 'r.phone', 'r.id_number'])
    .where('hh.path', 'like', `${grid.path}%`)
    .where('r.phone', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('care_files as f').select('f.id').whereRef('f.resident_id', '=', 'r.id'))),
    )
    .orderBy('r.id')
    .offset(skip)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  h = await startHarness();
  resident = await residentWithoutFile('C01G01');
  const grid = await h.database.db
    .selectFrom('area_nodes')
    .select(['parent_id', 'street_id'])
    .where('id', '=', (await gridByCode(h, 'C01G01')).id)
    .executeTakeFirstOrThrow();
  communityId = grid.parent_id as string;
  streetId = grid.street_id as string;
});
afterAll(() => h.close());

describe('a care file from opening to a missed visit, a visit with a follow-up case, a campaign and the figures', () => {
  let fileId: string;
  let visitId: string;

  it('the grid worker opens a file from paper records whose weekly visit is already overdue', async () => {
    const grid = await as('grid');
    const bad = await grid.post('/api/care/files', { residentId: resident.id, groups: [], riskLevel: 'low' });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'groups' });
    const future = await grid.post('/api/care/files', {
      residentId: resident.id,
      groups: ['elderly_alone'],
      riskLevel: 'low',
      lastVisitedOn: addDays(today(), 1),
    });
    expect(future.json().error).toMatchObject({ code: 'CARE_LAST_VISIT_DATE', field: 'lastVisitedOn' });
    const file = await ok(
      await grid.post('/api/care/files', {
        residentId: resident.id,
        groups: ['elderly_alone'],
        riskLevel: 'low',
        situation: '独居，子女在外地，行动尚可',
        guardianName: '张建国',
        guardianPhone: '13900001111',
        lastVisitedOn: addDays(today(), -20),
      }),
      201,
    );
    fileId = file.id;
    expect(file).toMatchObject({
      name: resident.name,
      phone: resident.phone,
      groups: ['elderly_alone'],
      nextDueDate: addDays(today(), -13),
      dueStatus: 'overdue',
      rule: { group: 'elderly_alone', every: 1, unit: 'weeks' },
      canManage: true,
    });
    expect(file.idNumber).not.toBe(resident.id_number);
    expect(file.idNumber).toMatch(/\*{4}/);
    const again = await grid.post('/api/care/files', { residentId: resident.id, groups: ['disabled'], riskLevel: 'low' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CARE_FILE_EXISTS');
  });

  it('a community outside cannot open a file on the resident, and the street leader may not open one at all', async () => {
    const other = await as('sec_c02');
    const outside = await other.post('/api/care/files', { residentId: resident.id, groups: ['disabled'], riskLevel: 'low' });
    expect(outside.json().error).toMatchObject({ code: 'RESIDENT_NOT_FOUND', field: 'residentId' });
  });

  it('lists show the surname only and the building, never the room; every read of the file is audited', async () => {
    const staff = await as('staff');
    const list = await ok(await staff.get('/api/care/files?due=overdue&limit=100'));
    const item = list.items.find((i: { id: string }) => i.id === fileId);
    expect(item.name).toBe(`${[...resident.name][0]}${'*'.repeat(Math.min([...resident.name].length - 1, 2))}`);
    expect(JSON.stringify(list)).not.toContain(resident.name);
    expect(JSON.stringify(list)).not.toContain(resident.phone as string);
    expect(item.buildingName).not.toMatch(/室$/);
    await ok(await staff.get(`/api/care/files/${fileId}`));
    const reads = await h.database.db
      .selectFrom('audit_log as a')
      .innerJoin('users as u', 'u.id', 'a.actor_user_id')
      .select(['u.username', 'a.action'])
      .where('a.action', '=', 'care_file.read')
      .where(sql<boolean>`${fileId}::uuid = any(a.subject_ids)`)
      .execute();
    expect(reads.map((r) => r.username).sort()).toEqual(['grid', 'staff']);
  });

  it('the missed-visit job alerts the grid worker and the community once, however many instances run', async () => {
    const runs = await Promise.all([runMissedVisitJob(deps()), runMissedVisitJob(deps())]);
    const alertedNow = await h.database.db
      .selectFrom('events')
      .select('entity_id')
      .where('type', '=', 'care.visit_missed')
      .where('entity_id', '=', fileId)
      .execute();
    expect(alertedNow).toHaveLength(1);
    expect(runs[0].alerted + runs[1].alerted).toBeGreaterThanOrEqual(1);
    expect((await runMissedVisitJob(deps())).alerted).toBe(0);
    const notes = await h.database.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['u.username', 'n.data'])
      .where('n.kind', '=', 'care.visit_missed')
      .where(({ eb }) => eb(eb.ref('n.data'), '@>', JSON.stringify({ fileId }) as never))
      .execute();
    expect(notes.map((n) => n.username).sort()).toEqual(['grid', 'secretary', 'staff']);
    expect(JSON.stringify(notes)).not.toContain(resident.name);
  });

  it('only an administrator runs the job on demand', async () => {
    expect(await ok(await (await as('admin')).post('/api/care/jobs/missed-visits/run'))).toEqual({ alerted: 0 });
    for (const user of ['leader', 'secretary', 'grid']) {
      expect((await (await as(user)).post('/api/care/jobs/missed-visits/run')).statusCode).toBe(403);
    }
  });

  it('the grid worker logs the visit late, with a photo and a follow-up case; sending it again is the same visit', async () => {
    const grid = await as('grid');
    const upload = multipartBody([{ filename: 'home.jpg', contentType: 'image/jpeg', data: await phoneJpeg(640, 480) }]);
    const photo = await ok(
      await h.app.inject({
        method: 'POST',
        url: '/api/photos',
        headers: { cookie: await h.login('grid'), ...upload.headers },
        payload: upload.payload,
      }),
      201,
    );
    const body = {
      clientId: crypto.randomUUID(),
      method: 'home',
      wellbeing: 'fair',
      observations: '老人精神尚可，厨房燃气灶打火困难',
      needs: ['housing_repair', 'daily_care'],
      photoIds: [photo.id],
      followUp: {
        kind: 'case',
        categoryId: await categoryId(h, 'FIRE_GAS'),
        description: '独居老人家中燃气灶打火困难，需上门检修',
      },
    };
    const inFuture = await grid.post(`/api/care/files/${fileId}/visits`, {
      ...body,
      visitedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(inFuture.json().error).toMatchObject({ code: 'CARE_VISIT_IN_FUTURE', field: 'visitedAt' });
    const visit = await ok(await grid.post(`/api/care/files/${fileId}/visits`, body), 201);
    visitId = visit.id;
    expect(visit).toMatchObject({ onTime: false, dueDate: addDays(today(), -13), visitDate: today(), needs: body.needs });
    expect(visit.photos).toHaveLength(1);
    expect(visit.followUpCaseNumber).toMatch(/^\d{4}-\d{6}$/);
    const replay = await ok(await grid.post(`/api/care/files/${fileId}/visits`, body), 200);
    expect(replay.id).toBe(visit.id);
    // Sent twice at once (a phone retrying on a bad network): one visit, both answered with it.
    const twice = { ...body, clientId: crypto.randomUUID(), followUp: undefined, photoIds: [] };
    const [a, b] = await Promise.all([
      grid.post(`/api/care/files/${fileId}/visits`, twice),
      grid.post(`/api/care/files/${fileId}/visits`, twice),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    const file = await ok(await grid.get(`/api/care/files/${fileId}`));
    expect(file).toMatchObject({ lastVisitDate: today(), nextDueDate: addDays(today(), 7), dueStatus: 'upcoming' });
    expect(file.visits).toHaveLength(2);
    expect(file.timeline.map((e: { type: string }) => e.type)).toEqual([
      'care.file_opened',
      'care.visit_missed',
      'care.visit_logged',
      'care.visit_logged',
    ]);
    const followUp = await ok(await grid.get(`/api/cases/${visit.followUpCaseId}`));
    expect(followUp).toMatchObject({ source: 'staff', tier: 'grid' });
  });

  it('a visit photo is shown to readers of the file only', async () => {
    const { visits } = await ok(await (await as('grid')).get(`/api/care/files/${fileId}`));
    const [photo] = visits.find((v: { photos: unknown[] }) => v.photos.length > 0).photos;
    for (const [user, status] of [
      ['secretary', 200],
      ['leader', 404],
      ['mediator', 404],
      ['property', 404],
    ] as const) {
      const response = await h.app.inject({ url: photo.thumbnailUrl, headers: { cookie: await h.login(user) } });
      expect(response.statusCode, user).toBe(status);
    }
  });

  it('raising the risk reschedules the next visit at once; a closed file takes no visit', async () => {
    const staff = await as('staff');
    const raised = await ok(await staff.patch(`/api/care/files/${fileId}`, { riskLevel: 'high', riskNote: '近期摔倒一次' }));
    expect(raised.rule).toMatchObject({ every: 2, unit: 'working_days' });
    expect(raised.nextDueDate < addDays(today(), 7)).toBe(true);
    const stale = await staff.patch(`/api/care/files/${fileId}`, { situation: 'x', expectedVersion: 1 });
    expect(stale.json().error.code).toBe('CARE_FILE_CHANGED');
  });

  it('a Double Ninth campaign of the community counts the elderly visited for it', async () => {
    const secretary = await as('secretary');
    const wrongLevel = await secretary.post('/api/care/campaigns', {
      nodeId: (await gridByCode(h, 'C01G01')).id,
      name: '重阳节走访',
      festival: 'double_ninth',
      groups: ['elderly_alone'],
      startsOn: addDays(today(), -1),
      endsOn: addDays(today(), 6),
    });
    expect(wrongLevel.json().error.code).toBe('CARE_CAMPAIGN_NODE_LEVEL');
    const campaign = await ok(
      await secretary.post('/api/care/campaigns', {
        nodeId: communityId,
        name: '重阳节走访慰问',
        festival: 'double_ninth',
        groups: ['elderly_alone'],
        startsOn: addDays(today(), -1),
        endsOn: addDays(today(), 6),
      }),
      201,
    );
    expect(campaign.stage).toBe('running');
    const pending = await ok(await (await as('grid')).get(`/api/care/files?campaignId=${campaign.id}&limit=100`));
    expect(pending.items.map((i: { id: string }) => i.id)).toContain(fileId);
    await ok(
      await (await as('grid')).post(`/api/care/files/${fileId}/visits`, {
        clientId: crypto.randomUUID(),
        method: 'home',
        wellbeing: 'good',
        observations: '送上重阳糕和慰问金',
        campaignId: campaign.id,
      }),
      201,
    );
    const after = await ok(await (await as('grid')).get(`/api/care/campaigns/${campaign.id}`));
    expect(after.progress.visited).toBeGreaterThanOrEqual(1);
    expect(after.progress.targets).toBeGreaterThanOrEqual(after.progress.visited);
    const leaderView = await ok(await (await as('leader')).get('/api/care/campaigns'));
    expect(leaderView.items.map((c: { id: string }) => c.id)).toContain(campaign.id);
    expect(JSON.stringify(leaderView)).not.toContain(resident.name);
  });

  it('coverage counts the late visit of the overdue due date, and the street leader reads it without names', async () => {
    const from = addDays(today(), -30);
    const leader = await as('leader');
    const figures = await ok(await leader.get(`/api/care/figures?from=${from}&to=${today()}&nodeId=${communityId}`));
    expect(figures.totals.late).toBeGreaterThanOrEqual(1);
    expect(figures.totals.due).toBe(figures.totals.onTime + figures.totals.late + figures.totals.missed + figures.totals.pending);
    const byGroup = await ok(await leader.get(`/api/care/figures?from=${from}&to=${today()}&by=group`));
    expect(byGroup.rows.map((r: { key: string }) => r.key)).toContain('elderly_alone');
    expect((await leader.get('/api/care/files')).statusCode).toBe(403);
    expect((await leader.get(`/api/care/files/${fileId}`)).statusCode).toBe(404);
    const backwards = await leader.get(`/api/care/figures?from=${today()}&to=${from}`);
    expect(backwards.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
  });

  it('the export is masked: no full name, phone or ID number in the workbook, and it is audited', async () => {
    const response = await (await as('secretary')).get('/api/care/files/export.xlsx?lang=en');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const cells = workbook.worksheets[0]?.getSheetValues().flat().map(String).join('|') ?? '';
    expect(cells).toContain('Next visit due');
    expect(cells).not.toContain(resident.name);
    expect(cells).not.toContain(resident.phone as string);
    expect(cells).not.toContain(resident.id_number as string);
    expect(cells).not.toContain('13900001111');
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'care_files.export')
      .executeTakeFirstOrThrow();
    expect((audit.detail as { rows: number }).rows).toBeGreaterThan(0);
  });

  it("an administrator sets the street's own rule and the street's files are rescheduled; nobody else may", async () => {
    const body = { streetId, rules: [{ group: 'elderly_alone', risk: 'high', every: 1, unit: 'working_days' }] };
    expect((await (await as('secretary')).put('/api/care/rules', body)).statusCode).toBe(403);
    const set = await ok(await (await as('admin')).put('/api/care/rules', body));
    expect(set.rules.find((r: { group: string; risk: string }) => r.group === 'elderly_alone' && r.risk === 'high')).toEqual({
      group: 'elderly_alone',
      risk: 'high',
      every: 1,
      unit: 'working_days',
      own: true,
    });
    expect(set.filesRescheduled).toBeGreaterThanOrEqual(1);
    const rules = await ok(await (await as('grid')).get('/api/care/rules'));
    expect(rules.rules).toHaveLength(18);
  });

  it('closing the file ends its visits', async () => {
    const grid = await as('grid');
    await ok(await grid.post(`/api/care/files/${fileId}/close`, { reason: 'moved_out', note: '随子女迁居杭州' }));
    const refused = await grid.post(`/api/care/files/${fileId}/visits`, {
      clientId: crypto.randomUUID(),
      method: 'phone',
      wellbeing: 'good',
      observations: '电话回访',
    });
    expect(refused.json().error.code).toBe('CARE_FILE_CLOSED');
    expect(visitId).toBeTruthy();
  });
});

describe('the missed-visit job counts the street’s calendar (National Day 2026 on a real database)', () => {
  const at = (iso: string) => ({ ...deps(), now: () => new Date(iso) });
  const missedOf = (fileId: string) =>
    h.database.db
      .selectFrom('events')
      .select(sql<string>`data->>'dueDate'`.as('due'))
      .where('type', '=', 'care.visit_missed')
      .where('entity_id', '=', fileId)
      .execute();

  it('a file opened on Tuesday 29 September for visits every two working days is due on 8 October and missed on the 9th, not before', async () => {
    const worker = await h.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'gw_c01g02')
      .executeTakeFirstOrThrow();
    const actor = (await loadActor(h.database.db, worker.id)) as Actor;
    const person = await residentWithoutFile('C01G02');
    const file = await openFile(
      at('2026-09-29T10:00:00+08:00'),
      actor,
      { residentId: person.id, groups: ['seriously_ill'], riskLevel: 'high' },
      '127.0.0.1',
    );
    expect(file.nextDueDate).toBe('2026-10-08');
    for (const moment of ['2026-10-01T09:00:00+08:00', '2026-10-07T20:00:00+08:00', '2026-10-08T23:59:00+08:00']) {
      await runMissedVisitJob(at(moment));
      expect(await missedOf(file.id), moment).toEqual([]);
    }
    await runMissedVisitJob(at('2026-10-09T00:00:30+08:00'));
    await runMissedVisitJob(at('2026-10-09T08:00:00+08:00'));
    expect(await missedOf(file.id)).toEqual([{ due: '2026-10-08' }]);

    // Visited late on the make-up Saturday: the next two working days are Monday 12 and Tuesday 13 October.
    const { visit } = await logVisit(at('2026-10-10T10:00:00+08:00'), actor, file.id, {
      clientId: crypto.randomUUID(),
      method: 'home',
      wellbeing: 'fair',
      observations: '补班日上门，老人透析后精神尚可',
      needs: [],
      photoIds: [],
    });
    expect(visit).toMatchObject({ visitDate: '2026-10-10', dueDate: '2026-10-08', onTime: false });
    const after = await h.database.db
      .selectFrom('care_files')
      .select(['next_due_date', 'missed_alerted_for'])
      .where('id', '=', file.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ next_due_date: '2026-10-13', missed_alerted_for: '2026-10-08' });
    await runMissedVisitJob(at('2026-10-13T22:00:00+08:00'));
    expect(await missedOf(file.id)).toHaveLength(1);
    await runMissedVisitJob(at('2026-10-14T00:01:00+08:00'));
    expect(await missedOf(file.id)).toEqual([{ due: '2026-10-08' }, { due: '2026-10-13' }]);
  });
});
