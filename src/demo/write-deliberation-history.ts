/** Writes the demo street's year of deliberation (deliberation-history.ts) in the seeding transaction, in bulk. */
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { insertRows } from './bulk-insert.ts';
import { type DelibUser, planDeliberationHistory } from './deliberation-history.ts';
import type { StreetPlan } from './street-plan.ts';

const DELIBERATION_SEED = 2_026_0009;

export async function writeDeliberationHistory(
  trx: Kysely<DB>,
  street: { plan: StreetPlan; users: readonly DelibUser[] },
  now = new Date(),
): Promise<Record<string, number>> {
  const history = planDeliberationHistory({ plan: street.plan, users: street.users, now, seed: DELIBERATION_SEED });
  // Parents before children: meetings and topics, then what hangs on them.
  await insertRows(trx, 'delib_meetings', history.meetings);
  await insertRows(trx, 'delib_topics', history.topics);
  await insertRows(trx, 'delib_supports', history.supports);
  await insertRows(trx, 'delib_ratings', history.ratings);
  await insertRows(trx, 'delib_agenda_items', history.agenda);
  await insertRows(trx, 'delib_invitations', history.invitations);
  await insertRows(trx, 'delib_attendance', history.attendance);
  await insertRows(trx, 'delib_resolutions', history.resolutions);
  await insertRows(trx, 'delib_votes', history.votes);
  await insertRows(trx, 'delib_ballots', history.ballots);
  await insertRows(trx, 'delib_fund_lines', history.funds);
  await insertRows(trx, 'events', history.events);
  await insertRows(trx, 'delib_counters', history.counters);
  return {
    deliberationTopics: history.topics.length,
    deliberationMeetings: history.meetings.length,
    deliberationVotes: history.votes.length,
    deliberationBallots: history.ballots.length,
    deliberationFundLines: history.funds.length,
  };
}
