/**
 * Consultation slots and bookings: anyone sees a studio's free slots (signed in, those of their
 * street; signed out, on the public page, every street's) and a signed-in person of the street
 * books one; staff see a calendar of sessions and bookings. A slot's capacity is checked under a
 * lock on the studio row, so two people can never both take its last place.
 */
import type { z } from 'zod';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { maskName } from '../../platform/security/masking.ts';
import type { Actor } from '../access/access.policy.ts';
import { localDate } from './agreement-document.ts';
import { canManageAt, readScopes } from './mediation.policy.ts';
import { type Db, type MediationDeps, nodeOf, nowOf } from './mediation.shared.ts';
import { slotAt, slotsBetween } from './studio-schedule.ts';
import type { bookingBody, calendarQuery } from './studios.schemas.ts';
import { studioViews } from './studios.service.ts';

/** A studio of the caller's street; with no caller (the public page), any open studio. */
async function studioOfStreet(db: Db, actor: Actor | null, id: string) {
  const studio = (await studioViews(db, { id }))[0];
  if (!studio || (actor && studio.streetId !== actor.streetId)) throw notFound('Studio');
  return studio;
}

/** Slots still to come with the places left in each: counts only, never who booked them. */
export async function freeSlots(deps: MediationDeps, actor: Actor | null, id: string, from: string, to: string) {
  const { db } = deps;
  const studio = await studioOfStreet(db, actor, id);
  const now = nowOf(deps);
  const slots = slotsBetween(studio.schedule, from, to, deps.timeZone).filter((slot) => slot.start > now);
  if (slots.length === 0) return { items: [] };
  const booked = await db
    .selectFrom('mediation_bookings')
    .select(['slot_start', (eb) => eb.fn.countAll<number>().as('n')])
    .where('studio_id', '=', id)
    .where('status', '=', 'booked')
    .where('slot_start', '>=', slots[0]?.start as Date)
    .where('slot_start', '<=', slots.at(-1)?.start as Date)
    .groupBy('slot_start')
    .execute();
  const taken = new Map(booked.map((b) => [b.slot_start.getTime(), Number(b.n)]));
  return {
    items: slots.map((slot) => ({
      start: slot.start,
      end: slot.end,
      capacity: slot.capacity,
      free: Math.max(0, slot.capacity - (taken.get(slot.start.getTime()) ?? 0)),
      mediatorName: studio.mediators.find((m) => m.id === slot.mediatorId)?.name ?? null,
    })),
  };
}

