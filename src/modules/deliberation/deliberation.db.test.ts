import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type As, as, ok, refused } from '../../../test/api-as.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { multipartBody, phoneJpeg } from '../photos/test-images.ts';

let h: Harness;
let secretary: As;
let resident: As;
let estateId: string;
let buildingId: string;
let buildingPath: string;
/** Owners of the resident's building, each signed in as themselves. */
let owners: { username: string; householdId: string; api: As }[] = [];
let topicId: string;
let voteId: string;
let receiptId: string;

/** A resident account for a household's head (the tiny street gives accounts to few residents). */
async function ownerAccount(householdId: string, n: number) {
  const db = h.database.db;
  const person = await db
    .selectFrom('residents')
    .select(['id', 'name'])
    .where('household_id', '=', householdId)
    .orderBy('is_household_head', 'desc')
    .executeTakeFirstOrThrow();
  const template = await db
    .selectFrom('users')
    .select(['password_hash', 'street_id'])
    .where('username', '=', 'resident')
    .executeTakeFirstOrThrow();
  const username = `owner_${n}`;
  const user = await db
    .insertInto('users')
    .values({
      username,
      display_name: person.name,
      password_hash: template.password_hash,
      street_id: template.street_id,
      resident_id: person.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_assignments')
    .values({ user_id: user.id, role: 'resident', node_id: householdId, street_id: template.street_id })
    .execute();
  return { username, householdId, api: await as(h, username) };
}

async function upload(api: string) {
  const body = multipartBody([{ filename: 'p.jpg', contentType: 'image/jpeg', data: await phoneJpeg(320, 240) }]);
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/photos',
    headers: { cookie: await h.login(api), ...body.headers },
    payload: body.payload,
  });
  return (await ok(response, 201)).id as string;
}

beforeAll(async () => {
  h = await startHarness();
  secretary = await as(h, 'secretary');
  resident = await as(h, 'resident');
  const db = h.database.db;
  const home = await db
    .selectFrom('users as u')
    .innerJoin('residents as r', 'r.id', 'u.resident_id')
    .innerJoin('area_nodes as hh', 'hh.id', 'r.household_id')
    .select(['hh.id', 'hh.path'])
    .where('u.username', '=', 'resident')
    .executeTakeFirstOrThrow();
  const building = await db
    .selectFrom('area_nodes')
    .select(['id', 'path', 'estate_id'])
    .where('id', 'in', home.path.split('/').filter(Boolean))
    .where('level', '=', 'building')
    .executeTakeFirstOrThrow();
  estateId = building.estate_id as string;
  buildingId = building.id;
  buildingPath = building.path;
  const households = await db
    .selectFrom('area_nodes')
    .select('id')
    .where('level', '=', 'household')
    .where('path', 'like', `${building.path}%`)
    .where('id', '!=', home.id)
    .orderBy('code')
    .execute();
  owners = await Promise.all(households.map((hh, i) => ownerAccount(hh.id, i + 1)));
});
afterAll(() => h.close());

