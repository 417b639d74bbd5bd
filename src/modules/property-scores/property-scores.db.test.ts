import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type As, as, ok, refused } from '../../../test/api-as.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { hashPassword } from '../../platform/security/password.ts';
import { computeLastMonth } from './compute.service.ts';

/**
 * One scorecard against one worked out by hand. June 2025 lies before the tiny demo street's
 * history, so the test writes that month's facts itself for one estate: six cases handed to its
 * company, two of them hazards with rectification orders, ratings, and a discussion-day review.
 */
const MONTH = '2025-06';
let h: Harness;
let estate: { id: string; company_id: string; community_id: string };
let households: number;
let secretary: As;

const at = (date: string, hour = 10) => new Date(`${date}T${String(hour - 8).padStart(2, '0')}:00:00Z`); // local time in Shanghai

async function handCase(fields: Record<string, unknown>) {
  const db = h.database.db;
  const template = await db.selectFrom('cases').selectAll().limit(1).executeTakeFirstOrThrow();
  const building = await db
    .selectFrom('area_nodes')
    .select(['id', 'parent_id'])
    .where('estate_id', '=', estate.id)
    .where('level', '=', 'building')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  const { id: _id, created_at: _c, updated_at: _u, ...rest } = template;
  await db
    .insertInto('cases')
    .values({
      ...rest,
      id,
      number: `T${id.slice(0, 8)}`,
      tracking_hash: randomUUID(),
      idempotency_key: null,
      idempotency_scope: null,
      merged_into: null,
      building_id: building.id,
      grid_id: building.parent_id,
      kind: 'demand',
      state: 'closed',
      ever_overdue: false,
      resolved_at: null,
      rating: null,
      rated_at: null,
      rectified_at: null,
      ...fields,
    } as never)
    .execute();
  await db.insertInto('case_org_access').values({ case_id: id, organisation_id: estate.company_id }).execute();
  return id;
}

async function order(caseId: string, issued: string, due: string) {
  const issuer = await h.database.db.selectFrom('users').select('id').where('username', '=', 'grid').executeTakeFirstOrThrow();
  await h.database.db
    .insertInto('hazard_orders')
    .values({
      street_id: (await h.database.db.selectFrom('cases').select('street_id').where('id', '=', caseId).executeTakeFirstOrThrow())
        .street_id,
      case_id: caseId,
      round: 1,
      party_kind: 'property',
      organisation_id: estate.company_id,
      party_name: 'company',
      level: 'general',
      requirement: 'fix it',
      due_date: due,
      issued_by: issuer.id,
      issued_at: at(issued),
    })
    .execute();
}

