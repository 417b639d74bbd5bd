/**
 * One dispute file played from opening to where it stands now: sessions at its level's studio,
 * escalation with a reason and the new level's mediator, an agreement with its performance
 * schedule or a failure referred elsewhere, the follow-up of each instalment (a broken agreement
 * reopened and mediated again), closing. Staff act in office hours on working days; a step that
 * would come after now is not taken, so recent and long-running files are still open.
 */
import type { Level, Referral } from '../modules/mediation/dispute-rules.ts';
import { type Clock, DAY_MS, HOUR_MS, localDay, localInstant, MINUTE_MS, OFFICE_HOURS, pickMoment } from './case-time.ts';
import type { FileSpec } from './mediation-files.ts';
import type { MediatorRow, StudioRow } from './mediation-people.ts';
import type { SessionRow } from './mediation-rows.ts';
import { REFUSE_TO_PAY } from './mediation-scenarios.ts';
import type { Desk, DisputeStory } from './mediation-story.ts';
import { type Agreed, agreementOf, escalationReason, heldNotes, outcomeNote } from './mediation-words.ts';
import type { Random } from './random.ts';

/** Where a level sits for this file: its desk, who acts there, and the mediator and studio chosen. */
export interface Seat {
  desk: Desk;
  actor: string;
  mediator: MediatorRow;
  studio: StudioRow | null;
  /** Other mediators who may sit in (the community's volunteer, the retired judge). */
  helpers: MediatorRow[];
  /** Where a session without a studio is held. */
  place: string;
}

export interface ScriptContext {
  clock: Clock;
  now: Date;
  seat: (level: Level) => Seat;
  mediatorName: (id: string) => string;
  userName: (id: string) => string;
  /** The people who come to a session besides the mediators. */
  attendees: string[];
  a: string;
  b: string;
  facts: string;
}

class Stop extends Error {}
/** Sessions begin on the hour or half hour, in the morning or the afternoon, an hour or so long. */
const SESSION_HOURS = [9, 9.5, 10, 10.5, 14, 14.5, 15, 15.5, 16];
const SESSIONS: Record<string, [number, number]> = {
  neighbour: [1, 2],
  property: [1, 3],
  marriage_family: [2, 3],
  compensation: [1, 3],
  labour_wage: [2, 3],
  land_relocation: [2, 4],
  other: [1, 2],
};

export class FileScript {
  private seat: Seat;
  private held = 0;

  constructor(
    private readonly story: DisputeStory,
    private readonly spec: FileSpec,
    private readonly random: Random,
    private readonly ctx: ScriptContext,
  ) {
    this.seat = ctx.seat(spec.levels[0] as Level);
  }

  play() {
    try {
      this.mediate();
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
    }
    this.story.advance(this.ctx.now);
  }

  private mediate() {
    const { spec } = this;
    if (spec.fate === 'withdrawn' && this.random.chance(0.35)) return this.withdraw();
    for (const level of spec.levels.slice(1)) {
      // A file sent on from the labour room's community goes up at once; others after a try.
      if (!(spec.scenario.type === 'labour_wage' && level === 'street')) this.session(false);
      this.escalate(level);
    }
    if (spec.riskRaised) {
      this.session(false);
      this.story.update(this.after(2 * HOUR_MS, 6 * HOUR_MS), this.seat.actor, {
        risk_level: 'high',
        risk_reasons: [...new Set([...this.story.row.risk_reasons, 'extreme_behaviour_threat' as const])],
      });
    }
    if (spec.fate === 'ongoing') {
      // Still being mediated: a first session soon, then one every two or three weeks, the next one ahead.
      for (;;) this.session(false, this.held === 0 ? [1, 7] : [10, 21]);
    }
    const [least, most] = SESSIONS[spec.scenario.type] as [number, number];
    const sessions = Math.max(1, this.random.int(least, most) - this.held);
    for (let i = 1; i < sessions; i++) this.session(false);
    if (spec.fate === 'withdrawn') return this.withdraw();
    const last = this.session(true);
    if (spec.fate === 'failed') return this.fail(last);
    this.agree(spec.fate === 'partial_agreement' ? 'partial_agreement' : 'agreement', last);
  }

