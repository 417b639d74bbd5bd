/**
 * Care for the demo street's vulnerable residents, as the care module would have written it over
 * six months: files for the people the register marks (elderly living alone from 78, part of the
 * disabled and of those in difficulty, every retired soldier; a few left-behind children and
 * seriously ill), entered from paper records when the system went live; visits by the grid
 * worker at the rules' pace, mostly on time, some late, a few still overdue today; the festival
 * campaigns of the period; the missed-visit alerts the job raised. Seeds 000, 001, 002 and 004.
 * Pure: ids are random, everything else comes from the seed.
 */
import { randomUUID } from 'node:crypto';
import type { DayTable } from '../modules/calendar/working-days.ts';
import { endOfLocalDay, isWorkingDay, localDate } from '../modules/calendar/working-days.ts';
import type { CareGroup, CareNeed, CareRisk, Festival, VisitRule } from '../modules/care/care-rules.ts';
import { addDays, daysBetween, nextDueDate } from '../modules/care/care-rules.ts';
import { CARE_TEXTS } from './care-texts.ts';
import { Random } from './random.ts';
import type { PlanResident, StreetPlan } from './street-plan.ts';

export const CARE_HISTORY_DAYS = 180;
/** Files in the worker's own grid left overdue, so the demo accounts have alerts to see. */
const OVERDUE_IN_FIRST_GRID = 2;

export interface CareUser {
  id: string;
  role: string;
  nodeId?: string | undefined;
}

export interface CareHistoryInput {
  plan: StreetPlan;
  users: readonly CareUser[];
  rules: readonly VisitRule[];
  table: DayTable;
  timeZone: string;
  now: Date;
  seed: number;
}

export interface CampaignPlan {
  id: string;
  node_id: string;
  node_path: string;
  name: string;
  festival: Festival;
  groups: CareGroup[];
  starts_on: string;
  ends_on: string;
  coverage: number;
}

export interface FilePlan {
  id: string;
  number: string;
  resident: PlanResident;
  householdPath: string;
  gridId: string;
  communityId: string;
  groups: CareGroup[];
  risk: CareRisk;
  riskNote: string | null;
  situation: string;
  openedBy: string;
  openedAt: Date;
  startDate: string;
  lastVisitDate: string;
  nextDueDate: string;
  missedAlertedFor: string | null;
}

export interface VisitPlan {
  id: string;
  fileId: string;
  visitedAt: Date;
  visitDate: string;
  dueDate: string;
  onTime: boolean;
  method: 'home' | 'phone' | 'other';
  wellbeing: 'good' | 'fair' | 'poor';
  observations: string;
  needs: CareNeed[];
  campaignId: string | null;
  visitorId: string;
}

export interface MissPlan {
  fileId: string;
  dueDate: string;
  at: Date;
}

export interface CareHistory {
  campaigns: CampaignPlan[];
  files: FilePlan[];
  visits: VisitPlan[];
  misses: MissPlan[];
}

const age = (r: PlanResident, today: string) => Number(today.slice(0, 4)) - Number(r.birth_date.slice(0, 4));

/** Which groups a resident's file is kept for, if any: the register's tags, thinned to a few hundred files. */
function groupsOf(random: Random, r: PlanResident, today: string): CareGroup[] {
  const years = age(r, today);
  const groups: CareGroup[] = [];
  if (r.tags.includes('elderly_alone') && years >= 78) groups.push('elderly_alone');
  if (r.tags.includes('disabled') && random.chance(0.3)) groups.push('disabled');
  if (r.tags.includes('in_difficulty') && random.chance(0.45)) groups.push('in_difficulty');
  if (r.tags.includes('retired_soldier')) groups.push('retired_soldier');
  if (years >= 6 && years <= 14 && random.chance(0.006)) groups.push('left_behind_child');
  if (years >= 45 && random.chance(0.0015)) groups.push('seriously_ill');
  return groups;
}

/** Known festival days the demo's campaigns gather around (the lunar ones written out). */
const MID_AUTUMN = ['2025-10-06', '2026-09-25', '2027-09-15'];
const DOUBLE_NINTH = ['2025-10-29', '2026-10-18', '2027-10-08'];
const SPRING_FESTIVAL = ['2026-02-17', '2027-02-06', '2028-01-26'];

