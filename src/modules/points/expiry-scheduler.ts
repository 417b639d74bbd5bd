import { Cron } from 'croner';
import { sql } from 'kysely';
import { localDate } from '../calendar/working-days.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { appendEntry, type LockedAccount, nowOf, type PointsDeps } from './ledger.service.ts';
import { expiredPoints } from './points-rules.ts';

/**
 * The daily expiry: points whose validity ended yesterday or before and are still unspent are
 * written off with one expire entry per account. Accounts are claimed with UPDATE ... RETURNING
 * over rows locked with SKIP LOCKED and marked with the day they were looked at, so however many
 * instances run, each account is expired once a day, and only accounts with points that have just
 * run out are looked at.
 */
const BATCH = 200;

export async function runExpiry(deps: PointsDeps): Promise<{ accounts: number; points: number }> {
  const now = nowOf(deps);
  const today = localDate(now, deps.timeZone);
  const total = { accounts: 0, points: 0 };
  for (;;) {
    const claimed = await deps.db.transaction().execute(async (trx) => {
      const accounts = await sql<LockedAccount>`update points_accounts a set expiry_checked_on = ${today}::date
        where a.id in (
          select x.id from points_accounts x
          where (x.expiry_checked_on is null or x.expiry_checked_on < ${today}::date)
            and exists (select 1 from points_entries e where e.account_id = x.id and e.kind = 'earn'
              and e.expires_on < ${today}::date and e.expires_on >= coalesce(x.expiry_checked_on, '-infinity'::date))
          order by x.id limit ${BATCH} for update of x skip locked)
        returning a.id, a.street_id, a.user_id, a.path, a.balance, a.entries`
        .execute(trx)
        .then((result) => result.rows);
      for (const account of accounts) {
        const entries = await trx
          .selectFrom('points_entries')
          .select(['seq', 'kind', 'points', 'balance_after as balanceAfter', 'expires_on as expiresOn'])
          .where('account_id', '=', account.id)
          .orderBy('seq')
          .execute();
        const expired = Math.min(expiredPoints(entries, today), account.balance);
        if (expired <= 0) continue;
        await appendEntry(trx, account, { kind: 'expire', points: -expired, actorUserId: null, at: now });
        await notify(trx, [account.user_id], { kind: 'points.expired', streetId: account.street_id, data: { points: expired } });
        total.accounts += 1;
        total.points += expired;
      }
      return accounts.length;
    });
    if (claimed < BATCH) return total;
  }
}

/** Runs the expiry every day at 00:30 in the street's zone (never two runs at once); returns the stop function. */
export function startExpiryScheduler(deps: PointsDeps, onError: (error: unknown) => void): () => void {
  const job = new Cron('0 30 0 * * *', { timezone: deps.timeZone, protect: true, catch: onError }, async () => {
    await runExpiry(deps);
  });
  return () => job.stop();
}
