import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../src/modules/cases/rollups.repository.ts';
import { ROLLUP_COUNTERS } from '../src/modules/cases/rollups.ts';
import { categoryId, pointInGrid } from './fixtures.ts';
import { type Harness, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Street-level rows that are not the sum of that street's grid rows for the day (zero rows aside). */
async function streetMismatches(): Promise<number> {
  const sums = sql.join(ROLLUP_COUNTERS.map((c) => sql`sum(${sql.ref(c)})::int as ${sql.ref(c)}`));
  const columns = sql.join(ROLLUP_COUNTERS.map((c) => sql.ref(c)));
  const nonZero = sql.join(
    ROLLUP_COUNTERS.map((c) => sql`${sql.ref(c)} <> 0`),
    sql` or `,
  );
  const result = await sql<{ n: number }>`
    with g as (select street_id, day, ${sums} from case_daily_rollups group by street_id, day),
         s as (select street_id, day, ${columns} from case_street_daily_rollups where ${nonZero})
    select count(*)::int as n from ((select * from g except all select * from s) union all (select * from s except all select * from g)) d`.execute(
    h.database.db,
  );
  return result.rows[0]?.n ?? 0;
}

const streetTotal = async () =>
  (await sql<{ n: number }>`select coalesce(sum(received), 0)::int as n from case_street_daily_rollups`.execute(h.database.db))
    .rows[0]?.n;

describe('street rollups', () => {
  it('are the sums of the grid rollups from the first migration on, the demo history included', async () => {
    expect(await streetTotal()).toBeGreaterThan(0);
    expect(await streetMismatches()).toBe(0);
  });

  it('move in the same transaction as the grid rollups when a case comes in and is handled', async () => {
    const before = await streetTotal();
    const resident = await h.login('resident');
    const grid = await h.login('grid');
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: resident },
      payload: { categoryId: await categoryId(h, 'ROAD_LIGHT'), description: '路灯不亮', ...(await pointInGrid(h, 'C01G01')) },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().case.id;
    for (const [action, payload] of [
      ['accept', {}],
      ['resolve', { resolution: '已修复' }],
    ] as const) {
      const response = await h.app.inject({
        method: 'POST',
        url: `/api/cases/${id}/${action}`,
        headers: { cookie: grid },
        payload,
      });
      expect(response.statusCode).toBe(200);
    }
    expect(await streetTotal()).toBe((before as number) + 1);
    expect(await streetMismatches()).toBe(0);
  });

  it('follow a rebuild of the grid rollups and their emptying', async () => {
    await rebuildRollups(h.database.db, 'Asia/Shanghai');
    expect(await streetMismatches()).toBe(0);
    await sql`truncate case_daily_rollups`.execute(h.database.db);
    expect(await streetTotal()).toBe(0);
    await rebuildRollups(h.database.db, 'Asia/Shanghai');
    expect(await streetMismatches()).toBe(0);
    expect(await streetTotal()).toBeGreaterThan(0);
  });
});
