/**
 * One dispute file lived through as the mediation services would record it: every move checked
 * against the pure rules of dispute-rules.ts (an illegal one throws, so a wrong plan never reaches
 * the database), every change one `dispute.*` event with the data the services write, the file's
 * version and updated_at moved by the same changes, notifications to whom the services notify,
 * and the daily follow-up job's reminders at 08:00 on each day the file is followed up.
 */
import {
  CHECKABLE_STATES,
  type DisputeState,
  DRAFTABLE_STATES,
  escalate,
  type Level,
  OPEN_STATES,
  type Outcome,
  type Referral,
  recordOutcome,
  transition,
} from '../modules/mediation/dispute-rules.ts';
import { addDays, type CheckResult, checkedInstalment, reminderFor } from '../modules/mediation/performance.ts';
import { localDay, localInstant } from './case-time.ts';
import {
  type AgreementRow,
  type DisputeEvent,
  type DisputeNotice,
  type DisputeRow,
  type InstalmentRow,
  newAgreement,
  newInstalment,
  newSession,
  type SessionRow,
} from './mediation-rows.ts';

/** As follow-up-scheduler.ts: the states whose pending instalments are reminded. */
const FOLLOWED: readonly DisputeState[] = ['agreement', 'partial_agreement', 'following_up'];
const REMINDER_HOUR = 8;

/** Where the file is handled and by whom, so escalation and notifications find the right people. */
export interface Desk {
  nodeId: string;
  path: string;
  /** Holders of mediation.manage at the node: handlersOf when the file's mediator is no user. */
  handlers: readonly string[];
}

export class DisputeStory {
  readonly events: DisputeEvent[] = [];
  readonly notices: DisputeNotice[] = [];
  readonly sessions: SessionRow[] = [];
  readonly agreements: AgreementRow[] = [];
  readonly instalments: InstalmentRow[] = [];
  private desk: Desk;
  private last: Date;
  /** The last 08:00 at which the follow-up job has been played for this file. */
  private lastRun: Date;

  constructor(
    readonly row: DisputeRow,
    desk: Desk,
    /** The user behind a mediator, if any: the file's mediator is reminded in person. */
    private readonly mediatorUser: (mediatorId: string | null) => string | null,
    private readonly timeZone: string,
  ) {
    this.desk = desk;
    this.last = row.opened_at;
    this.lastRun = row.opened_at;
    this.record(row.opened_at, row.opened_by, 'dispute.opened', {
      from: null,
      to: 'opened',
      number: row.number,
      source: row.source,
      caseId: row.case_id,
      level: row.level,
    });
  }

  /** The moment of the file's last step: the next comes after it. */
  get lastAt(): Date {
    return this.last;
  }

  get state(): DisputeState {
    return this.row.state;
  }

  get current(): AgreementRow | undefined {
    return this.agreements.at(-1);
  }

  currentInstalments(): InstalmentRow[] {
    return this.instalments.filter((i) => i.agreement_id === this.current?.id);
  }

  escalate(at: Date, actor: string, reason: string, to: Desk): Level {
    this.advance(at);
    const level = this.ruled(escalate(this.row.level, this.row.state, reason));
    const from = this.row.level;
    Object.assign(this.row, { level, handling_node_id: to.nodeId, handling_path: to.path });
    this.bump(at);
    this.desk = to;
    this.record(at, actor, 'dispute.escalated', { from, to: level, reason });
    // escalateDispute notifies the new level's staff, whoever the file's mediator is.
    this.notify(to.handlers, at, 'dispute.escalated', { from, to: level, reason });
    return level;
  }

