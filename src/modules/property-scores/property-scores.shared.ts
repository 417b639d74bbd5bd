/** What every property evaluation service needs: dependencies, today, the street, the weights in force, the event. */
import { type Kysely, sql } from 'kysely';
import { type DomainEvent, recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { localDate } from '../calendar/working-days.ts';
import { monthDate } from './months.ts';

export type Db = Kysely<DB>;

export interface ScoreDeps {
  db: Db;
  timeZone: string;
  now?: () => Date;
}

export const nowOf = (deps: Pick<ScoreDeps, 'now'>) => (deps.now ? deps.now() : new Date());
export const todayOf = (deps: ScoreDeps) => localDate(nowOf(deps), deps.timeZone);

export interface StreetRow {
  id: string;
  path: string;
}

/** The actor's street: evaluation is kept per street. */
export async function streetOf(db: Db, actor: Actor): Promise<StreetRow> {
  if (!actor.streetId) throw badRequest('STREET_REQUIRED', 'Your account belongs to no street.');
  return db.selectFrom('area_nodes').select(['id', 'path']).where('id', '=', actor.streetId).executeTakeFirstOrThrow();
}

/** The weights of a month: the street's latest version in force by then, else the default. */
export async function weightsFor(db: Db, streetId: string, month: string) {
  return db
    .selectFrom('property_score_weights')
    .selectAll()
    .where((eb) => eb.or([eb('street_id', '=', streetId), eb('street_id', 'is', null)]))
    .where('effective_from', '<=', monthDate(month))
    .orderBy(sql`street_id is null`)
    .orderBy('effective_from', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}
export type WeightsRow = Awaited<ReturnType<typeof weightsFor>>;

export async function recordStreetEvent(
  trx: Db,
  streetId: string,
  event: Omit<DomainEvent, 'entityType' | 'entityId' | 'streetId'>,
) {
  await recordEvent(trx, { ...event, entityType: 'property_scores', entityId: streetId, streetId });
}
