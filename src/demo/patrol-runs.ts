/**
 * The runs the demo street's partners walked: each plan on each of its run days, mostly, with a
 * check-in at each point (a phone's position a few metres off, now and then far away or missing)
 * and now and then a hazard found. The hazards become cases in the case history (hazard-story.ts).
 * Pure: ids are random, everything else comes from the seed.
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../modules/calendar/working-days.ts';
import { distanceMetres, type HazardLevel } from '../modules/patrols/hazard-rules.ts';
import { expectedRunDates, runDateOf, shiftDate } from '../modules/patrols/patrol-schedule.ts';
import { type Clock, HOUR_MS, localInstant, MINUTE_MS } from './case-time.ts';
import type { PatrolPeople, PlanKind, PlannedPatrol } from './patrol-plan.ts';
import { Random } from './random.ts';
import type { PlanNode } from './street-plan.ts';

export interface RunRow {
  id: string;
  client_id: string;
  street_id: string;
  plan_id: string;
  team_id: string;
  run_date: string;
  started_by: string;
  started_at: Date;
  finished_at: Date | null;
  note: string | null;
  synced_at: Date;
}

export interface CheckinRow {
  id: string;
  client_id: string;
  run_id: string;
  point_id: string;
  at: Date;
  lon: number | null;
  lat: number | null;
  accuracy_m: number | null;
  distance_m: number | null;
  checklist: Record<string, 'ok' | 'problem' | 'na'>;
  note: string | null;
}

/** A hazard a partner recorded on a run: the case history turns it into a case. */
export interface HazardFinding {
  id: string;
  clientId: string;
  runId: string;
  pointId: string;
  planKind: PlanKind;
  created: Date;
  building: PlanNode;
  categoryCode: string;
  level: HazardLevel;
  reporterUserId: string;
  /** The partners and staff of the run's team who may re-inspect it. */
  team: readonly string[];
  seed: number;
}

export interface PatrolRuns {
  runs: RunRow[];
  checkins: CheckinRow[];
  findings: HazardFinding[];
}

type Weights<T> = readonly (readonly [T, number])[];

/** Partners turn out most days; rain, a holiday or a busy week keeps a team at home now and then. */
const MISSED_SHARE: Record<PlanKind, number> = { compound: 0.07, office: 0.05, joint: 0.04 };
/**
 * Findings per run: a daily round of a compound finds little that yesterday's did not; the joint
 * night inspection, with the fire and police officers along, finds the most (seed 002: 1,093 found).
 */
