import { Cron } from 'croner';
import { sql } from 'kysely';
import { notify } from '../notifications/notifications.repository.ts';
import { localDate } from './agreement-document.ts';
import { handlersOf, type MediationDeps, nowOf, recordDisputeEvent } from './mediation.shared.ts';
import { addDays, REMIND_DAYS_BEFORE } from './performance.ts';

/**
 * The daily follow-up job: the mediator is reminded of each pending instalment of a current
 * agreement three days before it falls due and again once it is overdue. Each reminder is claimed
 * with one UPDATE ... RETURNING over rows locked with SKIP LOCKED, and its event and notification
 * are written in the same transaction: however many instances run, each reminder is sent once.
 */
const BATCH = 500;
const FOLLOWED = ['agreement', 'partial_agreement', 'following_up'];

interface Claimed {
  id: string;
  dispute_id: string;
  due_date: string;
  amount_fen: number;
  what: string;
}

function claim(deps: MediationDeps, trx: MediationDeps['db'], kind: 'due_soon' | 'overdue', now: Date) {
  const today = localDate(now, deps.timeZone);
  const mark = kind === 'due_soon' ? sql.ref('due_reminded_at') : sql.ref('overdue_reminded_at');
  const due =
    kind === 'due_soon'
      ? sql`i.due_date >= ${today}::date and i.due_date <= ${addDays(today, REMIND_DAYS_BEFORE)}::date and i.due_reminded_at is null`
      : sql`i.due_date < ${today}::date and i.overdue_reminded_at is null`;
  return sql<Claimed>`update dispute_instalments set ${mark} = ${now}
    where id in (
      select i.id from dispute_instalments i join disputes d on d.id = i.dispute_id
      where i.status = 'pending' and ${due}
        and d.state = any (${FOLLOWED}::text[])
        and i.agreement_id = (select a.id from dispute_agreements a where a.dispute_id = i.dispute_id order by a.version desc limit 1)
      order by i.id limit ${BATCH} for update of i skip locked)
    returning id, dispute_id, due_date::text as due_date, amount_fen, what`
    .execute(trx)
    .then((result) => result.rows);
}

export type FollowUpCounts = { dueSoon: number; overdue: number };

/** Runs both reminders once; a full batch means there may be more, and the next run takes them. */
export async function runFollowUpJobs(deps: MediationDeps): Promise<FollowUpCounts> {
  const now = nowOf(deps);
  const counts: FollowUpCounts = { dueSoon: 0, overdue: 0 };
  for (const kind of ['due_soon', 'overdue'] as const) {
    const claimed = await deps.db.transaction().execute(async (trx) => {
      const rows = await claim(deps, trx, kind, now);
      for (const row of rows) {
        const dispute = await trx.selectFrom('disputes').selectAll().where('id', '=', row.dispute_id).executeTakeFirstOrThrow();
        const data = { instalmentId: row.id, dueDate: row.due_date, amount: Number(row.amount_fen) / 100, what: row.what };
        await recordDisputeEvent(trx, dispute, {
          type: `dispute.instalment_${kind}`,
          actorUserId: null,
          at: now,
          data,
        });
        await notify(trx, await handlersOf(trx, dispute), {
          kind: `dispute.instalment_${kind}`,
          streetId: dispute.street_id,
          data: { disputeId: dispute.id, number: dispute.number, title: dispute.title, ...data },
        });
      }
      return rows.length;
    });
    counts[kind === 'due_soon' ? 'dueSoon' : 'overdue'] = claimed;
  }
  return counts;
}

/** Runs the follow-up every day at 08:00 in the street's zone (never two runs at once); returns the stop function. */
export function startFollowUpScheduler(deps: MediationDeps, onError: (error: unknown) => void): () => void {
  const job = new Cron('0 0 8 * * *', { timezone: deps.timeZone, protect: true, catch: onError }, async () => {
    await runFollowUpJobs(deps);
  });
  return () => job.stop();
}
