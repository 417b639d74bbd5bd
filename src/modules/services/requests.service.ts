/**
 * Service requests: a resident asks for an item of the menu; the community matches a volunteer
 * (ranked by skills, grid and load); the volunteer serves it and the time is credited as service
 * hours and points; the resident rates it. Followed like a case: a deadline in working days, a
 * state machine as data (request-lifecycle.ts), one event per move on the request's timeline.
 */
import { type Kysely, sql, type Updateable } from 'kysely';
import { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { maskName, maskPhone } from '../../platform/security/masking.ts';
import { type Actor, can, pathIds, scopePathsFor } from '../access/access.policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { loadDayTable } from '../calendar/calendar.service.ts';
import { addWorkingDays, localDate } from '../calendar/working-days.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { creditHours } from '../points/ledger.service.ts';
import { homeOf } from '../residents/resident-home.ts';
import { approvedVolunteersIn, volunteerById } from '../volunteers/volunteer-links.service.ts';
import { requestableItem } from './menu.service.ts';
import {
  ACTIONS,
  allowedActions,
  deadlineStatus,
  move,
  OPEN_STATES,
  type Relation,
  type RequestAction,
  rankCandidates,
} from './request-lifecycle.ts';
import type { ACTION_BODIES, listRequestsQuery, requestBody } from './services.schemas.ts';

type Db = Kysely<DB>;

export interface ServiceDeps {
  db: Db;
  timeZone: string;
  now?: () => Date;
}
const nowOf = (deps: ServiceDeps) => (deps.now ? deps.now() : new Date());

const canHandle = (actor: Actor, path: string) => can(actor, 'services.manage', path);
const canReadAt = (actor: Actor, path: string) => can(actor, 'services.read', path) || canHandle(actor, path);

function requestQuery(db: Db) {
  return db
    .selectFrom('service_requests as r')
    .innerJoin('service_items as i', 'i.id', 'r.item_id')
    .innerJoin('service_categories as c', 'c.id', 'i.category_id')
    .innerJoin('area_nodes as n', 'n.id', 'r.node_id')
    .innerJoin('users as ru', 'ru.id', 'r.requester_user_id')
    .leftJoin('volunteers as v', 'v.id', 'r.volunteer_id')
    .leftJoin('users as vu', 'vu.id', 'v.user_id')
    .selectAll('r')
    .select([
      'i.name_zh',
      'i.name_en',
      'i.duration_minutes',
      'i.skills as item_skills',
      'c.code as category_code',
      'n.name as node_name',
    ])
    .select(['ru.display_name as requester_name', 'vu.id as volunteer_user_id', 'vu.display_name as volunteer_name']);
}
type RequestRow = NonNullable<Awaited<ReturnType<ReturnType<typeof requestQuery>['executeTakeFirst']>>>;

function relationsOf(actor: Actor, row: RequestRow): Relation[] {
  const relations: Relation[] = [];
  if (row.requester_user_id === actor.userId) relations.push('requester');
  if (row.volunteer_user_id === actor.userId) relations.push('volunteer');
  if (canHandle(actor, row.path)) relations.push('handler');
  return relations;
}

function summary(row: RequestRow, actor: Actor, now: Date) {
  const relations = relationsOf(actor, row);
  return {
    id: row.id,
    number: row.number,
    itemId: row.item_id,
    itemNameZh: row.name_zh,
    itemNameEn: row.name_en,
    categoryCode: row.category_code,
    state: row.state,
    description: row.description,
    nodeName: row.node_name,
    requester: relations.length > 0 ? row.requester_name : maskName(row.requester_name),
    volunteer: row.volunteer_id ? { id: row.volunteer_id, name: row.volunteer_name as string } : null,
    createdAt: row.created_at,
    dueDate: row.due_date,
    deadline: deadlineStatus({ state: row.state, dueAt: row.due_at, completedAt: row.completed_at }, now),
    rating: row.rating,
  };
}

async function readable(db: Db, actor: Actor, id: string) {
  const row = await requestQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!row || (relationsOf(actor, row).length === 0 && !canReadAt(actor, row.path))) throw notFound('Service request');
  return row;
}

