import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryId, gridByCode, pointInGrid } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { multipartBody, phoneJpeg } from '../photos/test-images.ts';

let h: Harness;
let charging: string;
let community: { id: string };
let point: { lon: number; lat: number };
let propertyCompany: string;

beforeAll(async () => {
  h = await startHarness();
  charging = await categoryId(h, 'FIRE_EBIKE_CHARGING');
  const grid = await gridByCode(h, 'C01G01');
  community = await h.database.db
    .selectFrom('area_nodes')
    .select('id')
    .where(
      'id',
      '=',
      (await h.database.db.selectFrom('area_nodes').select('parent_id').where('id', '=', grid.id).executeTakeFirstOrThrow())
        .parent_id as string,
    )
    .executeTakeFirstOrThrow();
  point = await pointInGrid(h, 'C01G01');
  const me = (await h.app.inject({ url: '/api/me', headers: { cookie: await h.login('property') } })).json();
  propertyCompany = me.roles[0].organisationId;
});
afterAll(() => h.close());

async function as(username: string) {
  const cookie = await h.login(username);
  const send =
    (method: 'POST' | 'PUT' | 'PATCH') =>
    (url: string, payload: object = {}) =>
      h.app.inject({ method, url, payload, headers: { cookie } });
  return {
    get: (url: string) => h.app.inject({ url, headers: { cookie } }),
    post: send('POST'),
    put: send('PUT'),
    patch: send('PATCH'),
  };
}

async function ok(response: Awaited<ReturnType<Harness['app']['inject']>>, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

async function upload(username: string) {
  const body = multipartBody([{ filename: 'photo.jpg', contentType: 'image/jpeg', data: await phoneJpeg(800, 600) }]);
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/photos',
    headers: { cookie: await h.login(username), ...body.headers },
    payload: body.payload,
  });
  return (await ok(response, 201)).id as string;
}

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

