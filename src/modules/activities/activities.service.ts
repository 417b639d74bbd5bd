/**
 * Activities and courses: created by the staff of a community or the street with their sessions
 * (a course's laid out from its weekly pattern), published, finished or cancelled as the state
 * machine allows, reported on with a short text and photos. Sign-ups and check-in have their own
 * services.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { badRequest, conflict, forbidden } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { Actor } from '../access/access.policy.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { attachPhotos, listPhotos } from '../photos/photos.service.ts';
import type {
  activityBody,
  activityPatchBody,
  eligibilitySchema,
  listActivitiesQuery,
  reportBody,
} from './activities.schemas.ts';
import {
  type ActivityDeps,
  type ActivityRow,
  canManageAt,
  type Db,
  managedActivity,
  nowOf,
  promoteFromWaitlist,
  readScopes,
  recordActivityEvent,
  visibleActivity,
} from './activities.shared.ts';
import { courseSessions, TRANSITIONS, transition } from './activity-rules.ts';

export const newCheckinCode = () => randomBytes(18).toString('base64url');

export async function createActivity(deps: ActivityDeps, actor: Actor, body: z.infer<typeof activityBody>) {
  const { db } = deps;
  const node = await db
    .selectFrom('area_nodes')
    .select(['id', 'path', 'level', 'street_id'])
    .where('id', '=', body.nodeId)
    .executeTakeFirst();
  if (!node || !['street', 'community', 'grid'].includes(node.level))
    throw badRequest('NODE_NOT_FOUND', 'Choose the street, a community or a grid.', 'nodeId');
  if (!canManageAt(actor, node.path)) throw forbidden('FORBIDDEN', 'Your roles do not allow this (activities.manage).');
  if (body.categoryId) {
    const category = await db.selectFrom('service_categories').select('id').where('id', '=', body.categoryId).executeTakeFirst();
    if (!category) throw badRequest('SERVICE_CATEGORY_NOT_FOUND', 'Choose a category of the service menu.', 'categoryId');
  }
  const sessions = body.recurrence
    ? courseSessions(body.recurrence, deps.timeZone)
    : (body.sessions ?? []).map((s) => ({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }));
  if (sessions.length === 0) throw badRequest('ACTIVITY_NO_SESSIONS', 'Give at least one session.', 'sessions');
  sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const streetId = node.level === 'street' ? node.id : (node.street_id as string);
  const now = nowOf(deps);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('activities')
      .values({
        street_id: streetId,
        node_id: node.id,
        path: node.path,
        kind: body.kind,
        title: body.title,
        description: body.description,
        place: body.place,
        category_id: body.categoryId ?? null,
        capacity: body.capacity,
        eligibility: JSON.stringify(body.eligibility),
        signup_closes_at: body.signupClosesAt ? new Date(body.signupClosesAt) : null,
        recurrence: body.recurrence ? JSON.stringify(body.recurrence) : null,
        state: body.publish ? 'published' : 'draft',
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('activity_sessions')
      .values(
        sessions.map((s, i) => ({
          street_id: streetId,
          activity_id: row.id,
          seq: i + 1,
          starts_at: s.startsAt,
          ends_at: s.endsAt,
          checkin_code: newCheckinCode(),
        })),
      )
      .execute();
    await recordActivityEvent(
      trx,
      { id: row.id, street_id: streetId },
      {
        type: body.publish ? 'activity.published' : 'activity.created',
        actorUserId: actor.userId,
        at: now,
        data: { title: body.title, kind: body.kind, capacity: body.capacity, sessions: sessions.length },
      },
    );
    return row.id;
  });
  return getActivity(deps, actor, id);
}

function summaryQuery(db: Db, userId: string) {
  return db
    .selectFrom('activities as a')
    .innerJoin('area_nodes as n', 'n.id', 'a.node_id')
    .selectAll('a')
    .select(['n.name as node_name'])
    .select((eb) => [
      sql<number>`(select count(*) from activity_signups s where s.activity_id = a.id and s.status = 'confirmed')`.as(
        'confirmed',
      ),
      sql<number>`(select count(*) from activity_signups s where s.activity_id = a.id and s.status = 'waitlisted')`.as(
        'waitlisted',
      ),
      sql<Date | null>`(select min(starts_at) from activity_sessions x where x.activity_id = a.id and x.cancelled_at is null)`.as(
        'first_starts_at',
      ),
      sql<Date | null>`(select max(ends_at) from activity_sessions x where x.activity_id = a.id and x.cancelled_at is null)`.as(
        'last_ends_at',
      ),
      sql<number>`(select count(*) from activity_sessions x where x.activity_id = a.id and x.cancelled_at is null)`.as(
        'session_count',
      ),
      eb
        .selectFrom('activity_signups as m')
        .select('m.status')
        .whereRef('m.activity_id', '=', 'a.id')
        .where('m.user_id', '=', userId)
        .orderBy('m.signed_up_at', 'desc')
        .limit(1)
        .as('my_status'),
    ]);
}
type SummaryRow = NonNullable<Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirst']>>>;

const asDate = (value: Date | string | null) => (value === null ? null : new Date(value));

const presentSummary = (row: SummaryRow) => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  place: row.place,
  nodeName: row.node_name,
  state: row.state,
  capacity: row.capacity,
  confirmed: Number(row.confirmed),
  waitlisted: Number(row.waitlisted),
  firstStartsAt: asDate(row.first_starts_at),
  lastEndsAt: asDate(row.last_ends_at),
  sessions: Number(row.session_count),
  mySignup: row.my_status ?? null,
});

/** Activities open to me in my street (soonest first), those I run, or those I signed up for. */
export async function listActivities(deps: ActivityDeps, actor: Actor, query: z.infer<typeof listActivitiesQuery>) {
  const { db } = deps;
  const after = decodeCursor(query.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
  let q = summaryQuery(db, actor.userId);
  if (query.scope === 'managed') {
    const scopes = readScopes(actor);
    if (scopes.length === 0) return { items: [], nextCursor: null };
    q = q.where((eb) => eb.or(scopes.map((scope) => eb('a.path', 'like', `${scope}%`))));
  } else if (query.scope === 'mine') {
    q = q.where(
      sql<boolean>`exists (select 1 from activity_signups s where s.activity_id = a.id and s.user_id = ${actor.userId})`,
    );
  } else {
    if (!actor.streetId) return { items: [], nextCursor: null };
    q = q.where('a.street_id', '=', actor.streetId).where('a.state', '!=', 'draft');
  }
  if (query.nodeId) {
    const node = await db.selectFrom('area_nodes').select('path').where('id', '=', query.nodeId).executeTakeFirst();
    if (!node) throw badRequest('NODE_NOT_FOUND', 'Choose an area.', 'nodeId');
    q = q.where('a.path', 'like', `${node.path}%`);
  }
  if (query.state) q = q.where('a.state', '=', query.state);
  if (query.kind) q = q.where('a.kind', '=', query.kind);
  // Newest first by creation: a stable key for paging, whatever the sessions.
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('a.created_at', '<', new Date(after[0])),
        eb.and([eb('a.created_at', '=', new Date(after[0])), eb('a.id', '<', after[1])]),
      ]),
    );
  const rows = await q
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, presentSummary, (r) => [r.created_at.toISOString(), r.id]);
}