describe('one topic through the five steps', () => {
  it('a resident proposes fixing the leaking roof, with a photo; a neighbour writing the same is shown it first', async () => {
    const photoId = await upload('resident');
    const created = await ok(
      await resident.post('/api/deliberation/topics', {
        buildingId,
        title: '楼顶屋面漏水需要维修',
        description: '顶楼屋面防水层老化，下雨天漏水，墙面发霉。联系电话13912345678',
        estimatedCostFen: 4_800_000,
        photoIds: [photoId],
      }),
      201,
    );
    topicId = created.id;
    expect(created.number).toMatch(/^\d{4}-\d{4}$/);
    const similar = await ok(
      await (owners[0] as { api: As }).api.get(`/api/deliberation/topics/similar?text=${encodeURIComponent('屋面漏水严重')}`),
    );
    expect(similar.items.map((t: { id: string }) => t.id)).toContain(topicId);
    const unrelated = await ok(
      await resident.get(`/api/deliberation/topics/similar?text=${encodeURIComponent('小区增设快递柜')}`),
    );
    expect(unrelated.items).toEqual([]);
  });

  it('neighbours support it once each; staff cannot support', async () => {
    for (const owner of owners) await ok(await owner.api.post(`/api/deliberation/topics/${topicId}/support`));
    const again = await ok(await (owners[0] as { api: As }).api.post(`/api/deliberation/topics/${topicId}/support`));
    expect(again.supportCount).toBe(owners.length);
    expect(refused(await secretary.post(`/api/deliberation/topics/${topicId}/support`), 403).code).toBe(
      'TOPIC_SUPPORT_RESIDENTS',
    );
  });

  it('is hidden from another community and refuses steps out of order', async () => {
    refused(await (await as(h, 'sec_c02')).get(`/api/deliberation/topics/${topicId}`), 404);
    expect(refused(await secretary.post(`/api/deliberation/topics/${topicId}/step`, { action: 'complete' }), 409).code).toBe(
      'TOPIC_ILLEGAL_STEP',
    );
    expect(refused(await resident.post(`/api/deliberation/topics/${topicId}/step`, { action: 'discuss' }), 403).code).toBe(
      'FORBIDDEN',
    );
  });

  it('the weekly discussion day puts it on the agenda, invites the six parties and signs people in by QR', async () => {
    const meeting = await ok(
      await secretary.post('/api/deliberation/meetings', {
        kind: 'property_day',
        estateId,
        title: '红色物业议事日',
        startsAt: new Date(Date.now() + 3_600_000).toISOString(),
        place: '社区议事厅',
        topicIds: [topicId],
      }),
      201,
    );
    const code = await ok(await secretary.get(`/api/deliberation/meetings/${meeting.id}/checkin-code`));
    const secret = new URL(code.url, 'http://x').searchParams.get('code') as string;
    refused(await resident.post(`/api/deliberation/meetings/${meeting.id}/checkin`, { code: 'wrong-code-000' }), 404);
    const signed = await ok(await resident.post(`/api/deliberation/meetings/${meeting.id}/checkin`, { code: secret }));
    expect(signed).toMatchObject({ party: 'residents_representative', alreadySignedIn: false });
    expect(
      (await ok(await resident.post(`/api/deliberation/meetings/${meeting.id}/checkin`, { code: secret }))).alreadySignedIn,
    ).toBe(true);
    const detail = await ok(
      await secretary.post(`/api/deliberation/meetings/${meeting.id}/minutes`, {
        minutes: '六方共同议定：启用维修资金翻修屋面。',
      }),
    );
    expect(detail.invitations).toHaveLength(6);
    expect(detail.attendance).toHaveLength(1);
    expect(detail.status).toBe('held');
    const topic = await ok(await secretary.get(`/api/deliberation/topics/${topicId}`));
    expect(topic.step).toBe('discussing');

    expect(refused(await secretary.post(`/api/deliberation/topics/${topicId}/step`, { action: 'conclude' }), 400).field).toBe(
      'conclusion',
    );
    await ok(
      await secretary.post(`/api/deliberation/topics/${topicId}/step`, {
        action: 'conclude',
        conclusion: '使用专项维修资金翻修屋面防水，业主表决后实施',
      }),
    );
    const resolution = await ok(
      await secretary.post(`/api/deliberation/meetings/${meeting.id}/resolutions`, {
        topicId,
        text: '物业公司两周内完成屋面防水施工',
        ownerParty: '物业公司',
        dueOn: '2030-06-30',
      }),
      201,
    );
    expect(resolution.caseNumber).toMatch(/^\d{4}-\d{6}$/);
    const followUp = await ok(await secretary.get(`/api/cases/${resolution.caseId}`));
    expect(followUp.state).toBe('reported');
  });

  it('owners vote with a quorum: online and paper ballots, a household never counted twice', async () => {
    const vote = await ok(
      await secretary.post('/api/deliberation/votes', {
        topicId,
        title: '屋面翻修使用维修资金',
        weighting: 'household',
        quorum: { num: 1, den: 2 },
        pass: { num: 1, den: 2 },
        passBase: 'participating',
        passStrict: true,
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      }),
      201,
    );
    voteId = vote.id;
    const first = owners[0] as (typeof owners)[number];
    await ok(await first.api.post(`/api/deliberation/votes/${voteId}/ballot`, { choice: 'yes' }));
    expect(refused(await first.api.post(`/api/deliberation/votes/${voteId}/ballot`, { choice: 'no' }), 409).code).toBe(
      'VOTE_ALREADY_CAST',
    );
    expect(
      refused(
        await secretary.post(`/api/deliberation/votes/${voteId}/paper-ballots`, { householdId: first.householdId, choice: 'no' }),
        409,
      ).code,
    ).toBe('VOTE_ALREADY_CAST');
    await ok(await resident.post(`/api/deliberation/votes/${voteId}/ballot`, { choice: 'yes' }));
    for (const owner of owners.slice(1)) {
      await ok(
        await secretary.post(`/api/deliberation/votes/${voteId}/paper-ballots`, {
          householdId: owner.householdId,
          choice: 'yes',
        }),
      );
      expect(refused(await owner.api.post(`/api/deliberation/votes/${voteId}/ballot`, { choice: 'no' }), 409).code).toBe(
        'VOTE_ALREADY_CAST',
      );
    }
    const closed = await ok(await secretary.post(`/api/deliberation/votes/${voteId}/close`));
    const voters = owners.length + 1;
    expect(closed.tally.participating.households).toBe(voters);
    expect(closed.tally.electorate.households).toBe(voters);
    expect(closed.tally.byChannel).toEqual({ online: 2, paper: voters - 2 });
    expect(closed.result).toBe('passed');
    expect(closed.tally.turnout).toBe(1);
  });

  it('the work is done and paid with a receipt, residents rate it, and the topic closes', async () => {
    await ok(
      await secretary.post(`/api/deliberation/topics/${topicId}/step`, {
        action: 'act',
        actionPlan: '翻修屋面防水层',
        actionParty: '物业公司',
      }),
    );
    receiptId = await upload('secretary');
    await ok(
      await secretary.post('/api/deliberation/funds', {
        topicId,
        source: 'maintenance_fund',
        amountFen: 4_650_000,
        spentOn: '屋面防水翻修工程款',
        paidOn: '2026-06-20',
        receiptPhotoIds: [receiptId],
      }),
      201,
    );
    expect(refused(await resident.post(`/api/deliberation/topics/${topicId}/rate`, { score: 5 }), 409).code).toBe(
      'TOPIC_NOT_OPEN_FOR_RATING',
    );
    await ok(await secretary.post(`/api/deliberation/topics/${topicId}/step`, { action: 'complete' }));
    await ok(await resident.post(`/api/deliberation/topics/${topicId}/rate`, { score: 5, comment: '不漏了' }));
    const rated = await ok(await (owners[0] as { api: As }).api.post(`/api/deliberation/topics/${topicId}/rate`, { score: 4 }));
    expect(rated.ratingAverage).toBe(4.5);
    const closed = await ok(await secretary.post(`/api/deliberation/topics/${topicId}/step`, { action: 'close' }));
    expect(closed.step).toBe('closed');
    expect(closed.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining([
        'delib.topic_proposed',
        'delib.topic_on_agenda',
        'delib.topic_resolution',
        'delib.topic_vote_closed',
        'delib.topic_fund_line',
        'delib.topic_rated',
      ]),
    );
  });
});

