/**
 * Who may see and move points. A person sees their own account and spends their own points;
 * staff read the accounts of the people of their area (points.read) and adjust them, stock the
 * supermarket and hand out redemptions there (points.manage). Changing the rules takes
 * points.manage over the whole street. Pure.
 */
import { type Actor, can, scopePathsFor } from '../access/access.policy.ts';

export const canReadAt = (actor: Actor, path: string) => can(actor, 'points.read', path) || can(actor, 'points.manage', path);
export const canManageAt = (actor: Actor, path: string) => can(actor, 'points.manage', path);

/** The paths under which the actor reads accounts and redemptions. */
export const readScopes = (actor: Actor) => {
  const paths = [...scopePathsFor(actor, 'points.read'), ...scopePathsFor(actor, 'points.manage')];
  return [...new Set(paths)].filter((path) => !paths.some((other) => other !== path && path.startsWith(other)));
};
