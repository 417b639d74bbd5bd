/**
 * The "Ping An Partner" volunteers of a community: neighbours recruited from its grown-up
 * residents, most approved and formed into teams with a leader, a few applications still waiting
 * or declined. Pure: ids are random, everything else comes from the seed.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { AVAILABILITY, SKILLS } from '../modules/patrols/patrols.schemas.ts';
import type { PatrolPartnersTable, PatrolTeamsTable } from '../modules/patrols/patrols.tables.ts';
import { DAY_MS } from './case-time.ts';
import type { Random } from './random.ts';
import type { HistoryUser } from './street-index.ts';
import type { PlanNode, PlanResident, StreetPlan } from './street-plan.ts';

export interface PatrolUser extends HistoryUser {
  phone: string | null;
  where: string;
}

export type PartnerRow = Selectable<PatrolPartnersTable>;

/** A team as the demo writes it: led from the start, none retired yet. */
export type TeamRow = Omit<Selectable<PatrolTeamsTable>, 'retired_at'> & { leader_user_id: string };

export interface FormedTeam {
  row: TeamRow;
  members: string[];
}

/** A partner team is a handful of neighbours: big enough to cover a sick day, small enough to know each other. */
const TEAM_SIZE: [number, number] = [6, 9];
const TEAM_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const DECLINE_REASONS = [
  '申请人常住外地，无法参加日常巡查',
  '本小区巡查队员已满，已推荐参加社区其他志愿服务',
  '申请人年龄较大，建议参加白天的邻里守望活动',
];
const APPLICATION_NOTES = ['退休在家，时间比较多', '想为小区安全出份力', '做过多年电工，懂一些消防知识', null, null];

export interface RecruitInput {
  random: Random;
  plan: StreetPlan;
  nodes: ReadonlyMap<string, PlanNode>;
  community: PlanNode;
  /** The community's compounds: a partner without a home there is counted in the first. */
  estates: readonly StreetPlan['estates'][number][];
  /** The demo `partner` account, who joins the community it belongs to. */
  demoPartner: HistoryUser | undefined;
  /** Residents who already have an account or a partner row: nobody applies twice. */
  taken: Set<string>;
  /** Who decides the applications. */
  decider: string;
  /** Approved partners in the community. */
  partners: number;
  days: number;
  /** When the patrols began. */
  start: Date;
  now: Date;
}

export interface CommunityPartners {
  /** New accounts: partners (patrol_volunteer at the community), then residents who applied (resident at home). */
  users: PatrolUser[];
  /** Waiting and declined applications first, then the approved partners in their teams. */
  partners: PartnerRow[];
  teams: FormedTeam[];
}