describe('the public page of the estate', () => {
  it('shows process, votes and money without signing in, and no personal data', async () => {
    const response = await h.app.inject({ url: `/api/public/deliberation/estates/${estateId}` });
    const page = await ok(response);
    const topic = page.topics.find((t: { id: string }) => t.id === topicId);
    expect(topic.steps.map((s: { step: string }) => s.step)).toEqual([
      'proposed',
      'discussing',
      'concluded',
      'acting',
      'evaluating',
      'closed',
    ]);
    expect(page.resolutions[0]).toMatchObject({ ownerParty: '物业公司' });
    expect(page.votes[0].tally.result).toBe('passed');
    expect(page.funds.totalFen).toBeGreaterThanOrEqual(4_650_000);
    expect(page.funds.lines.find((l: { spentOn: string }) => l.spentOn === '屋面防水翻修工程款').receiptPhotoIds).toEqual([
      receiptId,
    ]);
    expect((await h.app.inject({ url: `/api/photos/${receiptId}/thumbnail` })).statusCode).toBe(200);

    const db = h.database.db;
    const people = await db
      .selectFrom('residents')
      .select(['name', 'phone', 'id_number'])
      .where(
        'household_id',
        'in',
        (
          await db
            .selectFrom('area_nodes')
            .select('id')
            .where('path', 'like', `${buildingPath}%`)
            .where('level', '=', 'household')
            .execute()
        ).map((r) => r.id),
      )
      .execute();
    const users = await db.selectFrom('users').select(['display_name', 'username', 'phone']).execute();
    const text = response.body;
    for (const p of people) {
      expect(text).not.toContain(p.name);
      if (p.phone) expect(text).not.toContain(p.phone);
      if (p.id_number) expect(text).not.toContain(p.id_number);
    }
    for (const u of users) {
      expect(text).not.toContain(`"${u.display_name}"`);
      if (u.phone) expect(text).not.toContain(u.phone);
    }
    expect(text).not.toContain('13912345678');
    expect(text).not.toMatch(/householdId|userId|proposer|display_?name/i);
  });

  it('lists the street’s estates for anyone', async () => {
    const list = await ok(await h.app.inject({ url: '/api/public/deliberation/estates' }));
    expect(list.items.find((e: { id: string }) => e.id === estateId).topicCount).toBeGreaterThanOrEqual(1);
  });

  it('keeps a topic’s own photos from strangers', async () => {
    const topic = await ok(await secretary.get(`/api/deliberation/topics/${topicId}`));
    expect((await h.app.inject({ url: `/api/photos/${topic.photoIds[0]}` })).statusCode).toBe(404);
    expect((await resident.get(`/api/photos/${topic.photoIds[0]}/thumbnail`)).statusCode).toBe(200);
  });
});

