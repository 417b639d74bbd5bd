/**
 * Which disputes the demo street's year holds: how many of each type (the seeds: many between
 * neighbours, over property and in families; few over wages but with many people and much money,
 * 22 of them, 120 people and 2.5 million yuan in seed 002), when each came in, where, by which
 * way (from a resident's case, a walk-in, a referral), at which level and up to which, how risky,
 * and how it ends: about nine in ten mediated files reach an agreement. Pure.
 */

import { isWorkingDay } from '../modules/calendar/working-days.ts';
import type {
  DisputeSource,
  DisputeType,
  Level,
  Outcome,
  Referral,
  RiskLevel,
  RiskReason,
} from '../modules/mediation/dispute-rules.ts';
import { addDays } from '../modules/mediation/performance.ts';
import type { PlannedCase } from './case-rows.ts';
import { type Clock, DAY_MS, localDay, localInstant, OFFICE_HOURS, pickMoment } from './case-time.ts';
import {
  ESCALATES,
  LABOUR_PEOPLE,
  LABOUR_YUAN,
  OUTCOMES,
  REFERRERS,
  SEASON,
  SHARES_TOTAL,
  START,
  TYPE_SHARES,
} from './mediation-mix.ts';
import { SCENARIOS, type Scenario } from './mediation-scenarios.ts';
import type { Random } from './random.ts';
import type { PlanNode, StreetPlan } from './street-plan.ts';

/** How the file ends, or `ongoing` when it is still being mediated now. */
export type Fate = Outcome | 'ongoing';

export interface FileSpec {
  scenario: Scenario;
  openedAt: Date;
  /** The levels the file passes through, the first where it is opened. */
  levels: Level[];
  source: DisputeSource;
  case: PlannedCase | null;
  referredBy: string | null;
  grid: PlanNode;
  building: PlanNode;
  /** Opened at the street (the labour room) rather than where it arose. */
  atStreet: boolean;
  people: number;
  claim: number;
  risk: { level: RiskLevel; reasons: RiskReason[] };
  fate: Fate;
  /** Where the parties are sent should mediation fail. */
  referral: Referral;
  /** The agreement is broken on its first instalment and the file reopened. */
  broken: boolean;
  /** The agreement is drawn up again before follow-up starts. */
  redrawn: boolean;
  /** Risk raised to high during mediation. */
  riskRaised: boolean;
  seed: number;
}

export interface FilesInput {
  plan: StreetPlan;
  cases: readonly PlannedCase[];
  clock: Clock;
  now: Date;
  count: number;
  random: Random;
  /** Case category codes by id: a report of a neighbour's leak becomes a neighbour dispute. */
  categoryCodes: ReadonlyMap<string, string>;
}

/** Whole shares of a total by weight (largest remainders), each at least `least`. */
export function quotas<K>(weights: readonly (readonly [K, number])[], count: number, least = 0): Map<K, number> {
  const sum = weights.reduce((total, [, weight]) => total + weight, 0);
  const exact = weights.map(([key, weight]) => [key, (weight * count) / sum] as const);
  const result = new Map(exact.map(([key, x]) => [key, Math.max(least, Math.floor(x))]));
  let left = count - [...result.values()].reduce((a, b) => a + b, 0);
  for (const [key] of [...exact].sort((a, b) => (b[1] % 1) - (a[1] % 1))) {
    if (left <= 0) break;
    result.set(key, (result.get(key) ?? 0) + 1);
    left--;
  }
  return result;
}

