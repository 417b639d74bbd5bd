/**
 * About six months of cases in the demo street, so that inboxes, overdue boards and dashboards
 * look like a real street office's. A pure plan: given the street, its people, its calendar and
 * its deadline rules, a seed and "now", it returns the rows to write; only the ids are random.
 *
 * Each case comes in at a time drawn from the street's rhythm, takes a fate from the weight tables
 * of case-fates.ts, and lives it through case-simulator.ts, which changes the row and writes events
 * as the live code does, deadline jobs included. A story that reaches past now stops there: recent
 * cases are still open. The cases the demo accounts must find (case-showcase.ts) are placed in time
 * so that they stand where the showcase says at now.
 */
import { randomUUID } from 'node:crypto';
import { type DayTable, localDate } from '../modules/calendar/working-days.ts';
import { type DeadlinePolicy, deadlineStatus, type ResponsePolicy } from '../modules/cases/deadlines.ts';
import { ACTIVE_STATES } from '../modules/cases/lifecycle.ts';
import { deadlineCounter } from './case-effects.ts';
import {
  chooseEnding,
  chooseFate,
  PATROL_CATEGORIES,
  priorityOf,
  REPORTED_CATEGORIES,
  reporterKindOf,
  SOURCES,
} from './case-fates.ts';
import { type IntakeContext, type IntakeSpec, intakeRow, type ReporterKind } from './case-intake.ts';
import { plannedNotifications } from './case-notifications.ts';
import type { CaseHistory, PlannedCase } from './case-rows.ts';
import { CaseScript } from './case-script.ts';
import { SHOWCASE, type Showcase } from './case-showcase.ts';
import { CaseSimulation } from './case-simulator.ts';
import { type Clock, DAY_MS, HOUR_MS, pickMoment, reportTimes, WAKING_HOURS } from './case-time.ts';
import type { HazardOrderRow, ReinspectionRow } from './hazard-script.ts';
import { type PlayedHazard, playHazard, rectify } from './hazard-story.ts';
import type { HazardFinding } from './patrol-runs.ts';
import { Random } from './random.ts';
import { type HistoryCategory, type HistoryUser, StreetIndex } from './street-index.ts';
import type { PlanNode, StreetPlan } from './street-plan.ts';

/** About six months: enough for monthly trends and a holiday or two. */
const HISTORY_DAYS = 180;
/** A duplicate repeats a case reported in the last few days and still open. */
const DUPLICATE_LOOKBACK_DAYS = 5;
/** Grid workers see new reports on their phones: a duplicate is merged within hours. */
const MERGED_WITHIN_HOURS = 6;
/** Enough tries to find a moment that puts a showcase case where it must stand. */
const SHOWCASE_ATTEMPTS = 200;

export interface CaseHistoryInput {
  plan: StreetPlan;
  users: readonly HistoryUser[];
  categories: readonly HistoryCategory[];
  policies: readonly DeadlinePolicy[];
  responsePolicies: readonly ResponsePolicy[];
  table: DayTable;
  timeZone: string;
  now: Date;
  seed: number;
  /** How many cases, showcase included. */
  count: number;
  trackingSecret: string;
  /** Hazards found on patrol (patrol-runs.ts), each to become a case of its own. */
  hazards?: readonly HazardFinding[];
}

/** A case to play: a background case by its fate, or a showcase case at its found moment. */
type Story = { created: Date; seed: number; showcase?: Showcase; hazard?: HazardFinding };

const seedOf = (...parts: number[]) => parts.reduce((h, p) => Math.imul(h ^ (p + 0x9e3779b9), 0x85ebca6b) >>> 0, 0x2545f491);

