import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, firstCommunity, ok, refused } from '../../../test/api-as.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { REMOVED } from './retention-rules.ts';

let h: Harness;
let streetId: string;
beforeAll(async () => {
  h = await startHarness();
  streetId = (await h.database.db.selectFrom('area_nodes').select('id').where('level', '=', 'street').executeTakeFirstOrThrow())
    .id;
});
afterAll(() => h.close());

const monthsAgo = (months: number) => new Date(Date.now() - months * 31 * 86_400_000);

/** The figures a street reports on cases: none of them may move when personal data is removed. */
async function figures() {
  const { rows } = await sql<{
    state: string;
    category_id: string;
    grid_id: string | null;
    n: number;
    rated: number;
    rating: number | null;
  }>`
    select state, category_id, grid_id, count(*)::int as n, count(rating)::int as rated, sum(rating)::int as rating
    from cases group by state, category_id, grid_id order by state, category_id, grid_id`.execute(h.database.db);
  return rows;
}

describe('retention of finished cases’ personal data', () => {
  it('shows each street its retention, the default until it is set; only a leader or admin may set it, in scope', async () => {
    const leader = await as(h, 'leader');
    const { items } = await ok(await leader.get('/api/privacy/retention'));
    expect(items).toEqual([expect.objectContaining({ streetId, closedCaseMonths: 36, isDefault: true })]);
    const set = await ok(await leader.put(`/api/privacy/retention/${streetId}`, { closedCaseMonths: 6 }));
    expect(set).toMatchObject({ closedCaseMonths: 6, isDefault: false });
    expect(refused(await leader.put(`/api/privacy/retention/${streetId}`, { closedCaseMonths: 0 }), 400).field).toBe(
      'closedCaseMonths',
    );
    expect(
      (await leader.put('/api/privacy/retention/00000000-0000-4000-8000-000000000000', { closedCaseMonths: 6 })).statusCode,
    ).toBe(404);
    expect((await (await as(h, 'secretary')).put(`/api/privacy/retention/${streetId}`, { closedCaseMonths: 6 })).statusCode).toBe(
      403,
    );
    expect((await (await as(h, 'grid')).get('/api/privacy/retention')).statusCode).toBe(403);
    const event = await h.database.db
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'privacy.retention_set')
      .executeTakeFirstOrThrow();
    expect(event.data).toEqual({ closedCaseMonths: 6 });
  });

  it('removes the reporter and contact details from cases finished before the retention, keeping every figure', async () => {
    const db = h.database.db;
    // In the secretary's community, so the secretary can read the cleaned case at the end.
    const { community } = await firstCommunity(h);
    const closed = await db
      .selectFrom('cases')
      .select(['id'])
      .where('state', '=', 'closed')
      .where('street_id', '=', streetId)
      .where('location_path', 'like', `${community.path}%`)
      .orderBy('id')
      .limit(2)
      .execute();
    const [old, recent] = closed.map((c) => c.id) as [string, string];
    const open = (await db.selectFrom('cases').select('id').where('state', '=', 'reported').executeTakeFirstOrThrow()).id;
    const personal = {
      reporter_name: '王小明',
      reporter_phone: '13812345678',
      description: '楼道堆物，联系 13812345678，身份证330102196501011234，3栋501室',
      resolution: '已清理，回电 0571-87654321',
    };
    await db
      .updateTable('cases')
      .set({ ...personal, closed_at: monthsAgo(8), updated_at: monthsAgo(8) })
      .where('id', '=', old)
      .execute();
    await db
      .updateTable('cases')
      .set({ ...personal, closed_at: monthsAgo(1), updated_at: monthsAgo(1) })
      .where('id', '=', recent)
      .execute();
    await db
      .updateTable('cases')
      .set({ ...personal, updated_at: monthsAgo(20) })
      .where('id', '=', open)
      .execute();
    const handler = (await db.selectFrom('users').select('id').where('username', '=', 'grid').executeTakeFirstOrThrow()).id;
    await db
      .insertInto('case_contacts')
      .values({
        street_id: streetId,
        case_id: old,
        by_user_id: handler,
        channel: 'call',
        note: '已电话联系 13812345678，居民满意',
      })
      .execute();
    const before = await figures();

    const run = await ok(await (await as(h, 'leader')).post('/api/privacy/retention/run', {}));
    expect(run.cases).toBeGreaterThan(0);

    const cleaned = await db.selectFrom('cases').selectAll().where('id', '=', old).executeTakeFirstOrThrow();
    expect(cleaned).toMatchObject({ reporter_name: null, reporter_phone: null, anonymised_at: expect.any(Date) });
    expect(cleaned.description).toBe(`楼道堆物，联系 ${REMOVED}，身份证${REMOVED}，3栋501室`);
    expect(cleaned.resolution).toBe(`已清理，回电 ${REMOVED}`);
    const note = await db.selectFrom('case_contacts').select('note').where('case_id', '=', old).executeTakeFirstOrThrow();
    expect(note.note).toBe(`已电话联系 ${REMOVED}，居民满意`);
    for (const kept of [recent, open]) {
      expect(
        await db.selectFrom('cases').select(['reporter_phone', 'anonymised_at']).where('id', '=', kept).executeTakeFirstOrThrow(),
      ).toEqual({
        reporter_phone: '13812345678',
        anonymised_at: null,
      });
    }
    const event = await db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('entity_id', '=', old)
      .where('type', '=', 'case.anonymised')
      .executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({
      retentionMonths: 6,
      removed: expect.arrayContaining(['reporterName', 'reporterPhone', 'description', 'resolution']),
    });
    expect(await figures()).toEqual(before);

    const view = await ok(await (await as(h, 'secretary')).get(`/api/cases/${old}`));
    expect(JSON.stringify(view)).not.toContain('13812345678');
    expect(JSON.stringify(view)).not.toContain('王小明');
  });

  it('does nothing the second time, and a street without the permission cannot run it', async () => {
    expect(await ok(await (await as(h, 'leader')).post('/api/privacy/retention/run', {}))).toEqual({ cases: 0 });
    expect((await (await as(h, 'staff')).post('/api/privacy/retention/run', {})).statusCode).toBe(403);
  });
});
