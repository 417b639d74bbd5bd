import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Assignment } from './access.policy.ts';

export async function loadAssignments(db: Kysely<DB>, userId: string): Promise<Assignment[]> {
  const rows = await db
    .selectFrom('role_assignments as ra')
    .leftJoin('organisations as o', 'o.id', 'ra.organisation_id')
    .innerJoin('area_nodes as n', (join) => join.on(sql`n.id`, '=', sql`coalesce(ra.node_id, o.node_id)`))
    .where('ra.user_id', '=', userId)
    .select([
      'ra.id',
      'ra.role',
      'ra.node_id',
      'ra.organisation_id',
      'n.path',
      'n.level',
      sql<string>`coalesce(o.name, n.name)`.as('scope_name'),
      sql<string[]>`array(select rp.permission from role_permissions rp where rp.role = ra.role order by 1)`.as('permissions'),
    ])
    .orderBy('ra.created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    nodeId: row.node_id,
    organisationId: row.organisation_id,
    scopePath: row.path,
    scopeName: row.scope_name,
    scopeLevel: row.level,
    permissions: row.permissions,
  }));
}

export async function loadActor(db: Kysely<DB>, userId: string): Promise<Actor | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'street_id', 'resident_id', 'organisation_id'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) return undefined;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    streetId: user.street_id,
    residentId: user.resident_id,
    organisationId: user.organisation_id,
    assignments: await loadAssignments(db, user.id),
  };
}
