/**
 * Who patrols the demo street and what they walk: "Ping An Partner" volunteers of each community
 * in teams with a leader, a few applications still waiting or declined, and the plans they follow
 * (a daily round of each compound, a weekly round of the office buildings, a nightly joint
 * inspection with the police station, urban management, fire safety and the property companies).
 * Pure: ids are random, everything else comes from the seed. Seeds 000 and 002.
 */
import { randomUUID } from 'node:crypto';
import type { Frequency } from '../modules/patrols/patrol-schedule.ts';
import { AVAILABILITY, SKILLS } from '../modules/patrols/patrols.schemas.ts';
import { Random } from './random.ts';
import type { HistoryUser } from './street-index.ts';
import type { DemoScale, PlanNode, PlanResident, StreetPlan } from './street-plan.ts';

export type PatrolScale = NonNullable<DemoScale['patrols']>;

export type ChecklistItem = { code: string; label: string };

export const CHECKLISTS = {
  compound: [
    { code: 'fire_exits', label: '消防通道、楼梯间畅通' },
    { code: 'ebike_charging', label: '无电动车飞线充电' },
    { code: 'ebike_indoor', label: '电动车不进楼入户' },
    { code: 'extinguishers', label: '灭火器在有效期内' },
    { code: 'corridors', label: '楼道无杂物堆放' },
    { code: 'access_control', label: '单元门禁完好' },
  ],
  office: [
    { code: 'fire_exits', label: '安全出口、疏散通道畅通' },
    { code: 'extinguishers', label: '灭火器、消火栓完好有效' },
    { code: 'emergency_lights', label: '应急照明、疏散指示正常' },
    { code: 'ebike_charging', label: '地下车库无电动车违规充电' },
    { code: 'corridors', label: '楼道、消防前室无杂物' },
  ],
  joint: [
    { code: 'fire_exits', label: '消防通道畅通' },
    { code: 'ebike_charging', label: '无电动车飞线充电' },
    { code: 'ebike_indoor', label: '电动车不进楼入户' },
    { code: 'gas_safety', label: '沿街店铺燃气使用安全' },
    { code: 'extinguishers', label: '灭火器在有效期内' },
    { code: 'security', label: '无治安隐患（门禁、监控、照明）' },
  ],
} satisfies Record<string, ChecklistItem[]>;
export type PlanKind = keyof typeof CHECKLISTS;

export interface PatrolUser extends HistoryUser {
  phone: string | null;
  where: string;
}

export interface PartnerRow {
  id: string;
  street_id: string;
  user_id: string;
  community_id: string;
  estate_id: string | null;
  skills: string[];
  availability: string[];
  note: string | null;
  status: 'applied' | 'approved' | 'declined';
  team_id: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  decline_reason: string | null;
  applied_at: Date;
}

export interface TeamRow {
  id: string;
  street_id: string;
  community_id: string;
  name: string;
  leader_user_id: string;
  created_at: Date;
}

export interface PointRow {
  id: string;
  plan_id: string;
  seq: number;
  name: string;
  node_id: string;
  lon: number;
  lat: number;
}

export interface PatrolPlanRow {
  id: string;
  street_id: string;
  community_id: string;
  team_id: string;
  name: string;
  frequency: Frequency;
  weekdays: number[];
  starts_on: string;
  ends_on: null;
  checklist: ChecklistItem[];
  joint: boolean;
  created_by: string;
  created_at: Date;
}

/** A plan with what its runs need to know: its points and the buildings behind them. */
export interface PlannedPatrol {
  row: PatrolPlanRow;
  kind: PlanKind;
  points: PointRow[];
  /** The building each point stands at, by point id. */
  buildings: Map<string, PlanNode>;
  members: string[];
  leader: string;
  organisations: string[];
}

export interface PatrolPeople {
  /** Partner accounts besides the demo `partner` (patrol_volunteer at the community), and residents who applied (resident at home). */
  users: PatrolUser[];
  partners: PartnerRow[];
  teams: TeamRow[];
  plans: PlannedPatrol[];
  /** Two office buildings of the demo community, which the street plan of homes lacks. */
  officeBuildings: PlanNode[];
  /** Days of runs to walk before today. */
  days: number;
}

