import type { Kysely } from 'kysely';
import { idempotentRequest, once } from '../../platform/db/idempotency.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { type ActionContext, applySideRecords, checkedBody, effectEnv } from './action-effects.ts';
import { accessViewOf, type CaseDeps, nowOf, recipientsOf } from './case-view.ts';
import { canReadCase, hasCasePermission, relationsOf } from './cases.policy.ts';
import * as repo from './cases.repository.ts';
import { type Effect, effectOf } from './effects.ts';
import { type CaseAction, type CaseState, decide, EVENT_TYPES, type Relation } from './lifecycle.ts';
import { recordCaseEvent } from './rollups.repository.ts';

/**
 * Who performs an action: a signed-in actor, or the holder of a tracking code (rating only). A
 * vouched actor was already allowed the step by another module's own rule (a patrol partner's
 * re-inspection closes a hazard): the state machine still applies, the relation check does not.
 */
export type Performer = { actor: Actor; vouched?: true } | { trackingCodeHolder: true };

export interface ActionBody {
  expectedVersion?: number | undefined;
  [field: string]: unknown;
}

/**
 * Performs one action on a case: locks the row, checks the move against the state machine and
 * the performer's relation and permissions, applies the action's effect, writes the timeline
 * event and the notifications, all in one transaction. Two conflicting actions on one case queue
 * on the row lock; the second then finds the new state and is refused with 409.
 */
export async function performAction(
  deps: CaseDeps,
  performer: Performer,
  caseId: string,
  action: CaseAction,
  body: ActionBody,
  before?: (trx: Kysely<DB>) => Promise<void>,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await before?.(trx);
    await performActionIn(trx, deps, performer, caseId, action, body);
  });
}

/**
 * The same for a signed-in person who may retry with an Idempotency-Key: an action that committed
 * is not done again (a retried "accept" would otherwise meet its own result and be refused with
 * 409). The key is written first in the action's transaction, so a concurrent retry waits on it.
 */
export async function performActionOnce(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  action: CaseAction,
  body: ActionBody,
  key: string | undefined,
): Promise<{ replayed: boolean }> {
  const request = key ? idempotentRequest(`user:${actor.userId}`, key, `POST /cases/${caseId}/${action}`, body) : undefined;
  const outcome = await once(deps.db, request, async (record) => {
    const stored = { status: 200, result: { caseId } };
    await performAction(deps, { actor }, caseId, action, body, async (trx) => {
      const row = await trx.selectFrom('cases').select('street_id').where('id', '=', caseId).executeTakeFirst();
      await record(trx, row?.street_id ?? null, stored);
    });
    return stored;
  });
  return { replayed: outcome.replayed };
}

/** The same inside the caller's transaction, for a module that moves a case together with its own records. */
export async function performActionIn(
  trx: Kysely<DB>,
  deps: CaseDeps,
  performer: Performer,
  caseId: string,
  action: CaseAction,
  body: ActionBody,
): Promise<repo.CaseRow> {
  if (!(await repo.lockCase(trx, caseId))) throw notFound('Case');
  const row = (await repo.findCase(trx, caseId)) as repo.CaseRow;
  const view = await accessViewOf(trx, row);
  const actor = 'actor' in performer ? performer.actor : null;
  const vouched = 'vouched' in performer && performer.vouched === true;
  if (actor && !vouched && !canReadCase(actor, view)) throw notFound('Case');

  const relations: Set<Relation> = vouched
    ? new Set(['tier_handler', 'assignee', 'supervisor', 'reporter'])
    : actor
      ? relationsOf(actor, view)
      : new Set(['reporter']);
  const decision = decide(
    action,
    { state: row.state, suspendedFrom: row.suspended_from },
    relations,
    (p) => vouched || (actor ? hasCasePermission(actor, view, p) : false),
  );
  if (!decision.ok) {
    if (decision.code === 'CASE_ACTION_FORBIDDEN') {
      throw new AppError(403, decision.code, `You may not ${action} this case.`);
    }
    throw new AppError(409, decision.code, `A case that is ${row.state} cannot be ${PAST(action)}.`, 'state');
  }
  if (body.expectedVersion !== undefined && body.expectedVersion !== row.version) {
    throw new AppError(
      409,
      'CASE_VERSION_CONFLICT',
      `The case changed since you opened it (now ${row.state}). Reload it and try again.`,
      'expectedVersion',
    );
  }

  const context: ActionContext = { trx, deps, actor, row, body, now: nowOf(deps) };
  const effect = effectOf(action, row, await checkedBody(context, action), await effectEnv(context));
  await applySideRecords(context, action, effect);
  await applyEffect(trx, deps.timeZone, context.now, row, action, actor, decision.to, effect);
  return (await repo.findCase(trx, caseId)) as repo.CaseRow;
}

async function applyEffect(
  trx: Kysely<DB>,
  timeZone: string,
  now: Date,
  row: repo.CaseRow,
  action: CaseAction,
  actor: Actor | null,
  to: CaseState,
  effect: Effect,
) {
  await repo.updateCase(trx, row.id, { state: to, ...effect.changes });
  await recordCaseEvent(
    trx,
    timeZone,
    row,
    { type: EVENT_TYPES[action], actorUserId: actor?.userId ?? null, data: { from: row.state, to, ...effect.event } },
    now,
  );
  const updated = (await repo.findCase(trx, row.id)) as repo.CaseRow;
  for (const message of effect.notify ?? []) {
    const recipients = (await recipientsOf(trx, updated, message.to)).filter((id) => id !== actor?.userId);
    await notify(trx, recipients, {
      kind: message.kind,
      streetId: row.street_id,
      caseId: row.id,
      data: { number: row.number, title: row.title, ...message.data },
    });
  }
  // Some moves lead on by themselves: a good rating closes the case, a bad first rating returns it.
  if (effect.followUp) {
    await applyEffect(trx, timeZone, now, updated, effect.followUp.action, null, effect.followUp.to, effect.followUp.effect);
  }
}

/** "cannot be accepted", from the event's name; contact reads better in its own words. */
const PAST = (action: CaseAction) => (action === 'contact' ? 'given a contact' : (EVENT_TYPES[action].split('.')[1] as string));
