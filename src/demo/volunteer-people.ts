/**
 * The people of the demo street's volunteering: residents with an account of their own who take
 * part in activities, ask for services and answer questionnaires (a pool in each community); those
 * of them who registered as volunteers, most approved into one of three teams, a few waiting or
 * declined; and every approved Ping An Partner linked as a volunteer of their community. Seeds 000
 * and 002. Pure: ids are random, everything else comes from the seed.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { VOLUNTEER_AVAILABILITY, VOLUNTEER_SKILLS } from '../modules/volunteers/volunteer-rules.ts';
import type { VolunteersTable, VolunteerTeamsTable } from '../modules/volunteers/volunteers.tables.ts';
import { DAY_MS } from './case-time.ts';
import type { PartnerRow } from './patrol-partners.ts';
import type { Random } from './random.ts';
import type { HistoryUser } from './street-index.ts';
import type { PlanNode, PlanResident, StreetPlan } from './street-plan.ts';

export type VolunteerRow = Selectable<VolunteersTable>;
export type VolunteerTeamRow = Selectable<VolunteerTeamsTable>;

/** A resident of the pool: their account, home and what they are like. */
export interface PoolMember {
  userId: string;
  residentId: string | null;
  name: string;
  communityId: string;
  gridId: string;
  householdId: string;
  homePath: string;
  age: number;
  phone: string | null;
}

export interface VolunteerUser extends HistoryUser {
  phone: string | null;
  where: string;
}

export interface VolunteerPeople {
  /** New accounts: residents (role resident at home). */
  users: VolunteerUser[];
  pool: PoolMember[];
  volunteers: VolunteerRow[];
  teams: VolunteerTeamRow[];
  /** The community staff member who decides, by community. */
  deciders: Map<string, string>;
  /** The demo `resident` account, one of the pool of the first community, so that it has a history to see. */
  demoResident: PoolMember | undefined;
}

const TEAM_NAMES = ['银龄服务队', '青年志愿突击队', '巾帼志愿服务队'];
const NOTES = ['退休了，想为社区做点事', '周末有空，可以帮忙', '做过多年护士', '会修家电', null, null, null];
const DECLINE_REASONS = ['所选服务社区与居住地相距较远，建议在居住社区报名', '报名信息不完整，请补充联系方式后重新报名'];

const ageOn = (birth: string, today: string) =>
  Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - (today.slice(5) < birth.slice(5) ? 1 : 0);
const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(n)));