async function nextNumber(db: Db, streetId: string, year: number) {
  const row = await db
    .insertInto('service_request_counters')
    .values({ street_id: streetId, year, last: 1 })
    .onConflict((oc) => oc.columns(['street_id', 'year']).doUpdateSet({ last: sql`service_request_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `FW${year}-${String(row.last).padStart(6, '0')}`;
}

/** Staff who handle requests at the community or grid of a path. */
async function handlersOf(db: Db, path: string) {
  const rows = await db
    .selectFrom('role_assignments as ra')
    .innerJoin('area_nodes as n', 'n.id', 'ra.node_id')
    .innerJoin('role_permissions as rp', 'rp.role', 'ra.role')
    .select('ra.user_id')
    .distinct()
    .where('rp.permission', '=', 'services.manage')
    .where('n.level', 'in', ['community', 'grid'])
    .where(sql<boolean>`${path}::text like n.path || '%'`)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function createRequest(deps: ServiceDeps, actor: Actor, body: z.infer<typeof requestBody>) {
  const { db } = deps;
  const home = await homeOf(db, actor.userId);
  if (!home?.streetId || !home.nodeId || !home.path)
    throw badRequest('HOME_UNKNOWN', 'Your home is not on record; ask your community to add it.');
  const streetId = home.streetId;
  const item = await requestableItem(db, streetId, body.itemId);
  const now = nowOf(deps);
  const due = addWorkingDays(now, item.working_days, await loadDayTable(db, streetId), { timeZone: deps.timeZone });
  const number = await nextNumber(db, streetId, Number(localDate(now, deps.timeZone).slice(0, 4)));
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('service_requests')
      .values({
        street_id: streetId,
        number,
        item_id: item.id,
        requester_user_id: actor.userId,
        node_id: home.nodeId as string,
        path: home.path as string,
        description: body.description,
        address: body.address ?? null,
        contact_phone: body.contactPhone ?? home.phone,
        preferred_time: body.preferredTime ?? null,
        state: 'requested',
        due_date: due.dueDate,
        due_at: due.dueAt,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      streetId,
      entityType: 'service_request',
      entityId: row.id,
      type: 'service_request.requested',
      actorUserId: actor.userId,
      at: now,
      data: { itemId: item.id, dueDate: due.dueDate },
    });
    await notify(trx, await handlersOf(trx, home.path as string), {
      kind: 'service_request.requested',
      streetId,
      data: { requestId: row.id, number, itemNameZh: item.name_zh, itemNameEn: item.name_en },
    });
    return row.id;
  });
  return getRequest(deps, actor, id, null);
}

export async function listRequests(deps: ServiceDeps, actor: Actor, query: z.infer<typeof listRequestsQuery>) {
  const { db } = deps;
  const after = decodeCursor(query.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
  let q = requestQuery(db);
  if (query.role === 'requester') q = q.where('r.requester_user_id', '=', actor.userId);
  else if (query.role === 'volunteer') q = q.where('vu.id', '=', actor.userId);
  else {
    let scopes = [...new Set([...scopePathsFor(actor, 'services.read'), ...scopePathsFor(actor, 'services.manage')])];
    if (query.nodeId) {
      const node = await db.selectFrom('area_nodes').select('path').where('id', '=', query.nodeId).executeTakeFirst();
      if (!node || !scopes.some((scope) => node.path.startsWith(scope)))
        throw badRequest('NODE_NOT_FOUND', 'Choose an area.', 'nodeId');
      scopes = [node.path];
    }
    if (scopes.length === 0) return { items: [], nextCursor: null };
    q = q.where((eb) => eb.or(scopes.map((scope) => eb('r.path', 'like', `${scope}%`))));
  }
  if (query.state) q = q.where('r.state', '=', query.state);
  if (query.itemId) q = q.where('r.item_id', '=', query.itemId);
  if (query.overdue) q = q.where('r.state', 'in', [...OPEN_STATES]).where('r.due_at', '<', nowOf(deps));
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('r.created_at', '<', new Date(after[0])),
        eb.and([eb('r.created_at', '=', new Date(after[0])), eb('r.id', '<', after[1])]),
      ]),
    );
  const rows = await q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const now = nowOf(deps);
  return toPage(
    rows,
    query.limit,
    (r) => summary(r, actor, now),
    (r) => [r.created_at.toISOString(), r.id],
  );
}

/** A request with its timeline and the moves the reader may make; the contact phone in full only to those who serve it. */
export async function getRequest(deps: ServiceDeps, actor: Actor, id: string, ip: string | null) {
  const { db } = deps;
  const row = await readable(db, actor, id);
  const relations = relationsOf(actor, row);
  const events = await db
    .selectFrom('events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.type', 'e.at', 'e.data', 'u.display_name'])
    .where('e.entity_type', '=', 'service_request')
    .where('e.entity_id', '=', id)
    .orderBy('e.id')
    .execute();
  const fullPhone = relations.length > 0 && row.contact_phone !== null;
  if (fullPhone && !relations.includes('requester'))
    await recordAudit(db, {
      action: 'service_request.read_contact',
      actorUserId: actor.userId,
      streetId: row.street_id,
      subjectType: 'service_request',
      subjectIds: [row.id],
      ip,
    });
  return {
    ...summary(row, actor, nowOf(deps)),
    address: relations.length > 0 ? row.address : null,
    contactPhone: fullPhone ? row.contact_phone : maskPhone(row.contact_phone),
    preferredTime: row.preferred_time,
    minutesServed: row.minutes_served,
    ratingComment: row.rating_comment,
    closingReason: row.closing_reason,
    allowedActions: allowedActions(row.state, relations),
    timeline: events.map((e) => ({ type: e.type, at: e.at, actorName: e.display_name, data: e.data })),
  };
}

/** The approved volunteers of the request's community, ranked for matching, with how busy each is. */
export async function candidates(deps: ServiceDeps, actor: Actor, id: string) {
  const { db } = deps;
  const row = await readable(db, actor, id);
  if (!canHandle(actor, row.path)) throw new AppError(403, 'FORBIDDEN', 'Your roles do not allow this (services.manage).');
  const nodes = await db.selectFrom('area_nodes').select(['id', 'level']).where('id', 'in', pathIds(row.path)).execute();
  const community = nodes.find((n) => n.level === 'community');
  if (!community) return { items: [] };
  const grid = nodes.find((n) => n.level === 'grid')?.id ?? null;
  const volunteers = await approvedVolunteersIn(db, community.id);
  const busy = volunteers.length
    ? await db
        .selectFrom('service_requests')
        .select(['volunteer_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'volunteer_id',
          'in',
          volunteers.map((v) => v.id),
        )
        .where('state', 'in', ['matched', 'in_service'])
        .groupBy('volunteer_id')
        .execute()
    : [];
  const open = new Map(busy.map((b) => [b.volunteer_id, Number(b.n)]));
  const byId = new Map(volunteers.map((v) => [v.id, v]));
  const ranked = rankCandidates(
    row.item_skills,
    grid,
    volunteers.map((v) => ({ id: v.id, skills: v.skills, gridId: v.gridId, openRequests: open.get(v.id) ?? 0 })),
  );
  return {
    items: ranked.slice(0, 30).map((r) => {
      const v = byId.get(r.id) as (typeof volunteers)[number];
      return {
        volunteerId: v.id,
        name: v.name,
        gridName: v.gridName,
        teamName: v.teamName,
        skills: v.skills,
        matchingSkills: r.matchingSkills,
        sameGrid: r.sameGrid,
        openRequests: open.get(v.id) ?? 0,
        partner: v.partner,
      };
    }),
  };
}

type Bodies = { [A in RequestAction]: z.infer<(typeof ACTION_BODIES)[A]> };

/** One move of a request, under a lock on its row: the state, its fields, its event and who is told, together. */
export async function act<A extends RequestAction>(deps: ServiceDeps, actor: Actor, id: string, action: A, body: Bodies[A]) {
  const { db } = deps;
  await readable(db, actor, id);
  const now = nowOf(deps);
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('service_requests').select('id').where('id', '=', id).forUpdate().execute();
    const row = (await requestQuery(trx).where('r.id', '=', id).executeTakeFirst()) as RequestRow;
    if (body.expectedVersion !== undefined && body.expectedVersion !== row.version)
      throw conflict('REQUEST_CHANGED', 'The request changed since you loaded it; look again.', 'expectedVersion');
    const moved = move(row.state, action, relationsOf(actor, row));
    if (!moved.ok) throw new AppError(moved.status, moved.error.code, moved.error.message);
    const changes: Updateable<DB['service_requests']> = { state: moved.value, updated_at: now, version: row.version + 1 };
    const data: Record<string, unknown> = { from: row.state, to: moved.value };
    const tell = new Set<string>();
    const b = body as Record<string, unknown>;
    if (action === 'match') {
      const volunteer = await volunteerById(trx, b.volunteerId as string).catch(() => null);
      if (volunteer?.status !== 'approved')
        throw badRequest('VOLUNTEER_NOT_FOUND', 'Choose an approved volunteer.', 'volunteerId');
      Object.assign(changes, { volunteer_id: volunteer.id, matched_at: now });
      Object.assign(data, { volunteerId: volunteer.id, volunteerName: volunteer.name, note: b.note ?? null });
      tell.add(volunteer.userId).add(row.requester_user_id);
    } else if (action === 'unmatch') {
      Object.assign(changes, { volunteer_id: null, matched_at: null });
      Object.assign(data, { reason: b.reason, volunteerId: row.volunteer_id });
      for (const user of await handlersOf(trx, row.path)) tell.add(user);
      tell.add(row.requester_user_id);
    } else if (action === 'start') {
      changes.started_at = now;
      tell.add(row.requester_user_id);
    } else if (action === 'complete') {
      const minutes = (b.minutes as number | undefined) ?? row.duration_minutes;
      Object.assign(changes, { completed_at: now, minutes_served: minutes });
      const credit = await creditHours(trx, {
        userId: row.volunteer_user_id as string,
        streetId: row.street_id,
        source: 'service_request',
        sourceId: row.id,
        minutes,
        servedAt: now,
        timeZone: deps.timeZone,
        note: (b.note as string | undefined) ?? null,
        recordedBy: actor.userId,
      });
      Object.assign(data, { minutes, points: credit.points, note: b.note ?? null });
      tell.add(row.requester_user_id);
    } else if (action === 'rate') {
      Object.assign(changes, { rating: b.rating, rating_comment: b.comment ?? null, rated_at: now });
      Object.assign(data, { rating: b.rating, comment: b.comment ?? null });
      if (row.volunteer_user_id) tell.add(row.volunteer_user_id);
    } else {
      changes.closing_reason = b.reason as string;
      data.reason = b.reason;
      tell.add(row.requester_user_id);
      if (row.volunteer_user_id) tell.add(row.volunteer_user_id);
    }
    await trx.updateTable('service_requests').set(changes).where('id', '=', id).execute();
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'service_request',
      entityId: id,
      type: `service_request.${ACTIONS[action].to === 'requested' ? 'unmatched' : moved.value}`,
      actorUserId: actor.userId,
      at: now,
      data,
    });
    tell.delete(actor.userId);
    await notify(trx, tell, {
      kind: `service_request.${action}`,
      streetId: row.street_id,
      data: { requestId: id, number: row.number, itemNameZh: row.name_zh, itemNameEn: row.name_en },
    });
  });
  return getRequest(deps, actor, id, null);
}