export function planFiles(input: FilesInput): FileSpec[] {
  const { plan, random, now, clock } = input;
  const buildings = plan.nodes.filter((n) => n.level === 'building' && n.estate_id);
  const buildingsOf = (grid: PlanNode) => buildings.filter((b) => b.parent_id === grid.id);
  const gridWeights = plan.grids.map((g, i) => [g, buildingsOf(g).length * (i === 0 ? 2 : 1)] as [PlanNode, number]);
  const days = yearOf(clock, now);
  const fromCases = caseSources(input);
  const specs: FileSpec[] = [];
  for (const [type, quota] of quotas(TYPE_SHARES, input.count, 1)) {
    const scenarios = SCENARIOS.filter((s) => s.type === type);
    const cases = fromCases.filter((c) => c.scenario.type === type).slice(0, Math.round(quota * 0.4));
    const labour = type === 'labour_wage' ? split(random, quota, input.count) : undefined;
    // Each type ends as its weights say, file for file, whatever the size of the street.
    const fates = shuffled(
      random,
      [...quotas(OUTCOMES[type], quota)].flatMap(([fate, n]) => Array<Fate>(n).fill(fate)),
    );
    for (let i = 0; i < quota; i++) {
      const fromCase = cases[i];
      const scenario = fromCase?.scenario ?? pickScenario(random, scenarios, labour?.people[i]);
      const grid = fromCase ? (plan.grids.find((g) => g.id === fromCase.row.grid_id) as PlanNode) : random.weighted(gridWeights);
      const levels = levelsOf(random, type, fromCase ? 'grid' : random.weighted(START[type]));
      const people = labour?.people[i] ?? random.int(...scenario.people);
      const claim = labour?.yuan[i] ?? roundYuan(random.int(...scenario.claim));
      const source: DisputeSource = fromCase ? 'case' : random.chance(0.28) ? 'referral' : 'walk_in';
      specs.push({
        scenario,
        openedAt: fromCase ? openedAfter(clock, random, fromCase.row.created_at, now) : openedIn(clock, random, days, type),
        levels,
        source,
        case: fromCase?.row ?? null,
        referredBy: source === 'referral' ? random.pick(REFERRERS[type]) : null,
        grid,
        building: fromCase
          ? (buildings.find((b) => b.id === fromCase.row.building_id) as PlanNode)
          : random.pick(buildingsOf(grid)),
        atStreet: levels[0] === 'street',
        people,
        claim,
        risk: riskOf(random, scenario, people, claim),
        fate: fates[i] as Fate,
        // Wages go to arbitration; others to court, or to legal aid for those who cannot pay for it.
        referral: scenario.referral === 'court' && random.chance(0.15) ? 'legal_aid' : scenario.referral,
        broken: false,
        redrawn: random.chance(0.08),
        riskRaised: false,
        seed: random.int(0, 2 ** 31),
      });
    }
  }
  markSpecialFiles(specs, random, clock, now);
  placeDemoDesks(specs, random, clock, now, plan, buildingsOf);
  return specs.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
}

/**
 * A few files the desk must show whatever the dice say: long-running ones and high-risk ones
 * still open for the leader's early warning, broken agreements reopened, a risk raised.
 */
