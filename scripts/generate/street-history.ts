/**
 * Years of cases in one street of the city, played as the demo street's history plays them: the
 * same report rhythm (case-time.ts), fates (case-fates.ts), intake rows (case-intake.ts), scripts
 * and simulation through the real state machine and deadline rules. What differs is scale: cases
 * are handed over oldest first as soon as no later case can be merged into them, so a street of a
 * hundred thousand cases never sits in memory at once.
 */
import { randomUUID } from 'node:crypto';
import { deadlineCounter } from '../../src/demo/case-effects.ts';
import {
  chooseEnding,
  chooseFate,
  PATROL_CATEGORIES,
  priorityOf,
  REPORTED_CATEGORIES,
  reporterKindOf,
  SOURCES,
} from '../../src/demo/case-fates.ts';
import type { CaseHistoryInput } from '../../src/demo/case-history.ts';
import { type IntakeContext, type IntakeSpec, intakeRow } from '../../src/demo/case-intake.ts';
import { CaseScript } from '../../src/demo/case-script.ts';
import { CaseSimulation } from '../../src/demo/case-simulator.ts';
import { type Clock, DAY_MS, HOUR_MS, reportTimes, type ZoneDays, zoneDays } from '../../src/demo/case-time.ts';
import { Random, WeightedTable } from '../../src/demo/random.ts';
import { type HistoryCategory, StreetIndex } from '../../src/demo/street-index.ts';
import type { PlanNode } from '../../src/demo/street-plan.ts';
import { ACTIVE_STATES } from '../../src/modules/cases/lifecycle.ts';

/** As the demo history: a duplicate repeats a case of the last five days, merged within six hours. */
const DUPLICATE_LOOKBACK_MS = 5 * DAY_MS;
const MERGED_WITHIN_MS = 6 * HOUR_MS;
/** Some grids see far more than others (an old estate, a market street): this many times their share by buildings. */
const BUSYNESS: readonly (readonly [number, number])[] = [
  [0.5, 30],
  [1, 45],
  [2, 20],
  [4, 5],
];

const PATROL_TABLE = new WeightedTable(PATROL_CATEGORIES);
const REPORTED_TABLE = new WeightedTable(REPORTED_CATEGORIES);

/** A street's history as the demo's, over a span of days and without patrol findings. */
export interface StreetHistoryInput extends Omit<CaseHistoryInput, 'hazards'> {
  /** Over how many days before now the cases came in. */
  days: number;
}

export class StreetHistory {
  readonly index: StreetIndex;
  /** The last case number given in each year. */
  readonly counters = new Map<number, number>();
  private readonly ctx: IntakeContext;
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly grids: WeightedTable<PlanNode>;
  /** The street's local days: the year of a case number is its local date's (as localDate gives it). */
  private readonly days: ZoneDays;

  constructor(private readonly input: StreetHistoryInput) {
    this.index = new StreetIndex(input.plan, input.users, input.categories);
    this.clock = { table: input.table, timeZone: input.timeZone };
    this.ctx = {
      ...this.clock,
      index: this.index,
      policies: input.policies,
      responsePolicies: input.responsePolicies,
      parentCategoryOf: new Map(input.categories.map((c) => [c.id, c.parentId])),
      deadline: deadlineCounter(input.table, input.timeZone),
      trackingSecret: input.trackingSecret,
      newId: randomUUID,
    };
    this.random = new Random(input.seed);
    this.grids = new WeightedTable(
      this.index.gridWeights.map(([grid, weight]) => [grid, weight * this.random.weighted(BUSYNESS)]),
    );
    this.days = zoneDays(input.timeZone);
  }

  /** Every case, oldest first, each once it is final: no later duplicate can be merged into it any more. */
  *cases(): Generator<CaseSimulation> {
    const { input } = this;
    const times = reportTimes(this.clock, new Random(input.seed + 1), input.count, input.now, input.days);
    const recent: CaseSimulation[] = [];
    for (const created of times) {
      while (
        recent.length > 0 &&
        (recent[0] as CaseSimulation).row.created_at.getTime() < created.getTime() - DUPLICATE_LOOKBACK_MS
      ) {
        yield recent.shift() as CaseSimulation;
      }
      recent.push(this.play(created, recent));
    }
    yield* recent;
  }

  private number(created: Date): string {
    const year = Number(this.days.dayOf(created.getTime()).date.slice(0, 4));
    const last = (this.counters.get(year) ?? 0) + 1;
    this.counters.set(year, last);
    return `${year}-${String(last).padStart(6, '0')}`;
  }

  /** One case from its fate, as the demo history plays a background case. */
  private play(created: Date, recent: readonly CaseSimulation[]): CaseSimulation {
    const { random, index } = this;
    const source = random.weighted(SOURCES);
    let grid = this.grids.pick(random);
    let category = index.category((source === 'patrol' ? PATROL_TABLE : REPORTED_TABLE).pick(random));
    const ending = chooseEnding(random);
    const target = ending === 'duplicate' ? this.duplicateTarget(created, recent) : undefined;
    if (target) {
      grid = index.grid(target.row.grid_id);
      category = index.categoryById.get(target.row.category_id) as HistoryCategory;
    }
    const building = random.pick(index.buildingsOf.get(grid.id) as PlanNode[]);
    const reporter = reporterKindOf(random, source, index.isPartnersCommunity(grid));
    const spec = { created, number: this.number(created), grid, building, category, source, reporter };
    const { sim, script } = this.open(spec);
    if (target) script.merge(target, new Date(created.getTime() + MERGED_WITHIN_MS));
    else if (ending === 'rejected') script.reject();
    else {
      script.play(
        chooseFate(random, {
          code: category.code,
          parentCode: index.categoryById.get(category.parentId ?? '')?.code ?? category.code,
          source,
          contactable: reporter !== 'anonymous' && reporter !== 'staff',
          hasDepartment: index.department(category) !== null,
          hasProperty: index.property(building) !== null,
          takenByCommunity: reporter === 'recorded_by_community',
        }),
      );
    }
    sim.finish(this.input.now);
    return sim;
  }

  private open(spec: Omit<IntakeSpec, 'priority'>) {
    const { random, index } = this;
    const { row, text } = intakeRow(this.ctx, random, { ...spec, priority: priorityOf(random, spec.category.code) });
    const sim = new CaseSimulation(this.ctx, row);
    const script = new CaseScript(sim, random, {
      clock: this.clock,
      people: index.peopleOf(spec.grid),
      text,
      now: this.input.now,
      department: index.department(spec.category),
      property: index.property(spec.building),
      rater: spec.reporter === 'account' || spec.reporter === 'partner' ? row.reporter_user_id : null,
    });
    return { sim, script };
  }

  /** An earlier case of the last days still open when this one is merged. */
  private duplicateTarget(created: Date, recent: readonly CaseSimulation[]) {
    const mergedBy = new Date(created.getTime() + MERGED_WITHIN_MS);
    const open = recent.filter((sim) => ACTIVE_STATES.includes(sim.stateAt(mergedBy)));
    return open.length ? this.random.pick(open) : undefined;
  }
}
