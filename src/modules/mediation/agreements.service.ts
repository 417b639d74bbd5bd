/**
 * The agreement of a dispute: facts, terms and a performance schedule, saved as a new version
 * each time it is drawn up again; its document for the PDF; and the follow-up, where each
 * instalment is checked and an unpaid one may reopen the file.
 */
import type { z } from 'zod';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { agreementDocumentOf } from './agreement-document.ts';
import { moveDispute } from './dispute-lifecycle.service.ts';
import { CHECKABLE_STATES, DRAFTABLE_STATES, transition } from './dispute-rules.ts';
import type { agreementBody, checkBody } from './disputes.schemas.ts';
import { ruled } from './disputes.service.ts';
import {
  type Db,
  handlersOf,
  type MediationDeps,
  managedDispute,
  nowOf,
  readableDispute,
  recordDisputeEvent,
} from './mediation.shared.ts';
import { checkedInstalment, toFen, toYuan } from './performance.ts';

async function agreementRow(db: Db, disputeId: string, version?: number) {
  let q = db.selectFrom('dispute_agreements').selectAll().where('dispute_id', '=', disputeId);
  q = version ? q.where('version', '=', version) : q.orderBy('version', 'desc').limit(1);
  return q.executeTakeFirst();
}

async function present(db: Db, row: NonNullable<Awaited<ReturnType<typeof agreementRow>>>) {
  const instalments = await db
    .selectFrom('dispute_instalments')
    .selectAll()
    .where('agreement_id', '=', row.id)
    .orderBy('seq')
    .execute();
  return {
    id: row.id,
    disputeId: row.dispute_id,
    version: row.version,
    facts: row.facts,
    terms: row.terms,
    createdAt: row.created_at,
    schedule: instalments.map((i) => ({
      id: i.id,
      seq: i.seq,
      dueDate: i.due_date,
      amount: toYuan(i.amount_fen),
      what: i.what,
      status: i.status,
      paidAmount: toYuan(i.paid_fen),
      checkedAt: i.checked_at,
      note: i.check_note,
    })),
  };
}

export async function getAgreement(db: Db, actor: Actor, disputeId: string, version?: number) {
  await readableDispute(db, actor, disputeId);
  const row = await agreementRow(db, disputeId, version);
  if (!row) throw notFound(version ? `Agreement version ${version}` : 'Agreement');
  return present(db, row);
}

