import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../src/modules/stats/indicators.ts';
import { type Harness, startHarness } from './harness.ts';

/**
 * Every indicator of the dashboard for one community and one month of the tiny demo street, each
 * against a count made straight from the source rows in SQL (never the rollups), plus a dispute and
 * its paid instalment added here (the tiny street has no mediation history) and a topic deliberated
 * and resolved within the month.
 */
let h: Harness;
let community: { id: string; path: string; street_id: string };
let month: { from: string; to: string; days: number };
let body: { indicators: { code: string; value: number | null; numerator?: number; denominator?: number }[] };

const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql<T>>) =>
  (await query.execute(h.database.db)).rows[0] as T;

beforeAll(async () => {
  h = await startHarness();
  const db = h.database.db;
  community = (await db
    .selectFrom('area_nodes')
    .select(['id', 'path', 'street_id'])
    .where('level', '=', 'community')
    .where('code', '=', 'C01')
    .executeTakeFirstOrThrow()) as typeof community;
  // The month of this community with the most cases received, before the current one.
  const busiest = await one(sql<{ m: string }>`
    select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM') as m from cases
    where community_id = ${community.id} and created_at < date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'
    group by 1 order by count(*) desc, 1 desc limit 1`);
  const [y, m] = busiest.m.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  month = { from: `${busiest.m}-01`, to: last, days: Number(last.slice(8)) };
  // A dispute in a grid of the community, opened mid-month, mediated to an agreement, 1,234.50 yuan paid.
  const grid = await db
    .selectFrom('area_nodes')
    .select(['id', 'path'])
    .where('parent_id', '=', community.id)
    .where('level', '=', 'grid')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const user = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  const opened = new Date(`${busiest.m}-15T02:00:00Z`);
  const dispute = await one(sql<{ id: string }>`
    insert into disputes (street_id, number, node_id, location_path, handling_node_id, handling_path, level, source, type, title, facts,
      people_involved, risk_level, state, outcome, opened_by, opened_at, outcome_at)
    values (${community.street_id}, 'TJ-0001', ${grid.id}, ${grid.path}, ${community.id}, ${community.path}, 'community', 'walk_in',
      'neighbour', '漏水纠纷', '楼上漏水', 2, 'low', 'agreement', 'agreement', ${user.id}, ${opened}, ${opened}) returning id`);
  const agreement = await one(sql<{ id: string }>`
    insert into dispute_agreements (street_id, dispute_id, version, facts, terms, created_by)
    values (${community.street_id}, ${dispute.id}, 1, '楼上漏水', '["赔偿"]'::jsonb, ${user.id}) returning id`);
  await sql`insert into dispute_instalments (street_id, agreement_id, dispute_id, seq, due_date, amount_fen, what, status, paid_fen)
    values (${community.street_id}, ${agreement.id}, ${dispute.id}, 1, ${month.to}, 123450, '赔偿', 'paid', 123450)`.execute(db);
  // A topic of the community walked through all five steps within the month, written as an import
  // would (at its last step, no moments given: the trigger of migration 0019 takes them from updated_at).
  await sql`insert into delib_topics (street_id, number, estate_id, community_id, location_path, title, description, search_text,
      step, proposed_via, proposer_user_id, created_at, updated_at)
    select ${community.street_id}, 'YT-TEST-0001', e.id, ${community.id}, ${community.path}, '加装电动车充电桩', '小区内电动车无处充电',
      '', 'closed', 'grid_worker', ${user.id}, ${opened}, ${new Date(opened.getTime() + 5 * 86_400_000)}
    from estates e where e.community_id = ${community.id} order by e.name limit 1`.execute(db);

  const leader = await h.login('leader');
  const response = await h.app.inject({
    url: `/api/stats/figures?nodeId=${community.id}&period=month&at=${month.from}`,
    headers: { cookie: leader },
  });
  expect(response.statusCode, response.body).toBe(200);
  body = response.json();
});
afterAll(() => h.close());

