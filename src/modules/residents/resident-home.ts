/**
 * Where a signed-in person belongs in the area tree: their household when they are a registered
 * resident, else the deepest node they hold a role at, else their street. Other modules ask this
 * to place a person's records (points, service requests) and to check who may take part.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface PersonHome {
  userId: string;
  streetId: string | null;
  displayName: string;
  residentId: string | null;
  /** The household node, for a registered resident. */
  householdId: string | null;
  birthDate: string | null;
  phone: string | null;
  /** The node their records hang on, and its path. */
  nodeId: string | null;
  path: string | null;
}

export async function homeOf(db: Kysely<DB>, userId: string): Promise<PersonHome | undefined> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('residents as r', (join) => join.onRef('r.id', '=', 'u.resident_id').on('r.moved_out_at', 'is', null))
    .leftJoin('area_nodes as h', 'h.id', 'r.household_id')
    .leftJoin('area_nodes as s', 's.id', 'u.street_id')
    .select([
      'u.id',
      'u.street_id',
      'u.display_name',
      'u.resident_id',
      'u.phone as user_phone',
      'r.household_id',
      'r.birth_date',
      'r.phone as resident_phone',
      'h.path as household_path',
      's.path as street_path',
      sql<{ id: string; path: string } | null>`(select json_build_object('id', n.id, 'path', n.path)
        from role_assignments ra join area_nodes n on n.id = ra.node_id
        where ra.user_id = u.id and n.street_id = u.street_id order by length(n.path) desc limit 1)`.as('role_node'),
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  const node = row.household_id
    ? { id: row.household_id, path: row.household_path as string }
    : (row.role_node ?? (row.street_id ? { id: row.street_id, path: row.street_path as string } : null));
  return {
    userId: row.id,
    streetId: row.street_id,
    displayName: row.display_name,
    residentId: row.household_id ? row.resident_id : null,
    householdId: row.household_id,
    birthDate: row.birth_date,
    phone: row.resident_phone ?? row.user_phone,
    nodeId: node?.id ?? null,
    path: node?.path ?? null,
  };
}