/** An activity as its page shows it: sessions, my sign-up and place on the waitlist, figures, report and photos. */
export async function getActivity(deps: ActivityDeps, actor: Actor, id: string) {
  const { db } = deps;
  const row = await visibleActivity(db, actor, id);
  const summary = (await summaryQuery(db, actor.userId).where('a.id', '=', id).executeTakeFirstOrThrow()) as SummaryRow;
  const [sessions, mine, figures, reporter, photos] = await Promise.all([
    db
      .selectFrom('activity_sessions as x')
      .select(['x.id', 'x.seq', 'x.starts_at', 'x.ends_at', 'x.cancelled_at'])
      .select(sql<number>`(select count(*) from activity_attendance t where t.session_id = x.id)`.as('attended'))
      .where('x.activity_id', '=', id)
      .orderBy('x.seq')
      .execute(),
    db
      .selectFrom('activity_signups')
      .selectAll()
      .where('activity_id', '=', id)
      .where('user_id', '=', actor.userId)
      .orderBy('signed_up_at', 'desc')
      .executeTakeFirst(),
    db
      .selectFrom('activity_attendance as t')
      .leftJoin('service_hours as h', (join) =>
        join.onRef('h.source_id', '=', 't.session_id').onRef('h.user_id', '=', 't.user_id'),
      )
      .select([sql<number>`count(distinct t.user_id)`.as('attendees'), sql<number>`coalesce(sum(h.minutes), 0)`.as('minutes')])
      .where('t.activity_id', '=', id)
      .executeTakeFirstOrThrow(),
    row.reported_by
      ? db.selectFrom('users').select('display_name').where('id', '=', row.reported_by).executeTakeFirst()
      : undefined,
    listPhotos(db, 'activity', id),
  ]);
  const position = mine?.status === 'waitlisted' ? await waitlistPosition(db, id, mine.signed_up_at, mine.id) : null;
  const attendedSessionIds = mine
    ? (
        await db
          .selectFrom('activity_attendance')
          .select('session_id')
          .where('activity_id', '=', id)
          .where('user_id', '=', actor.userId)
          .execute()
      ).map((a) => a.session_id)
    : [];
  const confirmed = Number(summary.confirmed);
  const canManage = canManageAt(actor, row.path);
  return {
    ...presentSummary(summary),
    description: row.description,
    categoryId: row.category_id,
    eligibility: row.eligibility as z.infer<typeof eligibilitySchema>,
    signupClosesAt: row.signup_closes_at,
    recurrence: row.recurrence,
    sessionList: sessions.map((s) => ({
      id: s.id,
      seq: s.seq,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      cancelled: s.cancelled_at !== null,
      attended: Number(s.attended),
    })),
    signup: mine
      ? { id: mine.id, status: mine.status, position, promoted: mine.promoted, signedUpAt: mine.signed_up_at, attendedSessionIds }
      : null,
    canManage,
    allowedMoves: canManage ? [...TRANSITIONS[row.state]] : [],
    figures: {
      attendees: Number(figures.attendees),
      attendanceRate: confirmed > 0 ? Math.round((Number(figures.attendees) / confirmed) * 1000) / 1000 : null,
      minutes: Number(figures.minutes),
    },
    report:
      row.report_summary && row.reported_at
        ? { summary: row.report_summary, reportedAt: row.reported_at, reportedBy: reporter?.display_name ?? null }
        : null,
    photos,
  };
}

