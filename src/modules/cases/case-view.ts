import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/http/errors.ts';
import { type Actor, pathIds } from '../access/access.policy.ts';
import type { GridLocator } from '../areas/grid-locator.ts';
import type { DayTable } from '../calendar/working-days.ts';
import { type CaseAccessView, canReadCase, NEAREST_SUPERVISOR_ROLES, TIER_HANDLER_ROLES } from './cases.policy.ts';
import * as repo from './cases.repository.ts';

/** What the case services need besides the database. */
export interface CaseDeps {
  db: Kysely<DB>;
  gridLocator: GridLocator;
  dayTables: { dayTable(db: Kysely<DB>, streetId: string | null): Promise<DayTable> };
  timeZone: string;
  now?: () => Date;
}

export const nowOf = (deps: CaseDeps) => (deps.now ? deps.now() : new Date());

export async function accessViewOf(db: Kysely<DB>, row: repo.CaseRow): Promise<CaseAccessView> {
  return {
    tier: row.tier,
    locationPath: row.location_path,
    assigneeUserId: row.assignee_user_id,
    assigneeOrgId: row.assignee_org_id,
    reporterUserId: row.reporter_user_id,
    followerUserIds: await repo.followersOf(db, row.id),
    accessOrgIds: await repo.accessOrgsOf(db, row.id),
  };
}

/** A case the actor may see, with its access view; 404 otherwise, whether or not it exists. */
export async function visibleCase(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findCase(db, id);
  if (!row) throw notFound('Case');
  const view = await accessViewOf(db, row);
  if (!canReadCase(actor, view)) throw notFound('Case');
  return { row, view };
}

/** The people to tell about a case: its current handlers, its reporters, or the supervisors of its tier. */
export async function recipientsOf(
  db: Kysely<DB>,
  row: Pick<repo.CaseRow, 'id' | 'tier' | 'location_path' | 'assignee_org_id' | 'assignee_user_id' | 'reporter_user_id'>,
  who: 'handlers' | 'reporters' | 'supervisors',
): Promise<string[]> {
  if (who === 'reporters') {
    return [...(row.reporter_user_id ? [row.reporter_user_id] : []), ...(await repo.followersOf(db, row.id))];
  }
  if (who === 'supervisors') {
    return usersWithRoleCovering(db, NEAREST_SUPERVISOR_ROLES[row.tier], row.location_path);
  }
  const handlers =
    row.tier === 'department' ? [] : await usersWithRoleCovering(db, TIER_HANDLER_ROLES[row.tier], row.location_path);
  const atOrg = row.assignee_org_id ? await usersAtOrganisation(db, row.assignee_org_id) : [];
  return [...new Set([...handlers, ...atOrg, ...(row.assignee_user_id ? [row.assignee_user_id] : [])])];
}

async function usersWithRoleCovering(db: Kysely<DB>, roles: readonly string[], path: string): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('role_assignments as ra')
    .innerJoin('area_nodes as n', 'n.id', 'ra.node_id')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .select('ra.user_id')
    .distinct()
    .where('ra.role', 'in', [...roles])
    .where('u.disabled_at', 'is', null)
    // A node covering the path is one the path runs through: a few key lookups, not a test of every assignment in the city.
    .where('n.id', 'in', pathIds(path))
    .where(sql<boolean>`${path}::text like n.path || '%'`)
    .execute();
  return rows.map((row) => row.user_id);
}

async function usersAtOrganisation(db: Kysely<DB>, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_assignments as ra')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .select('ra.user_id')
    .distinct()
    .where('ra.organisation_id', '=', organisationId)
    .where('u.disabled_at', 'is', null)
    .execute();
  return rows.map((row) => row.user_id);
}
