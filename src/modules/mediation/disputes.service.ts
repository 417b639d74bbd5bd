/**
 * Dispute files: opened from a case (its reporter becomes a party), a walk-in or a referral;
 * read with parties masked outside the mediation role; listed; amended. Its moves through the
 * levels and the state machine are in dispute-lifecycle.service.ts.
 */
import type { z } from 'zod';
import { badRequest, conflict, forbidden } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { visibleCase } from '../cases/case-view.ts';
import { checkRisk, levelOfNode, type Ruled } from './dispute-rules.ts';
import { getDispute } from './dispute-views.service.ts';
import type { disputePatchBody, openDisputeBody } from './disputes.schemas.ts';
import { canManageDispute, canReadDispute } from './mediation.policy.ts';
import {
  type Db,
  type MediationDeps,
  managedDispute,
  nextDisputeNumber,
  nodeAtLevel,
  nodeOf,
  nowOf,
  recordDisputeEvent,
  streetOf,
} from './mediation.shared.ts';
import { toFen } from './performance.ts';

type PartyInput = z.infer<typeof openDisputeBody>['parties'][number];

export function ruled<T>(result: Ruled<T>, status = 409): T {
  if (result.ok) return result.value;
  const { code, message, field } = result.error;
  throw status === 400 ? badRequest(code, message, field) : conflict(code, message, field);
}

async function checkMediatorAndStudio(db: Db, streetId: string, mediatorId?: string | null, studioId?: string | null) {
  if (mediatorId) {
    const found = await db
      .selectFrom('mediators')
      .select('id')
      .where('id', '=', mediatorId)
      .where('street_id', '=', streetId)
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    if (!found) throw badRequest('MEDIATOR_NOT_FOUND', 'Choose a mediator of this street.', 'mediatorId');
  }
  if (studioId) {
    const found = await db
      .selectFrom('mediation_studios')
      .select('id')
      .where('id', '=', studioId)
      .where('street_id', '=', streetId)
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    if (!found) throw badRequest('STUDIO_NOT_FOUND', 'Choose a studio of this street.', 'studioId');
  }
}

const partyRows = (disputeId: string, parties: PartyInput[], first = 1) =>
  parties.map((p, i) => ({
    dispute_id: disputeId,
    seq: first + i,
    side: p.side,
    kind: p.kind,
    name: p.name,
    phone: p.phone ?? null,
    id_number: p.idNumber ?? null,
    address: p.address ?? null,
    user_id: null as string | null,
  }));