/** 1 for the next to move up. */
export async function waitlistPosition(db: Db, activityId: string, signedUpAt: Date, id: string) {
  const ahead = await db
    .selectFrom('activity_signups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activity_id', '=', activityId)
    .where('status', '=', 'waitlisted')
    .where((eb) => eb.or([eb('signed_up_at', '<', signedUpAt), eb.and([eb('signed_up_at', '=', signedUpAt), eb('id', '<', id)])]))
    .executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}

/** Details and capacity; more places move people up from the waitlist at once. */
export async function updateActivity(deps: ActivityDeps, actor: Actor, id: string, body: z.infer<typeof activityPatchBody>) {
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const row = await managedActivity(trx, actor, id, true);
    if (row.state === 'cancelled' || row.state === 'finished') throw conflict('ACTIVITY_CLOSED', `The activity is ${row.state}.`);
    await trx
      .updateTable('activities')
      .set({
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.place !== undefined ? { place: body.place } : {}),
        ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
        ...(body.signupClosesAt !== undefined
          ? { signup_closes_at: body.signupClosesAt ? new Date(body.signupClosesAt) : null }
          : {}),
        ...(body.eligibility !== undefined ? { eligibility: JSON.stringify(body.eligibility) } : {}),
        updated_at: now,
        version: row.version + 1,
      })
      .where('id', '=', id)
      .execute();
    await recordActivityEvent(trx, row, { type: 'activity.updated', actorUserId: actor.userId, at: now, data: body });
    if (body.capacity !== undefined && body.capacity > row.capacity)
      await promoteFromWaitlist(trx, { ...row, capacity: body.capacity } as ActivityRow, actor.userId, now);
  });
  return getActivity(deps, actor, id);
}

/** Publish, finish or cancel; cancelling tells everyone signed up. */
export async function moveActivity(
  deps: ActivityDeps,
  actor: Actor,
  id: string,
  to: ActivityRow['state'],
  reason: string | undefined,
) {
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const row = await managedActivity(trx, actor, id, true);
    const moved = transition(row.state, to);
    if (!moved.ok) throw conflict(moved.error.code, moved.error.message, 'to');
    if (to === 'cancelled' && !reason?.trim())
      throw badRequest('ACTIVITY_CANCEL_REASON', 'Say why the activity is cancelled.', 'reason');
    await trx
      .updateTable('activities')
      .set({ state: to, updated_at: now, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    await recordActivityEvent(trx, row, {
      type: `activity.${to}`,
      actorUserId: actor.userId,
      at: now,
      data: { from: row.state, reason: reason ?? null },
    });
    if (to === 'cancelled') {
      const people = await trx
        .selectFrom('activity_signups')
        .select('user_id')
        .where('activity_id', '=', id)
        .where('status', 'in', ['confirmed', 'waitlisted'])
        .execute();
      await notify(
        trx,
        people.map((p) => p.user_id),
        { kind: 'activity.cancelled', streetId: row.street_id, data: { activityId: id, title: row.title, reason } },
      );
    }
  });
  return getActivity(deps, actor, id);
}

/** The short report after the activity: what happened, with photos. */
export async function reportActivity(deps: ActivityDeps, actor: Actor, id: string, body: z.infer<typeof reportBody>) {
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const row = await managedActivity(trx, actor, id, true);
    if (row.state === 'draft' || row.state === 'cancelled')
      throw conflict('ACTIVITY_NOT_HELD', 'Only an activity that took place is reported.');
    await trx
      .updateTable('activities')
      .set({ report_summary: body.summary, reported_at: now, reported_by: actor.userId, updated_at: now })
      .where('id', '=', id)
      .execute();
    await attachPhotos(trx, body.photoIds, {
      entityType: 'activity',
      entityId: id,
      streetId: row.street_id,
      uploaderUserId: actor.userId,
    });
    await recordActivityEvent(trx, row, {
      type: 'activity.reported',
      actorUserId: actor.userId,
      at: now,
      data: { photos: body.photoIds.length },
    });
  });
  return getActivity(deps, actor, id);
}
