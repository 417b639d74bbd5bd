import { Cron } from 'croner';
import { sql } from 'kysely';
import { notify } from '../notifications/notifications.repository.ts';
import { type ActivityDeps, nowOf, recordActivityEvent } from './activities.shared.ts';

/**
 * Reminders: everyone with a place is told the day before a session (24 hours ahead). Each
 * session is claimed with one UPDATE ... RETURNING over rows locked with SKIP LOCKED, and its
 * event and notifications are written in the same transaction: however many instances run, each
 * session's reminder goes out once.
 */
export const REMIND_HOURS_BEFORE = 24;
const BATCH = 200;

interface Claimed {
  id: string;
  activity_id: string;
  seq: number;
  starts_at: Date;
}

export async function runReminders(deps: ActivityDeps): Promise<number> {
  const now = nowOf(deps);
  const until = new Date(now.getTime() + REMIND_HOURS_BEFORE * 3_600_000);
  return deps.db.transaction().execute(async (trx) => {
    const claimed = await sql<Claimed>`update activity_sessions set reminded_at = ${now}
      where id in (
        select x.id from activity_sessions x join activities a on a.id = x.activity_id
        where x.reminded_at is null and x.cancelled_at is null and a.state = 'published'
          and x.starts_at > ${now} and x.starts_at <= ${until}
        order by x.starts_at limit ${BATCH} for update of x skip locked)
      returning id, activity_id, seq, starts_at`
      .execute(trx)
      .then((result) => result.rows);
    for (const session of claimed) {
      const activity = await trx
        .selectFrom('activities')
        .select(['id', 'street_id', 'title', 'place'])
        .where('id', '=', session.activity_id)
        .executeTakeFirstOrThrow();
      const people = await trx
        .selectFrom('activity_signups')
        .select('user_id')
        .where('activity_id', '=', activity.id)
        .where('status', '=', 'confirmed')
        .execute();
      await notify(
        trx,
        people.map((p) => p.user_id),
        {
          kind: 'activity.reminder',
          streetId: activity.street_id,
          data: {
            activityId: activity.id,
            title: activity.title,
            place: activity.place,
            seq: session.seq,
            startsAt: session.starts_at,
          },
        },
      );
      await recordActivityEvent(trx, activity, {
        type: 'activity.reminded',
        actorUserId: null,
        at: now,
        data: { sessionId: session.id, seq: session.seq, people: people.length },
      });
    }
    return claimed.length;
  });
}

/** Looks every ten minutes for sessions a day away (never two runs at once); returns the stop function. */
export function startReminderScheduler(deps: ActivityDeps, onError: (error: unknown) => void): () => void {
  const job = new Cron('0 */10 * * * *', { timezone: deps.timeZone, protect: true, catch: onError }, async () => {
    while ((await runReminders(deps)) === BATCH) {
      // a full batch: there may be more
    }
  });
  return () => job.stop();
}