  /** Schedules a session days ahead at the seat's studio and holds it; answers when it was recorded. */
  private session(final: boolean, gap: [number, number] = [1, 7]): Date {
    const { seat } = this;
    const scheduledAt = this.at(this.after(10 * MINUTE_MS, 2 * HOUR_MS));
    const when = this.slot(scheduledAt, gap);
    const mediators = [seat.mediator, ...seat.helpers.filter(() => this.random.chance(0.3))];
    const session: SessionRow = this.story.schedule(scheduledAt, seat.actor, {
      studio_id: seat.studio?.id ?? null,
      place: seat.studio ? null : seat.place,
      scheduled_at: when,
      mediator_ids: mediators.map((m) => m.id),
    });
    const heldAt = this.at(new Date(when.getTime() + this.random.int(0, 15) * MINUTE_MS));
    // Written up after the session; one held this afternoon is on file by now.
    const recorded = new Date(Math.min(heldAt.getTime() + this.random.between(1, 2) * HOUR_MS, this.ctx.now.getTime()));
    this.held += 1;
    this.story.hold(session, heldAt, recorded, seat.actor, {
      attendees: [...new Set([...this.ctx.attendees, ...mediators.map((m) => m.name), this.ctx.userName(seat.actor)])],
      ...heldNotes(this.random, this.spec, this.ctx, { n: this.held, final }),
    });
    return recorded;
  }

  private escalate(level: Level) {
    const from = this.seat;
    const to = this.ctx.seat(level);
    this.story.escalate(this.after(HOUR_MS, 2 * DAY_MS), from.actor, escalationReason(this.random, this.spec, level), to.desk);
    this.seat = to;
    this.story.update(this.after(HOUR_MS, DAY_MS), to.actor, { mediator_id: to.mediator.id, studio_id: to.studio?.id ?? null });
  }

  private withdraw() {
    this.story.outcome(
      this.after(HOUR_MS, 5 * DAY_MS),
      this.seat.actor,
      'withdrawn',
      undefined,
      outcomeNote(this.random, 'withdrawn'),
    );
    this.story.change(this.after(DAY_MS, 4 * DAY_MS), this.seat.actor, 'closed');
  }

  private fail(recorded: Date) {
    const referral: Referral = this.spec.referral;
    this.story.outcome(
      this.at(new Date(recorded.getTime() + 10 * MINUTE_MS)),
      this.seat.actor,
      'failed',
      referral,
      outcomeNote(this.random, 'failed', referral),
    );
    this.story.change(this.after(DAY_MS, 5 * DAY_MS), this.seat.actor, 'closed', '已告知当事人其他救济途径，结案归档');
  }

  private agree(outcome: 'agreement' | 'partial_agreement', recorded: Date) {
    const drawn = this.at(new Date(recorded.getTime() + this.random.int(10, 30) * MINUTE_MS));
    let agreed = agreementOf(this.random, this.spec, this.ctx, outcome, localDay(drawn, this.ctx.clock.timeZone));
    this.story.draft(drawn, this.seat.actor, agreed.facts, agreed.terms, agreed.schedule);
    this.story.outcome(
      this.at(new Date(drawn.getTime() + 10 * MINUTE_MS)),
      this.seat.actor,
      outcome,
      undefined,
      outcomeNote(this.random, outcome),
    );
    if (this.spec.redrawn && agreed.schedule.length > 0) {
      const again = this.after(DAY_MS, 3 * DAY_MS);
      agreed = agreementOf(this.random, this.spec, this.ctx, outcome, localDay(again, this.ctx.clock.timeZone), agreed.total);
      this.story.draft(again, this.seat.actor, agreed.facts, agreed.terms, agreed.schedule);
    }
    if (agreed.schedule.length === 0)
      return this.story.change(this.after(HOUR_MS, 3 * DAY_MS), this.seat.actor, 'closed', '当场履行完毕');
    this.story.change(this.after(HOUR_MS, 2 * DAY_MS), this.seat.actor, 'following_up');
    this.followUp(this.spec.broken);
  }

