/**
 * Writes the demo street's volunteering in the seeding transaction, in bulk, as the live services
 * would have written it: volunteers and teams (Ping An Partners linked), service requests, the
 * fifteen service activities and the courses, the questionnaires, and the points ledger with its
 * supermarket, each change with its event and the notifications it sent. Answers what was written.
 */
import { TZDate } from '@date-fns/tz';
import { type Kysely, sql } from 'kysely';
import { loadDayTable } from '../modules/calendar/calendar.service.ts';
import { localDate } from '../modules/calendar/working-days.ts';
import { loadRules } from '../modules/points/ledger.service.ts';
import { pointsFor, ruleFor, type Source } from '../modules/points/points-rules.ts';
import type { DB } from '../platform/db/schema.ts';
import { planActivityHistory } from './activity-history.ts';
import { insertRows } from './bulk-insert.ts';
import { DAY_MS } from './case-time.ts';
import type { PartnerRow } from './patrol-partners.ts';
import { planPointsHistory } from './points-history.ts';
import { planQuestionnaireHistory } from './questionnaire-history.ts';
import { Random } from './random.ts';
import { planServiceHistory } from './service-history.ts';
import type { HistoryUser } from './street-index.ts';
import type { StreetPlan } from './street-plan.ts';
import type { VolunteerPeople } from './volunteer-people.ts';
import { VolunteerRecord } from './volunteer-record.ts';

const SEED = 20_221_107;
/** Notifications older than this have been read. */
const READ_AFTER_MS = 7 * DAY_MS;

export interface VolunteerHistoryInput {
  plan: StreetPlan;
  people: VolunteerPeople;
  users: readonly HistoryUser[];
  partners: readonly PartnerRow[];
  timeZone: string;
}

