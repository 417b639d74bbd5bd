/**
 * One case of the demo history lived through in time: each action is checked against the state
 * machine and applied as case-effects.ts says, and between actions the deadline jobs of
 * deadline-scheduler.ts fire when their moment comes, with the same conditions as their claims.
 * Pure: it fills rows, it writes nothing.
 */

import type { DayTable } from '../modules/calendar/working-days.ts';
import { type CaseDeadline, type DeadlinePolicy, policyFor } from '../modules/cases/deadlines.ts';
import {
  ACTIVE_STATES,
  type CaseAction,
  type CaseState,
  decide,
  EVENT_TYPES,
  RATING_WINDOW_DAYS,
  type Relation,
  type Tier,
} from '../modules/cases/lifecycle.ts';
import { type Bodies, type DeadlineCounter, type EffectTarget, type Outcome, outcomeOf, type SimAction } from './case-effects.ts';
import type { PlannedCase, PlannedContact, PlannedEvent, PlannedNotice } from './case-rows.ts';
import { DAY_MS } from './case-time.ts';

export interface SimContext {
  table: DayTable;
  timeZone: string;
  policies: readonly DeadlinePolicy[];
  parentCategoryOf: ReadonlyMap<string, string | null>;
  deadline: DeadlineCounter;
}

/** As deadline-scheduler.ts: the reporter is reminded to rate after three days. */
const RATING_REMINDER_DAYS = 3;
/** The scheduler runs every few seconds: a mark lands shortly after its moment. */
const TICK_DELAY_MS = 20_000;
const EVERY_RELATION: ReadonlySet<Relation> = new Set(['tier_handler', 'assignee', 'supervisor', 'reporter']);

/** The deadline jobs of deadline-scheduler.ts that can claim a case. */
type Job = 'warning' | 'overdue' | 'response_overdue' | 'rating_reminder' | 'close_unrated';
/** A job's moment: its deadline (plus a delay), but never before the last thing that happened. */
const notBefore = (moment: Date, last: number, delay = 0) => Math.max(moment.getTime() + delay, last);
/** The earlier of the job found so far and another: the one found first when both fall due together. */
const earlier = (next: [number, Job] | undefined, moment: number, job: Job): [number, Job] =>
  next && next[0] <= moment ? next : [moment, job];
/** Columns and timeline data an action carries besides the case core's own. */
export interface Extra {
  changes?: Partial<PlannedCase>;
  event?: Record<string, unknown>;
}

export class CaseSimulation implements EffectTarget {
  readonly events: PlannedEvent[] = [];
  readonly contacts: PlannedContact[] = [];
  readonly orgAccess = new Set<string>();
  /** Duplicates merged into this case: their reporters follow it. */
  readonly duplicates: string[] = [];
  readonly table: DayTable;
  readonly timeZone: string;
  readonly deadline: DeadlineCounter;
  private readonly transitions: { at: number; state: CaseState }[];
  /** The last moment anything happened: nothing may come before it. */
  last: Date;

  constructor(
    private readonly ctx: SimContext,
    readonly row: PlannedCase,
  ) {
    ({ table: this.table, timeZone: this.timeZone, deadline: this.deadline } = ctx);
    this.last = row.created_at;
    this.transitions = [{ at: row.created_at.getTime(), state: 'reported' }];
    this.record('case.reported', row.reporter_user_id, row.created_at, {
      data: { from: null, to: 'reported', tier: 'grid', gridId: row.grid_id, photoIds: [] },
      notices: [{ audience: 'handlers', kind: 'case.new', data: {}, exclude: null }],
    });
  }

  get state(): CaseState {
    return this.row.state;
  }

  /** The state the case was in at a moment (its state now for moments after now). */
  stateAt(moment: Date): CaseState {
    let state: CaseState = 'reported';
    for (const t of this.transitions) if (t.at <= moment.getTime()) state = t.state;
    return state;
  }

