/**
 * Who may see and run volunteers: staff read the volunteers of the communities in their scope
 * (volunteers.read) and approve, decline and form them into teams (volunteers.manage); a person
 * sees their own registration. Phone numbers are shown in full to managers and to the person. Pure.
 */
import { type Actor, can, scopePathsFor } from '../access/access.policy.ts';

export const canManageAt = (actor: Actor, communityPath: string) => can(actor, 'volunteers.manage', communityPath);
export const canReadAt = (actor: Actor, path: string) => can(actor, 'volunteers.read', path) || canManageAt(actor, path);

export const readScopes = (actor: Actor) => {
  const paths = [...scopePathsFor(actor, 'volunteers.read'), ...scopePathsFor(actor, 'volunteers.manage')];
  return [...new Set(paths)].filter((path) => !paths.some((other) => other !== path && path.startsWith(other)));
};