const indicatorNamed = (code: string) => body.indicators.find((i) => i.code === code);
const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** The direct counts, one query: cases, their events, disputes, hours and visits of the community in the month. */
async function direct() {
  const z = 'Asia/Shanghai';
  const inMonth = (column: string) =>
    sql`(${sql.ref(column)} at time zone ${z})::date between ${month.from}::date and ${month.to}::date`;
  const c = community.id;
  const ev = (type: string, extra = sql`true`) => sql`(select count(*)::int from events e join cases k on k.id = e.entity_id
    where e.entity_type = 'case' and e.type = ${type} and k.community_id = ${c} and k.grid_id is not null and ${inMonth('e.at')} and ${extra})`;
  const cohort = sql`k.community_id = ${c} and k.grid_id is not null and ${inMonth('k.created_at')}`;
  return one(sql<Record<string, number>>`select
    (select count(*)::int from cases k where ${cohort}) as received,
    (select count(*)::int from cases k where ${cohort} and k.response_due_at is not null and k.state not in ('duplicate', 'rejected')) as contact_required,
    (select count(*)::int from cases k where ${cohort} and k.response_due_at is not null and k.state not in ('duplicate', 'rejected')
      and k.first_contact_at <= k.response_due_at) as contacted_on_time,
    ${ev('case.resolved')} as resolved,
    ${ev('case.resolved', sql`coalesce(e.data->>'onTime', '') <> 'false'`)} as resolved_on_time,
    ${ev('case.resolved', sql`e.data->>'tier' = 'grid'`)} as solved_grid,
    ${ev('case.resolved', sql`e.data->>'tier' = 'community'`)} as solved_community,
    ${ev('case.resolved', sql`e.data->>'tier' in ('department', 'district')`)} as solved_above,
    ${ev('case.rated')} as rated,
    ${ev('case.rated', sql`(e.data->>'rating')::int >= 4`)} as satisfied,
    ${ev('case.closed', sql`e.data->>'reason' in ('not_rated', 'closed_by_staff')`)} as unrated_closed,
    ${ev('case.urged')} as urged,
    (select count(*)::int from cases k where k.community_id = ${c} and k.grid_id is not null and ${inMonth('k.rated_at')} and k.rating is not null) as verdicts,
    (select count(*)::int from cases k where k.community_id = ${c} and k.grid_id is not null and ${inMonth('k.rated_at')} and k.rating >= 3) as verdicts_solved,
    (select count(*)::int from cases k where k.location_path like ${`${community.path}%`} and k.due_at <= now()
      and k.state in ('reported', 'accepted', 'assigned', 'in_progress', 'escalated', 'returned')) as overdue,
    (select count(*)::int from cases k where ${cohort} and k.kind = 'complaint') as complaints,
    (select count(*)::int from cases k where k.community_id = ${c} and k.grid_id is not null and ${inMonth('k.resolved_at')} and k.assignee_org_id is not null) as org_handled,
    (select count(*)::int from cases k where k.community_id = ${c} and k.grid_id is not null and ${inMonth('k.resolved_at')} and k.assignee_org_id is not null
      and (k.due_at is null or k.resolved_at <= k.due_at)) as org_on_time,
    (select count(*)::int from area_nodes n where n.level = 'household' and n.retired_at is null and n.path like ${`${community.path}%`}) as households,
    (select count(*)::int from cases k where ${cohort} and k.kind = 'hazard' and k.state not in ('duplicate', 'rejected')) as hazards_found,
    (select count(*)::int from cases k where ${cohort} and k.kind = 'hazard' and k.state not in ('duplicate', 'rejected') and k.rectified_at is not null) as hazards_rectified,
    (select count(*)::int from disputes d where d.location_path like ${`${community.path}%`} and ${inMonth('d.opened_at')}) as disputes_received,
    (select count(*)::int from disputes d where d.location_path like ${`${community.path}%`} and ${inMonth('d.opened_at')}
      and d.outcome in ('agreement', 'partial_agreement', 'failed')) as disputes_mediated,
    (select count(*)::int from disputes d where d.location_path like ${`${community.path}%`} and ${inMonth('d.opened_at')}
      and d.outcome in ('agreement', 'partial_agreement')) as disputes_successful,
    (select coalesce(sum(i.paid_fen), 0)::int from disputes d join dispute_instalments i on i.dispute_id = d.id
      where d.location_path like ${`${community.path}%`} and ${inMonth('d.opened_at')}) as recovered_fen,
    (select coalesce(sum(h.minutes), 0)::int from service_hours h where h.volunteering and h.served_on between ${month.from}::date and ${month.to}::date
      and (select v.community_id from volunteers v where v.user_id = h.user_id order by v.applied_at desc limit 1) = ${c}) as volunteer_minutes,
    (select count(*)::int from service_hours h where h.volunteering and h.served_on between ${month.from}::date and ${month.to}::date
      and (select v.community_id from volunteers v where v.user_id = h.user_id order by v.applied_at desc limit 1) = ${c}) as volunteer_services,
    (select count(*)::int from care_visits v join care_files f on f.id = v.file_id where f.community_id = ${c}
      and v.due_date between ${month.from}::date and ${month.to}::date) as care_made,
    (select count(*)::int from care_files f where f.community_id = ${c} and f.status = 'active'
      and f.next_due_date between ${month.from}::date and ${month.to}::date and f.next_due_date < (now() at time zone ${z})::date) as care_missed,
    (select count(*)::int from delib_topics t where t.location_path like ${`${community.path}%`} and ${inMonth('t.created_at')}) as topics_proposed,
    (select count(*)::int from delib_topics t where t.location_path like ${`${community.path}%`} and ${inMonth('t.concluded_at')}) as topics_concluded,
    (select count(*)::int from delib_topics t where t.location_path like ${`${community.path}%`} and ${inMonth('t.closed_at')}) as topics_closed`);
}

