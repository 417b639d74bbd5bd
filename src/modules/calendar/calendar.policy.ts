import { type Actor, can, pathIds } from '../access/access.policy.ts';

/**
 * Who may read and change which calendar. Pure: no HTTP, no SQL. The national schedule concerns
 * everyone; a street's calendar concerns everyone working in or above that street.
 */
export const CALENDAR_READ = 'calendar.read';
export const CALENDAR_MANAGE = 'calendar.manage';

/** A grid worker's deadlines follow their street's calendar, so a scope inside the street sees it too. */
export function canReadStreetCalendar(actor: Actor, streetPath: string): boolean {
  return actor.assignments.some(
    (a) => a.permissions.includes(CALENDAR_READ) && (a.scopePath.startsWith(streetPath) || streetPath.startsWith(a.scopePath)),
  );
}

/** The national schedule binds every street, so only a manager at the top of the tree (the district) edits it. */
export function canManageNationalCalendar(actor: Actor): boolean {
  return actor.assignments.some((a) => a.permissions.includes(CALENDAR_MANAGE) && pathIds(a.scopePath).length === 1);
}

export const canManageStreetCalendar = (actor: Actor, streetPath: string) => can(actor, CALENDAR_MANAGE, streetPath);