function markSpecialFiles(specs: FileSpec[], random: Random, clock: Clock, now: Date) {
  const few = (share: number) => Math.max(1, Math.round(specs.length * share));
  const heavy = shuffled(random, specs).filter(
    (s) => ['marriage_family', 'land_relocation', 'compensation', 'labour_wage'].includes(s.scenario.type) && s.source !== 'case',
  );
  for (const spec of heavy.slice(0, few(0.025))) {
    spec.fate = 'ongoing';
    spec.openedAt = within(clock, random, daysBefore(now, 150), daysBefore(now, 35));
  }
  const group = shuffled(random, specs).filter((s) => s.fate !== 'ongoing' && s.source !== 'case' && s.people >= 5);
  for (const spec of group.slice(0, few(0.012))) {
    spec.fate = 'ongoing';
    spec.risk = {
      level: 'high',
      reasons: [...new Set<RiskReason>([...spec.risk.reasons, 'group_dispute', 'extreme_behaviour_threat'])],
    };
    spec.openedAt = within(clock, random, daysBefore(now, 12), daysBefore(now, 2));
  }
  const paying = shuffled(random, specs).filter(
    (s) => s.fate === 'agreement' && s.claim > 0 && s.scenario.instalments[1] > 1 && s.source !== 'case',
  );
  for (const spec of paying.slice(0, few(0.025))) {
    spec.broken = true;
    spec.openedAt = within(clock, random, daysBefore(now, 300), daysBefore(now, 120));
  }
  for (const spec of specs.filter((s) => s.risk.level === 'medium').slice(0, few(0.03))) spec.riskRaised = true;
  // Failures go everywhere the seeds send them: a wage file to arbitration, a family's to legal aid
  // (a street's year has room for both without its success rate falling off; a handful of files has not).
  const referrals = [
    ['labour_wage', 'arbitration'],
    ['marriage_family', 'legal_aid'],
  ] as const;
  for (const [type, referral] of specs.length < 100 ? [] : referrals) {
    // Only a file old enough has had its last session by now.
    const old = (s: FileSpec) => s.scenario.type === type && !s.broken && s.openedAt < daysBefore(now, 60);
    if (specs.some((s) => old(s) && s.fate === 'failed' && s.referral === referral)) continue;
    const spec = shuffled(random, specs).find((s) => old(s) && s.fate === 'agreement');
    if (spec) Object.assign(spec, { fate: 'failed', referral });
  }
}

/**
 * The demo grid worker, the first community's staff and the street's mediator each find a file
 * of theirs being mediated now: a neighbours' quarrel in the first grid, a family's in the first
 * community, and a compound's quarrel with its property company that the community sent up.
 */
function placeDemoDesks(
  specs: FileSpec[],
  random: Random,
  clock: Clock,
  now: Date,
  plan: StreetPlan,
  buildingsOf: (grid: PlanNode) => PlanNode[],
) {
  const grid = plan.grids[0] as PlanNode;
  const plain = shuffled(random, specs).filter((s) => s.source !== 'case' && s.fate === 'agreement' && !s.broken);
  const desks: [DisputeType[], Level[], [number, number]][] = [
    [['neighbour', 'property', 'other'], ['grid'], [9, 3]],
    [['marriage_family', 'neighbour', 'compensation', 'other'], ['community'], [9, 3]],
    // Long enough ago to have been tried at the community and sent up.
    [
      ['property', 'neighbour', 'other'],
      ['community', 'street'],
      [25, 14],
    ],
  ];
  for (const [types, levels, [from, to]] of desks) {
    const spec = types.map((type) => plain.find((s) => s.scenario.type === type && s.fate === 'agreement')).find(Boolean);
    if (!spec) continue;
    Object.assign(spec, {
      grid,
      building: random.pick(buildingsOf(grid)),
      levels,
      atStreet: false,
      fate: 'ongoing',
      openedAt: within(clock, random, daysBefore(now, from), daysBefore(now, to)),
    });
  }
}

function levelsOf(random: Random, type: DisputeType, start: Level): Level[] {
  const [fromGrid, fromCommunity] = ESCALATES[type];
  const levels: Level[] = [start];
  if (start === 'grid' && random.chance(fromGrid)) levels.push('community');
  if (levels.at(-1) === 'community' && random.chance(fromCommunity)) levels.push('street');
  return levels;
}

function riskOf(random: Random, scenario: Scenario, people: number, claim: number): FileSpec['risk'] {
  const reasons = new Set<RiskReason>(scenario.risk.filter((r) => r !== 'group_dispute' || people >= 5));
  if (claim >= 100_000) reasons.add('large_amount');
  if (random.chance(0.04)) reasons.add('extreme_behaviour_threat');
  const high = reasons.has('extreme_behaviour_threat') || reasons.has('repeated_petitions') || people >= 30;
  const level: RiskLevel = high ? 'high' : reasons.size > 0 || random.chance(0.25) ? 'medium' : 'low';
  return { level, reasons: [...reasons] };
}

