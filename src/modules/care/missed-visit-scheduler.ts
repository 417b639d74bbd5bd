import { Cron } from 'croner';
import { sql } from 'kysely';
import { maskName } from '../../platform/security/masking.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { type CareDeps, caretakersOf, nowOf, recordCareEvent, todayOf } from './care.shared.ts';

/**
 * The missed-visit job: a file whose due date has passed (in the street's local dates) without a
 * visit is marked missed for that due date, with a care.visit_missed event, and its grid worker
 * and the community's staff and secretary are told. Each miss is claimed with one UPDATE ...
 * RETURNING over rows locked with SKIP LOCKED, its event and notifications written in the same
 * transaction: however many instances run, each missed due date alerts once. A visit moves the
 * due date on, and missing the next one alerts again.
 */
const BATCH = 500;

interface Claimed {
  id: string;
  street_id: string;
  number: string;
  grid_id: string;
  community_id: string;
  next_due_date: string;
  name: string;
}

export async function runMissedVisitJob(deps: CareDeps): Promise<{ alerted: number }> {
  const now = nowOf(deps);
  const today = todayOf(deps);
  let alerted = 0;
  for (;;) {
    const claimed = await deps.db.transaction().execute(async (trx) => {
      const { rows } = await sql<Claimed>`update care_files f set missed_alerted_for = f.next_due_date
        from residents r
        where r.id = f.resident_id and f.id in (
          select id from care_files
          where status = 'active' and next_due_date < ${today}::date
            and (missed_alerted_for is null or missed_alerted_for <> next_due_date)
          order by next_due_date, id limit ${BATCH} for update skip locked)
        returning f.id, f.street_id, f.number, f.grid_id, f.community_id, f.next_due_date::text as next_due_date, r.name`.execute(
        trx,
      );
      for (const row of rows) {
        await recordCareEvent(trx, row, {
          type: 'care.visit_missed',
          actorUserId: null,
          at: now,
          data: { dueDate: row.next_due_date },
        });
        // The name is masked: a notification can be read on a phone's lock screen.
        await notify(trx, await caretakersOf(trx, row), {
          kind: 'care.visit_missed',
          streetId: row.street_id,
          data: { fileId: row.id, number: row.number, name: maskName(row.name), dueDate: row.next_due_date },
        });
      }
      return rows.length;
    });
    alerted += claimed;
    if (claimed < BATCH) return { alerted };
  }
}

/** Runs the job every `seconds` in this process (never two runs at once); returns the stop function. */
export function startMissedVisitScheduler(deps: CareDeps, seconds: number, onError: (error: unknown) => void): () => void {
  const job = new Cron(`*/${seconds} * * * * *`, { protect: true, catch: onError }, async () => {
    await runMissedVisitJob(deps);
  });
  return () => job.stop();
}
