import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/databases.ts';
import { loadDayTable } from '../modules/calendar/calendar.service.ts';
import { addWorkingDays } from '../modules/calendar/working-days.ts';
import { recountRollups } from '../modules/cases/rollups.repository.ts';
import { distanceMetres, RECTIFICATION_WORKING_DAYS } from '../modules/patrols/hazard-rules.ts';
import { TINY_SCALE } from './street-plan.ts';

const timeZone = 'Asia/Shanghai';
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase(inject('databaseTemplate'));
});
afterAll(() => t.drop());

const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(t.database.db)).rows;

describe('the demo street’s patrol history', () => {
  it('has partners in teams with a leader in every community, a few waiting or declined, and the demo partner leading a team due today', async () => {
    const partners = await rows(sql<{ community_id: string; status: string; team_id: string | null; n: number }>`
      select community_id, status, team_id is not null as team_id, count(*)::int as n from patrol_partners group by 1, 2, 3`);
    const approved = partners.filter((p) => p.status === 'approved');
    expect(approved.every((p) => p.team_id && p.n === TINY_SCALE.patrols?.partners)).toBe(true);
    expect(partners.filter((p) => p.status === 'applied').length).toBe(approved.length);
    expect(partners.filter((p) => p.status === 'declined').length).toBe(approved.length);
    const [demo] = await rows(sql<{ leads: boolean; daily: number; today: number }>`
      select t.leader_user_id = u.id as leads,
        (select count(*)::int from patrol_plans p where p.team_id = t.id and p.frequency = 'daily') as daily,
        (select count(*)::int from patrol_runs r join patrol_plans p on p.id = r.plan_id
          where p.team_id = t.id and p.frequency = 'daily' and r.run_date = (now() at time zone ${timeZone})::date) as today
      from users u join patrol_partners pp on pp.user_id = u.id join patrol_teams t on t.id = pp.team_id
      where u.username = 'partner' and pp.status = 'approved'`);
    expect(demo).toEqual({ leads: true, daily: expect.any(Number), today: 0 });
    expect(demo?.daily).toBeGreaterThan(0);
  });

  it('turns every finding into a hazard case from patrol, reported by the partner who walked the run', async () => {
    const [check] = await rows(sql<{ findings: number; linked: number }>`
      select count(*)::int as findings,
        count(*) filter (where k.kind = 'hazard' and k.source = 'patrol' and k.reporter_user_id = r.started_by)::int as linked
      from patrol_findings f join patrol_runs r on r.id = f.run_id left join cases k on k.id = f.case_id`);
    expect(check?.findings).toBeGreaterThan(10);
    expect(check?.linked).toBe(check?.findings);
  });

  it('rectifies close to nine hazards in ten, each confirmed by a re-inspection', async () => {
    const [h] = await rows(sql<{ found: number; rectified: number; confirmed: number }>`
      select count(*)::int as found, count(rectified_at)::int as rectified,
        count(*) filter (where rectified_at is not null and close_reason = 'closed_by_staff' and exists (
          select 1 from hazard_reinspections ri where ri.case_id = k.id and ri.result = 'rectified' and ri.inspected_at = k.rectified_at))::int as confirmed
      from cases k where kind = 'hazard'`);
    expect((h?.rectified ?? 0) / (h?.found ?? 1)).toBeGreaterThan(0.7);
    expect((h?.rectified ?? 0) / (h?.found ?? 1)).toBeLessThan(0.97);
    expect(h?.confirmed).toBe(h?.rectified);
  });

  it('gives every rectification order its level’s working days, as the case’s assignment says', async () => {
    const table = await loadDayTable(
      t.database.db,
      (await rows(sql<{ id: string }>`select id from area_nodes where level = 'street'`))[0]?.id as string,
    );
    const orders = await rows(sql<{ level: 'general' | 'major'; due_date: string; issued_at: Date; event_due: string }>`
      select o.level, o.due_date::text as due_date, o.issued_at, e.data->>'dueDate' as event_due
      from hazard_orders o join events e on e.entity_id = o.case_id and e.type = 'case.assigned' and e.at = o.issued_at
        and (e.data->'order'->>'round')::int = o.round`);
    expect(orders.length).toBeGreaterThan(10);
    for (const o of orders) {
      expect(o.due_date).toBe(addWorkingDays(o.issued_at, RECTIFICATION_WORKING_DAYS[o.level], table, { timeZone }).dueDate);
      expect(o.event_due).toBe(o.due_date);
    }
  });

  it('records each check-in’s distance from its point', async () => {
    const checkins = await rows(sql<{ lon: number; lat: number; plon: number; plat: number; distance_m: number }>`
      select c.lon, c.lat, p.lon as plon, p.lat as plat, c.distance_m
      from patrol_checkins c join patrol_points p on p.id = c.point_id where c.lon is not null`);
    expect(checkins.length).toBeGreaterThan(50);
    for (const c of checkins) expect(Math.abs(distanceMetres({ lon: c.plon, lat: c.plat }, c) - c.distance_m)).toBeLessThan(0.2);
  });

  it('keeps daily rollups equal to a recount of the events', async () => {
    const snapshot = () => rows(sql`select * from case_daily_rollups order by grid_id, category_id, day`);
    const before = await snapshot();
    await t.database.db.transaction().execute((trx) => recountRollups(trx, timeZone));
    expect(await snapshot()).toEqual(before);
  });

  it('keeps each street’s daily figures the sum of its grids’', async () => {
    const [diff] = await rows(sql<{ days: number; differing: number }>`
      with g as (select street_id, day, sum(received)::int as received, sum(resolved)::int as resolved, sum(rated)::int as rated
        from case_daily_rollups group by 1, 2)
      select count(*)::int as days,
        count(*) filter (where s.received is distinct from g.received or s.resolved is distinct from g.resolved
          or s.rated is distinct from g.rated)::int as differing
      from g full join case_street_daily_rollups s using (street_id, day)`);
    expect(diff?.days).toBeGreaterThan(30);
    expect(diff?.differing).toBe(0);
  });
});