export async function writeVolunteerHistory(
  trx: Kysely<DB>,
  input: VolunteerHistoryInput,
  now = new Date(),
): Promise<Record<string, number>> {
  const { plan, people, timeZone } = input;
  const streetId = plan.street.id;
  const random = new Random(SEED);
  const record = new VolunteerRecord(now);
  const [rules, table, items, categories] = await Promise.all([
    loadRules(trx, streetId),
    loadDayTable(trx, streetId),
    trx
      .selectFrom('service_items as i')
      .innerJoin('service_categories as c', 'c.id', 'i.category_id')
      .select([
        'i.id',
        'i.code',
        'c.code as categoryCode',
        'i.name_zh',
        'i.name_en',
        'i.skills',
        'i.duration_minutes',
        'i.working_days',
      ])
      .where('i.street_id', 'is', null)
      .execute(),
    trx.selectFrom('service_categories').select(['id', 'code']).where('street_id', 'is', null).execute(),
  ]);
  const rule = (source: Source, at: Date) => {
    const found = ruleFor(rules, source, localDate(at, timeZone), streetId);
    return (
      found && {
        points: (minutes: number) => pointsFor(found, minutes),
        volunteering: found.volunteering,
        validDays: found.validDays,
      }
    );
  };
  const pointsOf = (source: Source, minutes: number, at: Date) => rule(source, at)?.points(minutes) ?? 0;
  const at = (date: string, time: string) =>
    new Date(
      new TZDate(
        Number(date.slice(0, 4)),
        Number(date.slice(5, 7)) - 1,
        Number(date.slice(8, 10)),
        Number(time.slice(0, 2)),
        Number(time.slice(3, 5)),
        timeZone,
      ).getTime(),
    );
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const communities = plan.communities.map((c) => ({ id: c.id, path: c.path, name: c.name }));
  const usersAt = (roles: string[], nodeId: string) =>
    input.users.filter((u) => roles.includes(u.role) && u.nodeId === nodeId).map((u) => u.id);

  // Volunteers: registered, decided, teams formed, partners linked.
  for (const team of people.teams)
    record.event(
      'volunteer_team',
      team.id,
      'volunteer_team.created',
      people.deciders.get(team.community_id) ?? null,
      team.created_at,
      { name: team.name },
    );
  for (const v of people.volunteers) {
    if (v.patrol_partner_id) {
      record.event('volunteer', v.id, 'volunteer.partner_linked', v.decided_by, v.decided_at ?? v.applied_at, {
        patrolPartnerId: v.patrol_partner_id,
      });
      continue;
    }
    record.event('volunteer', v.id, 'volunteer.registered', v.user_id, v.applied_at);
    if (v.status === 'applied' || !v.decided_at) continue;
    const data = v.status === 'approved' ? { teamId: v.team_id } : { reason: v.decline_reason };
    record.event('volunteer', v.id, `volunteer.${v.status}`, v.decided_by, v.decided_at, data);
    record.notify([v.user_id], `volunteer.${v.status}`, v.decided_at, data);
  }

  const partnerSkills = new Map(
    people.volunteers.flatMap((v) => {
      const partner = input.partners.find((p) => p.id === v.patrol_partner_id);
      return partner ? [[v.id, partner.skills] as const] : [];
    }),
  );
  const gridWorker = new Map(input.users.filter((u) => u.role === 'grid_worker').map((u) => [u.nodeId, u.id]));
  const services = planServiceHistory({
    random,
    people,
    items,
    table,
    timeZone,
    streetId,
    partnerSkills,
    handlers: (member) => [
      ...usersAt(['community_secretary', 'community_staff'], member.communityId),
      gridWorker.get(member.gridId) ?? '',
    ],
    pointsOf,
    record,
  });
  const coursesStart = localDate(new Date(now.getTime() - 45 * DAY_MS), timeZone);
  const activities = planActivityHistory({
    random,
    people,
    streetId,
    streetPath: plan.street.path,
    communities,
    categories: new Map(categories.map((c) => [c.code, c.id])),
    coursesStart,
    at,
    pointsOf,
    record,
  });
  const first = communities[0];
  const questionnaires = first
    ? planQuestionnaireHistory({ random, people, streetId, community: first, coursesStart: at(coursesStart, '09:30'), record })
    : { questionnaires: [], versions: [], responses: [] };

  const residents = new Map(plan.residents.map((r) => [r.id, r]));
  const pool = new Map(people.pool.map((p) => [p.userId, p]));
  const userById = new Map(input.users.map((u) => [u.id, u]));
  const homeOf = (userId: string) => {
    const member = pool.get(userId);
    if (member) return { nodeId: member.householdId, path: member.homePath, communityId: member.communityId };
    const user = userById.get(userId);
    const resident = user?.residentId ? residents.get(user.residentId) : undefined;
    const node = nodes.get(resident?.household_id ?? user?.nodeId ?? streetId) ?? plan.street;
    return { nodeId: node.id, path: node.path, communityId: node.path.split('/').filter(Boolean)[2] ?? '' };
  };
  const points = planPointsHistory({
    random,
    streetId,
    record,
    homeOf,
    communities: communities.map((c) => ({ id: c.id, staff: people.deciders.get(c.id) as string })),
    rule,
    timeZoneDate: (instant) => localDate(instant, timeZone),
  });

  await insertRows(
    trx,
    'volunteer_teams',
    people.teams.map((t) => ({ ...t, leader_volunteer_id: null })),
  );
  await insertRows(trx, 'volunteers', people.volunteers);
  const leaders = people.teams.filter((t) => t.leader_volunteer_id).map((t) => ({ id: t.id, leader: t.leader_volunteer_id }));
  await sql`update volunteer_teams t set leader_volunteer_id = l.leader
    from json_to_recordset(${JSON.stringify(leaders)}::json) as l (id uuid, leader uuid) where t.id = l.id`.execute(trx);
  await insertRows(
    trx,
    'service_request_counters',
    services.counters.map((c) => ({ street_id: streetId, ...c })),
  );
  await insertRows(trx, 'service_requests', services.requests);
  await insertRows(trx, 'activities', activities.activities);
  await insertRows(trx, 'activity_sessions', activities.sessions);
  await insertRows(trx, 'activity_signups', activities.signups);
  await insertRows(trx, 'activity_attendance', activities.attendance);
  await insertRows(trx, 'questionnaires', questionnaires.questionnaires);
  await insertRows(trx, 'questionnaire_versions', questionnaires.versions);
  await insertRows(trx, 'questionnaire_responses', questionnaires.responses);
  await insertRows(trx, 'points_goods', points.goods);
  await insertRows(trx, 'service_hours', points.hours);
  await insertRows(trx, 'points_accounts', points.accounts);
  await insertRows(trx, 'points_redemptions', points.redemptions);
  await insertRows(trx, 'points_entries', points.entries);
  const events = record.events.sort((a, b) => a.at.getTime() - b.at.getTime());
  await insertRows(
    trx,
    'events',
    events.map((e) => ({ street_id: streetId, ...e })),
  );
  const notices = record.notices.filter((n) => n.at.getTime() <= now.getTime());
  await insertRows(
    trx,
    'notifications',
    notices.map((n) => ({
      street_id: streetId,
      user_id: n.user_id,
      kind: n.kind,
      case_id: null,
      data: n.data,
      created_at: n.at,
      read_at: now.getTime() - n.at.getTime() > READ_AFTER_MS ? new Date(n.at.getTime() + DAY_MS) : null,
    })),
  );
  const service = activities.activities.filter((a) => a.kind !== 'course');
  return {
    volunteers: people.volunteers.filter((v) => v.status === 'approved').length,
    'service requests': services.requests.length,
    'service activities': service.length,
    'activity participants': activities.attendance.filter((a) => service.some((s) => s.id === a.activity_id)).length,
    'points entries': points.entries.length,
    'questionnaire answers': questionnaires.responses.length,
    notifications: notices.length,
  };
}