const FINDING_CHANCE: Record<PlanKind, number> = { compound: 0.04, office: 0.3, joint: 0.42 };
/** Once one thing is found, another is often nearby. */
const ANOTHER_FINDING = 0.25;
/** What patrols find: e-bikes charged from flying lines above all (seeds 000 and 002). */
const CATEGORIES: Record<PlanKind, Weights<string>> = {
  compound: [
    ['FIRE_EBIKE_CHARGING', 38],
    ['FIRE_EXIT_BLOCKED', 16],
    ['FIRE_EBIKE_INDOOR', 16],
    ['FIRE_EQUIPMENT', 10],
    ['BUILD_OCCUPY', 10],
    ['ORDER_SAFETY', 6],
    ['FIRE_GAS', 4],
  ],
  office: [
    ['FIRE_EQUIPMENT', 30],
    ['FIRE_EXIT_BLOCKED', 30],
    ['FIRE_EBIKE_CHARGING', 25],
    ['ORDER_SAFETY', 10],
    ['FIRE_GAS', 5],
  ],
  joint: [
    ['FIRE_EBIKE_CHARGING', 36],
    ['FIRE_EXIT_BLOCKED', 18],
    ['FIRE_EBIKE_INDOOR', 12],
    ['FIRE_EQUIPMENT', 10],
    ['FIRE_GAS', 10],
    ['ORDER_SAFETY', 10],
    ['BUILD_OCCUPY', 4],
  ],
};
/** A gas leak or a welded fire door is major; most of the rest is general. */
const MAJOR_SHARE: Record<string, number> = {
  FIRE_GAS: 0.5,
  FIRE_EXIT_BLOCKED: 0.12,
  ORDER_SAFETY: 0.1,
  FIRE_EBIKE_CHARGING: 0.08,
  FIRE_EQUIPMENT: 0.06,
  FIRE_EBIKE_INDOOR: 0.03,
};
/** The checklist item a finding of a category marks as a problem. */
const CHECK_OF: Record<string, string> = {
  FIRE_EBIKE_CHARGING: 'ebike_charging',
  FIRE_EBIKE_INDOOR: 'ebike_indoor',
  FIRE_EXIT_BLOCKED: 'fire_exits',
  FIRE_EQUIPMENT: 'extinguishers',
  FIRE_GAS: 'gas_safety',
  ORDER_SAFETY: 'security',
  BUILD_OCCUPY: 'corridors',
};
/** Local start hours: compound rounds in the morning or late afternoon, the office round mid-morning, the joint one at night. */
const START_HOURS: Record<PlanKind, Weights<[number, number]>> = {
  compound: [
    [[8.5, 10.5], 60],
    [[15, 17.5], 40],
  ],
  office: [[[9.5, 11], 1]],
  joint: [
    [[19.5, 23.5], 90],
    [[24, 25], 10],
  ],
};
const RUN_NOTES = ['巡查正常', '已提醒住户规范停放电动车', '雨天，重点检查了地下车库', '与物业保安一同巡查', '新队员跟队学习'];
const CHECKIN_NOTES = ['已提醒住户', '物业保安在场', '楼道灯不亮，已告知物业'];
/** The leader starts a good share of the team's runs. */
const LEADER_STARTS = 0.35;
/** Metres from the point: most phones land close, some drift, a few check in from somewhere else. */
const FAR_SHARE = 0.03;
const NO_POSITION_SHARE = 0.02;
const METRES_PER_DEGREE = 111_320;

export function planPatrolRuns(
  people: PatrolPeople,
  input: { clock: Clock; now: Date; days: number; seed: number; notToday: ReadonlySet<string> },
): PatrolRuns {
  const random = new Random(input.seed);
  const today = localDate(input.now, input.clock.timeZone);
  const from = shiftDate(today, -input.days);
  const out: PatrolRuns = { runs: [], checkins: [], findings: [] };
  for (const plan of people.plans) {
    const schedule = {
      frequency: plan.row.frequency,
      weekdays: plan.row.weekdays,
      startsOn: plan.row.starts_on,
      endsOn: plan.row.ends_on,
    };
    for (const date of expectedRunDates(schedule, from, today)) {
      if (random.chance(MISSED_SHARE[plan.kind])) continue;
      if (date === today && input.notToday.has(plan.row.id)) continue;
      walk(random, plan, date, input, out);
    }
  }
  return out;
}