/** Working days after receipt up to resolution, of the cases whose resolution fell in the month, counted by walking the calendar. */
async function handlingDays(): Promise<number[]> {
  const { rows } = await sql<{ days: number }>`
    select (select count(*)::int from generate_series((k.created_at at time zone 'Asia/Shanghai')::date + 1,
        (k.resolved_at at time zone 'Asia/Shanghai')::date, interval '1 day') g(d)
      where coalesce((select cd.kind = 'workday' from calendar_days cd where cd.day = g.d::date and (cd.street_id = k.street_id or cd.street_id is null)
        order by cd.street_id nulls last limit 1), extract(isodow from g.d) < 6)) as days
    from cases k where k.community_id = ${community.id} and k.grid_id is not null
      and (k.resolved_at at time zone 'Asia/Shanghai')::date between ${month.from}::date and ${month.to}::date
    order by 1`.execute(h.database.db);
  return rows.map((r) => r.days);
}

describe('every indicator of a community and a month equals a direct count', () => {
  it('covers the whole registry', () => {
    expect(body.indicators.map((i) => i.code).sort()).toEqual(INDICATORS.map((i) => i.code).sort());
  });

  it('case figures: received, handled and the rates of the hotline', async () => {
    const d = await direct();
    expect(d.received, 'the month has cases').toBeGreaterThan(0);
    expect(d.contacted_on_time, 'reporters were called back in time').toBeGreaterThan(0);
    const expected: Record<string, number | null> = {
      received: d.received as number,
      handled: d.resolved as number,
      response_rate: ratio(d.contacted_on_time as number, d.contact_required as number),
      resolution_rate: ratio(d.verdicts_solved as number, d.verdicts as number),
      satisfaction_rate: ratio(d.satisfied as number, d.rated as number),
      completion_rate: ratio(d.resolved as number, d.received as number),
      on_time_rate: ratio(d.resolved_on_time as number, d.resolved as number),
      rating_rate: ratio(d.rated as number, (d.rated as number) + (d.unrated_closed as number)),
      share_solved_grid: ratio(d.solved_grid as number, d.resolved as number),
      share_solved_community: ratio(d.solved_community as number, d.resolved as number),
      share_escalated: ratio(d.solved_above as number, d.resolved as number),
      urges: d.urged as number,
      org_handled: d.org_handled as number,
      org_on_time_rate: ratio(d.org_on_time as number, d.org_handled as number),
      hazards_found: d.hazards_found as number,
      hazards_rectified: d.hazards_rectified as number,
      rectification_rate: ratio(d.hazards_rectified as number, d.hazards_found as number),
      disputes_received: d.disputes_received as number,
      disputes_mediated: d.disputes_mediated as number,
      mediation_success_rate: ratio(d.disputes_successful as number, d.disputes_mediated as number),
      amount_recovered: (d.recovered_fen as number) / 100,
      volunteer_hours: (d.volunteer_minutes as number) / 60,
      volunteer_participants: d.volunteer_services as number,
      topics_proposed: d.topics_proposed as number,
      topics_deliberated: d.topics_concluded as number,
      topics_resolved: d.topics_closed as number,
      care_visit_coverage: ratio(d.care_made as number, (d.care_made as number) + (d.care_missed as number)),
      complaints_per_1000_households:
        (d.households as number) === 0
          ? null
          : ((d.complaints as number) / (month.days / 30.4375) / (d.households as number)) * 1000,
    };
    for (const [code, value] of Object.entries(expected)) {
      if (value === null) expect(indicatorNamed(code)?.value, code).toBeNull();
      else expect(indicatorNamed(code)?.value, code).toBeCloseTo(value, 9);
    }
    expect(indicatorNamed('amount_recovered')?.value).toBeCloseTo(1234.5);
    expect(d.topics_closed, 'the month has a topic resolved').toBeGreaterThan(0);
  });

  it('handling time: the mean and the 90th percentile of the working days', async () => {
    const days = await handlingDays();
    expect(days.length).toBeGreaterThan(0);
    const mean = days.reduce((a, b) => a + b, 0) / days.length;
    const p90 = days[Math.ceil(0.9 * days.length) - 1];
    expect(indicatorNamed('avg_handling_days')?.value).toBeCloseTo(mean, 9);
    expect(indicatorNamed('p90_handling_days')?.value).toBe(p90);
  });

  it('overdue now counts the open cases past their deadline at this moment', async () => {
    expect(indicatorNamed('overdue_now')?.value).toBe((await direct()).overdue);
  });
});

