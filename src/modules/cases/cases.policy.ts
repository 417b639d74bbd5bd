/**
 * Who stands in which relation to a case, and who may see it: pure, from the actor's roles and
 * the case's place, tier and assignees. Which roles handle or supervise each tier is data.
 */
import type { Actor, Assignment } from '../access/access.policy.ts';
import type { Relation, Tier } from './lifecycle.ts';

export const TIER_HANDLER_ROLES: Record<Tier, readonly string[]> = {
  grid: ['grid_worker'],
  community: ['community_staff', 'community_secretary'],
  department: ['dept_handler'],
  district: ['admin'],
};

/** Superiors who may dispatch, urge, return and check a case at each tier. */
export const SUPERVISOR_ROLES: Record<Tier, readonly string[]> = {
  grid: ['community_staff', 'community_secretary', 'street_leader', 'admin'],
  community: ['street_leader', 'admin'],
  department: ['street_leader', 'admin'],
  district: ['admin'],
};

/** Who hears of an overdue case: the superiors right above its tier, not everyone up the line. */
export const NEAREST_SUPERVISOR_ROLES: Record<Tier, readonly string[]> = {
  grid: ['community_staff', 'community_secretary'],
  community: ['street_leader'],
  department: ['street_leader'],
  district: ['admin'],
};

export interface CaseAccessView {
  tier: Tier;
  /** Path of the grid (or community, or street) the case lies in. */
  locationPath: string;
  assigneeUserId: string | null;
  assigneeOrgId: string | null;
  reporterUserId: string | null;
  /** Reporters of duplicates merged into this case. */
  followerUserIds: readonly string[];
  /** Organisations that hold or have held the case. */
  accessOrgIds: readonly string[];
}

const covers = (assignment: Assignment, path: string) =>
  assignment.organisationId === null && path.startsWith(assignment.scopePath);

export function relationsOf(actor: Actor, c: CaseAccessView): Set<Relation> {
  const relations = new Set<Relation>();
  const handlerRoles = TIER_HANDLER_ROLES[c.tier];
  for (const a of actor.assignments) {
    if (!handlerRoles.includes(a.role)) continue;
    const atAssignedOrg = a.organisationId !== null && a.organisationId === c.assigneeOrgId;
    if (c.tier === 'department' ? atAssignedOrg : covers(a, c.locationPath)) relations.add('tier_handler');
  }
  if (
    actor.userId === c.assigneeUserId ||
    actor.assignments.some((a) => a.organisationId !== null && a.organisationId === c.assigneeOrgId)
  ) {
    relations.add('assignee');
  }
  if (actor.assignments.some((a) => SUPERVISOR_ROLES[c.tier].includes(a.role) && covers(a, c.locationPath)))
    relations.add('supervisor');
  if (actor.userId === c.reporterUserId || c.followerUserIds.includes(actor.userId)) relations.add('reporter');
  return relations;
}

/** Assignments whose scope reaches the case: its place, or an organisation that holds or held it. */
function reachingAssignments(actor: Actor, c: CaseAccessView): Assignment[] {
  return actor.assignments.filter(
    (a) =>
      covers(a, c.locationPath) ||
      (a.organisationId !== null && (a.organisationId === c.assigneeOrgId || c.accessOrgIds.includes(a.organisationId))),
  );
}

export function hasCasePermission(actor: Actor, c: CaseAccessView, permission: string): boolean {
  return reachingAssignments(actor, c).some((a) => a.permissions.includes(permission));
}

export function canReadCase(actor: Actor, c: CaseAccessView): boolean {
  return hasCasePermission(actor, c, 'cases.read') || relationsOf(actor, c).size > 0;
}

/** Contact details of the reporter are shown in full only to those who must call back. */
export function canReadReporterContact(actor: Actor, c: CaseAccessView): boolean {
  return hasCasePermission(actor, c, 'cases.read_contact');
}
