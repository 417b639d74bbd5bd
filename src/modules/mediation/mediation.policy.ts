/**
 * Who may see and do what in mediation. A dispute is read by whoever holds mediation.read over
 * where it arose, and handled by whoever holds mediation.manage over the node of the level now
 * handling it: once escalated from a grid to its community, the grid worker still follows the
 * file but the community's staff handle it. Parties' phone and ID numbers are shown in full only
 * to the mediation role over the file. Pure.
 */
import { type Actor, can, scopePathsFor } from '../access/access.policy.ts';

export interface DisputeAccessView {
  locationPath: string;
  handlingPath: string;
}

export const canManageAt = (actor: Actor, path: string) => can(actor, 'mediation.manage', path);
export const canReadDispute = (actor: Actor, d: DisputeAccessView) =>
  can(actor, 'mediation.read', d.locationPath) || canManageAt(actor, d.locationPath) || canManageAt(actor, d.handlingPath);
export const canManageDispute = (actor: Actor, d: DisputeAccessView) => canManageAt(actor, d.handlingPath);
/** Full phone and ID numbers of the parties: the mediation role over the file, not a reader from afar. */
export const seesPartiesInFull = (actor: Actor, d: DisputeAccessView) =>
  canManageAt(actor, d.locationPath) || canManageAt(actor, d.handlingPath);

/** The paths under which the actor reads disputes. */
export const readScopes = (actor: Actor) => {
  const paths = [...scopePathsFor(actor, 'mediation.read'), ...scopePathsFor(actor, 'mediation.manage')];
  return [...new Set(paths)].filter((path) => !paths.some((other) => other !== path && path.startsWith(other)));
};