export async function openDispute(deps: MediationDeps, actor: Actor, body: z.infer<typeof openDisputeBody>, ip: string) {
  const { db } = deps;
  let node: Awaited<ReturnType<typeof nodeOf>>;
  let reporter: PartyInput & { userId: string | null } = { side: 'applicant', kind: 'person', name: '', userId: null };
  if (body.caseId) {
    const { row } = await visibleCase(db, actor, body.caseId);
    node = await nodeOf(db, body.nodeId ?? row.grid_id ?? row.community_id ?? row.street_id, 'nodeId');
    // A resident who reported through their account is one of the register: their phone and ID
    // number come with them. A case staff recorded for someone names that person, not the recorder.
    const selfReported = row.source === 'resident' || row.source === 'patrol';
    const account =
      selfReported && row.reporter_user_id
        ? await db
            .selectFrom('users as u')
            .leftJoin('residents as r', 'r.id', 'u.resident_id')
            .select(['u.display_name', 'r.phone', 'r.id_number'])
            .where('u.id', '=', row.reporter_user_id)
            .executeTakeFirst()
        : undefined;
    const reporterName = row.reporter_name ?? account?.display_name;
    if (reporterName) {
      reporter = {
        ...reporter,
        name: reporterName,
        phone: row.reporter_phone ?? account?.phone ?? undefined,
        idNumber: account?.id_number ?? undefined,
        userId: account ? row.reporter_user_id : null,
      };
    }
  } else {
    node = await nodeOf(db, body.nodeId as string);
  }
  const level = levelOfNode(node.level);
  if (!level) throw badRequest('DISPUTE_NODE_LEVEL', 'Open a dispute at a street, community, grid or below.', 'nodeId');
  const handling = await nodeAtLevel(db, node.path, level);
  const access = { locationPath: node.path, handlingPath: handling.path };
  if (!canReadDispute(actor, access)) throw badRequest('NODE_NOT_FOUND', 'Choose an area.', 'nodeId');
  if (!canManageDispute(actor, access)) throw forbidden('MEDIATION_FORBIDDEN', 'You may not open disputes here.');
  ruled(checkRisk(body.riskLevel, body.riskReasons), 400);
  const streetId = streetOf(node);
  await checkMediatorAndStudio(db, streetId, body.mediatorId, body.studioId);
  if (body.caseId) {
    const existing = await db.selectFrom('disputes').select('number').where('case_id', '=', body.caseId).executeTakeFirst();
    if (existing) throw conflict('DISPUTE_CASE_TAKEN', `The case already has dispute file ${existing.number}.`, 'caseId');
  }
  const now = nowOf(deps);
  const number = await nextDisputeNumber(db, streetId, Number(now.toISOString().slice(0, 4)));
  const id = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('disputes')
      .values({
        street_id: streetId,
        number,
        node_id: node.id,
        location_path: node.path,
        handling_node_id: handling.id,
        handling_path: handling.path,
        level,
        source: body.source,
        case_id: body.caseId ?? null,
        referred_by: body.referredBy ?? null,
        type: body.type,
        title: body.title,
        facts: body.facts,
        people_involved: body.peopleInvolved,
        amount_fen: toFen(body.amount),
        risk_level: body.riskLevel,
        risk_reasons: body.riskReasons,
        state: 'opened',
        mediator_id: body.mediatorId ?? null,
        studio_id: body.studioId ?? null,
        opened_by: actor.userId,
        opened_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const parties = partyRows(inserted.id, reporter.name ? [reporter, ...body.parties] : body.parties);
    if (reporter.name && parties[0]) parties[0].user_id = reporter.userId;
    if (parties.length > 0) await trx.insertInto('dispute_parties').values(parties).execute();
    await recordDisputeEvent(
      trx,
      { id: inserted.id, street_id: streetId },
      {
        type: 'dispute.opened',
        actorUserId: actor.userId,
        at: now,
        data: { from: null, to: 'opened', number, source: body.source, caseId: body.caseId ?? null, level },
      },
    );
    return inserted.id;
  });
  return getDispute(deps, actor, id, ip);
}

export async function updateDispute(
  deps: MediationDeps,
  actor: Actor,
  id: string,
  body: z.infer<typeof disputePatchBody>,
  ip: string,
) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await managedDispute(trx, actor, id);
    const riskLevel = body.riskLevel ?? row.risk_level;
    const riskReasons = body.riskReasons ?? row.risk_reasons;
    ruled(checkRisk(riskLevel, riskReasons), 400);
    await checkMediatorAndStudio(trx, row.street_id, body.mediatorId, body.studioId);
    const now = nowOf(deps);
    await trx
      .updateTable('disputes')
      .set({
        people_involved: body.peopleInvolved ?? row.people_involved,
        amount_fen: body.amount === undefined ? row.amount_fen : toFen(body.amount),
        risk_level: riskLevel,
        risk_reasons: riskReasons,
        mediator_id: body.mediatorId === undefined ? row.mediator_id : body.mediatorId,
        studio_id: body.studioId === undefined ? row.studio_id : body.studioId,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    if (body.parties) {
      await trx.deleteFrom('dispute_parties').where('dispute_id', '=', id).execute();
      if (body.parties.length > 0) await trx.insertInto('dispute_parties').values(partyRows(id, body.parties)).execute();
    }
    const changed = Object.keys(body).filter((key) => key !== 'parties');
    await recordDisputeEvent(trx, row, {
      type: 'dispute.updated',
      actorUserId: actor.userId,
      at: now,
      data: {
        changed: body.parties ? [...changed, 'parties'] : changed,
        ...(body.riskLevel && body.riskLevel !== row.risk_level ? { riskFrom: row.risk_level, riskTo: body.riskLevel } : {}),
      },
    });
  });
  return getDispute(deps, actor, id, ip);
}
