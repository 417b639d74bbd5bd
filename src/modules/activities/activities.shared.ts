/**
 * What every activity service needs: its dependencies, an activity loaded with the caller's rights
 * (404 outside their street, 403 without activities.manage there), the event on its timeline,
 * and moving people up from the waitlist into the places free.
 */
import type { Kysely } from 'kysely';
import { type DomainEvent, recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { type Actor, can, scopePathsFor } from '../access/access.policy.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { promotions } from './activity-rules.ts';

export type Db = Kysely<DB>;

export interface ActivityDeps {
  db: Db;
  timeZone: string;
  now?: () => Date;
}
export const nowOf = (deps: ActivityDeps) => (deps.now ? deps.now() : new Date());

export const canManageAt = (actor: Actor, path: string) => can(actor, 'activities.manage', path);
export const canReadAt = (actor: Actor, path: string) => can(actor, 'activities.read', path) || canManageAt(actor, path);
export const readScopes = (actor: Actor) => {
  const paths = [...scopePathsFor(actor, 'activities.read'), ...scopePathsFor(actor, 'activities.manage')];
  return [...new Set(paths)].filter((path) => !paths.some((other) => other !== path && path.startsWith(other)));
};

export async function findActivity(db: Db, id: string, lock = false) {
  let q = db.selectFrom('activities').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type ActivityRow = NonNullable<Awaited<ReturnType<typeof findActivity>>>;

/** Staff see what their scope holds; anyone of the street sees what is published. */
export const maySee = (actor: Actor, row: ActivityRow) =>
  canReadAt(actor, row.path) || (row.street_id === actor.streetId && row.state !== 'draft');

export async function visibleActivity(db: Db, actor: Actor, id: string, lock = false): Promise<ActivityRow> {
  const row = await findActivity(db, id, lock);
  if (!row || !maySee(actor, row)) throw notFound('Activity');
  return row;
}

export async function managedActivity(db: Db, actor: Actor, id: string, lock = false): Promise<ActivityRow> {
  const row = await visibleActivity(db, actor, id, lock);
  if (!canManageAt(actor, row.path)) throw forbidden('FORBIDDEN', 'Your roles do not allow this (activities.manage).');
  return row;
}

export async function recordActivityEvent(
  trx: Db,
  row: Pick<ActivityRow, 'id' | 'street_id'>,
  event: Omit<DomainEvent, 'entityType' | 'entityId' | 'streetId'>,
) {
  await recordEvent(trx, { ...event, entityType: 'activity', entityId: row.id, streetId: row.street_id });
}

/**
 * Fills the free places from the waitlist, first come first served, in the caller's transaction
 * (which holds the activity's lock); each person moved up is told. Answers the sign-ups moved.
 */
export async function promoteFromWaitlist(
  trx: Db,
  activity: ActivityRow,
  actorUserId: string | null,
  at: Date,
): Promise<string[]> {
  const signups = await trx
    .selectFrom('activity_signups')
    .select(['id', 'user_id', 'status', 'signed_up_at'])
    .where('activity_id', '=', activity.id)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .execute();
  const confirmed = signups.filter((s) => s.status === 'confirmed').length;
  const waitlist = signups.filter((s) => s.status === 'waitlisted');
  const moved = promotions(
    activity.capacity,
    confirmed,
    waitlist.map((s) => ({ id: s.id, signedUpAt: s.signed_up_at })),
  );
  if (moved.length === 0) return [];
  await trx
    .updateTable('activity_signups')
    .set({ status: 'confirmed', promoted: true, confirmed_at: at })
    .where('id', 'in', moved)
    .execute();
  for (const id of moved) {
    const signup = waitlist.find((s) => s.id === id) as (typeof waitlist)[number];
    await recordActivityEvent(trx, activity, {
      type: 'activity.promoted',
      actorUserId,
      at,
      data: { signupId: id, userId: signup.user_id },
    });
    await notify(trx, [signup.user_id], {
      kind: 'activity.promoted',
      streetId: activity.street_id,
      data: { activityId: activity.id, title: activity.title },
    });
  }
  return moved;
}
