/**
 * Who may do what, where. A role is held at an area node (or at an organisation, whose node then
 * stands for it) and covers that node's subtree. Permissions are data: the role_permissions table.
 * Pure functions: no HTTP, no SQL.
 */
export interface Assignment {
  id: string;
  role: string;
  nodeId: string | null;
  organisationId: string | null;
  /** Path of the node the role covers: '/<root id>/.../<node id>/'. */
  scopePath: string;
  scopeName: string;
  scopeLevel: string;
  permissions: string[];
}

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  streetId: string | null;
  residentId: string | null;
  organisationId: string | null;
  assignments: Assignment[];
}

/** The paths under which the actor holds a permission, without paths already covered by another. */
export function scopePathsFor(actor: Actor, permission: string): string[] {
  const paths = actor.assignments.filter((a) => a.permissions.includes(permission)).map((a) => a.scopePath);
  return [...new Set(paths)].filter((path) => !paths.some((other) => other !== path && path.startsWith(other)));
}

export function can(actor: Actor, permission: string, recordPath: string): boolean {
  return scopePathsFor(actor, permission).some((scope) => recordPath.startsWith(scope));
}

export function canAnywhere(actor: Actor, permission: string): boolean {
  return actor.assignments.some((a) => a.permissions.includes(permission));
}

export function permissionsOf(actor: Actor): string[] {
  return [...new Set(actor.assignments.flatMap((a) => a.permissions))].sort();
}

export function holdsRole(actor: Actor, role: string): boolean {
  return actor.assignments.some((a) => a.role === role);
}

/** Ids of the nodes on a path, root first. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}
