/**
 * Plays a case's story forward: each step picks when it happened (office hours for staff, waking
 * hours for residents, before or after the deadline as the story needs) and who did it (the
 * handler of the tier the case is at), then lets the simulation apply it. A step that would fall
 * after "now" has not happened yet: the story stops there, and the case is still open.
 */
import type { Tier } from '../modules/cases/lifecycle.ts';
import type { Bodies, SimAction } from './case-effects.ts';
import type { Fate } from './case-fates.ts';
import type { CaseSimulation } from './case-simulator.ts';
import {
  type CaseText,
  CONTACT_NOTES,
  DISTRICT_EXPLANATIONS,
  ESCALATION_REASONS,
  RATING_COMMENTS,
  REJECT_REASONS,
  RESUME_NOTES,
  SUSPEND_REASONS,
  URGE_NOTES,
} from './case-texts.ts';
import { type Clock, DAY_MS, HOUR_MS, MINUTE_MS, OFFICE_HOURS, pickMoment, WAKING_HOURS, type Window } from './case-time.ts';
import type { Random } from './random.ts';

/** Who can act on a case: the people of its grid and community, and the street's departments. */
export interface CasePeople {
  gridWorker: string;
  communityHandlers: readonly string[];
  leader: string;
  admin: string;
  departmentHandlers: ReadonlyMap<string, string>;
  propertyHandlers: ReadonlyMap<string, string>;
  organisationNames: ReadonlyMap<string, string>;
}

interface ScriptContext {
  clock: Clock;
  people: CasePeople;
  text: CaseText;
  now: Date;
  /** The street department the category names, if any. */
  department: string | null;
  /** The property company managing the building. */
  property: string | null;
  /** The account that rates for the reporter; null when they rate with their tracking code. */
  rater: string | null;
}

const later = (at: Date, ms: number) => new Date(at.getTime() + ms);
/** Nobody acts within minutes of the last step: reading, walking over, picking up the phone. */
const MIN_STEP_MS = 5 * MINUTE_MS;

export class CaseScript {
  stopped = false;
  private readonly communityHandler: string;

  constructor(
    readonly sim: CaseSimulation,
    private readonly random: Random,
    private readonly ctx: ScriptContext,
  ) {
    this.communityHandler = random.pick(ctx.people.communityHandlers);
  }

  private get row() {
    return this.sim.row;
  }

  /** Acts at a moment between the last one (or `floor`) and `ceiling`; stops the story past now. */
  private step<A extends SimAction>(
    action: A,
    window: Partial<Window> & { ceiling: Date },
    actor: string | null,
    body: Bodies[A],
  ) {
    if (this.stopped) return;
    const soonest = later(this.sim.last, MIN_STEP_MS);
    const floor = window.floor && window.floor > soonest ? window.floor : soonest;
    const ceiling = window.ceiling.getTime() > floor.getTime() + 10 * MINUTE_MS ? window.ceiling : later(floor, 2 * HOUR_MS);
    const at = pickMoment(this.ctx.clock, this.random, { hours: this.staffHours(), ...window, floor, ceiling });
    if (at > this.ctx.now) {
      this.stopped = true;
      return;
    }
    this.sim.act(action, at, actor, body);
  }

  /** Hazards are dealt with by whoever is on duty, evenings and rest days included; the rest waits for office hours. */
  private staffHours() {
    return this.row.priority === 'urgent' || this.row.priority === 'high' ? WAKING_HOURS : OFFICE_HOURS;
  }

  /** Whoever handles the tier the case is at now. */
  private handler(): string {
    const { people } = this.ctx;
    const handlers = {
      grid: people.gridWorker,
      community: this.communityHandler,
      department: people.departmentHandlers.get(this.row.assignee_org_id ?? ''),
      district: people.admin,
    } satisfies Record<Tier, string | undefined>;
    return handlers[this.row.tier] ?? people.admin;
  }

