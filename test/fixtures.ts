import type { Harness } from './harness.ts';

/** Only the database is read: the chaos harness, which has no app in process, uses these too. */
type WithDatabase = Pick<Harness, 'database'>;

/** Things of the tiny demo street that case tests need by name. */

export async function categoryId(h: WithDatabase, code: string): Promise<string> {
  const row = await h.database.db.selectFrom('case_categories').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

export async function gridByCode(h: WithDatabase, code: string) {
  return h.database.db
    .selectFrom('area_nodes')
    .select(['id', 'path'])
    .where('code', '=', code)
    .where('level', '=', 'grid')
    .executeTakeFirstOrThrow();
}

/** The point of the first building in a grid: a place whose grid is known. */
export async function pointInGrid(h: WithDatabase, gridCode: string): Promise<{ lon: number; lat: number }> {
  const grid = await gridByCode(h, gridCode);
  const building = await h.database.db
    .selectFrom('area_nodes')
    .select(['lon', 'lat'])
    .where('parent_id', '=', grid.id)
    .where('level', '=', 'building')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  return { lon: building.lon as number, lat: building.lat as number };
}
