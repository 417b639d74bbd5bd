import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryId, pointInGrid } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { rebuildRollups } from './rollups.repository.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // Some live cases and actions besides the demo history the template database holds.
  const resident = await h.login('resident');
  const grid = await h.login('grid');
  const point = await pointInGrid(h, 'C01G01');
  const garbage = await categoryId(h, 'ENV_GARBAGE');
  for (let i = 0; i < 3; i++) {
    const c = (
      await h.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: { cookie: resident },
        payload: { categoryId: garbage, description: `垃圾 ${i}`, ...point },
      })
    ).json().case;
    await h.app.inject({ method: 'POST', url: `/api/cases/${c.id}/accept`, headers: { cookie: grid }, payload: {} });
    await h.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/contact`,
      headers: { cookie: grid },
      payload: { channel: 'call', note: '已电话联系' },
    });
    await h.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/resolve`,
      headers: { cookie: grid },
      payload: { resolution: '已清运' },
    });
    await h.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/rate`,
      headers: { cookie: resident },
      payload: { rating: 2 + i },
    });
  }
});
afterAll(() => h.close());

type Row = { grid_id: string; category_id: string; day: string; n: number };
const byKey = (rows: Row[]) =>
  Object.fromEntries(rows.filter((r) => r.n !== 0).map((r) => [`${r.grid_id} ${r.category_id} ${r.day}`, r.n]));

/** A figure straight from the events, to hold the rollups against. */
async function recount(eventType: string, value = sql<number>`count(*)::int`) {
  const result = await sql<Row>`
    select c.grid_id, c.category_id, to_char((e.at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as day, ${value} as n
    from events e join cases c on c.id = e.entity_id
    where e.entity_type = 'case' and e.type = ${eventType}
    group by 1, 2, 3`.execute(h.database.db);
  return byKey(result.rows);
}

async function rolled(column: string) {
  const result = await sql<Row>`
    select grid_id, category_id, to_char(day, 'YYYY-MM-DD') as day, ${sql.ref(column)}::int as n from case_daily_rollups`.execute(
    h.database.db,
  );
  return byKey(result.rows);
}

describe('daily case rollups', () => {
  it('equal a direct recount of the events, figure by figure', async () => {
    expect(await rolled('received')).toEqual(await recount('case.reported'));
    expect(await rolled('resolved')).toEqual(await recount('case.resolved'));
    expect(await rolled('rated')).toEqual(await recount('case.rated'));
    expect(await rolled('rating_sum')).toEqual(await recount('case.rated', sql<number>`sum((e.data->>'rating')::int)::int`));
    expect(await rolled('escalated')).toEqual(await recount('case.escalated'));
    expect(await rolled('urged')).toEqual(await recount('case.urged'));
    expect(await rolled('went_overdue')).toEqual(await recount('case.overdue'));
    expect(await rolled('reopened')).toEqual(await recount('case.returned'));
  });

  it('count every case received exactly once', async () => {
    const total = await sql<{ n: number }>`select sum(received)::int as n from case_daily_rollups`.execute(h.database.db);
    const cases = await sql<{ n: number }>`select count(*)::int as n from cases`.execute(h.database.db);
    expect(total.rows[0]?.n).toBe(cases.rows[0]?.n);
  });

  it('are unchanged by a rebuild from the events', async () => {
    const before = await sql`select * from case_daily_rollups order by grid_id, category_id, day`.execute(h.database.db);
    await rebuildRollups(h.database.db, 'Asia/Shanghai');
    const after = await sql`select * from case_daily_rollups order by grid_id, category_id, day`.execute(h.database.db);
    expect(after.rows).toEqual(before.rows);
  });
});