beforeAll(async () => {
  h = await startHarness();
  const db = h.database.db;
  // The estate of the grid worker's grid (C01G01): 竹韵苑 in the tiny street, 12 households.
  const first = await db
    .selectFrom('area_nodes as b')
    .innerJoin('area_nodes as g', 'g.id', 'b.parent_id')
    .select('b.estate_id')
    .where('g.code', '=', 'C01G01')
    .where('b.level', '=', 'building')
    .orderBy('b.code')
    .executeTakeFirstOrThrow();
  estate = await db
    .selectFrom('estates')
    .select(['id', 'property_company_id as company_id', 'community_id'])
    .where('id', '=', first.estate_id as string)
    .executeTakeFirstOrThrow()
    .then((e) => ({ ...e, company_id: e.company_id as string }));
  households = (
    await db
      .selectFrom('area_nodes as b')
      .innerJoin('area_nodes as u', 'u.parent_id', 'b.id')
      .innerJoin('area_nodes as hh', 'hh.parent_id', 'u.id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('b.estate_id', '=', estate.id)
      .executeTakeFirstOrThrow()
  ).n;
  secretary = await as(h, 'secretary');

  // c1: a complaint, over on time, rated 5 in June
  await handCase({
    kind: 'complaint',
    created_at: at('2025-06-02'),
    resolved_at: at('2025-06-04'),
    rating: 5,
    rated_at: at('2025-06-20'),
  });
  // c2: over, but it went overdue first; rated 2 in June
  await handCase({
    created_at: at('2025-06-03'),
    resolved_at: at('2025-06-16'),
    ever_overdue: true,
    rating: 2,
    rated_at: at('2025-06-25'),
  });
  // c3: over on time, not rated
  await handCase({ state: 'resolved', created_at: at('2025-06-09'), resolved_at: at('2025-06-10') });
  // c4: still in hand inside its deadline: not counted yet
  await handCase({ state: 'in_progress', created_at: at('2025-06-29') });
  // c5: a hazard ordered 5 June due 12 June, replied 11 June, confirmed rectified: on time
  const c5 = await handCase({
    kind: 'hazard',
    created_at: at('2025-06-05', 9),
    resolved_at: at('2025-06-11'),
    rectified_at: at('2025-06-13'),
  });
  await order(c5, '2025-06-05', '2025-06-12');
  // c6: a hazard ordered 15 June due 22 June, replied 25 June: rectified late, and the case went overdue
  const c6 = await handCase({
    kind: 'hazard',
    created_at: at('2025-06-15', 9),
    resolved_at: at('2025-06-25'),
    rectified_at: at('2025-06-26'),
    ever_overdue: true,
  });
  await order(c6, '2025-06-15', '2025-06-22');
  // c7: reported in May, rated 4 in June: counts among June's ratings only
  await handCase({ created_at: at('2025-05-20'), resolved_at: at('2025-05-22'), rating: 4, rated_at: at('2025-06-03') });
});
afterAll(() => h?.close());

describe('property scorecards', () => {
  it('records the discussion-day review of the month, and a second entry corrects it', async () => {
    const body = {
      companyId: estate.company_id,
      estateId: estate.id,
      month: MONTH,
      heldOn: '2025-06-26',
      scores: [{ party: 'owners_committee', scores: { cleaning: 60, security: 60, maintenance: 60, greening: 60, service: 60 } }],
    };
    expect((await ok(await secretary.put('/api/property-scores/reviews', body))).created).toBe(true);
    const corrected = await ok(
      await secretary.put('/api/property-scores/reviews', {
        ...body,
        comments: '楼道清洁尚可，电梯报修响应慢。',
        scores: [
          { party: 'owners_committee', scores: { cleaning: 90, security: 80, maintenance: 70, greening: 80, service: 80 } },
          { party: 'residents_committee', scores: { cleaning: 70, security: 70, maintenance: 60, greening: 80, service: 70 } },
        ],
      }),
    );
    expect(corrected.created).toBe(false);
    const events = await h.database.db
      .selectFrom('events')
      .select('type')
      .where('entity_id', '=', corrected.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['property_review.recorded', 'property_review.corrected']);
  });

  it('refuses a review of a company that does not manage the estate, and one dated in the future', async () => {
    const other = await h.database.db
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'property_company')
      .where('id', '!=', estate.company_id)
      .executeTakeFirstOrThrow();
    const base = { companyId: estate.company_id, estateId: estate.id, month: MONTH, heldOn: '2025-06-26', scores: [] };
    const scores = [{ party: 'owners_committee', scores: { cleaning: 1, security: 1, maintenance: 1, greening: 1, service: 1 } }];
    expect(
      (await refused(await secretary.put('/api/property-scores/reviews', { ...base, scores, companyId: other.id }), 400)).field,
    ).toBe('companyId');
    expect(
      (await refused(await secretary.put('/api/property-scores/reviews', { ...base, scores, heldOn: '2025-05-30' }), 400)).code,
    ).toBe('PROPERTY_REVIEW_DATE');
  });

  it('computes the card a person would compute by hand', async () => {
    const leader = await as(h, 'leader');
    await ok(await leader.post('/api/property-scores/compute', { month: MONTH }));
    const card = await h.database.db
      .selectFrom('property_scorecards')
      .selectAll()
      .where('estate_id', '=', estate.id)
      .where('month', '=', `${MONTH}-01`)
      .executeTakeFirstOrThrow();
    expect(Number(households)).toBe(12);
    // review: (90+80+70+80+80 + 70+70+60+80+70) / 10 = 750 / 10 = 75
    // complaints: 1 complaint among 12 households = 8.33 per 100; 100 - 25 * 8.33 = -108.3, never below 0: 0
    // handling: c1..c6 handed in June; c4 still in hand; settled c1 c2 c3 c5 c6, on time c1 c3 c5: 3 / 5 = 60
    // rectification: orders of c5 (on time) and c6 (late) have come due: 1 / 2 = 50
    // ratings: 5, 2 and 4 given in June (c7 was reported in May): mean 11/3 = 3.667; (3.667 - 1) / 4 * 100 = 66.7
    expect(card.inputs).toMatchObject({
      households: 12,
      casesAssigned: 6,
      casesSettled: 5,
      casesOnTime: 3,
      complaints: 1,
      ordersIssued: 2,
      ordersDue: 2,
      ordersOnTime: 1,
      ratings: 3,
      ratingSum: 11,
    });
    expect(card.components).toEqual({ review: 75, complaints: 0, handling: 60, rectification: 50, ratings: 66.7 });
    // total under the default weights 40/10/15/20/15:
    // (40*75 + 10*0 + 15*60 + 20*50 + 15*66.7) / 100 = (3000 + 0 + 900 + 1000 + 1000.5) / 100 = 59.005 -> 59.0
    expect(card.score).toBe(59);
    // below C's 60: D
    expect(card.grade).toBe('D');
  });

  it('shows the cases behind a figure, each with how it counted', async () => {
    const card = await h.database.db
      .selectFrom('property_scorecards')
      .select('id')
      .where('estate_id', '=', estate.id)
      .where('month', '=', `${MONTH}-01`)
      .executeTakeFirstOrThrow();
    const handling = await ok(await secretary.get(`/api/property-scores/cards/${card.id}/cases?component=handling`));
    expect(handling.items).toHaveLength(6);
    expect(handling.items.filter((c: { counted: boolean }) => !c.counted)).toHaveLength(1);
    const hazards = await ok(await secretary.get(`/api/property-scores/cards/${card.id}/cases?component=rectification`));
    expect(hazards.items.map((c: { onTime: boolean }) => c.onTime).sort()).toEqual([false, true]);
  });

  it('keeps a computed month on its weights when the housing department sets new ones', async () => {
    const housing = await as(h, 'dh_housing');
    const thisMonth = new Date().toISOString().slice(0, 7);
    const weights = { review: 20, complaints: 20, handling: 20, rectification: 20, ratings: 20 };
    const bands = { A: 90, B: 80, C: 70 };
    expect(
      (await refused(await housing.post('/api/property-scores/weights', { weights, bands, effectiveFrom: '2025-06' }), 400)).code,
    ).toBe('PROPERTY_WEIGHTS_PAST');
    expect(
      (
        await refused(
          await housing.post('/api/property-scores/weights', {
            weights: { ...weights, review: 30 },
            bands,
            effectiveFrom: thisMonth,
          }),
          400,
        )
      ).code,
    ).toBe('PROPERTY_WEIGHTS_SUM');
    await refused(
      await (await as(h, 'leader')).post('/api/property-scores/weights', { weights, bands, effectiveFrom: thisMonth }),
      403,
    );
    // a reader who may not compute is told so; someone who reads no scores is shown nothing
    await refused(await secretary.post('/api/property-scores/compute', { month: MONTH }), 403);
    await refused(await (await as(h, 'resident')).post('/api/property-scores/compute', { month: MONTH }), 404);
    const created = await ok(
      await housing.post('/api/property-scores/weights', { weights, bands, effectiveFrom: thisMonth }),
      201,
    );
    expect(created.version).toBe(2);
    const before = await ok(await secretary.get(`/api/property-scores/companies/${estate.company_id}?month=${MONTH}`));
    const again = await ok(await housing.post('/api/property-scores/compute', { month: MONTH }));
    expect(again.weightsVersion).toBe(1);
    const after = await ok(await secretary.get(`/api/property-scores/companies/${estate.company_id}?month=${MONTH}`));
    expect(after.cards.map((c: { score: number }) => c.score)).toEqual(before.cards.map((c: { score: number }) => c.score));
    expect((await ok(await housing.post('/api/property-scores/compute', { month: thisMonth }))).weightsVersion).toBe(2);
  });
});

