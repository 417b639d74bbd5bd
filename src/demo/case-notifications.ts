/**
 * The notifications the last days of the history left: each notice of an event goes to the people
 * case-view.ts recipientsOf would pick at that moment. Older ones have long been read; the last
 * day or two's are still unread, as in a real inbox.
 */
import { NEAREST_SUPERVISOR_ROLES, TIER_HANDLER_ROLES } from '../modules/cases/cases.policy.ts';
import type { NoticeSnapshot, PlannedCase, PlannedEvent, PlannedNotice, PlannedNotification } from './case-rows.ts';
import { DAY_MS, HOUR_MS } from './case-time.ts';
import type { Random } from './random.ts';
import type { StreetIndex } from './street-index.ts';

/** Older notifications would only pad the table: a week is what an inbox shows. */
const NOTIFIED_DAYS = 7;
/** Staff read a notification within hours to two days; residents open the app every few days. */
const READ_WITHIN_HOURS: [number, number] = [1, 48];
const RESIDENTS_READ_WITHIN_HOURS: [number, number] = [12, 120];
const RESIDENT_ROLES = new Set(['resident', 'patrol_volunteer']);

export function plannedNotifications(
  index: StreetIndex,
  random: Random,
  cases: readonly PlannedCase[],
  events: readonly PlannedEvent[],
  now: Date,
): PlannedNotification[] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const residents = new Set(index.users.filter((u) => RESIDENT_ROLES.has(u.role)).map((u) => u.id));
  const duplicatesOf = new Map<string, PlannedCase[]>();
  for (const d of cases) if (d.merged_into) duplicatesOf.set(d.merged_into, [...(duplicatesOf.get(d.merged_into) ?? []), d]);
  const since = now.getTime() - NOTIFIED_DAYS * DAY_MS;
  const rows: PlannedNotification[] = [];
  for (const event of events) {
    if (event.at.getTime() < since) continue;
    const c = byId.get(event.entity_id) as PlannedCase;
    // Reporters of duplicates merged by then follow the case (a duplicate's last change is its merge).
    const merged = (duplicatesOf.get(c.id) ?? []).filter((d) => d.updated_at <= event.at);
    const reporters = [c, ...merged].flatMap((r) => (r.reporter_user_id ? [r.reporter_user_id] : []));
    for (const notice of event.notices) {
      for (const userId of recipients(index, c.location_path, reporters, notice)) {
        const within = residents.has(userId) ? RESIDENTS_READ_WITHIN_HOURS : READ_WITHIN_HOURS;
        const read = new Date(event.at.getTime() + random.between(...within) * HOUR_MS);
        rows.push({
          street_id: c.street_id,
          user_id: userId,
          kind: notice.kind,
          case_id: c.id,
          data: { number: c.number, title: c.title, ...notice.data },
          created_at: event.at,
          read_at: read <= now ? read : null,
        });
      }
    }
  }
  return rows;
}

function recipients(
  index: StreetIndex,
  path: string,
  reporters: string[],
  notice: PlannedNotice & { snapshot: NoticeSnapshot },
): string[] {
  const { snapshot } = notice;
  const covering = (roles: readonly string[]) =>
    index.users
      .filter((u) => roles.includes(u.role) && u.nodeId && path.startsWith(index.pathOf.get(u.nodeId) ?? '\u0000'))
      .map((u) => u.id);
  let ids: string[];
  if (notice.audience === 'reporters') ids = reporters;
  else if (notice.audience === 'supervisors') ids = covering(NEAREST_SUPERVISOR_ROLES[snapshot.tier]);
  else {
    ids = [
      ...(snapshot.tier === 'department' ? [] : covering(TIER_HANDLER_ROLES[snapshot.tier])),
      ...index.users.filter((u) => snapshot.assigneeOrgId && u.organisationId === snapshot.assigneeOrgId).map((u) => u.id),
      ...(snapshot.assigneeUserId ? [snapshot.assigneeUserId] : []),
    ];
  }
  return [...new Set(ids)].filter((id) => id !== notice.exclude);
}
