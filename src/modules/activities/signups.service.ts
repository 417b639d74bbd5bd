/**
 * Signing up: under a lock on the activity, a person takes a place while there is one and joins
 * the waitlist once it is full; when a confirmed person cancels, the first on the waitlist moves
 * up at once and is told. Who may sign up is the activity's eligibility (activity-rules.ts).
 */
import { sql } from 'kysely';
import { conflict } from '../../platform/http/errors.ts';
import { maskName } from '../../platform/security/masking.ts';
import type { Actor } from '../access/access.policy.ts';
import { localDate } from '../calendar/working-days.ts';
import { homeOf } from '../residents/resident-home.ts';
import { approvedVolunteerOf } from '../volunteers/volunteer-links.service.ts';
import { getActivity } from './activities.service.ts';
import {
  type ActivityDeps,
  canManageAt,
  managedActivity,
  nowOf,
  promoteFromWaitlist,
  recordActivityEvent,
  visibleActivity,
} from './activities.shared.ts';
import { ageOn, checkEligibility, placeFor } from './activity-rules.ts';

export async function signUp(deps: ActivityDeps, actor: Actor, id: string) {
  const { db } = deps;
  const now = nowOf(deps);
  await visibleActivity(db, actor, id);
  const [home, volunteer] = await Promise.all([homeOf(db, actor.userId), approvedVolunteerOf(db, actor.userId)]);
  await db.transaction().execute(async (trx) => {
    const row = await visibleActivity(trx, actor, id, true);
    if (row.state !== 'published') throw conflict('ACTIVITY_NOT_OPEN', `The activity is ${row.state}; sign-up is closed.`);
    if (row.signup_closes_at && row.signup_closes_at <= now) throw conflict('SIGNUP_CLOSED', 'Sign-up has closed.');
    const first = await trx
      .selectFrom('activity_sessions')
      .select([sql<Date | null>`min(starts_at)`.as('first'), sql<Date | null>`max(ends_at)`.as('last')])
      .where('activity_id', '=', id)
      .where('cancelled_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (!first.last || new Date(first.last) <= now) throw conflict('SIGNUP_CLOSED', 'The activity is over.');
    const eligible = checkEligibility(
      row.eligibility,
      {
        age: ageOn(home?.birthDate ?? null, localDate(first.first ? new Date(first.first) : now, deps.timeZone)),
        homePath: home?.path ?? null,
        volunteer,
      },
      row.path,
    );
    if (!eligible.ok) throw conflict(eligible.error.code, eligible.error.message);
    const current = await trx
      .selectFrom('activity_signups')
      .select('status')
      .where('activity_id', '=', id)
      .where('user_id', '=', actor.userId)
      .where('status', 'in', ['confirmed', 'waitlisted'])
      .executeTakeFirst();
    if (current)
      throw conflict(
        'SIGNUP_EXISTS',
        current.status === 'confirmed' ? 'You have a place already.' : 'You are on the waitlist already.',
      );
    const confirmed = await trx
      .selectFrom('activity_signups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('activity_id', '=', id)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    const status = placeFor(row.capacity, Number(confirmed.n));
    const signup = await trx
      .insertInto('activity_signups')
      .values({
        street_id: row.street_id,
        activity_id: id,
        user_id: actor.userId,
        status,
        signed_up_at: now,
        confirmed_at: status === 'confirmed' ? now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordActivityEvent(trx, row, {
      type: status === 'confirmed' ? 'activity.signed_up' : 'activity.waitlisted',
      actorUserId: actor.userId,
      at: now,
      data: { signupId: signup.id, userId: actor.userId },
    });
  });
  return getActivity(deps, actor, id);
}

/** Cancels my sign-up; a place given up goes to the first on the waitlist. Cancelling again answers the activity as it is. */
export async function cancelSignUp(deps: ActivityDeps, actor: Actor, id: string) {
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const row = await visibleActivity(trx, actor, id, true);
    const mine = await trx
      .selectFrom('activity_signups')
      .select(['id', 'status'])
      .where('activity_id', '=', id)
      .where('user_id', '=', actor.userId)
      .where('status', 'in', ['confirmed', 'waitlisted'])
      .executeTakeFirst();
    if (!mine) return;
    await trx.updateTable('activity_signups').set({ status: 'cancelled', cancelled_at: now }).where('id', '=', mine.id).execute();
    await recordActivityEvent(trx, row, {
      type: 'activity.signup_cancelled',
      actorUserId: actor.userId,
      at: now,
      data: { signupId: mine.id, userId: actor.userId, was: mine.status },
    });
    if (mine.status === 'confirmed' && row.state === 'published') await promoteFromWaitlist(trx, row, actor.userId, now);
  });
  return getActivity(deps, actor, id);
}

/** Everyone signed up, the confirmed first, then the waitlist in order, then those who cancelled. */
export async function listSignups(deps: ActivityDeps, actor: Actor, id: string) {
  const { db } = deps;
  const row = await managedActivity(db, actor, id);
  const rows = await db
    .selectFrom('activity_signups as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.status', 's.promoted', 's.signed_up_at', 'u.display_name'])
    .select(
      sql<number>`(select count(*) from activity_attendance t where t.activity_id = s.activity_id and t.user_id = s.user_id)`.as(
        'attended',
      ),
    )
    .where('s.activity_id', '=', row.id)
    .orderBy(sql`case s.status when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`)
    .orderBy('s.signed_up_at')
    .orderBy('s.id')
    .execute();
  let position = 0;
  return {
    items: rows.map((s) => ({
      id: s.id,
      userId: s.user_id,
      name: canManageAt(actor, row.path) ? s.display_name : maskName(s.display_name),
      status: s.status,
      position: s.status === 'waitlisted' ? ++position : null,
      promoted: s.promoted,
      signedUpAt: s.signed_up_at,
      attended: Number(s.attended),
    })),
  };
}