export function planCaseHistory(input: CaseHistoryInput): CaseHistory {
  const index = new StreetIndex(input.plan, input.users, input.categories);
  const clock: Clock = { table: input.table, timeZone: input.timeZone };
  const ctx: IntakeContext = {
    ...clock,
    index,
    policies: input.policies,
    responsePolicies: input.responsePolicies,
    parentCategoryOf: new Map(input.categories.map((c) => [c.id, c.parentId])),
    deadline: deadlineCounter(input.table, input.timeZone),
    trackingSecret: input.trackingSecret,
    newId: randomUUID,
  };
  const player = new StoryPlayer(ctx, clock, input.now, input.hazards !== undefined);
  const showcase = SHOWCASE.slice(0, input.count).map((entry, i) => player.place(entry, seedOf(input.seed, i)));
  const background = reportTimes(clock, new Random(input.seed), input.count - showcase.length, input.now, HISTORY_DAYS);
  const stories: Story[] = [
    ...background.map((created, i) => ({ created, seed: seedOf(input.seed, 1_000_000 + i) })),
    ...showcase,
    ...(input.hazards ?? []).map((hazard) => ({ created: hazard.created, seed: hazard.seed, hazard })),
  ].sort((a, b) => a.created.getTime() - b.created.getTime());

  const counters = new Map<number, number>();
  const sims: CaseSimulation[] = [];
  const hazards: PlayedHazard[] = [];
  for (const story of stories) {
    const year = Number(localDate(story.created, input.timeZone).slice(0, 4));
    const last = (counters.get(year) ?? 0) + 1;
    counters.set(year, last);
    const number = `${year}-${String(last).padStart(6, '0')}`;
    if (story.hazard) {
      const played = playHazard(ctx, clock, input.now, story.hazard, number);
      hazards.push(played);
      sims.push(played.sim);
    } else
      sims.push(story.showcase ? player.playShowcase(story.showcase, story, number) : player.playBackground(story, number, sims));
  }

  const cases = sims.map((sim) => sim.row);
  const events = sims.flatMap((sim) => sim.events).sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    cases,
    events,
    contacts: sims.flatMap((sim) => sim.contacts),
    orgAccess: sims.flatMap((sim) => [...sim.orgAccess].map((organisation_id) => ({ case_id: sim.row.id, organisation_id }))),
    followers: sims.flatMap((sim) => sim.duplicates.map((source_case_id) => ({ case_id: sim.row.id, source_case_id }))),
    notifications: plannedNotifications(index, new Random(input.seed + 1), cases, events, input.now),
    counters: [...counters].map(([year, last]) => ({ street_id: index.streetId, year, last })),
    hazards: {
      findings: hazards.map((h) => h.finding),
      orders: [...player.rectification.orders, ...hazards.flatMap((h) => h.orders)],
      reinspections: [...player.rectification.reinspections, ...hazards.flatMap((h) => h.reinspections)],
    },
  };
}

class StoryPlayer {
  /** Rectification orders and re-inspections of hazards residents and staff reported. */
  readonly rectification: { orders: HazardOrderRow[]; reinspections: ReinspectionRow[] } = { orders: [], reinspections: [] };
  private readonly sources: typeof SOURCES;

  /**
   * With a patrol history, the patrols' findings come from their runs, and every hazard is put
   * right by order and re-inspection as the hazard module does it: the rate counts them all.
   */
  constructor(
    private readonly ctx: IntakeContext,
    private readonly clock: Clock,
    private readonly now: Date,
    private readonly withPatrols: boolean,
  ) {
    this.sources = withPatrols ? SOURCES.filter(([source]) => source !== 'patrol') : SOURCES;
  }

  private get index() {
    return this.ctx.index;
  }

  private open(random: Random, spec: Omit<IntakeSpec, 'priority'>) {
    const { row, text } = intakeRow(this.ctx, random, { ...spec, priority: priorityOf(random, spec.category.code) });
    const sim = new CaseSimulation(this.ctx, row);
    const script = new CaseScript(sim, random, {
      clock: this.clock,
      people: this.index.peopleOf(spec.grid),
      text,
      now: this.now,
      department: this.index.department(spec.category),
      property: this.index.property(spec.building),
      // Reporters with an account rate in the app; the others with their tracking code.
      rater: spec.reporter === 'account' || spec.reporter === 'partner' ? row.reporter_user_id : null,
    });
    return { sim, script };
  }

