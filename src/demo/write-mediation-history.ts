/**
 * Writes the demo street's year of mediation in the seeding transaction, in bulk and in the order
 * the foreign keys ask: mediators, studios and bookings, then the files with their parties,
 * sessions, agreements and instalments (after the cases some of them come from). Their events go
 * in with the cases' (write-case-history.ts), one stream oldest first.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { insertRows } from './bulk-insert.ts';
import { HOUR_MS } from './case-time.ts';
import type { MediationHistory } from './mediation-rows.ts';
import type { Random } from './random.ts';

/** As the case history: older notifications would only pad the table, and staff have read them. */
const NOTIFIED_DAYS = 7;
const READ_WITHIN_HOURS: [number, number] = [1, 48];

export async function writeMediationHistory(trx: Kysely<DB>, m: MediationHistory): Promise<void> {
  await insertRows(trx, 'mediators', m.mediators);
  await insertRows(trx, 'mediation_studios', m.studios);
  await insertRows(trx, 'mediation_studio_mediators', m.studioMediators);
  await insertRows(trx, 'mediation_bookings', m.bookings);
  await insertRows(trx, 'dispute_counters', m.counters);
  await insertRows(trx, 'disputes', m.disputes);
  await insertRows(trx, 'dispute_parties', m.parties);
  await insertRows(trx, 'dispute_sessions', m.sessions);
  await insertRows(trx, 'dispute_agreements', m.agreements);
  await insertRows(trx, 'dispute_instalments', m.instalments);
}

export function disputeEventRows(m: MediationHistory, streetId: string) {
  return m.events.map((e) => ({
    street_id: streetId,
    entity_type: 'dispute',
    entity_id: e.entity_id,
    type: e.type,
    actor_user_id: e.actor_user_id,
    at: e.at,
    data: e.data,
  }));
}

/** The last week's notifications, the older of them read. */
export function mediationNotifications(m: MediationHistory, streetId: string, random: Random, now: Date) {
  const since = now.getTime() - NOTIFIED_DAYS * 24 * HOUR_MS;
  return m.notices
    .filter((n) => n.at.getTime() >= since)
    .map((n) => {
      const read = new Date(n.at.getTime() + random.between(...READ_WITHIN_HOURS) * HOUR_MS);
      return {
        street_id: streetId,
        user_id: n.user_id,
        kind: n.kind,
        case_id: null,
        data: n.data,
        created_at: n.at,
        read_at: read <= now ? read : null,
      };
    });
}

export function mediationCounts(m: MediationHistory): Record<string, number> {
  const open = m.disputes.filter((d) => d.state === 'opened' || d.state === 'in_mediation' || d.state === 'reopened');
  return {
    disputes: m.disputes.length,
    'disputes open': open.length,
    'dispute events': m.events.length,
    'mediation bookings': m.bookings.length,
  };
}