export async function book(deps: MediationDeps, actor: Actor, id: string, body: z.infer<typeof bookingBody>) {
  const { db } = deps;
  const studio = await studioOfStreet(db, actor, id);
  const start = new Date(body.slotStart);
  const slot = slotAt(studio.schedule, start, deps.timeZone);
  if (!slot) throw badRequest('SLOT_NOT_FOUND', 'Choose one of the studio’s slots.', 'slotStart');
  if (slot.start <= nowOf(deps)) throw badRequest('SLOT_PAST', 'That slot has already begun.', 'slotStart');
  const bookingId = await db.transaction().execute(async (trx) => {
    // The studio row is the slot's lock: bookings of one studio are counted one at a time.
    await trx.selectFrom('mediation_studios').select('id').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const mine = await trx
      .selectFrom('mediation_bookings')
      .select('id')
      .where('studio_id', '=', id)
      .where('slot_start', '=', slot.start)
      .where('user_id', '=', actor.userId)
      .where('status', '=', 'booked')
      .executeTakeFirst();
    if (mine) throw conflict('SLOT_ALREADY_BOOKED', 'You have already booked this slot.', 'slotStart');
    const taken = await trx
      .selectFrom('mediation_bookings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('studio_id', '=', id)
      .where('slot_start', '=', slot.start)
      .where('status', '=', 'booked')
      .executeTakeFirstOrThrow();
    if (Number(taken.n) >= slot.capacity) throw conflict('SLOT_FULL', 'That slot is fully booked; choose another.', 'slotStart');
    const row = await trx
      .insertInto('mediation_bookings')
      .values({
        street_id: studio.streetId,
        studio_id: id,
        slot_start: slot.start,
        slot_end: slot.end,
        user_id: actor.userId,
        topic: body.topic,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return (await myBookings(db, actor, bookingId)).items[0] as BookingView;
}

type BookingView = Awaited<ReturnType<typeof myBookings>>['items'][number];

/** My bookings, latest slot first; or just the one named. */
export async function myBookings(db: Db, actor: Actor, only?: string) {
  let q = db
    .selectFrom('mediation_bookings as b')
    .innerJoin('mediation_studios as s', 's.id', 'b.studio_id')
    .select(['b.id', 'b.studio_id', 's.name', 'b.slot_start', 'b.slot_end', 'b.topic', 'b.status'])
    .where('b.user_id', '=', actor.userId);
  if (only) q = q.where('b.id', '=', only);
  const rows = await q.orderBy('b.slot_start', 'desc').limit(100).execute();
  return {
    items: rows.map((b) => ({
      id: b.id,
      studioId: b.studio_id,
      studioName: b.name,
      slotStart: b.slot_start,
      slotEnd: b.slot_end,
      topic: b.topic,
      status: b.status,
    })),
  };
}

/**
 * Cancels my booking of a slot still to come, which frees its place. Cancelling it again answers
 * it as it is (a double tap or a retry is no mistake); someone else's booking is "not found".
 */
export async function cancelBooking(deps: MediationDeps, actor: Actor, id: string) {
  const booking = await deps.db
    .selectFrom('mediation_bookings')
    .select(['status', 'slot_start'])
    .where('id', '=', id)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!booking) throw notFound('Booking');
  if (booking.status === 'booked') {
    if (booking.slot_start <= nowOf(deps)) throw conflict('BOOKING_PAST', 'That consultation has already begun.');
    await deps.db
      .updateTable('mediation_bookings')
      .set({ status: 'cancelled', cancelled_at: nowOf(deps) })
      .where('id', '=', id)
      .where('status', '=', 'booked')
      .execute();
  }
  return (await myBookings(deps.db, actor, id)).items[0] as BookingView;
}

/** The staff calendar: sessions of disputes and consultation bookings of studios in scope, by time. */
export async function calendar(deps: MediationDeps, actor: Actor, query: z.infer<typeof calendarQuery>) {
  const { db } = deps;
  let scopes = readScopes(actor);
  if (query.nodeId) {
    const node = await nodeOf(db, query.nodeId);
    if (!scopes.some((scope) => node.path.startsWith(scope))) throw badRequest('NODE_NOT_FOUND', 'Choose an area.', 'nodeId');
    scopes = [node.path];
  }
  if (scopes.length === 0) return { items: [] };
  const from = new Date(`${query.from}T00:00:00Z`);
  const to = new Date(Date.parse(`${query.to}T00:00:00Z`) + 2 * 86_400_000);
  const sessions = await db
    .selectFrom('dispute_sessions as x')
    .innerJoin('disputes as d', 'd.id', 'x.dispute_id')
    .leftJoin('mediation_studios as s', 's.id', 'x.studio_id')
    .select(['x.id', 'x.scheduled_at', 'x.status', 's.name as studio_name', 'd.id as dispute_id', 'd.number', 'd.title'])
    .where((eb) => eb.or(scopes.map((scope) => eb('d.location_path', 'like', `${scope}%`))))
    .where('x.scheduled_at', '>=', from)
    .where('x.scheduled_at', '<', to)
    .execute();
  const bookings = await db
    .selectFrom('mediation_bookings as b')
    .innerJoin('mediation_studios as s', 's.id', 'b.studio_id')
    .innerJoin('area_nodes as n', 'n.id', 's.node_id')
    .innerJoin('users as u', 'u.id', 'b.user_id')
    .select(['b.id', 'b.slot_start', 'b.slot_end', 'b.status', 'b.topic', 's.name', 'n.path', 'u.display_name'])
    .where((eb) => eb.or(scopes.map((scope) => eb('n.path', 'like', `${scope}%`))))
    .where('b.slot_start', '>=', from)
    .where('b.slot_start', '<', to)
    .execute();
  const inRange = (at: Date) => localDate(at, deps.timeZone) >= query.from && localDate(at, deps.timeZone) <= query.to;
  const items = [
    ...sessions.map((x) => ({
      kind: 'session' as const,
      id: x.id,
      at: x.scheduled_at,
      end: null,
      studioName: x.studio_name,
      disputeId: x.dispute_id,
      disputeNumber: x.number,
      title: x.title,
      status: x.status,
      who: null,
    })),
    ...bookings.map((b) => ({
      kind: 'booking' as const,
      id: b.id,
      at: b.slot_start,
      end: b.slot_end,
      studioName: b.name,
      disputeId: null,
      disputeNumber: null,
      title: b.topic,
      status: b.status,
      who: canManageAt(actor, b.path) ? b.display_name : maskName(b.display_name),
    })),
  ].filter((entry) => inRange(entry.at));
  return { items: items.sort((a, b) => a.at.getTime() - b.at.getTime()) };
}
