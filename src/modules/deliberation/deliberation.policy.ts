/**
 * Who may see and do what in deliberation. Staff read and steer topics, meetings and votes under
 * the nodes where they hold deliberation.read/manage (a grid worker: the topics of their grid's
 * buildings; community staff: everything of their community). Residents see the topics and votes
 * of their own estate, propose and support there, vote for their household and rate finished work;
 * meetings reach them through the resolutions on the public page of their estate, which anyone
 * reads without a name on it. Pure.
 */
import { type Actor, can, canAnywhere, scopePathsFor } from '../access/access.policy.ts';

export const DELIB_READ = 'deliberation.read';
export const DELIB_MANAGE = 'deliberation.manage';
export const DELIB_PROPOSE = 'deliberation.propose';
export const DELIB_VOTE = 'deliberation.vote';
export const DELIB_FUNDS = 'deliberation.funds';

export const readScopes = (actor: Actor) => scopePathsFor(actor, DELIB_READ);
export const canRead = (actor: Actor, path: string) => can(actor, DELIB_READ, path);
export const canManage = (actor: Actor, path: string) => can(actor, DELIB_MANAGE, path);
export const canKeepFunds = (actor: Actor, path: string) => can(actor, DELIB_FUNDS, path);
/** A meeting of a community is seen by staff of the community and of any grid in it. */
export const canSeeMeeting = (actor: Actor, communityPath: string) =>
  readScopes(actor).some((scope) => scope.startsWith(communityPath) || communityPath.startsWith(scope));
export const isStaff = (actor: Actor) => canAnywhere(actor, DELIB_READ);

/** Where the resident lives, as far as deliberation cares. */
export interface Home {
  householdId: string;
  householdPath: string;
  estateId: string | null;
}

/** A resident reads what belongs to their estate, a building's vote only if they live in it. */
export const livesIn = (home: Home | null, estateId: string, buildingPath?: string | null) =>
  home !== null && home.estateId === estateId && (!buildingPath || home.householdPath.startsWith(buildingPath));