describe('the monthly job', () => {
  it('computes last month for the street, and a second run leaves the same cards', async () => {
    // On 2 July 2025 (Shanghai) last month is June: the job finds the card computed by hand above.
    const deps = { db: h.database.db, timeZone: 'Asia/Shanghai', now: () => new Date('2025-07-01T18:30:00Z') };
    const cards = () =>
      h.database.db
        .selectFrom('property_scorecards')
        .select(['estate_id', 'score', 'grade'])
        .where('month', '=', `${MONTH}-01`)
        .orderBy('estate_id')
        .execute();
    const [first] = await computeLastMonth(deps);
    expect(first?.month).toBe(MONTH);
    const once = await cards();
    await computeLastMonth(deps);
    expect(await cards()).toEqual(once);
    expect(once.map((c) => c.estate_id)).toContain(estate.id);
    const runs = await h.database.db.selectFrom('events').select('data').where('type', '=', 'property_scores.computed').execute();
    expect(runs.filter((r) => (r.data as { month: string }).month === MONTH).length).toBeGreaterThanOrEqual(2);
  });
});

describe('a property company handler', () => {
  let mine: string;
  let theirs: string;
  let theirCard: string;
  let handlerB: As;

  beforeAll(async () => {
    const db = h.database.db;
    const property = await db
      .selectFrom('users')
      .select(['organisation_id', 'street_id'])
      .where('username', '=', 'property')
      .executeTakeFirstOrThrow();
    mine = property.organisation_id as string;
    const other = await db
      .selectFrom('property_scorecards')
      .select(['id', 'company_id'])
      .where('company_id', '!=', mine)
      .orderBy('month', 'desc')
      .executeTakeFirstOrThrow();
    theirs = other.company_id;
    theirCard = other.id;
    // A handler of the other company, to see the wall from both sides.
    const id = randomUUID();
    await db
      .insertInto('users')
      .values({
        id,
        username: 'handler_b',
        display_name: '乙物业',
        password_hash: await hashPassword('fengqiao-demo'),
        street_id: property.street_id,
        organisation_id: theirs,
      })
      .execute();
    await db
      .insertInto('role_assignments')
      .values({ user_id: id, role: 'property_handler', organisation_id: theirs, street_id: property.street_id })
      .execute();
    handlerB = await as(h, 'handler_b');
  });

  it("reads its own company's scorecard and the cases behind it", async () => {
    const own = await ok(await (await as(h, 'property')).get(`/api/property-scores/companies/${mine}`));
    expect(own.history).toHaveLength(12);
    expect(own.cards.length).toBeGreaterThan(0);
    expect((await handlerB.get(`/api/property-scores/cards/${theirCard}/cases?component=ratings`)).statusCode).toBe(200);
  });

  it("cannot read another company's scorecard or cards (404)", async () => {
    const property = await as(h, 'property');
    await refused(await property.get(`/api/property-scores/companies/${theirs}`), 404);
    await refused(await property.get(`/api/property-scores/cards/${theirCard}/cases?component=handling`), 404);
    await refused(await handlerB.get(`/api/property-scores/companies/${mine}`), 404);
  });

  it('sees only itself in the ranking and the export', async () => {
    const ranking = await ok(await handlerB.get('/api/property-scores/ranking'));
    expect(ranking.items.map((i: { companyId: string }) => i.companyId)).toEqual([theirs]);
    const leaderRanking = await ok(await (await as(h, 'leader')).get('/api/property-scores/ranking'));
    expect(leaderRanking.items.length).toBeGreaterThan(1);
    const workbook = await handlerB.get('/api/property-scores/export.xlsx?lang=en');
    expect(workbook.statusCode).toBe(200);
    expect(workbook.headers['x-export-rows']).toBe('1');
  });
});
