import { type Expression, type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Assignment } from './access.policy.ts';

/** A user's assignments as one JSON array, oldest first: selected with the user so that an actor costs one statement. */
export const assignmentsOf = (userId: Expression<string>) => sql<Assignment[]>`coalesce((
  select json_agg(json_build_object(
    'id', ra.id, 'role', ra.role, 'nodeId', ra.node_id, 'organisationId', ra.organisation_id,
    'scopePath', n.path, 'scopeName', coalesce(o.name, n.name), 'scopeLevel', n.level,
    'permissions', array(select rp.permission from role_permissions rp where rp.role = ra.role order by 1)
  ) order by ra.created_at)
  from role_assignments ra
  left join organisations o on o.id = ra.organisation_id
  join area_nodes n on n.id = coalesce(ra.node_id, o.node_id)
  where ra.user_id = ${userId}), '[]'::json)`;

export async function loadAssignments(db: Kysely<DB>, userId: string): Promise<Assignment[]> {
  const { rows } = await sql<{ assignments: Assignment[] }>`select ${assignmentsOf(sql.val(userId))} as assignments`.execute(db);
  return rows[0]?.assignments ?? [];
}

export type ActorRow = {
  id: string;
  username: string;
  display_name: string;
  street_id: string | null;
  resident_id: string | null;
  organisation_id: string | null;
  assignments: Assignment[];
};

export const toActor = (user: ActorRow): Actor => ({
  userId: user.id,
  username: user.username,
  displayName: user.display_name,
  streetId: user.street_id,
  residentId: user.resident_id,
  organisationId: user.organisation_id,
  assignments: user.assignments,
});

/** An enabled user with every role they hold, in one statement (it runs for every signed-in request). */
export async function loadActor(db: Kysely<DB>, userId: string): Promise<Actor | undefined> {
  const user = await db
    .selectFrom('users as u')
    .select(['u.id', 'u.username', 'u.display_name', 'u.street_id', 'u.resident_id', 'u.organisation_id'])
    .select((eb) => assignmentsOf(eb.ref('u.id')).as('assignments'))
    .where('u.id', '=', userId)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  return user ? toActor(user) : undefined;
}