  /** A PATCH of the file: the fields given, as the body named them. */
  update(at: Date, actor: string, body: Partial<Pick<DisputeRow, 'mediator_id' | 'studio_id' | 'risk_level' | 'risk_reasons'>>) {
    this.advance(at);
    const names: Record<string, string> = {
      mediator_id: 'mediatorId',
      studio_id: 'studioId',
      risk_level: 'riskLevel',
      risk_reasons: 'riskReasons',
    };
    const riskFrom = this.row.risk_level;
    if ((body.risk_level ?? this.row.risk_level) === 'high' && (body.risk_reasons ?? this.row.risk_reasons).length === 0) {
      throw new Error(`A high-risk dispute needs a reason (${this.row.number})`);
    }
    Object.assign(this.row, body);
    this.bump(at);
    this.record(at, actor, 'dispute.updated', {
      changed: Object.keys(body).map((key) => names[key]),
      ...(body.risk_level && body.risk_level !== riskFrom ? { riskFrom, riskTo: body.risk_level } : {}),
    });
  }

  schedule(at: Date, actor: string, session: Pick<SessionRow, 'studio_id' | 'place' | 'scheduled_at' | 'mediator_ids'>) {
    this.advance(at);
    if (!OPEN_STATES.includes(this.row.state)) throw new Error(`${this.row.number} is ${this.row.state}: no sessions`);
    const row = newSession(this.row, session, actor, at);
    this.sessions.push(row);
    this.record(at, actor, 'dispute.session_scheduled', { sessionId: row.id, scheduledAt: session.scheduled_at.toISOString() });
    return row;
  }

  /** Recorded at `at` as held at `heldAt`; a first session puts the file in mediation. */
  hold(session: SessionRow, heldAt: Date, at: Date, actor: string, held: Pick<SessionRow, 'attendees' | 'notes' | 'next_steps'>) {
    this.advance(at);
    if (session.status !== 'scheduled' || !OPEN_STATES.includes(this.row.state) || heldAt > at) {
      throw new Error(`${this.row.number}: session not holdable`);
    }
    Object.assign(session, { status: 'held', held_at: heldAt, ...held });
    this.record(at, actor, 'dispute.session_held', { sessionId: session.id, attendees: held.attendees.length, photos: 0 });
    if (this.row.state !== 'in_mediation') this.move(at, actor, 'in_mediation', { sessionId: session.id });
  }

  draft(
    at: Date,
    actor: string,
    facts: string,
    terms: string[],
    schedule: { dueDate: string; amountFen: number; what: string }[],
  ) {
    this.advance(at);
    if (!DRAFTABLE_STATES.includes(this.row.state)) throw new Error(`${this.row.number} is ${this.row.state}: agreement locked`);
    const agreement = newAgreement(this.row, this.agreements.length + 1, { facts, terms }, actor, at);
    this.agreements.push(agreement);
    // drawAgreement numbers the schedule by due date.
    const sorted = [...schedule].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    this.instalments.push(...sorted.map((item, n) => newInstalment(agreement, n + 1, item)));
    this.record(at, actor, 'dispute.agreement_drawn_up', {
      version: agreement.version,
      terms: terms.length,
      instalments: sorted.length,
    });
  }

  outcome(at: Date, actor: string, outcome: Outcome, referral?: Referral, note?: string) {
    this.advance(at);
    const result = this.ruled(recordOutcome(this.row.state, outcome, referral));
    this.move(at, actor, result.state, { referral: result.referral, ...(note ? { note } : {}) }, result);
  }

  /** A state change by hand: in mediation, following up (only with a schedule to follow) or closed. */
  change(at: Date, actor: string, to: 'following_up' | 'closed', note?: string) {
    this.advance(at);
    this.ruled(transition(this.row.state, to));
    if (to === 'following_up' && !this.instalments.some((i) => i.dispute_id === this.row.id)) {
      throw new Error(`${this.row.number}: nothing to follow up`);
    }
    this.move(at, actor, to, note ? { note } : {});
  }

