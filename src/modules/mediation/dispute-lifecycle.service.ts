/**
 * A dispute file's moves: escalation one level up, the state machine's changes and outcomes.
 * Each loads the file locked, applies the pure rules and writes the change with its event (and
 * any notification) in one transaction.
 */
import { conflict } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { type DisputeState, escalate, type Outcome, type Referral, recordOutcome, transition } from './dispute-rules.ts';
import { getDispute } from './dispute-views.service.ts';
import { ruled } from './disputes.service.ts';
import {
  type Db,
  type DisputeRow,
  handlersOf,
  type MediationDeps,
  managedDispute,
  nodeAtLevel,
  nowOf,
  recordDisputeEvent,
} from './mediation.shared.ts';

export async function escalateDispute(deps: MediationDeps, actor: Actor, id: string, reason: string, ip: string) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await managedDispute(trx, actor, id);
    const level = ruled(escalate(row.level, row.state, reason));
    const handling = await nodeAtLevel(trx, row.location_path, level);
    const now = nowOf(deps);
    await trx
      .updateTable('disputes')
      .set({ level, handling_node_id: handling.id, handling_path: handling.path, version: row.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordDisputeEvent(trx, row, {
      type: 'dispute.escalated',
      actorUserId: actor.userId,
      at: now,
      data: { from: row.level, to: level, reason },
    });
    await notify(trx, await handlersOf(trx, { mediator_id: null, handling_node_id: handling.id }), {
      kind: 'dispute.escalated',
      streetId: row.street_id,
      data: { disputeId: id, number: row.number, title: row.title, from: row.level, to: level, reason },
    });
  });
  return getDispute(deps, actor, id, ip);
}

/** Moves the file within a transaction the caller holds, writing the event. */
export async function moveDispute(
  trx: Db,
  actor: Actor,
  row: DisputeRow,
  to: DisputeState,
  now: Date,
  data: Record<string, unknown> = {},
  outcome?: { outcome: Outcome; referral: Referral | null },
) {
  await trx
    .updateTable('disputes')
    .set({
      state: to,
      version: row.version + 1,
      updated_at: now,
      ...(outcome ? { outcome: outcome.outcome, referral: outcome.referral, outcome_at: now } : {}),
      ...(to === 'closed' ? { closed_at: now } : {}),
      ...(to === 'reopened' ? { closed_at: null } : {}),
    })
    .where('id', '=', row.id)
    .execute();
  await recordDisputeEvent(trx, row, {
    type: `dispute.${to}`,
    actorUserId: actor.userId,
    at: now,
    data: { from: row.state, to, ...data },
  });
}

export async function changeState(
  deps: MediationDeps,
  actor: Actor,
  id: string,
  to: 'in_mediation' | 'following_up' | 'closed',
  note: string | undefined,
  ip: string,
) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await managedDispute(trx, actor, id);
    ruled(transition(row.state, to));
    if (to === 'following_up') {
      const instalments = await trx
        .selectFrom('dispute_instalments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('dispute_id', '=', id)
        .executeTakeFirstOrThrow();
      if (Number(instalments.n) === 0) {
        throw conflict('DISPUTE_NOTHING_TO_FOLLOW', 'Draw up an agreement with a performance schedule first.', 'to');
      }
    }
    await moveDispute(trx, actor, row, to, nowOf(deps), note ? { note } : {});
  });
  return getDispute(deps, actor, id, ip);
}

export async function setOutcome(
  deps: MediationDeps,
  actor: Actor,
  id: string,
  body: { outcome: Outcome; referral?: Referral | undefined; note?: string | undefined },
  ip: string,
) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await managedDispute(trx, actor, id);
    const result = ruled(recordOutcome(row.state, body.outcome, body.referral));
    await moveDispute(
      trx,
      actor,
      row,
      result.state,
      nowOf(deps),
      { referral: result.referral, ...(body.note ? { note: body.note } : {}) },
      result,
    );
  });
  return getDispute(deps, actor, id, ip);
}
