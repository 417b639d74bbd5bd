import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Recounts the indicator rollups of migration 0016 from the source rows (its SQL function
 * stat_rebuild, the same contributions the triggers add), for one street or everywhere, in the
 * zone given. Returns the rows written.
 */
export async function rebuildIndicatorRollups(db: Kysely<DB>, timeZone: string, streetId?: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await syncZone(trx, timeZone);
    const { rows } = await sql<{ n: string }>`select stat_rebuild(${streetId ?? null}::uuid) as n`.execute(trx);
    return Number(rows[0]?.n ?? 0);
  });
}

/** The rollups count local days of the street's zone; a new zone recounts them. */
export async function syncZone(db: Kysely<DB>, timeZone: string): Promise<boolean> {
  const { rows } = await sql<{ time_zone: string }>`select time_zone from stat_settings where id = 1`.execute(db);
  if (rows[0]?.time_zone === timeZone) return false;
  await sql`update stat_settings set time_zone = ${timeZone} where id = 1`.execute(db);
  await sql`select stat_rebuild(null)`.execute(db);
  return true;
}