  /** The deadline of a tier counted from a moment, as intake, escalation and return count it. */
  deadlineFor(tier: Tier, start: Date): CaseDeadline | undefined {
    const policy = this.policyOf(tier);
    return policy ? this.deadline(start, policy) : undefined;
  }

  warnHoursOf(tier: Tier): number {
    return this.policyOf(tier)?.warnHours ?? 24;
  }

  addContact(contact: PlannedContact): void {
    this.contacts.push(contact);
  }

  grantOrganisation(organisationId: string): void {
    this.orgAccess.add(organisationId);
  }

  /**
   * Applies an action as the live code does; `extra` is what a module built on the case core adds
   * to it (a rectification order's deadline, a re-inspection's result).
   */
  act<A extends SimAction>(action: A, at: Date, actor: string | null, body: Bodies[A], extra?: Extra): void {
    if (at < this.last)
      throw new Error(`${this.row.number}: ${action} at ${at.toISOString()}, before ${this.last.toISOString()}`);
    this.runJobsUntil(at, false);
    this.apply(action, at, actor, () => {
      const outcome = outcomeOf(this, action, at, actor, body);
      if (!extra) return outcome;
      return { ...outcome, changes: { ...outcome.changes, ...extra.changes }, event: { ...outcome.event, ...extra.event } };
    });
  }

  /** Lets the deadline jobs catch up with now: whatever fell due by then has been marked. */
  finish(now: Date): void {
    this.runJobsUntil(now, true);
  }

  /** A timeline event another module writes beside the case's own actions (a hazard's re-inspection). */
  remark(type: string, actor: string | null, at: Date, data: Record<string, unknown>): void {
    this.runJobsUntil(at, false);
    this.last = at;
    this.record(type, actor, at, { data: { from: null, to: null, ...data }, notices: [] });
  }

  takeDuplicate(duplicate: { row: PlannedCase }, at: Date, actor: string | null): void {
    this.duplicates.push(duplicate.row.id);
    this.record('case.duplicate_merged', actor, at, {
      data: { from: null, to: null, duplicateId: duplicate.row.id, duplicateNumber: duplicate.row.number },
      notices: [],
    });
  }

  private apply(action: CaseAction, at: Date, actor: string | null, outcome: () => Outcome) {
    const decision = decide(
      action,
      { state: this.row.state, suspendedFrom: this.row.suspended_from },
      EVERY_RELATION,
      () => true,
    );
    if (!decision.ok) throw new Error(`${this.row.number}: a ${this.row.state} case cannot ${action}`);
    const from = this.row.state;
    const { changes, event, notices = [], followUp } = outcome();
    Object.assign(this.row, changes, { state: decision.to, version: this.row.version + 1, updated_at: at });
    if (from !== decision.to) this.transitions.push({ at: at.getTime(), state: decision.to });
    this.last = at;
    this.record(EVENT_TYPES[action], actor, at, {
      data: { from, to: decision.to, ...event },
      notices: notices.map((notice) => ({ ...notice, exclude: actor })),
    });
    // A rating closes the case, or (1-2, the first time) returns it: by the system, at once.
    if (followUp) this.apply(followUp.action, at, null, () => followUp.outcome);
  }

  private policyOf(tier: Tier) {
    return policyFor(this.ctx.policies, {
      streetId: this.row.street_id,
      tier,
      categoryId: this.row.category_id,
      parentCategoryId: this.ctx.parentCategoryOf.get(this.row.category_id) ?? null,
    });
  }

  /** Fires the jobs due before `until` (or by it, at the end), earliest first. */
  private runJobsUntil(until: Date, inclusive: boolean) {
    const limit = until.getTime() - (inclusive ? 0 : 1);
    for (;;) {
      const due = this.nextJob();
      if (!due || due[0] > limit) return;
      const at = new Date(Math.max(this.last.getTime(), Math.min(due[0] + TICK_DELAY_MS, limit)));
      this.last = at;
      this.fire(due[1], at);
    }
  }

