import { type Kysely, sql } from 'kysely';
import type { DB, OrganisationKind } from '../../platform/db/schema.ts';
import { aboveAnyPath, underAnyPath } from '../../platform/db/scope.ts';
import { escapeLike } from '../areas/areas.repository.ts';

const base = (db: Kysely<DB>) =>
  db
    .selectFrom('organisations as o')
    .innerJoin('area_nodes as n', 'n.id', 'o.node_id')
    .select([
      'o.id',
      'o.street_id',
      'o.node_id',
      'n.name as node_name',
      'n.path',
      'o.kind',
      'o.name',
      'o.code',
      'o.contact_phone',
      'o.retired_at',
      sql<{ id: string; name: string; communityId: string }[]>`coalesce((
        select json_agg(json_build_object('id', e.id, 'name', e.name, 'communityId', e.community_id) order by e.name)
        from estates e where e.property_company_id = o.id), '[]'::json)`.as('estates'),
    ]);

export function findOrganisation(db: Kysely<DB>, id: string) {
  return base(db).where('o.id', '=', id).executeTakeFirst();
}

export type OrganisationRow = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;

export function listOrganisations(
  db: Kysely<DB>,
  query: {
    scopePaths: string[];
    underPath?: string | undefined;
    kind?: OrganisationKind | undefined;
    q?: string | undefined;
    after?: { name: string; id: string } | undefined;
    limit: number;
  },
) {
  let q = base(db)
    // Organisations attached above a scope serve it too: a street department serves every community.
    .where((eb) => eb.or([underAnyPath(eb, 'n.path', query.scopePaths), aboveAnyPath('n.path', query.scopePaths)]))
    .where('o.retired_at', 'is', null)
    .orderBy('o.name')
    .orderBy('o.id')
    .limit(query.limit + 1);
  if (query.underPath) q = q.where('n.path', 'like', `${query.underPath}%`);
  if (query.kind) q = q.where('o.kind', '=', query.kind);
  if (query.q) q = q.where('o.name', 'like', `%${escapeLike(query.q)}%`);
  if (query.after) {
    const { name, id } = query.after;
    q = q.where((eb) => eb.or([eb('o.name', '>', name), eb.and([eb('o.name', '=', name), eb('o.id', '>', id)])]));
  }
  return q.execute();
}

export function findEstate(db: Kysely<DB>, id: string) {
  return estatesBase(db).where('e.id', '=', id).executeTakeFirst();
}

export function listEstates(db: Kysely<DB>, scopePaths: string[], communityId?: string) {
  let q = estatesBase(db)
    .where((eb) => underAnyPath(eb, 'c.path', scopePaths))
    .orderBy('e.name');
  if (communityId) q = q.where('e.community_id', '=', communityId);
  return q.execute();
}

const estatesBase = (db: Kysely<DB>) =>
  db
    .selectFrom('estates as e')
    .innerJoin('area_nodes as c', 'c.id', 'e.community_id')
    .leftJoin('organisations as o', 'o.id', 'e.property_company_id')
    .select([
      'e.id',
      'e.street_id',
      'e.community_id',
      'c.path',
      'e.name',
      'e.property_company_id',
      'o.name as property_company_name',
      (eb) =>
        eb
          .selectFrom('area_nodes as b')
          .whereRef('b.estate_id', '=', 'e.id')
          .where('b.retired_at', 'is', null)
          .select(eb.fn.countAll<number>().as('n'))
          .as('building_count'),
    ]);

export type EstateRow = NonNullable<Awaited<ReturnType<typeof findEstate>>>;