function planCampaigns(plan: StreetPlan, today: string): CampaignPlan[] {
  const start = addDays(today, -CARE_HISTORY_DAYS);
  const within = (from: string, to: string) => to >= start && from <= addDays(today, 75);
  const street = { node_id: plan.street.id, node_path: plan.street.path };
  const campaign = (fields: Omit<CampaignPlan, 'id' | 'node_id' | 'node_path'>, at = street): CampaignPlan => ({
    id: randomUUID(),
    ...at,
    ...fields,
  });
  const out: CampaignPlan[] = [];
  for (const year of [Number(today.slice(0, 4)) - 1, Number(today.slice(0, 4))]) {
    const [from, to] = [`${year}-07-22`, `${year}-08-01`];
    if (within(from, to)) {
      out.push(
        campaign({
          name: `${year}年八一走访慰问退役军人`,
          festival: 'army_day',
          groups: ['retired_soldier'],
          starts_on: from,
          ends_on: to,
          coverage: 0.96,
        }),
      );
    }
  }
  for (const day of MID_AUTUMN.filter((d) => within(addDays(d, -7), d))) {
    out.push(
      campaign({
        name: `${day.slice(0, 4)}年中秋走访慰问`,
        festival: 'mid_autumn',
        groups: ['elderly_alone', 'in_difficulty'],
        starts_on: addDays(day, -7),
        ends_on: day,
        coverage: 0.9,
      }),
    );
  }
  for (const day of DOUBLE_NINTH.filter((d) => within(addDays(d, -5), d))) {
    for (const community of plan.communities) {
      out.push(
        campaign(
          {
            name: `${community.name}重阳节敬老走访`,
            festival: 'double_ninth',
            groups: ['elderly_alone'],
            starts_on: addDays(day, -5),
            ends_on: addDays(day, 2),
            coverage: 0.93,
          },
          { node_id: community.id, node_path: community.path },
        ),
      );
    }
  }
  out.push(
    campaign({
      name: '冬季送温暖走访',
      festival: 'other',
      groups: ['in_difficulty', 'disabled'],
      starts_on: addDays(today, -10),
      ends_on: addDays(today, 20),
      coverage: 0.85,
    }),
  );
  for (const day of SPRING_FESTIVAL.filter((d) => within(addDays(d, -14), d) && addDays(d, -14) > today)) {
    out.push(
      campaign({
        name: `${day.slice(0, 4)}年春节走访慰问`,
        festival: 'spring_festival',
        groups: ['elderly_alone', 'in_difficulty', 'retired_soldier', 'disabled'],
        starts_on: addDays(day, -14),
        ends_on: day,
        coverage: 0,
      }),
    );
  }
  return out;
}

/** The instant of a local date at some hour and minute; each date's midnight worked out once (zone rules cost). */
const midnights = new Map<string, number>();
function localAt(date: string, minutes: number, timeZone: string): Date {
  const key = `${timeZone} ${date}`;
  let midnight = midnights.get(key);
  if (midnight === undefined) {
    midnight = endOfLocalDay(addDays(date, -1), timeZone).getTime();
    midnights.set(key, midnight);
  }
  return new Date(midnight + minutes * 60_000);
}

