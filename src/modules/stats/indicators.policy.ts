/**
 * Who reads the indicators, where: holders of stats.read over the node (figures only, never a
 * name), and of stats.report to produce monthly reports there. Pure.
 */
import { type Actor, can, pathIds, scopePathsFor } from '../access/access.policy.ts';

export const STATS_READ = 'stats.read';
export const STATS_REPORT = 'stats.report';

export const statsScopes = (actor: Actor) => scopePathsFor(actor, STATS_READ);
export const canReadStats = (actor: Actor, path: string) => can(actor, STATS_READ, path);
export const canReport = (actor: Actor, path: string) => can(actor, STATS_REPORT, path);

/** The node a dashboard opens on when none is chosen: the top of the caller's first scope. */
export const defaultNodeId = (actor: Actor) => pathIds(statsScopes(actor)[0] ?? '').at(-1);