describe('patrols', () => {
  let team: { id: string };
  let plan: { id: string; points: { id: string; lon: number; lat: number }[] };
  let hazardCaseId: string;

  it('takes a resident’s application, refuses a second one, and makes the approved applicant a patrol volunteer', async () => {
    const resident = await as('resident');
    expect(
      (await resident.post('/api/patrols/partners/apply', { communityId: community.id, availability: [] })).json().error.field,
    ).toBe('availability');
    const applied = await ok(
      await resident.post('/api/patrols/partners/apply', {
        communityId: community.id,
        skills: ['fire_safety'],
        availability: ['weekday_evening', 'night'],
        note: '退休电工，晚上有空',
      }),
      201,
    );
    expect(applied).toMatchObject({ status: 'applied', skills: ['fire_safety'] });
    expect(
      (await resident.post('/api/patrols/partners/apply', { communityId: community.id, availability: ['night'] })).statusCode,
    ).toBe(409);

    // Another community's secretary does not see the application; this community's does.
    expect((await (await as('sec_c02')).post(`/api/patrols/partners/${applied.id}/approve`, {})).statusCode).toBe(404);
    const secretary = await as('secretary');
    team = await ok(await secretary.post('/api/patrols/teams', { communityId: community.id, name: '平安巡查一队' }), 201);
    expect((await secretary.post('/api/patrols/teams', { communityId: community.id, name: '平安巡查一队' })).statusCode).toBe(
      409,
    );
    const approved = await ok(await secretary.post(`/api/patrols/partners/${applied.id}/approve`, { teamId: team.id }));
    expect(approved).toMatchObject({ status: 'approved', teamId: team.id, teamName: '平安巡查一队' });
    expect((await secretary.post(`/api/patrols/partners/${applied.id}/decline`, { reason: '重复' })).statusCode).toBe(409);

    const me = await ok(await h.app.inject({ url: '/api/me', headers: { cookie: await h.login('resident') } }));
    expect(me.roles.map((r: { role: string }) => r.role)).toContain('patrol_volunteer');
  });

  it('plans a round with points and a checklist, and shows it to the team as due today', async () => {
    const secretary = await as('secretary');
    const bad = await secretary.post('/api/patrols/plans', {
      communityId: community.id,
      name: '周巡',
      frequency: 'weekly',
      startsOn: '2026-01-01',
      checklist: [{ code: 'exits', label: '消防通道畅通' }],
      points: [{ name: '1号楼', ...point }],
    });
    expect(bad.json().error.field).toBe('weekdays');
    plan = await ok(
      await secretary.post('/api/patrols/plans', {
        communityId: community.id,
        name: '每日小区巡查',
        teamId: team.id,
        frequency: 'daily',
        startsOn: '2026-01-01',
        checklist: [
          { code: 'exits', label: '消防通道畅通' },
          { code: 'no_flying_lines', label: '无飞线充电' },
        ],
        points: [
          { name: '1号楼', ...point },
          { name: '车棚', lon: point.lon + 0.001, lat: point.lat },
        ],
      }),
      201,
    );
    const mine = await ok(await (await as('resident')).get('/api/patrols/plans?mine=true'));
    expect(mine.items.map((p: { id: string }) => p.id)).toContain(plan.id);
    expect(mine.items.find((p: { id: string }) => p.id === plan.id)).toMatchObject({ dueToday: true, doneToday: false });
  });

  it('stores a run sent again and again once, with one hazard per finding, and the distance from each point', async () => {
    const partner = await as('resident');
    const photoId = await upload('resident');
    const runId = randomUUID();
    const finding = {
      clientId: randomUUID(),
      pointId: plan.points[1]?.id,
      categoryId: charging,
      level: 'general',
      description: '车棚内电动车飞线充电，插线板放在地上',
      lon: point.lon,
      lat: point.lat,
      photoIds: [photoId],
      at: minutesAgo(5),
    };
    const body = {
      planId: plan.id,
      startedAt: minutesAgo(30),
      checkins: [
        {
          clientId: randomUUID(),
          pointId: plan.points[0]?.id,
          at: minutesAgo(20),
          lon: point.lon,
          lat: point.lat + 0.003,
          accuracyM: 12,
          checklist: { exits: 'ok', no_flying_lines: 'ok' },
        },
      ],
      findings: [finding],
    };
    const first = await ok(await partner.put(`/api/patrols/runs/${runId}`, body), 201);
    const again = await ok(await partner.put(`/api/patrols/runs/${runId}`, { ...body, finishedAt: minutesAgo(1) }));
    expect(again.id).toBe(first.id);
    expect(again.finishedAt).not.toBeNull();
    expect(again.checkins).toHaveLength(1);
    expect(again.checkins[0].distanceM).toBeGreaterThan(300);
    expect(again.findings).toHaveLength(1);
    hazardCaseId = again.findings[0].caseId;

    const hazardCase = await ok(await (await as('grid')).get(`/api/cases/${hazardCaseId}`));
    expect(hazardCase).toMatchObject({ kind: 'hazard', source: 'patrol', priority: 'high' });
    const count = await h.database.db
      .selectFrom('patrol_findings')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('client_id', '=', finding.clientId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    // The run is the partner's and staff's; another resident and another community's secretary do not see it.
    expect((await (await as('sec_c02')).get(`/api/patrols/runs/${first.id}`)).statusCode).toBe(404);
    expect((await (await as('secretary')).get(`/api/patrols/runs/${first.id}`)).statusCode).toBe(200);
    const mineRuns = await ok(await partner.get('/api/patrols/runs?mine=true'));
    expect(mineRuns.items[0]).toMatchObject({ id: first.id, checkinCount: 1, findingCount: 1, farCheckins: 1 });
  });

  it('refuses a whole run whose finding lies outside the street, and writes nothing of it', async () => {
    const runId = randomUUID();
    const response = await (await as('resident')).put(`/api/patrols/runs/${runId}`, {
      planId: plan.id,
      startedAt: minutesAgo(10),
      findings: [
        {
          clientId: randomUUID(),
          categoryId: charging,
          level: 'major',
          description: '外面',
          lon: 10,
          lat: 10,
          at: minutesAgo(5),
        },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('findings.0.lon');
    expect(
      await h.database.db.selectFrom('patrol_runs').select('id').where('client_id', '=', runId).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('orders rectification, returns a failed fix with the next round, and counts a confirmed one as rectified', async () => {
    const grid = await as('grid');
    expect(
      (
        await grid.post(`/api/patrols/hazards/${hazardCaseId}/order`, {
          partyKind: 'property',
          level: 'general',
          requirement: '拆除飞线',
        })
      ).json().error.field,
    ).toBe('organisationId');
    const ordered = await ok(
      await grid.post(`/api/patrols/hazards/${hazardCaseId}/order`, {
        partyKind: 'property',
        organisationId: propertyCompany,
        level: 'general',
        requirement: '拆除车棚飞线，加装充电桩前禁止室内充电',
      }),
    );
    expect(ordered).toMatchObject({ stage: 'rectifying', order: { round: 1, partyKind: 'property' } });
    const dueDate = ordered.order.dueDate;
    const assigned = await ok(await grid.get(`/api/cases/${hazardCaseId}`));
    expect(assigned).toMatchObject({ state: 'assigned', deadline: { dueDate } });

    const property = await as('property');
    const partner = await as('resident');
    // Nothing to re-inspect until the party says it is fixed.
    expect((await partner.post(`/api/patrols/hazards/${hazardCaseId}/reinspect`, { result: 'rectified' })).statusCode).toBe(409);
    await ok(await property.post(`/api/cases/${hazardCaseId}/start`, {}));
    await ok(
      await property.post(`/api/cases/${hazardCaseId}/resolve`, { resolution: '已拆除', photoIds: [await upload('property')] }),
    );
    const returned = await ok(
      await partner.post(`/api/patrols/hazards/${hazardCaseId}/reinspect`, { result: 'not_rectified', note: '晚上又接上了' }),
    );
    expect(returned).toMatchObject({ stage: 'rectifying', order: { round: 2 } });
    expect(returned.orders).toHaveLength(2);

    await ok(await property.post(`/api/cases/${hazardCaseId}/start`, {}));
    await ok(await property.post(`/api/cases/${hazardCaseId}/resolve`, { resolution: '装了充电桩，拆除飞线' }));
    const confirmed = await ok(
      await partner.post(`/api/patrols/hazards/${hazardCaseId}/reinspect`, {
        result: 'rectified',
        photoIds: [await upload('resident')],
      }),
    );
    expect(confirmed).toMatchObject({ stage: 'rectified', state: 'closed' });
    expect(confirmed.reinspections.map((r: { result: string }) => r.result)).toEqual(['not_rectified', 'rectified']);

    const timeline = (await ok(await grid.get(`/api/cases/${hazardCaseId}`))).timeline.map((e: { type: string }) => e.type);
    expect(timeline).toEqual(
      expect.arrayContaining([
        'case.reported',
        'case.assigned',
        'case.resolved',
        'case.reinspected',
        'case.returned',
        'case.closed',
      ]),
    );
    const mine = await ok(await partner.get('/api/patrols/findings/mine'));
    expect(mine.items[0]).toMatchObject({ caseId: hazardCaseId, rectified: true, caseState: 'closed' });
  });

  it('computes the rectification rate of a hand-checked set: one of the team’s two hazards rectified is 50%', async () => {
    const second = await (await as('resident')).put(`/api/patrols/runs/${randomUUID()}`, {
      planId: plan.id,
      startedAt: minutesAgo(15),
      finishedAt: minutesAgo(2),
      findings: [
        {
          clientId: randomUUID(),
          categoryId: charging,
          level: 'major',
          description: '楼道堆放杂物堵塞消防通道',
          ...point,
          at: minutesAgo(10),
        },
      ],
    });
    await ok(second, 201);
    const today = new Date().toISOString().slice(0, 10);
    const figures = await ok(
      await (await as('secretary')).get(`/api/patrols/figures?nodeId=${community.id}&from=${today}&to=${today}&by=team`),
    );
    const teamRow = figures.rows.find((r: { label: string }) => r.label === '平安巡查一队');
    expect(teamRow).toMatchObject({ found: 2, rectified: 1, rate: 0.5, overdue: 0 });
    expect(figures.totals.rate).toBeCloseTo(figures.totals.rectified / figures.totals.found, 10);
    expect(figures.totals.runs).toBeGreaterThanOrEqual(2);
    expect(figures.partners.find((p: { name: string }) => p.name)).toBeDefined();
    // A partner reads no figures; another community's secretary none of this community.
    expect(
      (await (await as('sec_c02')).get(`/api/patrols/figures?nodeId=${community.id}&from=${today}&to=${today}`)).statusCode,
    ).toBe(404);
  });
});