  playBackground(story: Story, number: string, earlier: readonly CaseSimulation[]): CaseSimulation {
    const random = new Random(story.seed);
    const source = random.weighted(this.sources);
    let grid = random.weighted(this.index.gridWeights);
    let category = this.index.category(random.weighted(source === 'patrol' ? PATROL_CATEGORIES : REPORTED_CATEGORIES));
    const ending = chooseEnding(random);
    const target = ending === 'duplicate' ? this.duplicateTarget(random, story.created, earlier) : undefined;
    if (target) {
      grid = this.index.grid(target.row.grid_id);
      category = this.index.categoryById.get(target.row.category_id) as HistoryCategory;
    }
    const building = random.pick(this.index.buildingsOf.get(grid.id) as PlanNode[]);
    const reporter = reporterKindOf(random, source, this.index.isPartnersCommunity(grid));
    const { sim, script } = this.open(random, { created: story.created, number, grid, building, category, source, reporter });
    if (target) script.merge(target, new Date(story.created.getTime() + MERGED_WITHIN_HOURS * HOUR_MS));
    else if (this.withPatrols && category.kind === 'hazard') {
      const { gridWorker } = this.index.peopleOf(grid);
      const level = sim.row.priority === 'urgent' ? 'major' : 'general';
      const spec = { building, categoryCode: category.code, level, finder: gridWorker, team: [gridWorker] } as const;
      const played = rectify(this.ctx, this.clock, this.now, sim, random, spec);
      this.rectification.orders.push(...played.orders);
      this.rectification.reinspections.push(...played.reinspections);
    } else if (ending === 'rejected') script.reject();
    else {
      script.play(
        chooseFate(random, {
          code: category.code,
          parentCode: this.index.categoryById.get(category.parentId ?? '')?.code ?? category.code,
          source,
          contactable: reporter !== 'anonymous' && reporter !== 'staff',
          hasDepartment: this.index.department(category) !== null,
          hasProperty: this.index.property(building) !== null,
          takenByCommunity: reporter === 'recorded_by_community',
        }),
      );
    }
    sim.finish(this.now);
    return sim;
  }

  /** An earlier case still being worked on when this one is merged: same grid, same problem. */
  private duplicateTarget(random: Random, created: Date, earlier: readonly CaseSimulation[]) {
    const since = created.getTime() - DUPLICATE_LOOKBACK_DAYS * DAY_MS;
    // Final states never reopen: open at the latest merge moment means open at the merge.
    const mergedBy = new Date(created.getTime() + MERGED_WITHIN_HOURS * HOUR_MS);
    const open: CaseSimulation[] = [];
    for (let i = earlier.length - 1; i >= 0; i--) {
      const sim = earlier[i] as CaseSimulation;
      if (sim.row.created_at.getTime() < since) break;
      if (ACTIVE_STATES.includes(sim.stateAt(mergedBy))) open.push(sim);
    }
    return open.length ? random.pick(open) : undefined;
  }

  /**
   * Finds when a showcase case came in: a moment from which its story ends where the showcase
   * says. Around a long holiday nothing may fit its usual age: then further back.
   */
  place(entry: Showcase, seed: number): Story {
    const pick = new Random(seed);
    for (let widening = 1; widening <= 4; widening *= 2) {
      const from = new Date(this.now.getTime() - entry.age[1] * widening * DAY_MS);
      const to = new Date(this.now.getTime() - entry.age[0] * DAY_MS);
      for (let attempt = 0; attempt < SHOWCASE_ATTEMPTS; attempt++) {
        const created = pickMoment(this.clock, pick, { floor: from, ceiling: to, hours: WAKING_HOURS, strict: true });
        const story = { created, seed: seedOf(seed, widening, attempt), showcase: entry };
        const { sim, complete } = this.runShowcase(entry, story, 'placing');
        const stopped = !ACTIVE_STATES.includes(sim.state);
        const status = deadlineStatus({ dueAt: sim.row.due_at, warnAt: sim.row.warn_at, stopped }, this.now);
        if (complete && sim.state === entry.state && (!entry.status || status === entry.status)) return story;
      }
    }
    throw new Error(
      `No moment leaves a ${entry.category} case ${entry.state} ${entry.status ?? ''} at ${this.now.toISOString()}`,
    );
  }

  playShowcase(entry: Showcase, story: Story, number: string): CaseSimulation {
    return this.runShowcase(entry, story, number).sim;
  }

  private runShowcase(entry: Showcase, story: Story, number: string) {
    const random = new Random(story.seed);
    const grid = this.index.showcaseGrid(random, entry.place);
    const home = entry.reporter === 'account' ? this.index.residentHome() : undefined;
    const building = home ?? random.pick(this.index.buildingsOf.get(grid.id) as PlanNode[]);
    const { sim, script } = this.open(random, {
      created: story.created,
      number,
      grid: home ? this.index.demoGrid : grid,
      building,
      category: this.index.category(entry.category),
      source: SHOWCASE_SOURCES[entry.reporter],
      reporter: entry.reporter,
    });
    entry.play(script);
    sim.finish(this.now);
    return { sim, complete: !script.stopped };
  }
}

const SHOWCASE_SOURCES: Record<ReporterKind, PlannedCase['source']> = {
  account: 'resident',
  named: 'resident',
  anonymous: 'resident',
  partner: 'patrol',
  recorded_by_community: 'hotline',
  recorded_by_grid: 'walk_in',
  staff: 'staff',
};
