/**
 * The rounds of a hazard case's rectification, as the hazard module records them: a rectification
 * order to the party with a deadline of so many working days by level; the party's reply, on time
 * or late, or none; a re-inspection that confirms the fix and closes the case as rectified, or
 * returns it and issues the next order. A round that reaches past now stops there.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { type HazardLevel, type PartyKind, RECTIFICATION_WORKING_DAYS } from '../modules/patrols/hazard-rules.ts';
import type { HazardOrdersTable, HazardReinspectionsTable } from '../modules/patrols/patrols.tables.ts';
import type { CaseSimulation, Extra } from './case-simulator.ts';
import { type Clock, DAY_MS, HOUR_MS, MINUTE_MS, pickMoment, WAKING_HOURS, type Window } from './case-time.ts';
import { type HazardText, REINSPECTION_NOTES } from './hazard-texts.ts';
import type { Random } from './random.ts';
import type { PlanNode } from './street-plan.ts';

export type HazardOrderRow = Selectable<HazardOrdersTable>;
export type ReinspectionRow = Selectable<HazardReinspectionsTable>;

type Weights<T> = readonly (readonly [T, number])[];
/** Who must put the hazard right: a property company, a shop, an owner or a building's management office. */
export type Party = { kind: PartyKind; organisationId: string | null; name: string; phone: string | null };

/** Where a hazard is and who found it: a partner on a run, or whoever logged a resident's report. */
export interface HazardSpec {
  building: PlanNode;
  categoryCode: string;
  level: HazardLevel;
  finder: string;
  /** Who may go back to re-inspect besides the finder and the grid worker. */
  team: readonly string[];
  /** What the finder wrote, when the case was worded from it. */
  text?: HazardText;
}

/** Some parties never answer: an owner who will not give up the flying line, a shop that shut. */
const NO_REPLY = [0.035, 0.13, 0.25];
const LATE_REPLY = 0.12;
/** Re-inspections confirm most fixes; a round that fails issues the next order. */
const RECTIFIED_AT = [0.86, 0.9, 1];
/** The grid worker issues most orders; community staff the rest. */
const ORDER_BY_GRID_WORKER = 0.75;
/** The partner who found it re-inspects it mostly; a team mate or the grid worker otherwise. */
const REINSPECTED_BY: Weights<'finder' | 'team' | 'grid'> = [
  ['finder', 50],
  ['team', 20],
  ['grid', 30],
];
const CALL_BACK_NOTE = '已告知报告人：已向责任方下达整改通知，整改后将复查';
const MIN_STEP_MS = 5 * MINUTE_MS;
const later = (at: Date, ms: number) => new Date(at.getTime() + ms);

/** Who plays the rounds of a hazard: the party that must fix it and the street's people around it. */
export interface HazardCast {
  spec: HazardSpec;
  text: HazardText;
  party: Party;
  gridWorker: string;
  communityHandlers: readonly string[];
  propertyHandlers: ReadonlyMap<string, string>;
}

/** Plays the rounds of one hazard case on its simulation, collecting the orders and re-inspections. */
export class HazardScript {
  readonly orders: HazardOrderRow[] = [];
  readonly reinspections: ReinspectionRow[] = [];
  private stopped = false;

  constructor(
    private readonly sim: CaseSimulation,
    private readonly random: Random,
    private readonly clock: Clock,
    private readonly now: Date,
    private readonly cast: HazardCast,
  ) {}

  play() {
    this.order(1);
    this.callBack();
    for (let round = 1; round <= RECTIFIED_AT.length; round++) {
      if (this.random.chance(NO_REPLY[round - 1] as number)) return;
      this.reply(!this.random.chance(LATE_REPLY));
      const rectified = this.random.chance(RECTIFIED_AT[round - 1] as number);
      this.reinspect(rectified, round);
      if (rectified || this.stopped) return;
    }
  }

  /** The moment of the next step, or null (and the story stops) when it lies past now. */
  private moment(window: Partial<Window> & { ceiling: Date }): Date | null {
    if (this.stopped) return null;
    const soonest = later(this.sim.last, MIN_STEP_MS);
    const floor = window.floor && window.floor > soonest ? window.floor : soonest;
    const ceiling = window.ceiling > later(floor, 10 * MINUTE_MS) ? window.ceiling : later(floor, 2 * HOUR_MS);
    const at = pickMoment(this.clock, this.random, { hours: WAKING_HOURS, ...window, floor, ceiling });
    if (at > this.now) this.stopped = true;
    return this.stopped ? null : at;
  }

