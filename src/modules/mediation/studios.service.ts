/**
 * Studios and mediators: staff register mediators (users with a mediation role or outside
 * people) and studios with opening schedules; any signed-in person of the street sees the studios
 * and their free slots and books one; staff see a calendar of sessions and bookings. A slot's
 * capacity is checked under a lock on the studio, so two people can never both take its last place.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import { maskName, maskPhone } from '../../platform/security/masking.ts';
import type { Actor } from '../access/access.policy.ts';
import { canManageAt, readScopes } from './mediation.policy.ts';
import type { bookingBody, calendarQuery, mediatorBody, studioBody } from './mediation.schemas.ts';
import { type Db, type MediationDeps, nodeOf, nowOf, streetOf } from './mediation.shared.ts';
import { scheduleProblem, slotAt, slotsBetween } from './studio-schedule.ts';

/** Staff act at a node they manage; a node outside every scope of theirs is "not found". */
async function managedNode(db: Db, actor: Actor, nodeId: string) {
  const node = await nodeOf(db, nodeId);
  const readable = readScopes(actor).some((scope) => node.path.startsWith(scope) || scope.startsWith(node.path));
  if (!readable) throw badRequest('NODE_NOT_FOUND', 'Choose an area.', 'nodeId');
  if (!canManageAt(actor, node.path)) throw forbidden('MEDIATION_FORBIDDEN', 'You may not manage mediation here.');
  return node;
}