function walk(random: Random, plan: PlannedPatrol, date: string, input: { clock: Clock; now: Date }, out: PatrolRuns) {
  const { timeZone } = input.clock;
  const [from, to] = random.weighted(START_HOURS[plan.kind]);
  const hour = random.between(from, to);
  // From the day's local midnight: thousands of runs at odd minutes would each cost a zone lookup.
  const started = new Date(localInstant(date, 0, timeZone).getTime() + hour * HOUR_MS);
  const startedBy = random.chance(LEADER_STARTS) ? plan.leader : random.pick(plan.members);
  const run: RunRow = {
    id: randomUUID(),
    client_id: randomUUID(),
    street_id: plan.row.street_id,
    plan_id: plan.row.id,
    team_id: plan.row.team_id,
    run_date: runDateOf(plan.row.frequency, hour >= 24 ? shiftDate(date, 1) : date, hour % 24),
    started_by: startedBy,
    started_at: started,
    finished_at: null,
    note: random.chance(0.12) ? random.pick(RUN_NOTES) : null,
    synced_at: started,
  };
  const found = findingsOf(random, plan);
  const checkins: CheckinRow[] = [];
  const findings: HazardFinding[] = [];
  let at = started.getTime() + random.between(1, 4) * MINUTE_MS;
  plan.points.forEach((point, i) => {
    // Now and then a point is left out: a locked gate, a building under repair.
    if (i > 0 && random.chance(0.04) && !found.some((f) => f.point === i)) return;
    const here = found.filter((f) => f.point === i);
    const checklist: CheckinRow['checklist'] = {};
    for (const item of plan.row.checklist) checklist[item.code] = random.chance(0.04) ? 'na' : 'ok';
    for (const f of here) {
      const check = CHECK_OF[f.code];
      if (check && check in checklist) checklist[check] = 'problem';
    }
    checkins.push({
      id: randomUUID(),
      client_id: randomUUID(),
      run_id: run.id,
      point_id: point.id,
      at: new Date(at),
      ...position(random, point),
      checklist,
      note: random.chance(0.05) ? random.pick(CHECKIN_NOTES) : null,
    });
    here.forEach((f, j) => {
      findings.push({
        id: randomUUID(),
        clientId: randomUUID(),
        runId: run.id,
        pointId: point.id,
        planKind: plan.kind,
        created: new Date(at + (j + 1) * random.between(2, 5) * MINUTE_MS),
        building: plan.buildings.get(point.id) as PlanNode,
        categoryCode: f.code,
        level: random.chance(MAJOR_SHARE[f.code] ?? 0) ? 'major' : 'general',
        reporterUserId: startedBy,
        team: plan.members,
        seed: random.int(0, 2 ** 31),
      });
    });
    at += (random.between(3, 9) + here.length * 6) * MINUTE_MS;
  });
  const finished = new Date(at + random.between(1, 5) * MINUTE_MS);
  // A run reaches the server when the phone syncs it: not yet, if it is still under way.
  if (finished > input.now) return;
  run.finished_at = finished;
  const offline = random.chance(0.06);
  const synced = finished.getTime() + (offline ? random.between(1, 20) * 60 : random.between(0.1, 3)) * MINUTE_MS;
  run.synced_at = new Date(Math.min(synced, input.now.getTime()));
  out.runs.push(run);
  out.checkins.push(...checkins);
  out.findings.push(...findings.filter((f) => f.created <= input.now));
}

function findingsOf(random: Random, plan: PlannedPatrol): { point: number; code: string }[] {
  const found: { point: number; code: string }[] = [];
  if (!random.chance(FINDING_CHANCE[plan.kind])) return found;
  do found.push({ point: random.int(0, plan.points.length - 1), code: random.weighted(CATEGORIES[plan.kind]) });
  while (random.chance(ANOTHER_FINDING) && found.length < 4);
  return found;
}

/** Where the phone said it was: a few metres off mostly, sometimes tens, a few far away or not known. */
function position(random: Random, point: { lon: number; lat: number }) {
  if (random.chance(NO_POSITION_SHARE)) return { lon: null, lat: null, accuracy_m: null, distance_m: null };
  const far = random.chance(FAR_SHARE);
  const metres = far ? random.between(250, 900) : random.next() ** 2 * random.pick([25, 25, 25, 120]) + 1;
  const bearing = random.between(0, 2 * Math.PI);
  const lat = Number((point.lat + (metres * Math.cos(bearing)) / METRES_PER_DEGREE).toFixed(6));
  const lon = Number(
    (point.lon + (metres * Math.sin(bearing)) / (METRES_PER_DEGREE * Math.cos((point.lat * Math.PI) / 180))).toFixed(6),
  );
  return {
    lon,
    lat,
    accuracy_m: Math.round(random.between(4, 30)),
    distance_m: Math.round(distanceMetres(point, { lon, lat }) * 10) / 10,
  };
}