describe('who sees a topic and its vote', () => {
  it('another community’s secretary and a property handler are told they do not exist', async () => {
    const other = await as(h, 'sec_c02');
    refused(await other.get(`/api/deliberation/votes/${voteId}`), 404);
    refused(await other.post(`/api/deliberation/votes/${voteId}/close`), 404);
    const list = await ok(await other.get('/api/deliberation/topics?open=false&limit=100'));
    expect(list.items.map((t: { id: string }) => t.id)).not.toContain(topicId);
    refused(await (await as(h, 'property')).get(`/api/deliberation/topics/${topicId}`), 404);
  });

  it('a resident of another estate can neither read the topic nor vote', async () => {
    const db = h.database.db;
    const grid = await db
      .selectFrom('area_nodes')
      .select('path')
      .where('code', '=', 'C02G01')
      .where('level', '=', 'grid')
      .executeTakeFirstOrThrow();
    const far = await db
      .selectFrom('area_nodes')
      .select('id')
      .where('level', '=', 'household')
      .where('path', 'like', `${grid.path}%`)
      .executeTakeFirstOrThrow();
    const stranger = await ownerAccount(far.id, 99);
    refused(await stranger.api.get(`/api/deliberation/topics/${topicId}`), 404);
    refused(await stranger.api.post(`/api/deliberation/topics/${topicId}/support`), 404);
    refused(await stranger.api.post(`/api/deliberation/votes/${voteId}/ballot`, { choice: 'yes' }), 404);
  });

  it('the grid worker of the building’s grid reads the topic', async () => {
    const topic = await ok(await (await as(h, 'grid')).get(`/api/deliberation/topics/${topicId}`));
    expect(topic.proposerName).not.toContain('*');
  });
});
