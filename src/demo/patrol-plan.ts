/**
 * Who patrols the demo street and what they walk: the "Ping An Partner" volunteers of each
 * community in teams (patrol-partners.ts), and the plans they follow (a daily round of each
 * compound, a weekly round of the office buildings, a nightly joint inspection with the police
 * station, urban management, fire safety and the property companies) with their points and
 * checklists. Pure: ids are random, everything else comes from the seed. Seeds 000 and 002.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Frequency } from '../modules/patrols/patrol-schedule.ts';
import type { PatrolPlansTable, PatrolPointsTable } from '../modules/patrols/patrols.tables.ts';
import { DAY_MS } from './case-time.ts';
import { type FormedTeam, type PartnerRow, type PatrolUser, recruitPartners, type TeamRow } from './patrol-partners.ts';
import { Random } from './random.ts';
import type { HistoryUser } from './street-index.ts';
import type { DemoScale, PlanNode, StreetPlan } from './street-plan.ts';

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

export type PointRow = Selectable<PatrolPointsTable>;

/** A plan as the demo writes it: each walked by a team, none retired yet. */
export type PatrolPlanRow = Omit<Selectable<PatrolPlansTable>, 'retired_at'> & { team_id: string };

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

/** A compound round checks in at three of its buildings, spread over it: the rest are seen on the way. */
const COMPOUND_POINTS = 3;
/** The nightly joint inspection stops at one building of each compound and the shops around it. */
const JOINT_POINTS_PER_ESTATE = 1;
const OFFICE_NAMES = ['滨江商务大厦', '枫桥科创中心'];

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
    const decider = staffOf(community);
    const recruited = recruitPartners({
      random,
      plan,
      nodes,
      community,
      estates,
      demoPartner,
      taken: takenResidents,
      decider,
      partners: input.scale.partners,
      days: input.scale.days,
      start,
      now,
    });
    const { teams } = recruited;
    people.users.push(...recruited.users);
    people.teams.push(...teams.map((t) => t.row));
    people.partners.push(...recruited.partners);

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