describe('who reads which figures', () => {
  it('a secretary reads their own community, another one is not found, and a resident reads no figures', async () => {
    const other = await h.database.db.selectFrom('area_nodes').select('id').where('code', '=', 'C02').executeTakeFirstOrThrow();
    const secretary = await h.login('secretary');
    const own = await h.app.inject({ url: `/api/stats/figures?nodeId=${community.id}`, headers: { cookie: secretary } });
    expect(own.statusCode).toBe(200);
    const theirs = await h.app.inject({
      url: `/api/stats/breakdown?nodeId=${other.id}&by=child`,
      headers: { cookie: secretary },
    });
    expect(theirs.statusCode).toBe(404);
    const resident = await h.login('resident');
    const refused = await h.app.inject({ url: '/api/stats/figures', headers: { cookie: resident } });
    expect(refused.statusCode).toBe(403);
  });

  it('a custom period without its last day, or upside down, names the field', async () => {
    const leader = await h.login('leader');
    const missing = await h.app.inject({ url: '/api/stats/figures?period=custom&from=2026-01-01', headers: { cookie: leader } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('to');
    const reversed = await h.app.inject({
      url: '/api/stats/trend?period=custom&from=2026-02-01&to=2026-01-01',
      headers: { cookie: leader },
    });
    expect(reversed.json().error.field).toBe('to');
  });

  it('exports a table as CSV in UTF-8 with a BOM and as xlsx', async () => {
    const leader = await h.login('leader');
    const url = `/api/stats/export?nodeId=${community.id}&period=month&at=${month.from}&table=figures`;
    const csv = await h.app.inject({ url: `${url}&format=csv`, headers: { cookie: leader } });
    expect(csv.statusCode).toBe(200);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('受理量');
    expect(csv.headers['content-disposition']).toContain("filename*=UTF-8''");
    const xlsx = await h.app.inject({ url: `${url}&format=xlsx&lang=en`, headers: { cookie: leader } });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
