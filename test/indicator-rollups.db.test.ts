import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildIndicatorRollups } from '../src/modules/stats/indicator-rollups.ts';
import { categoryId, pointInGrid } from './fixtures.ts';
import { type Harness, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/**
 * The indicator rollups counted again straight from the source rows, written apart from the
 * triggers: what each measure means, as one query.
 */
const RECOUNT = sql`
  with z as (select time_zone as tz from stat_settings),
  c as (select c.*, (c.created_at at time zone z.tz)::date as cohort from cases c, z where c.grid_id is not null),
  facts as (
    select street_id, grid_id as node_id, location_path as node_path, category_id::text as breakdown, cohort as day, 'hazards_found' as measure, 0 as bucket
      from c where kind = 'hazard' and state not in ('duplicate', 'rejected')
    union all select street_id, grid_id, location_path, category_id::text, cohort, 'hazards_rectified', 0
      from c where kind = 'hazard' and state not in ('duplicate', 'rejected') and rectified_at is not null
    union all select street_id, grid_id, location_path, category_id::text, cohort, 'complaints', 0 from c where kind = 'complaint'
    union all select street_id, grid_id, location_path, category_id::text, cohort, 'response_due', 0
      from c where response_due_at is not null and state not in ('duplicate', 'rejected')
    union all select street_id, grid_id, location_path, category_id::text, cohort, 'responded_on_time', 0
      from c where response_due_at is not null and state not in ('duplicate', 'rejected') and first_contact_at <= response_due_at
    union all select street_id, grid_id, location_path, category_id::text, (resolved_at at time zone z.tz)::date, 'handling_days',
      stat_working_days(street_id, created_at, resolved_at) from c, z where resolved_at is not null
    union all select street_id, grid_id, location_path, assignee_org_id::text, (resolved_at at time zone z.tz)::date, 'org_handled', 0
      from c, z where resolved_at is not null and assignee_org_id is not null
    union all select street_id, grid_id, location_path, assignee_org_id::text, (resolved_at at time zone z.tz)::date, 'org_on_time', 0
      from c, z where resolved_at is not null and assignee_org_id is not null and (due_at is null or resolved_at <= due_at)
    union all select street_id, grid_id, location_path, category_id::text, (rated_at at time zone z.tz)::date, 'verdicts', 0
      from c, z where rated_at is not null and rating is not null
    union all select street_id, grid_id, location_path, category_id::text, (rated_at at time zone z.tz)::date, 'verdicts_solved', 0
      from c, z where rated_at is not null and rating >= 3
    union all select street_id, node_id, location_path, type, (opened_at at time zone z.tz)::date, 'disputes_received', 0 from disputes, z
    union all select street_id, node_id, location_path, type, (opened_at at time zone z.tz)::date, 'disputes_mediated', 0
      from disputes, z where outcome in ('agreement', 'partial_agreement', 'failed')
    union all select street_id, node_id, location_path, type, (opened_at at time zone z.tz)::date, 'disputes_successful', 0
      from disputes, z where outcome in ('agreement', 'partial_agreement')
    union all select v.street_id, f.grid_id, f.location_path, '', v.due_date, case when v.on_time then 'care_on_time' else 'care_late' end, 0
      from care_visits v join care_files f on f.id = v.file_id
    union all select street_id, grid_id, location_path, '', next_due_date, 'care_due_open', 0 from care_files where status = 'active'
    union all select street_id, coalesce(building_id, community_id), location_path, '', (created_at at time zone z.tz)::date, 'topics_proposed', 0
      from delib_topics, z
    union all select street_id, coalesce(building_id, community_id), location_path, '', (concluded_at at time zone z.tz)::date, 'topics_concluded', 0
      from delib_topics, z where concluded_at is not null
    union all select street_id, coalesce(building_id, community_id), location_path, '', (closed_at at time zone z.tz)::date, 'topics_closed', 0
      from delib_topics, z where closed_at is not null
  ),
  counted as (select street_id, node_id, node_path, breakdown, day, measure, bucket, count(*)::bigint as value from facts group by 1, 2, 3, 4, 5, 6, 7),
  money as (
    select d.street_id, d.node_id, d.location_path as node_path, d.type as breakdown, (d.opened_at at time zone z.tz)::date as day,
      'disputes_recovered_fen' as measure, 0 as bucket, sum(i.paid_fen)::bigint as value
    from disputes d cross join z
    join lateral (select id from dispute_agreements a where a.dispute_id = d.id order by version desc limit 1) a on true
    join dispute_instalments i on i.agreement_id = a.id
    group by 1, 2, 3, 4, 5, 6, 7),
  hours as (
    select h.street_id, coalesce(v.node, h.street_id) as node_id, h.source as breakdown, h.served_on as day, sum(h.minutes)::bigint as minutes, count(*)::bigint as services
    from service_hours h
    left join lateral (select coalesce(grid_id, community_id) as node from volunteers v where v.user_id = h.user_id and v.street_id = h.street_id order by applied_at desc limit 1) v on true
    where h.volunteering group by 1, 2, 3, 4)
  select * from counted
  union all select * from money
  union all select h.street_id, h.node_id, n.path, h.breakdown, h.day, 'volunteer_minutes', 0, h.minutes from hours h join area_nodes n on n.id = h.node_id
  union all select h.street_id, h.node_id, n.path, h.breakdown, h.day, 'volunteer_services', 0, h.services from hours h join area_nodes n on n.id = h.node_id`;

async function mismatches(): Promise<unknown[]> {
  const { rows } = await sql`
    with expected as (select * from (${RECOUNT}) e where value <> 0),
    actual as (select street_id, node_id, node_path, breakdown, day, measure, bucket, value from stat_daily_rollups where value <> 0)
    (select 'missing' as what, * from (select * from expected except all select * from actual) m)
    union all (select 'extra', * from (select * from actual except all select * from expected) x)
    limit 20`.execute(h.database.db);
  return rows;
}

const measures = async () =>
  (
    await sql<{
      measure: string;
      n: number;
    }>`select measure, sum(value)::int as n from stat_daily_rollups group by 1 order by 1`.execute(h.database.db)
  ).rows;

describe('indicator rollups', () => {
  it('hold every module of the demo street, equal to a recount from the source rows', async () => {
    const seen = new Set((await measures()).filter((m) => m.n > 0).map((m) => m.measure));
    for (const measure of [
      'hazards_found',
      'complaints',
      'handling_days',
      'verdicts',
      'volunteer_minutes',
      'care_on_time',
      'topics_proposed',
      'topics_concluded',
      'topics_closed',
    ]) {
      expect(seen, measure).toContain(measure);
    }
    expect(await mismatches()).toEqual([]);
  });

  it('move in the transaction of a case reported, handled and rated through the API', async () => {
    const resident = await h.login('resident');
    const grid = await h.login('grid');
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: resident },
      payload: { categoryId: await categoryId(h, 'ROAD_LIGHT'), description: '路灯不亮', ...(await pointInGrid(h, 'C01G01')) },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().case.id;
    for (const [who, action, payload] of [
      [grid, 'accept', {}],
      [grid, 'resolve', { resolution: '已修复' }],
      [resident, 'rate', { rating: 5 }],
    ] as const) {
      const response = await h.app.inject({
        method: 'POST',
        url: `/api/cases/${id}/${action}`,
        headers: { cookie: who },
        payload,
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    expect(await mismatches()).toEqual([]);
  });

  it('move in the transaction of a topic walked through the five steps, sent back once, through the API', async () => {
    const secretary = await h.login('secretary');
    const topic = await h.database.db
      .selectFrom('delib_topics as t')
      .innerJoin('area_nodes as c', 'c.id', 't.community_id')
      .select(['t.id'])
      .where('c.code', '=', 'C01')
      .where('t.step', '=', 'proposed')
      .orderBy('t.created_at')
      .executeTakeFirstOrThrow();
    const steps = [
      { action: 'discuss' },
      { action: 'conclude', conclusion: '加装雨棚' },
      { action: 'send_back', reason: '费用需再议' },
      { action: 'conclude', conclusion: '加装雨棚，维修资金列支' },
      { action: 'act', actionPlan: '物业施工', actionParty: '物业公司' },
      { action: 'complete' },
      { action: 'close' },
    ];
    const moments = [];
    for (const payload of steps) {
      const response = await h.app.inject({
        method: 'POST',
        url: `/api/deliberation/topics/${topic.id}/step`,
        headers: { cookie: secretary },
        payload,
      });
      expect(response.statusCode, response.body).toBe(200);
      const row = await h.database.db
        .selectFrom('delib_topics')
        .select(['concluded_at', 'closed_at'])
        .where('id', '=', topic.id)
        .executeTakeFirstOrThrow();
      moments.push([row.concluded_at !== null, row.closed_at !== null]);
      // A recount is slow on the server: after the send-back and at the end.
      if (payload.action === 'send_back') expect(await mismatches(), payload.action).toEqual([]);
    }
    expect(await mismatches()).toEqual([]);
    // The conclusion goes with a send-back and comes again with the next one; closing stamps the end.
    expect(moments).toEqual([
      [false, false],
      [true, false],
      [false, false],
      [true, false],
      [true, false],
      [true, false],
      [true, true],
    ]);
  });

  it('a rebuild from the source rows changes nothing, and brings back what was lost', async () => {
    const before = await measures();
    await sql`delete from stat_daily_rollups where measure = 'complaints'`.execute(h.database.db);
    expect((await mismatches()).length).toBeGreaterThan(0);
    const rows = await rebuildIndicatorRollups(h.database.db, h.config.timeZone);
    expect(rows).toBeGreaterThan(0);
    expect(await measures()).toEqual(before.filter((m) => m.n !== 0));
    expect(await mismatches()).toEqual([]);
  });
});