/** A partner team is a handful of neighbours: big enough to cover a sick day, small enough to know each other. */
const TEAM_SIZE: [number, number] = [6, 9];
/** A compound round checks in at three of its buildings, spread over it: the rest are seen on the way. */
const COMPOUND_POINTS = 3;
/** The nightly joint inspection stops at one building of each compound and the shops around it. */
const JOINT_POINTS_PER_ESTATE = 1;
const TEAM_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const OFFICE_NAMES = ['滨江商务大厦', '枫桥科创中心'];
const DECLINE_REASONS = [
  '申请人常住外地，无法参加日常巡查',
  '本小区巡查队员已满，已推荐参加社区其他志愿服务',
  '申请人年龄较大，建议参加白天的邻里守望活动',
];
const APPLICATION_NOTES = ['退休在家，时间比较多', '想为小区安全出份力', '做过多年电工，懂一些消防知识', null, null];
const DAY_MS = 86_400_000;

interface PeopleInput {
  plan: StreetPlan;
  users: readonly HistoryUser[];
  scale: PatrolScale;
  now: Date;
  seed: number;
}

export function planPatrolPeople(input: PeopleInput): PatrolPeople {
  const { plan, now } = input;
  const random = new Random(input.seed);
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const streetId = plan.street.id;
  const demoPartner = input.users.find((u) => u.username === 'partner');
  const staffOf = (community: PlanNode) =>
    input.users.find((u) => u.nodeId === community.id && (u.role === 'community_staff' || u.role === 'community_secretary'))
      ?.id ?? (input.users.find((u) => u.role === 'admin')?.id as string);
  const organisation = (code: string) => plan.organisations.find((o) => o.code === code)?.id;
  const officeBuildings = planOfficeBuildings(plan, random);
  const takenResidents = new Set(input.users.flatMap((u) => (u.residentId ? [u.residentId] : [])));
  const people: PatrolPeople = { users: [], partners: [], teams: [], plans: [], officeBuildings, days: input.scale.days };
  const start = new Date(now.getTime() - (input.scale.days + 30) * DAY_MS);
  const startsOn = start.toISOString().slice(0, 10);

  for (const community of plan.communities) {
    const estates = plan.estates.filter((e) => e.community_id === community.id);
    if (estates.length === 0) continue;
    const buildingsOf = (estateId: string) => plan.nodes.filter((n) => n.level === 'building' && n.estate_id === estateId);
    const homes = candidateHomes(plan, nodes, community, takenResidents, now);
    const decider = staffOf(community);
    const code = community.code.toLowerCase();
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
      decided_by: status === 'applied' ? null : decider,
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
      people.users.push(user);
      return user;
    };

    // Approved partners, most of them joined when the patrols began, some since.
    const approved: PartnerRow[] = [];
    if (demoPartner?.nodeId === community.id)
      approved.push(partnerRow(demoPartner.id, homes.shift(), 'approved', new Date(start.getTime() - 20 * DAY_MS)));
    for (let n = approved.length + 1; approved.length < input.scale.partners; n++) {
      const home = homes.shift();
      const user = newUser(n, home, '');
      const early = random.chance(0.8);
      const appliedAt = early
        ? new Date(start.getTime() - random.between(10, 40) * DAY_MS)
        : new Date(now.getTime() - random.between(20, input.scale.days) * DAY_MS);
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
      people.partners.push(partnerRow(user.id, home, status, new Date(now.getTime() - days * DAY_MS)));
    });

    const teams = formTeams(random, approved, community, streetId, start);
    people.teams.push(...teams.map((t) => t.row));
    people.partners.push(...approved);

    // A daily round of each compound, the office buildings weekly, and one joint inspection every night.
    const plans: PlannedPatrol[] = [];
    const newPlan = (
      kind: PlanKind,
      name: string,
      frequency: Frequency,
      places: { name: string; building: PlanNode }[],
      extra: Partial<PatrolPlanRow> = {},
    ) => {
      const team = teams[plans.length % teams.length] as FormedTeam;
      const id = randomUUID();
      const points = places.map(
        (place, i): PointRow => ({
          id: randomUUID(),
          plan_id: id,
          seq: i + 1,
          name: place.name.slice(0, 80),
          node_id: place.building.id,
          lon: place.building.lon as number,
          lat: place.building.lat as number,
        }),
      );
      plans.push({
        row: {
          id,
          street_id: streetId,
          community_id: community.id,
          team_id: team.row.id,
          name,
          frequency,
          weekdays: [],
          starts_on: startsOn,
          ends_on: null,
          checklist: CHECKLISTS[kind],
          joint: false,
          created_by: decider,
          created_at: start,
          ...extra,
        },
        kind,
        points,
        buildings: new Map(points.map((p, i) => [p.id, (places[i] as { building: PlanNode }).building])),
        members: team.members,
        leader: team.row.leader_user_id,
        organisations: [],
      });
    };
    for (const estate of estates) {
      const buildings = spread(buildingsOf(estate.id), COMPOUND_POINTS);
      newPlan(
        'compound',
        `${estate.name}日常巡查`,
        'daily',
        buildings.map((b) => ({ name: b.name, building: b })),
      );
    }
    const offices = officeBuildings.filter((b) => nodes.get(b.parent_id as string)?.parent_id === community.id);
    if (offices.length) {
      const places = offices.flatMap((b) => [
        { name: `${b.name}大堂及消防控制室`, building: b },
        { name: `${b.name}地下车库`, building: b },
      ]);
      newPlan('office', '商务楼宇每周安全巡查', 'weekly', places, { weekdays: [3] });
    }
    const jointPlaces = estates.flatMap((e) =>
      spread(buildingsOf(e.id), JOINT_POINTS_PER_ESTATE).map((b) => ({ name: `${b.name}及周边沿街店铺`, building: b })),
    );
    newPlan('joint', `${community.name}夜间联合巡查`, 'nightly', jointPlaces, { joint: true });
    const joint = plans.at(-1) as PlannedPatrol;
    const companies = [...new Set(estates.map((e) => e.property_company_id))];
    joint.organisations = [organisation('POLICE'), organisation('URBAN_MGMT'), organisation('EMERGENCY'), ...companies].filter(
      (id): id is string => Boolean(id),
    );
    people.plans.push(...plans);
  }
  return people;
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

