/**
 * Who may do what with patrols: staff manage partners, teams and plans of the communities in
 * their scope; partners run their team's plans; hazards are ordered by case handlers and
 * re-inspected by staff or by the partners of the hazard's community. Pure.
 */
import { type Actor, can, scopePathsFor } from '../access/access.policy.ts';

export const canManage = (actor: Actor, communityPath: string) => can(actor, 'patrols.manage', communityPath);
export const canRead = (actor: Actor, path: string) => can(actor, 'patrols.read', path) || canManage(actor, path);
export const canRun = (actor: Actor, communityPath: string) =>
  can(actor, 'patrols.run', communityPath) || canManage(actor, communityPath);
export const canOrder = (actor: Actor, casePath: string) => can(actor, 'hazards.order', casePath);
export const canReinspect = (actor: Actor, casePath: string) => can(actor, 'hazards.reinspect', casePath);

/** The paths under which the actor may read patrol records (staff: their scope; a partner: none beyond their own runs). */
export const readScopes = (actor: Actor) => [
  ...new Set([...scopePathsFor(actor, 'patrols.read'), ...scopePathsFor(actor, 'patrols.manage')]),
];