  /** Each instalment checked on or soon after its day; a broken first one reopens the file. */
  private followUp(breaks: boolean) {
    for (const instalment of this.story.currentInstalments()) {
      // Most are checked on the day; a check days later has let the job send its overdue reminder.
      const due = localInstant(instalment.due_date, 9, this.ctx.clock.timeZone);
      const floor = new Date(Math.max(due.getTime(), this.story.lastAt.getTime() + HOUR_MS));
      const late = this.random.chance(0.3) ? this.random.between(1, 4) * DAY_MS : 8 * HOUR_MS;
      const at = this.at(
        pickMoment(this.ctx.clock, this.random, { floor, ceiling: new Date(floor.getTime() + late), hours: OFFICE_HOURS }),
      );
      if (breaks) {
        this.story.check(
          instalment,
          at,
          this.seat.actor,
          'not_paid',
          undefined,
          `逾期未付，对方称${this.random.pick(REFUSE_TO_PAY)}`,
          true,
        );
        return this.mediateAgain(instalment.amount_fen);
      }
      const roll = this.random.next();
      if (instalment.amount_fen >= 100_000 && roll < 0.04) {
        const part = Math.round((instalment.amount_fen * this.random.between(0.3, 0.7)) / 10_000) * 10_000;
        this.story.check(instalment, at, this.seat.actor, 'partly', part, `仅支付${part / 100}元，余款承诺一周内付清`);
        this.story.check(instalment, this.after(3 * DAY_MS, 10 * DAY_MS), this.seat.actor, 'paid', undefined, '余款已付清');
      } else if (roll < 0.1) {
        this.story.check(
          instalment,
          at,
          this.seat.actor,
          'not_paid',
          undefined,
          `逾期未付，对方称${this.random.pick(REFUSE_TO_PAY)}`,
        );
        this.story.check(
          instalment,
          this.after(5 * DAY_MS, 15 * DAY_MS),
          this.seat.actor,
          'paid',
          undefined,
          '经调解员督促，已补付',
        );
      } else {
        const note =
          instalment.amount_fen > 0
            ? this.random.pick(['申请人确认已收到款项', '已电话回访，款项到账', '调解员见证交付'])
            : '回访确认已履行到位';
        this.story.check(instalment, at, this.seat.actor, 'paid', undefined, note);
      }
    }
    this.story.change(this.after(HOUR_MS, 3 * DAY_MS), this.seat.actor, 'closed', '协议已履行完毕，回访双方无异议');
  }

  /** The file reopened on a broken agreement: one more session, a new version for what is left, followed up again. */
  private mediateAgain(unpaidFen: number) {
    const left =
      this.story.currentInstalments().reduce((sum, i) => sum + (i.status === 'paid' ? 0 : i.amount_fen), 0) || unpaidFen;
    const recorded = this.session(true, [3, 10]);
    const drawn = this.at(new Date(recorded.getTime() + 20 * MINUTE_MS));
    const agreed: Agreed = agreementOf(
      this.random,
      this.spec,
      this.ctx,
      'agreement',
      localDay(drawn, this.ctx.clock.timeZone),
      left / 100,
      true,
    );
    this.story.draft(drawn, this.seat.actor, agreed.facts, agreed.terms, agreed.schedule);
    this.story.outcome(
      this.at(new Date(drawn.getTime() + 10 * MINUTE_MS)),
      this.seat.actor,
      'agreement',
      undefined,
      '原协议未按期履行，经再次调解重新达成协议',
    );
    this.story.change(this.after(HOUR_MS, 2 * DAY_MS), this.seat.actor, 'following_up');
    this.followUp(false);
  }

  /** A session's time: a working day ahead in the studio's hours, or office hours at a place. */
  private slot(from: Date, [least, most]: [number, number]): Date {
    const day = pickMoment(this.ctx.clock, this.random, {
      floor: new Date(from.getTime() + least * DAY_MS),
      ceiling: new Date(from.getTime() + most * DAY_MS),
      hours: OFFICE_HOURS,
    });
    return localInstant(localDay(day, this.ctx.clock.timeZone), this.random.pick(SESSION_HOURS), this.ctx.clock.timeZone);
  }

  /** A staff moment between these offsets from the file's last step, stopping the story past now. */
  private after(min: number, max: number): Date {
    const last = this.story.lastAt;
    return this.at(
      pickMoment(this.ctx.clock, this.random, {
        floor: new Date(last.getTime() + min),
        ceiling: new Date(last.getTime() + max),
        hours: OFFICE_HOURS,
      }),
    );
  }

  private at(moment: Date): Date {
    if (moment > this.ctx.now) throw new Stop();
    return moment;
  }
}
