/**
 * Whether the daily rollups a generation wrote are what the rebuild (`npm run rollups:rebuild`)
 * would write: for each street, the rebuild runs inside a transaction that is rolled back, and
 * its rows are compared with the stored ones, and the street-level sums with their own.
 */
import { type Kysely, sql } from 'kysely';
import { recountRollups } from '../../src/modules/cases/rollups.repository.ts';
import { ROLLUP_COUNTERS } from '../../src/modules/cases/rollups.ts';
import type { DB } from '../../src/platform/db/schema.ts';

export interface RollupCheck {
  streetId: string;
  rows: number;
  /** Rows present or different on one side only. */
  differences: number;
  /** Street-level rows that are not the sum of that street's daily grid rows. */
  streetDifferences: number;
}

const ROLLBACK = new Error('rolled back on purpose');

async function snapshot(trx: Kysely<DB>, streetId: string): Promise<Map<string, string>> {
  const rows = await trx.selectFrom('case_daily_rollups').selectAll().where('street_id', '=', streetId).execute();
  return new Map(
    rows.map((row) => [`${row.grid_id}|${row.category_id}|${row.day}`, ROLLUP_COUNTERS.map((c) => row[c]).join(',')]),
  );
}

/** Street rows that differ from the sum of their grid rows (none where no street table exists). */
async function streetMismatches(trx: Kysely<DB>, streetId: string): Promise<number> {
  const exists = await sql<{ exists: boolean }>`select to_regclass('case_street_daily_rollups') is not null as exists`.execute(
    trx,
  );
  if (!exists.rows[0]?.exists) return 0;
  const sums = sql.join(ROLLUP_COUNTERS.map((c) => sql`sum(${sql.ref(c)})::int as ${sql.ref(c)}`));
  const columns = sql.join(ROLLUP_COUNTERS.map((c) => sql.ref(c)));
  // A day whose grid rows all went (a rebuild deletes before it recounts) may leave a street row of zeros.
  const nonZero = sql.join(
    ROLLUP_COUNTERS.map((c) => sql`${sql.ref(c)} <> 0`),
    sql` or `,
  );
  const result = await sql<{ n: number }>`
    with g as (select day, ${sums} from case_daily_rollups where street_id = ${streetId} group by day),
         s as (select day, ${columns} from case_street_daily_rollups where street_id = ${streetId} and (${nonZero}))
    select count(*)::int as n from ((select * from g except all select * from s) union all (select * from s except all select * from g)) d`.execute(
    trx,
  );
  return result.rows[0]?.n ?? 0;
}

export async function checkStreetRollups(db: Kysely<DB>, timeZone: string, streetId: string): Promise<RollupCheck> {
  let check: RollupCheck | undefined;
  await db
    .transaction()
    .execute(async (trx) => {
      const stored = await snapshot(trx, streetId);
      const streetDifferences = await streetMismatches(trx, streetId);
      await recountRollups(trx, timeZone, streetId);
      const rebuilt = await snapshot(trx, streetId);
      let differences = 0;
      for (const [key, value] of stored) if (rebuilt.get(key) !== value) differences++;
      for (const key of rebuilt.keys()) if (!stored.has(key)) differences++;
      check = { streetId, rows: stored.size, differences, streetDifferences };
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
  return check as RollupCheck;
}