export function planCareHistory(input: CareHistoryInput): CareHistory {
  const { plan, users, rules, table, timeZone, now } = input;
  const random = new Random(input.seed);
  const today = localDate(now, timeZone);
  const golive = addDays(today, -CARE_HISTORY_DAYS);
  const campaigns = planCampaigns(plan, today);
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const workerOf = new Map(users.filter((u) => u.role === 'grid_worker').map((u) => [u.nodeId, u.id]));
  const staffOf = (communityId: string) =>
    users.filter((u) => (u.role === 'community_secretary' || u.role === 'community_staff') && u.nodeId === communityId);
  const firstGrid = plan.grids[0]?.id;
  const files: FilePlan[] = [];
  const visits: VisitPlan[] = [];
  const misses: MissPlan[] = [];
  let overdueKept = 0;
  let counter = 0;
  for (const resident of plan.residents) {
    const groups = groupsOf(random, resident, today);
    if (groups.length === 0) continue;
    const household = nodes.get(resident.household_id);
    const ids = household?.path.split('/').filter(Boolean) ?? [];
    const grid = ids.map((id) => nodes.get(id)).find((n) => n?.level === 'grid');
    if (!household || !grid?.parent_id) continue;
    const visitor = workerOf.get(grid.id) ?? staffOf(grid.parent_id)[0]?.id;
    if (!visitor) continue;
    const risk = random.weighted<CareRisk>([
      ['low', 58],
      ['medium', 33],
      ['high', 9],
    ]);
    const file = { streetId: plan.street.id, groups, risk };
    const texts = CARE_TEXTS[groups[0] as CareGroup];
    const id = randomUUID();
    // The last visit on paper, before the files were entered when the system went live.
    const paper = addDays(golive, -random.int(0, 6));
    const keepOverdue = grid.id === firstGrid && overdueKept < OVERDUE_IN_FIRST_GRID;
    if (keepOverdue) overdueKept += 1;
    // Visits run up to yesterday, or stop in time to leave the file some days overdue today.
    let lastPossible = addDays(today, -1);
    while (keepOverdue && nextDueDate(lastPossible, file, rules, table) > addDays(today, -3)) {
      lastPossible = addDays(lastPossible, -1);
    }
    const visited = new Set<string>();
    let from = paper;
    let due = nextDueDate(from, file, rules, table);
    for (;;) {
      let date = visitDateFor(random, from, due, table);
      let campaignId: string | null = null;
      const open = campaigns.find(
        (c) =>
          !visited.has(c.id) &&
          c.groups.some((g) => groups.includes(g)) &&
          household.path.startsWith(c.node_path) &&
          c.starts_on <= date &&
          c.ends_on > from,
      );
      if (open && random.chance(open.coverage)) {
        const earliest = open.starts_on > from ? open.starts_on : addDays(from, 1);
        const latest = [open.ends_on, date].sort()[0] as string;
        if (earliest <= latest) {
          date = addDays(earliest, random.int(0, daysBetween(earliest, latest)));
          campaignId = open.id;
          visited.add(open.id);
        }
      }
      if (date > lastPossible) {
        // Still to come, or overdue now: most workers catch up on an overdue visit by yesterday.
        if (due >= today || keepOverdue || random.chance(0.4)) break;
        date = [due, golive].sort()[1] as string;
        if (date > lastPossible) break;
      }
      if (date > due) misses.push({ fileId: id, dueDate: due, at: localAt(addDays(due, 1), random.int(0, 2), timeZone) });
      // The job runs through the night: an alert never lies after the moment of seeding.
      const lastMiss = misses.at(-1);
      if (lastMiss && lastMiss.at > now) lastMiss.at = now;
      visits.push({
        id: randomUUID(),
        fileId: id,
        visitedAt: localAt(date, random.int(8 * 60 + 30, 17 * 60), timeZone),
        visitDate: date,
        dueDate: due,
        onTime: date <= due,
        method: random.weighted([
          ['home', 78],
          ['phone', 19],
          ['other', 3],
        ] as const),
        wellbeing: random.weighted([
          ['good', 58],
          ['fair', 34],
          ['poor', 8],
        ] as const),
        observations: campaignId ? random.pick(CARE_TEXTS.festival) : random.pick(texts.seen),
        needs: random.chance(0.25) ? [random.pick(texts.needs)] : [],
        campaignId,
        visitorId: random.chance(0.9) ? visitor : (random.pick(staffOf(grid.parent_id))?.id ?? visitor),
      });
      from = date;
      due = nextDueDate(from, file, rules, table);
    }
    // Every due date passed without a visit was alerted the night after it.
    if (due < today) misses.push({ fileId: id, dueDate: due, at: localAt(addDays(due, 1), random.int(0, 2), timeZone) });
    const alerted = misses.findLast((m) => m.fileId === id)?.dueDate ?? null;
    counter += 1;
    files.push({
      id,
      number: `GA${golive.slice(0, 4)}-${String(counter).padStart(5, '0')}`,
      resident,
      householdPath: household.path,
      gridId: grid.id,
      communityId: grid.parent_id,
      groups,
      risk,
      riskNote: risk === 'high' ? random.pick(texts.risk) : null,
      situation: random.pick(texts.situation),
      openedBy: visitor,
      openedAt: localAt(golive, random.int(9 * 60, 11 * 60 + 30), timeZone),
      startDate: paper,
      lastVisitDate: from,
      nextDueDate: due,
      missedAlertedFor: alerted,
    });
  }
  return { campaigns, files, visits, misses };
}

/**
 * When the worker goes: mostly on a working day by the due date, some late by a few days, a few
 * by a week or more. Never on the day of the last visit.
 */
function visitDateFor(random: Random, from: string, due: string, table: DayTable): string {
  const span = Math.max(1, daysBetween(from, due));
  const roll = random.next();
  let date =
    roll < 0.85
      ? addDays(due, -random.int(0, Math.min(2, span - 1)))
      : addDays(due, roll < 0.96 ? random.int(1, 4) : random.int(5, 12));
  // Grid workers visit on working days: a weekend visit moves to the Friday before when it can.
  for (let step = 0; step < 3 && !isWorkingDay(date, table) && addDays(date, -1) > from; step++) date = addDays(date, -1);
  return date;
}
