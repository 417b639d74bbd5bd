import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** A user is visible where one of their roles is held, or, with no role yet, in their street. */
function visibleTo(scopePaths: string[]) {
  const likes = scopePaths.map((path) => `${path}%`);
  return sql<boolean>`(
    exists (
      select 1 from role_assignments ra
      left join organisations o on o.id = ra.organisation_id
      join area_nodes n on n.id = coalesce(ra.node_id, o.node_id)
      where ra.user_id = u.id and n.path like any (${likes}::text[]))
    or (not exists (select 1 from role_assignments ra where ra.user_id = u.id)
      and exists (select 1 from area_nodes s where s.id = u.street_id and s.path like any (${likes}::text[]))))`;
}

export function listUsers(
  db: Kysely<DB>,
  query: { scopePaths: string[]; q?: string | undefined; role?: string | undefined; after?: string | undefined; limit: number },
) {
  let q = db
    .selectFrom('users as u')
    .select(['u.id', 'u.username', 'u.display_name', 'u.phone', 'u.disabled_at', 'u.locked_until', 'u.street_id'])
    .where(visibleTo(query.scopePaths))
    .orderBy('u.username')
    .limit(query.limit + 1);
  if (query.q) {
    const text = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('u.username', 'like', text), eb('u.display_name', 'like', text)]));
  }
  if (query.role) {
    const role = query.role;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('role_assignments as ra').whereRef('ra.user_id', '=', 'u.id').where('ra.role', '=', role).select('ra.id'),
      ),
    );
  }
  if (query.after) q = q.where('u.username', '>', query.after);
  return q.execute();
}

export function findUser(db: Kysely<DB>, id: string, scopePaths: string[]) {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.username', 'u.display_name', 'u.phone', 'u.disabled_at', 'u.locked_until', 'u.street_id'])
    .where('u.id', '=', id)
    .where(visibleTo(scopePaths))
    .executeTakeFirst();
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

export function roleHeldAt(db: Kysely<DB>, role: string) {
  return db.selectFrom('roles').select(['code', 'held_at']).where('code', '=', role).executeTakeFirst();
}

/** The path a role grant would cover, and the street it belongs to. */
export function grantTarget(db: Kysely<DB>, grant: { nodeId?: string | undefined; organisationId?: string | undefined }) {
  if (grant.nodeId) {
    return db.selectFrom('area_nodes').select(['path', 'street_id', 'id']).where('id', '=', grant.nodeId).executeTakeFirst();
  }
  return db
    .selectFrom('organisations as o')
    .innerJoin('area_nodes as n', 'n.id', 'o.node_id')
    .select(['n.path', 'o.street_id', 'o.id'])
    .where('o.id', '=', grant.organisationId as string)
    .executeTakeFirst();
}

export function findAssignment(db: Kysely<DB>, userId: string, assignmentId: string) {
  return db
    .selectFrom('role_assignments as ra')
    .leftJoin('organisations as o', 'o.id', 'ra.organisation_id')
    .innerJoin('area_nodes as n', (join) => join.on(sql`n.id`, '=', sql`coalesce(ra.node_id, o.node_id)`))
    .select(['ra.id', 'ra.role', 'ra.street_id', 'n.path'])
    .where('ra.id', '=', assignmentId)
    .where('ra.user_id', '=', userId)
    .executeTakeFirst();
}
