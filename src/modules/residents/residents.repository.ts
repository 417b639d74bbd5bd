import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { underAnyPath } from '../../platform/db/scope.ts';
import { escapeLike } from '../areas/areas.repository.ts';

const columns = [
  'r.id',
  'r.street_id',
  'r.household_id',
  'h.name as household_name',
  'h.path',
  'r.name',
  'r.gender',
  'r.birth_date',
  'r.phone',
  'r.id_number',
  'r.tags',
  'r.is_household_head',
  'r.moved_out_at',
] as const;

const base = (db: Kysely<DB>) => db.selectFrom('residents as r').innerJoin('area_nodes as h', 'h.id', 'r.household_id');

export function findResident(db: Kysely<DB>, id: string) {
  return base(db).select(columns).where('r.id', '=', id).executeTakeFirst();
}

export type ResidentRow = NonNullable<Awaited<ReturnType<typeof findResident>>>;

export interface ResidentQuery {
  scopePaths: string[];
  underPath?: string | undefined;
  q?: string | undefined;
  tag?: string | undefined;
  includeMovedOut: boolean;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

export function listResidents(db: Kysely<DB>, query: ResidentQuery) {
  let q = base(db)
    .select(columns)
    .where((eb) => underAnyPath(eb, 'h.path', query.scopePaths))
    .orderBy('r.name')
    .orderBy('r.id')
    .limit(query.limit + 1);
  if (query.underPath) q = q.where('h.path', 'like', `${query.underPath}%`);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) =>
      eb.or([
        eb('r.name', 'like', `%${escapeLike(text)}%`),
        eb('r.phone', '=', text),
        eb('r.id_number', '=', text.toUpperCase()),
      ]),
    );
  }
  if (query.tag) q = q.where(sql<boolean>`${query.tag} = any(r.tags)`);
  if (!query.includeMovedOut) q = q.where('r.moved_out_at', 'is', null);
  if (query.after) {
    const { name, id } = query.after;
    q = q.where((eb) => eb.or([eb('r.name', '>', name), eb.and([eb('r.name', '=', name), eb('r.id', '>', id)])]));
  }
  return q.execute();
}

export function findHousehold(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('area_nodes')
    .select(['id', 'path', 'street_id', 'level', 'retired_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}