  check(
    instalment: InstalmentRow,
    at: Date,
    actor: string,
    result: CheckResult,
    paidFen?: number,
    note?: string,
    reopen = false,
  ) {
    this.advance(at);
    if (instalment.agreement_id !== this.current?.id || !CHECKABLE_STATES.includes(this.row.state)) {
      throw new Error(`${this.row.number}: instalment ${instalment.seq} not checkable while ${this.row.state}`);
    }
    if (reopen) this.ruled(transition(this.row.state, 'reopened'));
    const checked = checkedInstalment(instalment.amount_fen, result, paidFen);
    if (!checked.ok) throw new Error(`${this.row.number}: ${checked.message}`);
    Object.assign(instalment, {
      status: result,
      paid_fen: checked.paidFen,
      checked_by: actor,
      checked_at: at,
      check_note: note ?? null,
    });
    this.record(at, actor, 'dispute.instalment_checked', {
      instalmentId: instalment.id,
      seq: instalment.seq,
      result,
      paidAmount: checked.paidFen / 100,
    });
    if (reopen) {
      this.move(at, actor, 'reopened', { reason: 'agreement_broken', instalmentId: instalment.id });
      this.notify(this.handlers(), at, 'dispute.reopened', {});
    }
  }

  /** Plays the daily follow-up job up to this instant: reminders of pending instalments of the current agreement. */
  advance(at: Date) {
    if (at < this.last) throw new Error(`${this.row.number}: ${at.toISOString()} comes before ${this.last.toISOString()}`);
    this.last = at;
    // The state changes only at the file's own moves, each of which comes here first: between two
    // of them the job either finds the file followed up every morning or on none.
    if (FOLLOWED.includes(this.row.state)) {
      for (let day = localDay(this.lastRun, this.timeZone); day <= localDay(at, this.timeZone); day = addDays(day, 1)) {
        const run = localInstant(day, REMINDER_HOUR, this.timeZone);
        if (run <= this.lastRun || run > at) continue;
        for (const instalment of this.currentInstalments())
          if (instalment.status === 'pending') this.remind(instalment, day, run);
      }
    }
    this.lastRun = at;
  }

  private remind(instalment: InstalmentRow, today: string, run: Date) {
    const kind = reminderFor(instalment.due_date, today);
    if (kind === 'due_soon' && !instalment.due_reminded_at) instalment.due_reminded_at = run;
    else if (kind === 'overdue' && !instalment.overdue_reminded_at) instalment.overdue_reminded_at = run;
    else return;
    const data = {
      instalmentId: instalment.id,
      dueDate: instalment.due_date,
      amount: instalment.amount_fen / 100,
      what: instalment.what,
    };
    this.record(run, null, `dispute.instalment_${kind}`, data);
    this.notify(this.handlers(), run, `dispute.instalment_${kind}`, data);
  }

  private move(
    at: Date,
    actor: string,
    to: DisputeState,
    data: Record<string, unknown>,
    outcome?: { outcome: Outcome; referral: Referral | null },
  ) {
    const from = this.row.state;
    this.ruled(transition(from, to));
    this.row.state = to;
    if (outcome) Object.assign(this.row, { outcome: outcome.outcome, referral: outcome.referral, outcome_at: at });
    if (to === 'closed') this.row.closed_at = at;
    if (to === 'reopened') this.row.closed_at = null;
    this.bump(at);
    this.record(at, actor, `dispute.${to}`, { from, to, ...data });
  }

  private handlers(): readonly string[] {
    const user = this.mediatorUser(this.row.mediator_id);
    return user ? [user] : this.desk.handlers;
  }

  private bump(at: Date) {
    this.row.version += 1;
    this.row.updated_at = at;
  }

  private record(at: Date, actor: string | null, type: string, data: Record<string, unknown>) {
    this.events.push({ entity_id: this.row.id, type, actor_user_id: actor, at, data });
  }

  private notify(users: readonly string[], at: Date, kind: string, data: Record<string, unknown>) {
    for (const user of new Set(users)) {
      this.notices.push({
        user_id: user,
        kind,
        at,
        data: { disputeId: this.row.id, number: this.row.number, title: this.row.title, ...data },
      });
    }
  }

  private ruled<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
    if (!result.ok) throw new Error(`${this.row.number}: ${result.error.message}`);
    return result.value;
  }
}