  /**
   * A rectification order, as the hazard module issues it: the case goes to the party (or to the
   * grid worker for a shop or an owner) with a deadline of so many working days by level.
   */
  private order(round: number, issued?: { at: Date; by: string; requirement: string }) {
    const { spec: finding, party, text } = this.cast;
    const major = finding.level === 'major';
    const at = issued?.at ?? this.moment({ ceiling: later(this.sim.last, major ? 3 * HOUR_MS : 20 * HOUR_MS), skew: 1.5 });
    if (!at) return;
    const issuer =
      issued?.by ??
      (this.random.chance(ORDER_BY_GRID_WORKER)
        ? this.cast.gridWorker
        : (this.random.pick(this.cast.communityHandlers) ?? this.cast.gridWorker));
    const requirement = issued?.requirement ?? text.requirement;
    const toOrganisation = party.organisationId !== null;
    this.sim.act('assign', at, issuer, {
      organisationId: party.organisationId,
      userId: toOrganisation ? null : this.cast.gridWorker,
      note: requirement,
      dueInWorkingDays: RECTIFICATION_WORKING_DAYS[finding.level],
      order: { round, level: finding.level, partyKind: party.kind, partyName: party.name },
    });
    this.orders.push({
      id: randomUUID(),
      street_id: this.sim.row.street_id,
      case_id: this.sim.row.id,
      round,
      party_kind: party.kind,
      organisation_id: party.organisationId,
      party_name: party.name,
      party_phone: party.phone,
      level: finding.level,
      requirement,
      due_date: this.sim.row.due_date as string,
      issued_by: issuer,
      issued_at: at,
    });
  }

  /** A resident who reported it with a number is told the order is out, within the response limit. */
  private callBack() {
    const due = this.sim.row.response_due_at;
    if (!due || this.sim.row.first_contact_at) return;
    const at = this.moment({ ceiling: due, skew: 1.5 });
    if (at) this.sim.act('contact', at, this.cast.gridWorker, { channel: 'call', note: CALL_BACK_NOTE });
  }

  /** The party's reply: the property company's handler where it has one, else the grid worker records it. */
  private reply(onTime: boolean) {
    const due = this.sim.row.due_at ?? later(this.sim.last, 2 * DAY_MS);
    const window = onTime
      ? { floor: later(this.sim.last, 2 * HOUR_MS), ceiling: later(due, -HOUR_MS), skew: 1.3 }
      : { floor: later(due, 2 * HOUR_MS), ceiling: later(due, 3 * DAY_MS), skew: 1.5 };
    const at = this.moment(window);
    if (!at) return;
    const { party } = this.cast;
    const actor = (party.organisationId && this.cast.propertyHandlers.get(party.organisationId)) || this.cast.gridWorker;
    this.sim.act('resolve', at, actor, { resolution: this.cast.text.reply });
  }

  /**
   * A partner or the grid worker goes back to look within days, as the hazard module records it:
   * the fix stands and the case closes as rectified, or it is returned and the same order goes out
   * again at once, as the next round.
   */
  private reinspect(rectified: boolean, round: number) {
    if (this.sim.state !== 'resolved') return;
    const at = this.moment({ floor: later(this.sim.last, 2 * HOUR_MS), ceiling: later(this.sim.last, 3 * DAY_MS), skew: 1.5 });
    if (!at) return;
    const { spec } = this.cast;
    const who = this.random.weighted(REINSPECTED_BY);
    const inspector = who === 'finder' ? spec.finder : who === 'team' ? this.random.pick(spec.team) : this.cast.gridWorker;
    const order = this.orders.at(-1) as HazardOrderRow;
    const note = rectified ? this.random.pick(REINSPECTION_NOTES) : this.cast.text.stillThere;
    const result = rectified ? 'rectified' : 'not_rectified';
    this.reinspections.push({
      id: randomUUID(),
      street_id: this.sim.row.street_id,
      case_id: this.sim.row.id,
      order_id: order.id,
      result,
      note,
      inspected_by: inspector,
      inspected_at: at,
    });
    this.sim.remark('case.reinspected', inspector, at, { result, note, photoIds: [], round });
    if (rectified) {
      const extra: Extra = { changes: { rectified_at: at }, event: { reinspection: result } };
      this.sim.act('close', at, inspector, { note }, extra);
      return;
    }
    this.sim.act('return', at, inspector, { reason: note }, { event: { reason: note, reinspection: result } });
    this.order(round + 1, { at, by: inspector, requirement: order.requirement });
  }
}