/** Wage files share seed 002's people and yuan, about in proportion to each other. */
function split(random: Random, quota: number, count: number) {
  const scale = Math.min(1, count / SHARES_TOTAL);
  const people = Math.max(quota, Math.round(LABOUR_PEOPLE * scale));
  const weights = Array.from({ length: quota }, () => random.next() ** 2 + 0.05);
  const total = weights.reduce((a, b) => a + b, 0);
  const heads = weights.map((w) => Math.max(1, Math.floor((w / total) * people)));
  topUp(heads, people);
  const yuanTotal = Math.round((LABOUR_YUAN * scale) / 100) * 100;
  const shares = heads.map((h) => h * random.between(0.8, 1.2));
  const sum = shares.reduce((a, b) => a + b, 0);
  const yuan = shares.map((share) => roundYuan((share / sum) * yuanTotal));
  topUp(yuan, yuanTotal);
  return { people: heads, yuan };
}

/** Puts what rounding left over of the total on the largest share. */
function topUp(shares: number[], total: number) {
  const largest = shares.indexOf(Math.max(...shares));
  shares[largest] = (shares[largest] as number) + total - shares.reduce((a, b) => a + b, 0);
}

/** A wage file's scenario fits its headcount: one injured worker, a small shop's staff, a site's crew. */
function pickScenario(random: Random, scenarios: Scenario[], people: number | undefined): Scenario {
  const fits = people === undefined ? [] : scenarios.filter((s) => people >= s.people[0] && people <= s.people[1]);
  return random.pick(fits.length ? fits : scenarios);
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Residents' cases that a grid worker took to mediation: a named reporter, not merged or rejected. */
function caseSources(input: FilesInput): { row: PlannedCase; scenario: Scenario }[] {
  const codes = new Map<string, Scenario>();
  for (const s of SCENARIOS) for (const code of s.categories ?? []) if (!codes.has(code)) codes.set(code, s);
  return input.cases
    .filter((c) => c.reporter_name && c.kind !== 'hazard' && !c.merged_into && c.state !== 'rejected')
    .flatMap((row) => {
      const scenario = codes.get(input.categoryCodes.get(row.category_id) ?? '');
      return scenario && row.created_at.getTime() < input.now.getTime() - DAY_MS ? [{ row, scenario }] : [];
    })
    .filter(() => input.random.chance(0.6));
}

/** The local dates of the year before today. */
/** The working days of the year up to yesterday: committees take files in on working days. */
function yearOf(clock: Clock, now: Date): string[] {
  const days: string[] = [];
  const today = localDay(now, clock.timeZone);
  for (let day = localDay(new Date(now.getTime() - 364 * DAY_MS), clock.timeZone); day < today; day = addDays(day, 1)) {
    if (isWorkingDay(day, clock.table)) days.push(day);
  }
  return days;
}

function openedIn(clock: Clock, random: Random, days: readonly string[], type: DisputeType): Date {
  const day = random.weighted(days.map((d) => [d, SEASON[type]?.[Number(d.slice(5, 7))] ?? 1] as const));
  const floor = localInstant(day, 0, clock.timeZone);
  return within(clock, random, floor, new Date(floor.getTime() + DAY_MS - 1));
}

/** Office hours inside the window, never after it: a file is opened before now. */
const within = (clock: Clock, random: Random, floor: Date, ceiling: Date) =>
  pickMoment(clock, random, { floor, ceiling, hours: OFFICE_HOURS, strict: true });

/** A grid worker opens the file once the reporter agrees to mediation: within two days of the report. */
function openedAfter(clock: Clock, random: Random, created: Date, now: Date): Date {
  const at = pickMoment(clock, random, {
    floor: new Date(created.getTime() + 2 * 3_600_000),
    ceiling: new Date(created.getTime() + 2 * DAY_MS),
    hours: OFFICE_HOURS,
  });
  return at < now ? at : new Date(created.getTime() + 3_600_000);
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
const roundYuan = (yuan: number) => (yuan >= 1000 ? Math.round(yuan / 100) * 100 : Math.round(yuan / 10) * 10);