  /** The property company's own handler works a case given to it, where the company has one. */
  private worker(): string {
    const org = this.row.tier === 'grid' ? this.row.assignee_org_id : null;
    return (org && this.ctx.people.propertyHandlers.get(org)) || this.handler();
  }

  private note(chance: number, options: readonly string[]): string | null {
    return this.random.chance(chance) ? this.random.pick(options) : null;
  }

  /** Hazards are taken up within hours, the rest within a couple of days, mostly sooner. */
  private promptly() {
    const urgent = this.row.priority === 'urgent' || this.row.priority === 'high';
    return { ceiling: later(this.sim.last, urgent ? 4 * HOUR_MS : 2 * DAY_MS), skew: urgent ? 2 : 3 };
  }

  accept() {
    this.step('accept', this.promptly(), this.handler(), { note: this.note(0.3, ['已受理', '已受理，尽快处理']) });
  }

  /** A call taken at the community goes to the grid worker by assignment. */
  assignToGridWorker() {
    this.step('assign', this.promptly(), this.communityHandler, {
      userId: this.ctx.people.gridWorker,
      note: '请网格员跟进处理',
    });
  }

  contact(onTime: boolean) {
    const due = this.row.response_due_at;
    // Nobody to call back: a staff finding, or an anonymous report without a number.
    if (!due) return;
    const channel = this.random.weighted([
      ['call', 60],
      ['visit', 25],
      ['message', 15],
    ] as const);
    const window = onTime ? { ceiling: due, skew: 1.5 } : { floor: later(due, HOUR_MS), ceiling: later(due, 2 * DAY_MS) };
    this.step('contact', window, this.handler(), { channel, note: this.random.pick(CONTACT_NOTES[channel]) });
  }

  toProperty() {
    if (!this.ctx.property) return;
    this.step('assign', { ceiling: later(this.sim.last, 4 * HOUR_MS) }, this.handler(), {
      organisationId: this.ctx.property,
      note: '请物业尽快处理',
    });
  }

  start() {
    this.step('start', { ceiling: later(this.sim.last, DAY_MS), skew: 2 }, this.worker(), {
      note: this.note(0.3, ['已到现场', '已安排人员处理']),
    });
  }

  escalate(to: Exclude<Tier, 'grid'>) {
    const organisationId = to === 'department' ? this.ctx.department : null;
    const name = organisationId ? this.ctx.people.organisationNames.get(organisationId) : undefined;
    const reason = name ? `需${name}依法处置` : this.random.pick(ESCALATION_REASONS[to]);
    const ceiling = this.row.due_at ? later(this.row.due_at, -2 * HOUR_MS) : later(this.sim.last, 2 * DAY_MS);
    this.step('escalate', { ceiling, skew: 1.3 }, this.handler(), { to, organisationId, reason });
  }

  /** Waits on something outside the handler's hands, then picks the case up again. */
  suspend() {
    this.step('suspend', { ceiling: later(this.sim.last, 2 * DAY_MS), skew: 2 }, this.handler(), {
      reason: this.random.pick(SUSPEND_REASONS),
    });
  }

  resume() {
    const window = { floor: later(this.sim.last, 3 * DAY_MS), ceiling: later(this.sim.last, 15 * DAY_MS) };
    this.step('resume', window, this.handler(), { note: this.random.pick(RESUME_NOTES) });
  }

  /** A superior presses a case near or past its deadline. */
  urge() {
    const { leader, admin } = this.ctx.people;
    const supervisor = { grid: this.communityHandler, community: leader, department: leader, district: admin }[this.row.tier];
    const due = this.row.due_at ?? later(this.sim.last, DAY_MS);
    const overdue = this.random.chance(0.5) || due <= this.sim.last;
    const window = overdue
      ? { floor: later(due, HOUR_MS), ceiling: later(due, DAY_MS) }
      : { floor: this.row.warn_at ?? this.sim.last, ceiling: later(due, -HOUR_MS) };
    this.step('urge', window, supervisor, { note: this.random.pick(URGE_NOTES[overdue ? 'overdue' : 'nearlyDue']) });
  }

