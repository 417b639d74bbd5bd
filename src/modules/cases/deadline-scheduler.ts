import { Cron } from 'croner';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { type CaseDeps, nowOf, recipientsOf } from './case-view.ts';
import * as repo from './cases.repository.ts';
import { ACTIVE_STATES, RATING_WINDOW_DAYS } from './lifecycle.ts';
import { recordCaseEvent } from './rollups.repository.ts';

/**
 * The deadline jobs. Their state lives in the cases themselves (warned_at, overdue_at, ...): each
 * job claims due rows with one UPDATE ... RETURNING over rows locked with SKIP LOCKED, and writes
 * the events and notifications in the same transaction. A row is claimed once, by one instance,
 * whatever restarts or how many servers run the same job.
 */
const BATCH = 500;
const REMIND_AFTER_DAYS = 3;
const DAY_MS = 86_400_000;

interface Job {
  name: string;
  /** The claim: sets the row's mark and returns its id; only rows whose mark was unset. */
  claim: (trx: Kysely<DB>, now: Date) => Promise<{ id: string }[]>;
  event: string;
  notify: { to: 'handlers' | 'reporters' | 'supervisors'; kind: string }[];
}

const active = sql`state = any (${[...ACTIVE_STATES]}::text[])`;

const JOBS: Job[] = [
  {
    name: 'warned',
    claim: (trx, now) =>
      claim(
        trx,
        sql`warned_at = ${now}`,
        sql`${active} and warned_at is null and warn_at <= ${now} and due_at > ${now}`,
        sql`warn_at`,
      ),
    event: 'case.deadline_warning',
    notify: [{ to: 'handlers', kind: 'case.deadline_warning' }],
  },
  {
    name: 'overdue',
    claim: (trx, now) =>
      claim(
        trx,
        sql`overdue_at = ${now}, ever_overdue = true`,
        sql`${active} and overdue_at is null and due_at <= ${now}`,
        sql`due_at`,
      ),
    event: 'case.overdue',
    notify: [
      { to: 'handlers', kind: 'case.overdue' },
      { to: 'supervisors', kind: 'case.overdue' },
    ],
  },
  {
    name: 'responseOverdue',
    claim: (trx, now) =>
      claim(
        trx,
        sql`response_overdue_at = ${now}`,
        sql`(${active} or state = 'suspended') and first_contact_at is null and response_overdue_at is null and response_due_at <= ${now}`,
        sql`response_due_at`,
      ),
    event: 'case.response_overdue',
    notify: [{ to: 'handlers', kind: 'case.response_overdue' }],
  },
  {
    name: 'ratingReminded',
    claim: (trx, now) =>
      claim(
        trx,
        sql`rating_reminded_at = ${now}`,
        sql`state = 'resolved' and rating_reminded_at is null and resolved_at <= ${new Date(now.getTime() - REMIND_AFTER_DAYS * DAY_MS)}`,
        sql`resolved_at`,
      ),
    event: 'case.rating_requested',
    notify: [{ to: 'reporters', kind: 'case.rating_requested' }],
  },
  {
    // No rating within the window: closed as "not rated", which never counts as satisfied.
    name: 'closedUnrated',
    claim: (trx, now) =>
      claim(
        trx,
        sql`state = 'closed', closed_at = ${now}, close_reason = 'not_rated', version = version + 1, updated_at = ${now}`,
        sql`state = 'resolved' and resolved_at <= ${new Date(now.getTime() - RATING_WINDOW_DAYS * DAY_MS)}`,
        sql`resolved_at`,
      ),
    event: 'case.closed',
    notify: [],
  },
];

/**
 * Oldest first by the job's own time column: the index of the cases still waiting for that mark
 * is read from its start and the scan ends at the first case not yet due.
 */
function claim(trx: Kysely<DB>, set: ReturnType<typeof sql>, where: ReturnType<typeof sql>, oldestFirst: ReturnType<typeof sql>) {
  return sql<{ id: string }>`update cases set ${set}
    where id in (select id from cases where ${where} order by ${oldestFirst} limit ${BATCH} for update skip locked)
    returning id`
    .execute(trx)
    .then((result) => result.rows);
}

export type TickCounts = Record<string, number>;

/** Runs every job once; a full batch means there may be more, and the next tick takes them. */
export async function runDeadlineJobs(deps: CaseDeps): Promise<TickCounts> {
  const now = nowOf(deps);
  const counts: TickCounts = {};
  for (const job of JOBS) {
    counts[job.name] = await deps.db.transaction().execute(async (trx) => {
      const claimed = await job.claim(trx, now);
      for (const { id } of claimed) {
        const row = (await repo.findCase(trx, id)) as repo.CaseRow;
        const closing = job.name === 'closedUnrated';
        const data = closing
          ? { from: 'resolved', to: 'closed', reason: 'not_rated', automatic: true }
          : { from: null, to: null, dueAt: row.due_at };
        await recordCaseEvent(trx, deps.timeZone, row, { type: job.event, actorUserId: null, data }, now);
        for (const message of job.notify) {
          await notify(trx, await recipientsOf(trx, row, message.to), {
            kind: message.kind,
            streetId: row.street_id,
            caseId: id,
            data: { number: row.number, title: row.title, dueDate: row.due_date },
          });
        }
      }
      return claimed.length;
    });
  }
  return counts;
}

/** Runs the jobs every `seconds` in this process (never two runs at once); returns the stop function. */
export function startDeadlineScheduler(deps: CaseDeps, seconds: number, onError: (error: unknown) => void): () => void {
  const job = new Cron(`*/${seconds} * * * * *`, { protect: true, catch: onError }, async () => {
    await runDeadlineJobs(deps);
  });
  return () => job.stop();
}