export async function createMediator(db: Db, actor: Actor, body: z.infer<typeof mediatorBody>) {
  const node = await managedNode(db, actor, body.nodeId);
  let name = body.name;
  if (body.userId) {
    const user = await db
      .selectFrom('users as u')
      .innerJoin('role_assignments as ra', 'ra.user_id', 'u.id')
      .innerJoin('role_permissions as rp', 'rp.role', 'ra.role')
      .select(['u.id', 'u.display_name'])
      .where('u.id', '=', body.userId)
      .where('u.street_id', '=', streetOf(node))
      .where('rp.permission', '=', 'mediation.manage')
      .executeTakeFirst();
    if (!user) throw badRequest('MEDIATOR_USER', 'Choose a user of this street who holds a mediation role.', 'userId');
    name ??= user.display_name;
  }
  const row = await db
    .insertInto('mediators')
    .values({
      street_id: streetOf(node),
      node_id: node.id,
      user_id: body.userId ?? null,
      name: name as string,
      kind: body.kind,
      phone: body.phone ?? null,
      affiliation: body.affiliation ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await listMediators(db, actor)).items.find((m) => m.id === row.id) as MediatorView;
}

type MediatorView = Awaited<ReturnType<typeof listMediators>>['items'][number];

export async function listMediators(db: Db, actor: Actor) {
  const scopes = readScopes(actor);
  if (scopes.length === 0) return { items: [] };
  const rows = await db
    .selectFrom('mediators as m')
    .innerJoin('area_nodes as n', 'n.id', 'm.node_id')
    .select(['m.id', 'm.node_id', 'n.name as node_name', 'n.path', 'm.user_id', 'm.name', 'm.kind', 'm.phone', 'm.affiliation'])
    .where('m.retired_at', 'is', null)
    // Mediators of the reader's scope and of the levels above it, who may come down to mediate.
    .where((eb) =>
      eb.or(scopes.flatMap((scope) => [eb('n.path', 'like', `${scope}%`), sql<boolean>`${scope}::text like n.path || '%'`])),
    )
    .orderBy('n.path')
    .orderBy('m.name')
    .execute();
  return {
    items: rows.map((m) => ({
      id: m.id,
      nodeId: m.node_id,
      nodeName: m.node_name,
      userId: m.user_id,
      name: m.name,
      kind: m.kind,
      phone: canManageAt(actor, m.path) ? m.phone : maskPhone(m.phone),
      affiliation: m.affiliation,
    })),
  };
}

async function studioViews(db: Db, where: { streetId?: string; id?: string }) {
  let q = db
    .selectFrom('mediation_studios as s')
    .innerJoin('area_nodes as n', 'n.id', 's.node_id')
    .select(['s.id', 's.street_id', 's.node_id', 'n.name as node_name', 'n.path', 's.name', 's.address', 's.schedule'])
    .where('s.retired_at', 'is', null);
  if (where.streetId) q = q.where('s.street_id', '=', where.streetId);
  if (where.id) q = q.where('s.id', '=', where.id);
  const studios = await q.orderBy('n.path').orderBy('s.name').execute();
  const mediators =
    studios.length === 0
      ? []
      : await db
          .selectFrom('mediation_studio_mediators as sm')
          .innerJoin('mediators as m', 'm.id', 'sm.mediator_id')
          .select(['sm.studio_id', 'm.id', 'm.name', 'm.kind'])
          .where(
            'sm.studio_id',
            'in',
            studios.map((s) => s.id),
          )
          .orderBy('m.name')
          .execute();
  return studios.map((s) => ({
    id: s.id,
    streetId: s.street_id,
    path: s.path,
    nodeId: s.node_id,
    nodeName: s.node_name,
    name: s.name,
    address: s.address,
    schedule: s.schedule.map((h) => ({ ...h, mediatorId: h.mediatorId ?? null })),
    mediators: mediators.filter((m) => m.studio_id === s.id).map(({ id, name, kind }) => ({ id, name, kind })),
  }));
}

const publicStudio = ({ streetId: _s, path: _p, ...studio }: Awaited<ReturnType<typeof studioViews>>[number]) => studio;

export async function createStudio(db: Db, actor: Actor, body: z.infer<typeof studioBody>) {
  const node = await managedNode(db, actor, body.nodeId);
  const problem = scheduleProblem(body.schedule);
  if (problem) throw badRequest('STUDIO_SCHEDULE', problem.message, problem.field);
  const streetId = streetOf(node);
  const mediatorIds = [...new Set([...body.mediatorIds, ...body.schedule.flatMap((h) => (h.mediatorId ? [h.mediatorId] : []))])];
  if (mediatorIds.length > 0) {
    const found = await db
      .selectFrom('mediators')
      .select('id')
      .where('id', 'in', mediatorIds)
      .where('street_id', '=', streetId)
      .where('retired_at', 'is', null)
      .execute();
    const missing = mediatorIds.find((id) => !found.some((m) => m.id === id));
    if (missing) throw badRequest('MEDIATOR_NOT_FOUND', `Mediator ${missing} is not one of this street.`, 'mediatorIds');
  }
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('mediation_studios')
      .values({
        street_id: streetId,
        node_id: node.id,
        name: body.name,
        address: body.address,
        schedule: JSON.stringify(body.schedule),
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (mediatorIds.length > 0) {
      await trx
        .insertInto('mediation_studio_mediators')
        .values(mediatorIds.map((mediator_id) => ({ studio_id: row.id, mediator_id })))
        .execute();
    }
    return row.id;
  });
  return publicStudio((await studioViews(db, { id }))[0] as Awaited<ReturnType<typeof studioViews>>[number]);
}

/** The studios of the reader's street: residents choose where to book. */
export async function listStudios(db: Db, actor: Actor) {
  if (!actor.streetId) return { items: [] };
  return { items: (await studioViews(db, { streetId: actor.streetId })).map(publicStudio) };
}

async function studioOfStreet(db: Db, actor: Actor, id: string) {
  const studio = (await studioViews(db, { id }))[0];
  if (!studio || studio.streetId !== actor.streetId) throw notFound('Studio');
  return studio;
}

export async function freeSlots(deps: MediationDeps, actor: Actor, id: string, from: string, to: string) {
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
  return (await myBookings(db, actor)).items.find((b) => b.id === bookingId) as BookingView;
}

type BookingView = Awaited<ReturnType<typeof myBookings>>['items'][number];

export async function myBookings(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('mediation_bookings as b')
    .innerJoin('mediation_studios as s', 's.id', 'b.studio_id')
    .select(['b.id', 'b.studio_id', 's.name', 'b.slot_start', 'b.slot_end', 'b.topic', 'b.status'])
    .where('b.user_id', '=', actor.userId)
    .orderBy('b.slot_start', 'desc')
    .limit(100)
    .execute();
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

export async function cancelBooking(deps: MediationDeps, actor: Actor, id: string) {
  const updated = await deps.db
    .updateTable('mediation_bookings')
    .set({ status: 'cancelled', cancelled_at: nowOf(deps) })
    .where('id', '=', id)
    .where('user_id', '=', actor.userId)
    .where('status', '=', 'booked')
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw notFound('Booking');
  return (await myBookings(deps.db, actor)).items.find((b) => b.id === id) as BookingView;
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
  const inRange = (at: Date) => localDay(at, deps.timeZone) >= query.from && localDay(at, deps.timeZone) <= query.to;
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

const localDay = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
