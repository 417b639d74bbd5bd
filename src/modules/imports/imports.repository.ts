import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** Rows per statement: one JSON document each, which PostgreSQL (PGlite above all) takes in far faster than bound values. */
const CHUNK = 10_000;

export async function insertJsonRows(trx: Kysely<DB>, table: 'area_nodes' | 'residents' | 'events', rows: readonly object[]) {
  if (rows.length === 0) return;
  const columns = sql.join(Object.keys(rows[0] as object).map((name) => sql.ref(name)));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = JSON.stringify(rows.slice(i, i + CHUNK));
    await sql`insert into ${sql.table(table)} (${columns})
      select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${chunk}::json)`.execute(trx);
  }
}

export interface ResidentUpdate {
  id: string;
  name: string;
  gender: string | null;
  birth_date: string | null;
  phone: string | null;
  tags: string[];
  is_household_head: boolean;
}

export async function updateResidents(trx: Kysely<DB>, rows: readonly ResidentUpdate[], now: Date) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = JSON.stringify(rows.slice(i, i + CHUNK));
    await sql`update residents r set name = u.name, gender = u.gender, birth_date = u.birth_date, phone = u.phone,
        tags = u.tags, is_household_head = u.is_household_head, updated_at = ${now}
      from json_populate_recordset(null::residents, ${chunk}::json) u where r.id = u.id`.execute(trx);
  }
}

/** The street's places an importer may fill: buildings in their scope, their units and households. */
export async function placesUnder(db: Kysely<DB>, streetId: string, scopePaths: string[]) {
  if (scopePaths.length === 0) return { buildings: [], units: [], households: [] };
  const under = (path: string) =>
    sql<boolean>`(${sql.join(
      scopePaths.map((p) => sql`starts_with(${sql.ref(path)}, ${p})`),
      sql` or `,
    )})`;
  const buildings = await db
    .selectFrom('area_nodes as b')
    .innerJoin('area_nodes as g', 'g.id', 'b.parent_id')
    .innerJoin('area_nodes as c', 'c.id', 'g.parent_id')
    .select(['b.id', 'b.name', 'b.path', 'c.name as community'])
    .where('b.street_id', '=', streetId)
    .where('b.level', '=', 'building')
    .where('b.retired_at', 'is', null)
    .where(under('b.path'))
    .execute();
  const units = await db
    .selectFrom('area_nodes')
    .select(['id', 'name', 'path', 'parent_id'])
    .where('street_id', '=', streetId)
    .where('level', '=', 'unit')
    .where('retired_at', 'is', null)
    .where(under('path'))
    .execute();
  const households = await db
    .selectFrom('area_nodes')
    .select(['id', 'name', 'code', 'parent_id', 'path'])
    .where('street_id', '=', streetId)
    .where('level', '=', 'household')
    .where('retired_at', 'is', null)
    .where(under('path'))
    .execute();
  return { buildings, units, households };
}

export function residentsOfStreet(db: Kysely<DB>, streetId: string) {
  return db
    .selectFrom('residents')
    .select(['id', 'household_id', 'name', 'id_number'])
    .where('street_id', '=', streetId)
    .where('moved_out_at', 'is', null)
    .execute();
}
