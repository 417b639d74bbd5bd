/**
 * Mediation sessions of a dispute: scheduled at a studio or a place with mediators, then held
 * with attendees, notes, next steps and evidence photos. Holding the first session of an opened
 * (or reopened) file puts it in mediation.
 */
import type { z } from 'zod';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { attachPhotos, listPhotos } from '../photos/photos.service.ts';
import { moveDispute } from './dispute-lifecycle.service.ts';
import { OPEN_STATES } from './dispute-rules.ts';
import type { heldBody, sessionBody } from './disputes.schemas.ts';
import { type Db, type MediationDeps, managedDispute, nowOf, readableDispute, recordDisputeEvent } from './mediation.shared.ts';

export async function listSessions(db: Db, actor: Actor, disputeId: string) {
  await readableDispute(db, actor, disputeId);
  return { items: await sessionViews(db, { disputeId }) };
}

type SessionView = Awaited<ReturnType<typeof sessionViews>>[number];

async function sessionViews(db: Db, where: { disputeId?: string; id?: string }) {
  let q = db
    .selectFrom('dispute_sessions as x')
    .leftJoin('mediation_studios as s', 's.id', 'x.studio_id')
    .selectAll('x')
    .select('s.name as studio_name');
  if (where.disputeId) q = q.where('x.dispute_id', '=', where.disputeId);
  if (where.id) q = q.where('x.id', '=', where.id);
  const rows = await q.orderBy('x.scheduled_at').execute();
  const mediatorIds = [...new Set(rows.flatMap((r) => r.mediator_ids))];
  const mediators =
    mediatorIds.length === 0
      ? []
      : await db.selectFrom('mediators').select(['id', 'name']).where('id', 'in', mediatorIds).execute();
  const photos = await Promise.all(rows.map((r) => listPhotos(db, 'dispute_session', r.id)));
  return rows.map((r, i) => ({
    id: r.id,
    disputeId: r.dispute_id,
    scheduledAt: r.scheduled_at,
    studioId: r.studio_id,
    studioName: r.studio_name,
    place: r.place,
    mediators: r.mediator_ids.flatMap((id) => mediators.filter((m) => m.id === id)),
    status: r.status,
    heldAt: r.held_at,
    attendees: r.attendees,
    notes: r.notes,
    nextSteps: r.next_steps,
    photos: photos[i] ?? [],
  }));
}

export async function scheduleSession(deps: MediationDeps, actor: Actor, disputeId: string, body: z.infer<typeof sessionBody>) {
  if (!body.studioId && !body.place) throw badRequest('SESSION_PLACE', 'Choose a studio or name the place.', 'place');
  const id = await deps.db.transaction().execute(async (trx) => {
    const dispute = await managedDispute(trx, actor, disputeId);
    if (!OPEN_STATES.includes(dispute.state)) {
      throw conflict('DISPUTE_NOT_OPEN', `A dispute that is ${dispute.state} has no more sessions.`, 'state');
    }
    if (body.studioId) {
      const studio = await trx
        .selectFrom('mediation_studios')
        .select('id')
        .where('id', '=', body.studioId)
        .where('street_id', '=', dispute.street_id)
        .executeTakeFirst();
      if (!studio) throw badRequest('STUDIO_NOT_FOUND', 'Choose a studio of this street.', 'studioId');
    }
    const ids = [...new Set(body.mediatorIds)];
    if (ids.length > 0) {
      const found = await trx
        .selectFrom('mediators')
        .select('id')
        .where('id', 'in', ids)
        .where('street_id', '=', dispute.street_id)
        .execute();
      if (found.length !== ids.length) throw badRequest('MEDIATOR_NOT_FOUND', 'Choose mediators of this street.', 'mediatorIds');
    }
    const row = await trx
      .insertInto('dispute_sessions')
      .values({
        street_id: dispute.street_id,
        dispute_id: disputeId,
        studio_id: body.studioId ?? null,
        place: body.place ?? null,
        scheduled_at: new Date(body.scheduledAt),
        mediator_ids: ids,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordDisputeEvent(trx, dispute, {
      type: 'dispute.session_scheduled',
      actorUserId: actor.userId,
      at: nowOf(deps),
      data: { sessionId: row.id, scheduledAt: body.scheduledAt },
    });
    return row.id;
  });
  return (await sessionViews(deps.db, { id }))[0] as SessionView;
}

export async function holdSession(
  deps: MediationDeps,
  actor: Actor,
  disputeId: string,
  sessionId: string,
  body: z.infer<typeof heldBody>,
) {
  await deps.db.transaction().execute(async (trx) => {
    const dispute = await managedDispute(trx, actor, disputeId);
    const session = await trx
      .selectFrom('dispute_sessions')
      .selectAll()
      .where('id', '=', sessionId)
      .where('dispute_id', '=', disputeId)
      .forUpdate()
      .executeTakeFirst();
    if (!session) throw notFound('Session');
    if (session.status !== 'scheduled') throw conflict('SESSION_NOT_SCHEDULED', `The session is already ${session.status}.`);
    if (!OPEN_STATES.includes(dispute.state)) {
      throw conflict('DISPUTE_NOT_OPEN', `A dispute that is ${dispute.state} has no more sessions.`, 'state');
    }
    const now = nowOf(deps);
    const heldAt = body.heldAt ? new Date(body.heldAt) : now;
    if (heldAt > now) throw badRequest('SESSION_IN_FUTURE', 'A session is recorded as held once it has happened.', 'heldAt');
    await trx
      .updateTable('dispute_sessions')
      .set({
        status: 'held',
        held_at: heldAt,
        attendees: body.attendees,
        notes: body.notes,
        next_steps: body.nextSteps ?? null,
      })
      .where('id', '=', sessionId)
      .execute();
    await attachPhotos(trx, body.photoIds, {
      entityType: 'dispute_session',
      entityId: sessionId,
      streetId: dispute.street_id,
      uploaderUserId: actor.userId,
    });
    await recordDisputeEvent(trx, dispute, {
      type: 'dispute.session_held',
      actorUserId: actor.userId,
      at: now,
      data: { sessionId, attendees: body.attendees.length, photos: body.photoIds.length },
    });
    if (dispute.state !== 'in_mediation') {
      await moveDispute(trx, actor, dispute, 'in_mediation', now, { sessionId });
    }
  });
  return (await sessionViews(deps.db, { id: sessionId }))[0] as SessionView;
}