export async function draftAgreement(deps: MediationDeps, actor: Actor, disputeId: string, body: z.infer<typeof agreementBody>) {
  const id = await deps.db.transaction().execute(async (trx) => {
    const dispute = await managedDispute(trx, actor, disputeId);
    if (!DRAFTABLE_STATES.includes(dispute.state)) {
      throw conflict(
        'AGREEMENT_LOCKED',
        `An agreement is not drawn up for a dispute that is ${dispute.state}; reopen it first.`,
        'state',
      );
    }
    const last = await agreementRow(trx, disputeId);
    const version = (last?.version ?? 0) + 1;
    const now = nowOf(deps);
    const row = await trx
      .insertInto('dispute_agreements')
      .values({
        street_id: dispute.street_id,
        dispute_id: disputeId,
        version,
        facts: body.facts,
        terms: JSON.stringify(body.terms),
        created_by: actor.userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const schedule = [...body.schedule].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    if (schedule.length > 0) {
      await trx
        .insertInto('dispute_instalments')
        .values(
          schedule.map((i, n) => ({
            street_id: dispute.street_id,
            agreement_id: row.id,
            dispute_id: disputeId,
            seq: n + 1,
            due_date: i.dueDate,
            amount_fen: toFen(i.amount),
            what: i.what,
          })),
        )
        .execute();
    }
    await recordDisputeEvent(trx, dispute, {
      type: 'dispute.agreement_drawn_up',
      actorUserId: actor.userId,
      at: now,
      data: { version, terms: body.terms.length, instalments: schedule.length },
    });
    return row.id;
  });
  const row = await deps.db.selectFrom('dispute_agreements').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return present(deps.db, row);
}

/** The document a version of the agreement prints: the parties in full, for the parties. */
export async function agreementDocument(deps: MediationDeps, actor: Actor, disputeId: string, version?: number) {
  const { db } = deps;
  const dispute = await readableDispute(db, actor, disputeId);
  const agreement = await agreementRow(db, disputeId, version);
  if (!agreement) throw notFound(version ? `Agreement version ${version}` : 'Agreement');
  const [handling, studio, parties, instalments, sessions] = await Promise.all([
    db.selectFrom('area_nodes').select('name').where('id', '=', dispute.handling_node_id).executeTakeFirstOrThrow(),
    dispute.studio_id
      ? db.selectFrom('mediation_studios').select(['name', 'address']).where('id', '=', dispute.studio_id).executeTakeFirst()
      : undefined,
    db.selectFrom('dispute_parties').selectAll().where('dispute_id', '=', disputeId).execute(),
    db.selectFrom('dispute_instalments').selectAll().where('agreement_id', '=', agreement.id).execute(),
    db
      .selectFrom('dispute_sessions')
      .select('mediator_ids')
      .where('dispute_id', '=', disputeId)
      .where('status', '=', 'held')
      .execute(),
  ]);
  const mediatorIds = [
    ...new Set([...(dispute.mediator_id ? [dispute.mediator_id] : []), ...sessions.flatMap((s) => s.mediator_ids)]),
  ];
  const mediators =
    mediatorIds.length === 0
      ? []
      : await db.selectFrom('mediators').select(['id', 'name', 'kind']).where('id', 'in', mediatorIds).execute();
  return agreementDocumentOf(
    {
      dispute: {
        number: dispute.number,
        type: dispute.type,
        level: dispute.level,
        committeeName: `${handling.name}人民调解委员会`,
      },
      studio: studio ?? null,
      parties: parties.map((p) => ({
        seq: p.seq,
        side: p.side,
        kind: p.kind,
        name: p.name,
        idNumber: p.id_number,
        phone: p.phone,
        address: p.address,
      })),
      agreement: { version: agreement.version, facts: agreement.facts, terms: agreement.terms, createdAt: agreement.created_at },
      instalments: instalments.map((i) => ({ seq: i.seq, dueDate: i.due_date, amountFen: i.amount_fen, what: i.what })),
      mediators: mediatorIds.flatMap((id) => mediators.filter((m) => m.id === id).map(({ name, kind }) => ({ name, kind }))),
    },
    deps.timeZone,
  );
}

export async function checkInstalment(
  deps: MediationDeps,
  actor: Actor,
  disputeId: string,
  instalmentId: string,
  body: z.infer<typeof checkBody>,
) {
  await deps.db.transaction().execute(async (trx) => {
    const dispute = await managedDispute(trx, actor, disputeId);
    const current = await agreementRow(trx, disputeId);
    const instalment = await trx
      .selectFrom('dispute_instalments')
      .selectAll()
      .where('id', '=', instalmentId)
      .where('dispute_id', '=', disputeId)
      .forUpdate()
      .executeTakeFirst();
    if (!instalment) throw notFound('Instalment');
    if (instalment.agreement_id !== current?.id) {
      throw conflict('INSTALMENT_SUPERSEDED', 'The instalment belongs to an earlier version of the agreement.');
    }
    if (!CHECKABLE_STATES.includes(dispute.state)) {
      throw conflict('DISPUTE_NOT_FOLLOWED_UP', `A dispute that is ${dispute.state} has no follow-up.`, 'state');
    }
    if (body.reopen && body.result !== 'not_paid') {
      throw badRequest('INSTALMENT_REOPEN', 'Only an unpaid instalment reopens the file.', 'reopen');
    }
    if (body.reopen) ruled(transition(dispute.state, 'reopened'));
    const checked = checkedInstalment(
      instalment.amount_fen,
      body.result,
      body.paidAmount === undefined ? undefined : toFen(body.paidAmount),
    );
    if (!checked.ok) throw badRequest(checked.code, checked.message, checked.field);
    const now = nowOf(deps);
    await trx
      .updateTable('dispute_instalments')
      .set({
        status: body.result,
        paid_fen: checked.paidFen,
        checked_by: actor.userId,
        checked_at: now,
        check_note: body.note ?? null,
      })
      .where('id', '=', instalmentId)
      .execute();
    await recordDisputeEvent(trx, dispute, {
      type: 'dispute.instalment_checked',
      actorUserId: actor.userId,
      at: now,
      data: { instalmentId, seq: instalment.seq, result: body.result, paidAmount: toYuan(checked.paidFen) },
    });
    if (body.reopen) {
      await moveDispute(trx, actor, dispute, 'reopened', now, { reason: 'agreement_broken', instalmentId });
      await notify(trx, await handlersOf(trx, dispute), {
        kind: 'dispute.reopened',
        streetId: dispute.street_id,
        data: { disputeId, number: dispute.number, title: dispute.title },
      });
    }
  });
  return getAgreement(deps.db, actor, disputeId);
}
