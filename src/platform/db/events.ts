import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

export interface DomainEvent {
  streetId: string | null;
  entityType: string;
  entityId: string;
  type: string;
  actorUserId: string | null;
  data?: Record<string, unknown>;
  /** When it happened, if not now (a job acting for a moment, a clock under test). */
  at?: Date;
}

/** Written in the caller's transaction: a rolled-back change leaves no event, a committed one always has one. */
export async function recordEvent(trx: Kysely<DB>, event: DomainEvent): Promise<void> {
  await trx
    .insertInto('events')
    .values({
      street_id: event.streetId,
      entity_type: event.entityType,
      entity_id: event.entityId,
      type: event.type,
      actor_user_id: event.actorUserId,
      data: JSON.stringify(event.data ?? {}),
      ...(event.at ? { at: event.at } : {}),
    })
    .execute();
}