interface FormedTeam {
  row: TeamRow;
  members: string[];
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

/** Office buildings in two grids of the first community: the seeds' community patrols two. */
function planOfficeBuildings(plan: StreetPlan, random: Random): PlanNode[] {
  const community = plan.communities[0];
  if (!community) return [];
  const grids = plan.grids.filter((g) => g.parent_id === community.id);
  return OFFICE_NAMES.map((name, i) => {
    const grid = grids[Math.min(grids.length - 1, 1 + i * 2)] as PlanNode;
    const ring = (grid.boundary?.coordinates[0] ?? []) as number[][];
    const lons = ring.map((p) => p[0] as number);
    const lats = ring.map((p) => p[1] as number);
    const at = (values: number[]) => {
      const [min, max] = [Math.min(...values), Math.max(...values)];
      return Number((min + (max - min) * random.between(0.35, 0.65)).toFixed(6));
    };
    const id = randomUUID();
    return {
      id,
      parent_id: grid.id,
      street_id: plan.street.id,
      level: 'building',
      name,
      code: `OB${i + 1}`,
      path: `${grid.path}${id}/`,
      boundary: null,
      lon: at(lons),
      lat: at(lats),
      estate_id: null,
      floor_area_m2: null,
    } satisfies PlanNode;
  });
}

/** Up to `count` items spread evenly over the list. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)] as T);
}

/** The plans of the demo partner's team: left for today, so that the partner finds a run to walk. */
export function plansOfPartner(people: PatrolPeople, userId: string | undefined): Set<string> {
  return new Set(people.plans.filter((p) => userId && p.members.includes(userId)).map((p) => p.row.id));
}

function pickSome<T>(random: Random, items: readonly T[]): T[] {
  const some = items.filter(() => random.chance(0.45));
  return some.length ? some : [random.pick(items)];
}
