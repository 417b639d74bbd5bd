/**
 * Who may see what of care. A care file is the most sensitive record in the system: it is read
 * (names, phones, ID numbers, what was seen at home) only by holders of care.read over the
 * household, that is the grid worker of its grid and the staff and secretary of its community,
 * and changed by holders of care.manage there. The street leader and administrators hold
 * care.figures: counts and rates without a name. Campaigns carry no personal data: they are seen
 * by anyone with a care permission over the campaign's area or under it. Pure.
 */
import { type Actor, can, canAnywhere, scopePathsFor } from '../access/access.policy.ts';

export const CARE_READ = 'care.read';
export const CARE_MANAGE = 'care.manage';
export const CARE_CAMPAIGNS = 'care.campaigns';
export const CARE_FIGURES = 'care.figures';
export const CARE_RULES = 'care.rules';
export const CARE_RUN_JOBS = 'care.run_jobs';

const ANY_CARE = [CARE_READ, CARE_MANAGE, CARE_CAMPAIGNS, CARE_FIGURES, CARE_RULES, CARE_RUN_JOBS];

export const canReadFile = (actor: Actor, locationPath: string) => can(actor, CARE_READ, locationPath);
export const canManageFile = (actor: Actor, locationPath: string) => can(actor, CARE_MANAGE, locationPath);

/** Paths under which one permission holds, without those another already covers. */
function narrowest(paths: string[]): string[] {
  const unique = [...new Set(paths)];
  return unique.filter((path) => !unique.some((other) => other !== path && path.startsWith(other)));
}

export const fileScopes = (actor: Actor) => scopePathsFor(actor, CARE_READ);
/** Where the actor may count care: figures, and the files behind them, never named. */
export const figureScopes = (actor: Actor) =>
  narrowest([...scopePathsFor(actor, CARE_FIGURES), ...scopePathsFor(actor, CARE_READ)]);
export const holdsAnyCare = (actor: Actor) => ANY_CARE.some((permission) => canAnywhere(actor, permission));

/** Scopes of every care permission: a campaign on or above any of them, or inside one, is visible. */
export const careScopes = (actor: Actor) => narrowest(ANY_CARE.flatMap((permission) => scopePathsFor(actor, permission)));
export const canSeeCampaign = (actor: Actor, nodePath: string) =>
  careScopes(actor).some((scope) => scope.startsWith(nodePath) || nodePath.startsWith(scope));
export const canRunCampaignAt = (actor: Actor, nodePath: string) => can(actor, CARE_CAMPAIGNS, nodePath);
