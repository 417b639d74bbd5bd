/**
 * Writes the demo street's care history in the seeding transaction, in bulk: the festival
 * campaigns, the files, their visits, the events the care services and the missed-visit job
 * would have written (oldest first), and the alerts of the last week in the caretakers' inboxes.
 */
import type { Kysely } from 'kysely';
import { loadDayTable } from '../modules/calendar/calendar.service.ts';
import type { VisitRule } from '../modules/care/care-rules.ts';
import type { DB } from '../platform/db/schema.ts';
import { maskName } from '../platform/security/masking.ts';
import { insertRows } from './bulk-insert.ts';
import { type CareUser, planCareHistory } from './care-history.ts';
import { DAY_MS } from './case-time.ts';
import type { StreetPlan } from './street-plan.ts';

const CARE_SEED = 20_261_009;
/** Alerts older than this have left the inbox view, as case notifications do (case-notifications.ts). */
const NOTIFIED_DAYS = 7;
const UNREAD_DAYS = 2;

export async function writeCareHistory(
  trx: Kysely<DB>,
  street: { plan: StreetPlan; users: readonly (CareUser & { username: string })[]; timeZone: string },
  now = new Date(),
): Promise<Record<string, number>> {
  const { plan, users, timeZone } = street;
  const streetId = plan.street.id;
  const rules: VisitRule[] = (await trx.selectFrom('care_visit_rules').selectAll().execute()).map((r) => ({
    streetId: r.street_id,
    group: r.care_group,
    risk: r.risk_level,
    every: r.every,
    unit: r.unit,
  }));
  const table = await loadDayTable(trx, streetId);
  const history = planCareHistory({ plan, users, rules, table, timeZone, now, seed: CARE_SEED });
  const leader = users.find((u) => u.role === 'street_leader')?.id ?? (users[0] as CareUser).id;
  const secretaryOf = (nodeId: string) => users.find((u) => u.role === 'community_secretary' && u.nodeId === nodeId)?.id;
  const campaignRows = history.campaigns.map((c) => ({
    id: c.id,
    street_id: streetId,
    node_id: c.node_id,
    node_path: c.node_path,
    name: c.name,
    festival: c.festival,
    groups: c.groups,
    starts_on: c.starts_on,
    ends_on: c.ends_on,
    note: null,
    created_by: secretaryOf(c.node_id) ?? leader,
    created_at: new Date(Math.min(now.getTime(), Date.parse(`${c.starts_on}T02:00:00Z`) - 7 * DAY_MS)),
  }));
  await insertRows(trx, 'care_campaigns', campaignRows);
  const visitsOf = new Map<string, number>();
  for (const v of history.visits) visitsOf.set(v.fileId, (visitsOf.get(v.fileId) ?? 0) + 1);
  await insertRows(
    trx,
    'care_files',
    history.files.map((f) => ({
      id: f.id,
      street_id: streetId,
      number: f.number,
      resident_id: f.resident.id,
      household_id: f.resident.household_id,
      grid_id: f.gridId,
      community_id: f.communityId,
      location_path: f.householdPath,
      groups: f.groups,
      risk_level: f.risk,
      risk_note: f.riskNote,
      situation: f.situation,
      guardian_name: null,
      guardian_phone: null,
      status: 'active',
      close_reason: null,
      close_note: null,
      opened_by: f.openedBy,
      opened_at: f.openedAt,
      start_date: f.startDate,
      last_visit_date: f.lastVisitDate,
      next_due_date: f.nextDueDate,
      missed_alerted_for: f.missedAlertedFor,
      closed_at: null,
      version: 1 + (visitsOf.get(f.id) ?? 0),
      updated_at: f.openedAt,
    })),
  );
  const years = new Map<number, number>();
  for (const f of history.files) {
    const year = Number(f.number.slice(2, 6));
    years.set(year, Math.max(years.get(year) ?? 0, Number(f.number.slice(7))));
  }
  await insertRows(
    trx,
    'care_counters',
    [...years].map(([year, last]) => ({ street_id: streetId, year, last })),
  );
  await insertRows(
    trx,
    'care_visits',
    history.visits.map((v) => ({
      id: v.id,
      street_id: streetId,
      file_id: v.fileId,
      client_id: v.id,
      visited_at: v.visitedAt,
      visit_date: v.visitDate,
      due_date: v.dueDate,
      on_time: v.onTime,
      method: v.method,
      wellbeing: v.wellbeing,
      observations: v.observations,
      needs: v.needs,
      needs_note: null,
      campaign_id: v.campaignId,
      follow_up_case_id: null,
      visitor_user_id: v.visitorId,
      created_at: v.visitedAt,
    })),
  );
  // A file's opening names its first due date: the due date its first visit answered, or its due date now.
  const firstDue = new Map<string, string>();
  for (const v of history.visits) if (!firstDue.has(v.fileId)) firstDue.set(v.fileId, v.dueDate);
  const events = [
    ...campaignRows.map((c) => ({
      entity_type: 'care_campaign',
      entity_id: c.id,
      type: 'care.campaign_created',
      actor_user_id: c.created_by,
      at: c.created_at,
      data: { name: c.name, festival: c.festival, groups: c.groups },
    })),
    ...history.files.map((f) => ({
      entity_type: 'care_file',
      entity_id: f.id,
      type: 'care.file_opened',
      actor_user_id: f.openedBy,
      at: f.openedAt,
      data: { number: f.number, groups: f.groups, riskLevel: f.risk, nextDueDate: firstDue.get(f.id) ?? f.nextDueDate },
    })),
    ...history.visits.map((v) => ({
      entity_type: 'care_file',
      entity_id: v.fileId,
      type: 'care.visit_logged',
      actor_user_id: v.visitorId,
      at: v.visitedAt,
      data: {
        visitId: v.id,
        visitDate: v.visitDate,
        dueDate: v.dueDate,
        onTime: v.onTime,
        campaignId: v.campaignId,
        caseId: null,
        photos: 0,
      },
    })),
    ...history.misses.map((m) => ({
      entity_type: 'care_file',
      entity_id: m.fileId,
      type: 'care.visit_missed',
      actor_user_id: null,
      at: m.at,
      data: { dueDate: m.dueDate },
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  await insertRows(
    trx,
    'events',
    events.map((e) => ({ street_id: streetId, ...e })),
  );
  const notifications = notificationsFor(history, users, now);
  await insertRows(trx, 'notifications', notifications);
  return {
    'care files': history.files.length,
    'care visits': history.visits.length,
    'care visits overdue now': history.files.filter((f) => f.nextDueDate < localToday(now, timeZone)).length,
    'care campaigns': history.campaigns.length,
  };
}

const localToday = (now: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);

/** The last week's missed-visit alerts, to the grid worker and the community's staff and secretary; the older ones read. */
function notificationsFor(history: ReturnType<typeof planCareHistory>, users: readonly CareUser[], now: Date) {
  const files = new Map(history.files.map((f) => [f.id, f]));
  const since = now.getTime() - NOTIFIED_DAYS * DAY_MS;
  const caretakers = (gridId: string, communityId: string) =>
    users.filter(
      (u) =>
        (u.role === 'grid_worker' && u.nodeId === gridId) ||
        ((u.role === 'community_secretary' || u.role === 'community_staff') && u.nodeId === communityId),
    );
  return history.misses
    .filter((m) => m.at.getTime() >= since)
    .flatMap((m) => {
      const f = files.get(m.fileId);
      if (!f) return [];
      return caretakers(f.gridId, f.communityId).map((u) => ({
        user_id: u.id,
        street_id: f.resident.street_id,
        kind: 'care.visit_missed',
        case_id: null,
        data: { fileId: f.id, number: f.number, name: maskName(f.resident.name), dueDate: m.dueDate },
        created_at: m.at,
        read_at: m.at.getTime() < now.getTime() - UNREAD_DAYS * DAY_MS ? new Date(m.at.getTime() + 3 * 3_600_000) : null,
      }));
    });
}
