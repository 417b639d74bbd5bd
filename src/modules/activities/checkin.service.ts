/**
 * Check-in: the desk screen shows a session's QR code, the link to the phone app's check-in page
 * with the session's secret code; a signed-up person who opens it checks in, once, while check-in
 * is open. Staff can also mark someone present at the desk. Each attendance credits the session's
 * time as service hours (or learning time) and its points, once.
 */
import { conflict, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { creditHours } from '../points/ledger.service.ts';
import { type ActivityDeps, type Db, managedActivity, nowOf, recordActivityEvent, visibleActivity } from './activities.shared.ts';
import { checkinWindow, HOURS_SOURCE, sessionMinutes } from './activity-rules.ts';

async function sessionOf(db: Db, sessionId: string) {
  const session = await db.selectFrom('activity_sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!session) throw notFound('Session');
  return session;
}

/** What the desk screen turns into a QR code, with who has come so far. */
export async function checkinCode(deps: ActivityDeps, actor: Actor, sessionId: string) {
  const { db } = deps;
  const session = await sessionOf(db, sessionId);
  const activity = await managedActivity(db, actor, session.activity_id);
  const [confirmed, attended] = await Promise.all([
    db
      .selectFrom('activity_signups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('activity_id', '=', activity.id)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('activity_attendance')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', sessionId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    sessionId,
    activityId: activity.id,
    title: activity.title,
    seq: session.seq,
    startsAt: session.starts_at,
    endsAt: session.ends_at,
    url: `/activities/checkin/${sessionId}?code=${encodeURIComponent(session.checkin_code)}`,
    confirmed: Number(confirmed.n),
    attended: Number(attended.n),
  };
}

async function attend(
  deps: ActivityDeps,
  trx: Db,
  input: { sessionId: string; userId: string; method: 'qr' | 'desk'; actorUserId: string },
) {
  const now = nowOf(deps);
  const session = await sessionOf(trx, input.sessionId);
  const activity = await trx
    .selectFrom('activities')
    .selectAll()
    .where('id', '=', session.activity_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (activity.state !== 'published' && activity.state !== 'finished')
    throw conflict('ACTIVITY_NOT_OPEN', `The activity is ${activity.state}.`);
  if (session.cancelled_at) throw conflict('SESSION_CANCELLED', 'This session was cancelled.');
  const signup = await trx
    .selectFrom('activity_signups')
    .select('status')
    .where('activity_id', '=', activity.id)
    .where('user_id', '=', input.userId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .executeTakeFirst();
  if (signup?.status !== 'confirmed')
    throw conflict(
      'CHECKIN_NOT_SIGNED_UP',
      signup ? 'You are still on the waitlist: only those with a place check in.' : 'Sign up for the activity first.',
    );
  const inserted = await trx
    .insertInto('activity_attendance')
    .values({
      street_id: activity.street_id,
      activity_id: activity.id,
      session_id: session.id,
      user_id: input.userId,
      checked_in_at: now,
      method: input.method,
      recorded_by: input.actorUserId,
    })
    .onConflict((oc) => oc.columns(['session_id', 'user_id']).doNothing())
    .returning('checked_in_at')
    .executeTakeFirst();
  const minutes = sessionMinutes({ startsAt: session.starts_at, endsAt: session.ends_at });
  if (!inserted) {
    const before = await trx
      .selectFrom('activity_attendance')
      .select('checked_in_at')
      .where('session_id', '=', session.id)
      .where('user_id', '=', input.userId)
      .executeTakeFirstOrThrow();
    return {
      activityId: activity.id,
      title: activity.title,
      seq: session.seq,
      checkedInAt: before.checked_in_at,
      already: true,
      points: 0,
      minutes,
    };
  }
  const credit = await creditHours(trx, {
    userId: input.userId,
    streetId: activity.street_id,
    source: HOURS_SOURCE[activity.kind],
    sourceId: session.id,
    minutes,
    servedAt: session.starts_at,
    timeZone: deps.timeZone,
    recordedBy: input.actorUserId,
  });
  await recordActivityEvent(trx, activity, {
    type: 'activity.checked_in',
    actorUserId: input.actorUserId,
    at: now,
    data: { sessionId: session.id, userId: input.userId, method: input.method, points: credit.points },
  });
  return {
    activityId: activity.id,
    title: activity.title,
    seq: session.seq,
    checkedInAt: now,
    already: false,
    points: credit.points,
    minutes,
  };
}

/** A phone that opened the QR link: the code must be the session's, and check-in open. */
export async function checkIn(deps: ActivityDeps, actor: Actor, sessionId: string, code: string) {
  const session = await sessionOf(deps.db, sessionId);
  await visibleActivity(deps.db, actor, session.activity_id);
  if (code !== session.checkin_code)
    throw conflict('CHECKIN_CODE_WRONG', 'This QR code is not the session’s; scan the one on the screen.', 'code');
  const open = checkinWindow({ startsAt: session.starts_at, endsAt: session.ends_at }, nowOf(deps));
  if (!open.ok) throw conflict(open.error.code, open.error.message);
  return deps.db
    .transaction()
    .execute((trx) => attend(deps, trx, { sessionId, userId: actor.userId, method: 'qr', actorUserId: actor.userId }));
}

/** Staff mark someone present at the desk (who forgot their phone, say). */
export async function markAttendance(deps: ActivityDeps, actor: Actor, sessionId: string, userId: string) {
  const session = await sessionOf(deps.db, sessionId);
  await managedActivity(deps.db, actor, session.activity_id);
  return deps.db
    .transaction()
    .execute((trx) => attend(deps, trx, { sessionId, userId, method: 'desk', actorUserId: actor.userId }));
}