  /**
   * The earliest job whose claim would take this case, with the moment it becomes due; of jobs due
   * at the same moment, the first in the order below.
   */
  private nextJob(): [number, Job] | undefined {
    const row = this.row;
    const active = ACTIVE_STATES.includes(row.state);
    const last = this.last.getTime();
    let next: [number, Job] | undefined;
    // The warning is claimed only while the deadline has not passed yet.
    if (
      active &&
      !row.warned_at &&
      row.warn_at &&
      row.due_at &&
      row.due_at.getTime() > notBefore(row.warn_at, last) + TICK_DELAY_MS
    ) {
      next = earlier(next, notBefore(row.warn_at, last), 'warning');
    }
    if (active && !row.overdue_at && row.due_at) next = earlier(next, notBefore(row.due_at, last), 'overdue');
    if ((active || row.state === 'suspended') && row.response_due_at && !row.first_contact_at && !row.response_overdue_at) {
      next = earlier(next, notBefore(row.response_due_at, last), 'response_overdue');
    }
    if (row.state === 'resolved' && row.resolved_at) {
      if (!row.rating_reminded_at) {
        next = earlier(next, notBefore(row.resolved_at, last, RATING_REMINDER_DAYS * DAY_MS), 'rating_reminder');
      }
      next = earlier(next, notBefore(row.resolved_at, last, RATING_WINDOW_DAYS * DAY_MS), 'close_unrated');
    }
    return next;
  }

  /** What a deadline job does when it claims the case, as deadline-scheduler.ts does it. */
  private fire(job: Job, at: Date) {
    const row = this.row;
    const notice = (audience: PlannedNotice['audience'], kind: string): PlannedNotice => ({
      audience,
      kind,
      data: { dueDate: row.due_date },
      exclude: null,
    });
    type Mark = 'warned_at' | 'overdue_at' | 'response_overdue_at' | 'rating_reminded_at';
    const mark = (type: string, field: Mark, notices: PlannedNotice[], also: Partial<PlannedCase> = {}) => {
      Object.assign(row, also, { [field]: at });
      this.record(type, null, at, { data: { from: null, to: null, dueAt: row.due_at?.toISOString() ?? null }, notices });
    };
    switch (job) {
      case 'warning':
        return mark('case.deadline_warning', 'warned_at', [notice('handlers', 'case.deadline_warning')]);
      case 'overdue':
        return mark('case.overdue', 'overdue_at', [notice('handlers', 'case.overdue'), notice('supervisors', 'case.overdue')], {
          ever_overdue: true,
        });
      case 'response_overdue':
        return mark('case.response_overdue', 'response_overdue_at', [notice('handlers', 'case.response_overdue')]);
      case 'rating_reminder':
        return mark('case.rating_requested', 'rating_reminded_at', [notice('reporters', 'case.rating_requested')]);
      case 'close_unrated':
        return this.closeUnrated(at);
    }
  }

  /** No rating within the window: closed as "not rated", which never counts as satisfied. */
  private closeUnrated(at: Date) {
    Object.assign(this.row, {
      state: 'closed',
      closed_at: at,
      close_reason: 'not_rated',
      version: this.row.version + 1,
      updated_at: at,
    });
    this.transitions.push({ at: at.getTime(), state: 'closed' });
    this.record('case.closed', null, at, {
      data: { from: 'resolved', to: 'closed', reason: 'not_rated', automatic: true },
      notices: [],
    });
  }

  private record(
    type: string,
    actor: string | null,
    at: Date,
    content: { data: Record<string, unknown>; notices: PlannedNotice[] },
  ) {
    const snapshot = { tier: this.row.tier, assigneeUserId: this.row.assignee_user_id, assigneeOrgId: this.row.assignee_org_id };
    this.events.push({
      entity_id: this.row.id,
      type,
      actor_user_id: actor,
      at,
      data: content.data,
      notices: content.notices.map((notice) => ({ ...notice, snapshot })),
    });
  }
}