export function planVolunteerPeople(input: {
  random: Random;
  plan: StreetPlan;
  users: readonly HistoryUser[];
  partners: readonly PartnerRow[];
  now: Date;
}): VolunteerPeople {
  const { random, plan, now } = input;
  const today = now.toISOString().slice(0, 10);
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const taken = new Set(input.users.flatMap((u) => (u.residentId ? [u.residentId] : [])));
  const people: VolunteerPeople = {
    users: [],
    pool: [],
    volunteers: [],
    teams: [],
    deciders: new Map(),
    demoResident: undefined,
  };
  const streetId = plan.street.id;
  const residentsByCommunity = new Map<string, PlanResident[]>();
  for (const resident of plan.residents) {
    const household = nodes.get(resident.household_id) as PlanNode;
    const communityId = household.path.split('/').filter(Boolean)[2] as string;
    const list = residentsByCommunity.get(communityId) ?? [];
    list.push(resident);
    residentsByCommunity.set(communityId, list);
  }
  const admin = input.users.find((u) => u.role === 'admin')?.id as string;

  for (const community of plan.communities) {
    const code = community.code.toLowerCase();
    const decider =
      input.users.find((u) => u.nodeId === community.id && (u.role === 'community_staff' || u.role === 'community_secretary'))
        ?.id ?? admin;
    people.deciders.set(community.id, decider);
    const households = plan.nodes.filter((n) => n.level === 'household' && n.path.startsWith(community.path)).length;
    const poolSize = clamp(households / 20, 8, 100);
    const candidates = (residentsByCommunity.get(community.id) ?? []).filter(
      (r) => !taken.has(r.id) && r.phone && ageOn(r.birth_date, today) >= 18,
    );
    // Older residents take part most: two of three from the over-55s where there are enough.
    const older = candidates.filter((r) => ageOn(r.birth_date, today) >= 55);
    const younger = candidates.filter((r) => ageOn(r.birth_date, today) < 55);
    const chosen: PlanResident[] = [];
    while (chosen.length < poolSize && (older.length || younger.length)) {
      const from = (random.chance(0.66) && older.length) || !younger.length ? older : younger;
      chosen.push(from.splice(random.int(0, from.length - 1), 1)[0] as PlanResident);
    }
    for (const [n, resident] of chosen.entries()) {
      taken.add(resident.id);
      const household = nodes.get(resident.household_id) as PlanNode;
      const ids = household.path.split('/').filter(Boolean);
      const user: VolunteerUser = {
        id: randomUUID(),
        username: `rs_${code}_${String(n + 1).padStart(3, '0')}`,
        displayName: resident.name,
        role: 'resident',
        nodeId: household.id,
        residentId: resident.id,
        phone: resident.phone,
        where: household.name,
      };
      people.users.push(user);
      people.pool.push({
        userId: user.id,
        residentId: resident.id,
        name: resident.name,
        communityId: community.id,
        gridId: ids[3] as string,
        householdId: household.id,
        homePath: household.path,
        age: ageOn(resident.birth_date, today),
        phone: resident.phone,
      });
    }

    const demo = input.users.find((u) => u.username === 'resident');
    const demoHome = plan.residents.find((r) => r.id === demo?.residentId);
    const demoHousehold = demoHome && (nodes.get(demoHome.household_id) as PlanNode);
    if (demo && demoHome && demoHousehold?.path.startsWith(community.path)) {
      people.demoResident = {
        userId: demo.id,
        residentId: demoHome.id,
        name: demoHome.name,
        communityId: community.id,
        gridId: demoHousehold.path.split('/').filter(Boolean)[3] as string,
        householdId: demoHousehold.id,
        homePath: demoHousehold.path,
        age: ageOn(demoHome.birth_date, today),
        phone: demoHome.phone,
      };
      people.pool.push(people.demoResident);
    }

    // Registered volunteers: the first of the pool aged up to 72, most approved into teams (never the demo resident, who may still register).
    const members = people.pool.filter((p) => p.communityId === community.id);
    const registered = members.filter((p) => p.age <= 72 && p !== people.demoResident).slice(0, clamp(households / 50, 5, 40));
    const teams: VolunteerTeamRow[] = TEAM_NAMES.map((name) => ({
      id: randomUUID(),
      street_id: streetId,
      community_id: community.id,
      name,
      leader_volunteer_id: null,
      created_at: new Date(now.getTime() - 200 * DAY_MS),
      retired_at: null,
    }));
    people.teams.push(...teams);
    for (const [i, member] of registered.entries()) {
      const appliedAt = new Date(now.getTime() - random.between(i < 3 ? 2 : 20, 190) * DAY_MS);
      const status: VolunteerRow['status'] = i === 0 ? 'applied' : i === 1 && registered.length > 4 ? 'declined' : 'approved';
      const team = status === 'approved' ? (teams[i % teams.length] as VolunteerTeamRow) : null;
      const row: VolunteerRow = {
        id: randomUUID(),
        street_id: streetId,
        user_id: member.userId,
        community_id: community.id,
        grid_id: random.chance(0.6) ? member.gridId : null,
        skills: VOLUNTEER_SKILLS.filter(() => random.chance(0.14)),
        availability: VOLUNTEER_AVAILABILITY.filter(() => random.chance(0.45)),
        note: random.pick(NOTES),
        status,
        team_id: team?.id ?? null,
        patrol_partner_id: null,
        decided_by: status === 'applied' ? null : decider,
        decided_at: status === 'applied' ? null : new Date(appliedAt.getTime() + random.between(0.3, 3) * DAY_MS),
        decline_reason: status === 'declined' ? random.pick(DECLINE_REASONS) : null,
        applied_at: appliedAt,
      };
      if (row.availability.length === 0) row.availability = ['weekend'];
      if (team && !team.leader_volunteer_id) team.leader_volunteer_id = row.id;
      people.volunteers.push(row);
    }
  }

  // Every approved Ping An Partner is a volunteer of their community, linked to the partnership.
  for (const partner of input.partners.filter((p) => p.status === 'approved')) {
    people.volunteers.push({
      id: randomUUID(),
      street_id: partner.street_id,
      user_id: partner.user_id,
      community_id: partner.community_id,
      grid_id: null,
      skills: [],
      availability: [],
      note: null,
      status: 'approved',
      team_id: null,
      patrol_partner_id: partner.id,
      decided_by: partner.decided_by,
      decided_at: partner.decided_at,
      decline_reason: null,
      applied_at: partner.decided_at ?? partner.applied_at,
    });
  }
  return people;
}