export function recruitPartners(input: RecruitInput): CommunityPartners {
  const { random, community, estates, now, start } = input;
  const streetId = input.plan.street.id;
  const homes = candidateHomes(input.plan, input.nodes, community, input.taken, now);
  const code = community.code.toLowerCase();
  const recruited: CommunityPartners = { users: [], partners: [], teams: [] };
  const partnerRow = (userId: string, home: Home | undefined, status: PartnerRow['status'], appliedAt: Date): PartnerRow => ({
    id: randomUUID(),
    street_id: streetId,
    user_id: userId,
    community_id: community.id,
    estate_id: home?.building.estate_id ?? estates[0]?.id ?? null,
    skills: SKILLS.filter(() => random.chance(0.25)),
    availability: pickSome(random, AVAILABILITY),
    note: random.pick(APPLICATION_NOTES),
    status,
    team_id: null,
    decided_by: status === 'applied' ? null : input.decider,
    decided_at: status === 'applied' ? null : new Date(appliedAt.getTime() + random.between(0.5, 4) * DAY_MS),
    decline_reason: status === 'declined' ? random.pick(DECLINE_REASONS) : null,
    applied_at: appliedAt,
  });
  const newUser = (n: number, home: Home | undefined, suffix: string): PatrolUser => {
    const user: PatrolUser = {
      id: randomUUID(),
      username: `pp_${code}_${suffix}${String(n).padStart(2, '0')}`,
      displayName: home?.resident.name ?? `平安伙伴${n}`,
      role: 'patrol_volunteer',
      nodeId: community.id,
      residentId: home?.resident.id,
      phone: home?.resident.phone ?? null,
      where: community.name,
    };
    recruited.users.push(user);
    return user;
  };

  // Approved partners, most of them joined when the patrols began, some since.
  const approved: PartnerRow[] = [];
  const { demoPartner } = input;
  if (demoPartner?.nodeId === community.id)
    approved.push(partnerRow(demoPartner.id, homes.shift(), 'approved', new Date(start.getTime() - 20 * DAY_MS)));
  for (let n = approved.length + 1; approved.length < input.partners; n++) {
    const home = homes.shift();
    const user = newUser(n, home, '');
    const early = random.chance(0.8);
    const appliedAt = early
      ? new Date(start.getTime() - random.between(10, 40) * DAY_MS)
      : new Date(now.getTime() - random.between(20, input.days) * DAY_MS);
    approved.push(partnerRow(user.id, home, 'approved', appliedAt));
  }
  // Residents who applied in the last fortnight, and a couple who were declined: residents, not partners.
  const waiting = [
    ...Array.from({ length: random.int(2, 3) }, () => 'applied' as const),
    ...Array.from({ length: random.int(1, 2) }, () => 'declined' as const),
  ];
  waiting.forEach((status, i) => {
    const home = homes.shift();
    const user = newUser(i + 1, home, status === 'applied' ? 'a' : 'd');
    user.role = 'resident';
    user.nodeId = home?.household.id ?? community.id;
    if (home) user.where = `${home.building.name} ${home.household.name}`;
    const days = status === 'applied' ? random.between(0.5, 14) : random.between(20, 90);
    recruited.partners.push(partnerRow(user.id, home, status, new Date(now.getTime() - days * DAY_MS)));
  });

  recruited.teams = formTeams(random, approved, community, streetId, start);
  recruited.partners.push(...approved);
  return recruited;
}

interface Home {
  resident: PlanResident;
  household: PlanNode;
  building: PlanNode;
}

/** Grown-ups with a phone living in the community, in a seeded order: partners are neighbours. */
function candidateHomes(
  plan: StreetPlan,
  nodes: ReadonlyMap<string, PlanNode>,
  community: PlanNode,
  taken: Set<string>,
  now: Date,
): Home[] {
  const homes: Home[] = [];
  const thisYear = now.getUTCFullYear();
  for (const resident of plan.residents) {
    if (!resident.phone || taken.has(resident.id)) continue;
    const age = thisYear - Number(resident.birth_date.slice(0, 4));
    if (age < 20 || age > 72) continue;
    const household = nodes.get(resident.household_id) as PlanNode;
    const building = nodes.get(nodes.get(household.parent_id as string)?.parent_id as string) as PlanNode;
    if (!building.path.startsWith(community.path)) continue;
    taken.add(resident.id);
    homes.push({ resident, household, building });
  }
  // Every fifth grown-up in turn spreads partners over the community's buildings.
  return [0, 1, 2, 3, 4].flatMap((offset) => homes.filter((_, i) => i % 5 === offset));
}

function formTeams(random: Random, partners: PartnerRow[], community: PlanNode, streetId: string, start: Date): FormedTeam[] {
  const teams: FormedTeam[] = [];
  let i = 0;
  while (i < partners.length) {
    const left = partners.length - i;
    // What is left after a team must still make a team: ten split in two fives, not nine and one.
    const size =
      left <= TEAM_SIZE[1]
        ? left
        : left < 2 * TEAM_SIZE[0]
          ? Math.ceil(left / 2)
          : Math.min(random.int(...TEAM_SIZE), left - TEAM_SIZE[0]);
    const members = partners.slice(i, i + Math.max(1, size));
    i += members.length;
    const id = randomUUID();
    for (const m of members) m.team_id = id;
    // The first partner of a team leads it: the demo partner leads the first team of the demo community.
    const leader = (members[0] as PartnerRow).user_id;
    teams.push({
      row: {
        id,
        street_id: streetId,
        community_id: community.id,
        name: `平安伙伴${TEAM_NUMERALS[teams.length] ?? teams.length + 1}队`,
        leader_user_id: leader,
        created_at: start,
      },
      members: members.map((m) => m.user_id),
    });
  }
  return teams;
}

function pickSome<T>(random: Random, items: readonly T[]): T[] {
  const some = items.filter(() => random.chance(0.45));
  return some.length ? some : [random.pick(items)];
}