  resolve(onTime: boolean) {
    const due = this.row.due_at ?? later(this.sim.last, 3 * DAY_MS);
    const lateFrom = new Date(Math.max(due.getTime(), this.sim.last.getTime()) + HOUR_MS);
    const window = onTime
      ? { ceiling: later(due, -30 * MINUTE_MS), skew: 2.2 }
      : { floor: lateFrom, ceiling: later(lateFrom, 3 * DAY_MS), skew: 1.3 };
    this.step('resolve', window, this.worker(), { resolution: this.resolution() });
  }

  private resolution(): string {
    const { text, people } = this.ctx;
    if (this.row.tier === 'district') return this.random.pick(DISTRICT_EXPLANATIONS);
    const org = this.row.tier === 'department' ? people.organisationNames.get(this.row.assignee_org_id ?? '') : undefined;
    return org ? `${org}答复：${text.resolution}` : text.resolution;
  }

  /** The reporter rates within three days mostly, else after the reminder, always within the week. */
  rate(rating: number) {
    const resolved = this.row.resolved_at ?? this.sim.last;
    const window = this.random.chance(0.7)
      ? { ceiling: later(resolved, 3 * DAY_MS) }
      : { floor: later(resolved, 3 * DAY_MS + HOUR_MS), ceiling: later(resolved, 6.8 * DAY_MS) };
    this.step('rate', { ...window, hours: WAKING_HOURS, skew: 1.5, strict: true }, this.ctx.rater, {
      rating,
      comment: this.note(0.6, RATING_COMMENTS[rating] ?? []),
    });
  }

  /** Staff check the work and close it, before the system would close it as not rated. */
  closeByStaff() {
    const ceiling = later(this.row.resolved_at ?? this.sim.last, 6.5 * DAY_MS);
    const window = { floor: later(this.sim.last, 2 * HOUR_MS), ceiling, skew: 2, strict: true };
    const { leader, admin } = this.ctx.people;
    const closer = { grid: this.communityHandler, community: this.communityHandler, department: leader, district: admin }[
      this.row.tier
    ];
    this.step('close', window, closer, { note: '经复查已整改到位' });
  }

  reject() {
    this.step('reject', { ceiling: later(this.sim.last, DAY_MS), skew: 2 }, this.handler(), {
      reason: this.random.pick(REJECT_REASONS),
    });
  }

  /** Grid workers check new reports on their phones: a duplicate is merged within hours. */
  merge(into: CaseSimulation, within: Date) {
    this.step('merge', { ceiling: within, hours: WAKING_HOURS, strict: true }, this.handler(), {
      into,
      note: `与${into.row.number}为同一问题`,
    });
  }

  /** The whole story of a background case, from its fate. */
  play(fate: Fate) {
    if (fate.assignedByCommunity) this.assignToGridWorker();
    else this.accept();
    if (fate.contact !== 'none') this.contact(fate.contact === 'on_time');
    if (fate.solvedAt !== 'grid') {
      this.escalate('community');
      this.accept();
      if (fate.solvedAt === 'department' || fate.solvedAt === 'district') {
        this.escalate(fate.solvedAt);
        this.accept();
      }
    } else if (fate.toProperty) this.toProperty();
    this.start();
    if (fate.suspended) {
      this.suspend();
      this.resume();
    }
    if (fate.urged) this.urge();
    this.resolve(!fate.late);
    if (fate.closedByStaff) return this.closeByStaff();
    if (fate.rating === null) return;
    this.rate(fate.rating);
    if (this.stopped || this.sim.state !== 'returned') return;
    this.accept();
    this.start();
    this.resolve(true);
    if (fate.ratingAfterRework !== null) this.rate(fate.ratingAfterRework);
  }
}
