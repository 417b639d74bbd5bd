/**
 * The demo street's integrations: the key `fengqiao-demo-key` (Open311 and the hotline, as the
 * README's curl examples use it) and the hotline's status callback, paused until someone points it
 * at a receiver that listens. Written as the api-keys and webhooks services would have.
 */
import type { Kysely } from 'kysely';
import { hashKey, prefixOf } from '../modules/api-keys/api-keys.service.ts';
import { newSecret } from '../modules/webhooks/delivery-rules.ts';
import { recordEvent } from '../platform/db/events.ts';
import type { DB } from '../platform/db/schema.ts';

export const DEMO_API_KEY = 'fengqiao-demo-key';

export async function writeIntegrationDemo(trx: Kysely<DB>, streetId: string, adminId: string) {
  const key = await trx
    .insertInto('api_keys')
    .values({
      street_id: streetId,
      name: '诸暨市12345热线与城市App（演示）',
      scopes: ['open311', 'hotline'],
      key_hash: hashKey(DEMO_API_KEY),
      key_prefix: prefixOf(DEMO_API_KEY),
      rate_limit_per_minute: 120,
      created_by: adminId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const subscription = await trx
    .insertInto('webhook_subscriptions')
    .values({
      street_id: streetId,
      name: '12345热线工单状态回传（演示）',
      url: 'http://127.0.0.1:8080/12345/callback',
      secret: newSecret(),
      event_types: ['case.*'],
      api_key_id: key.id,
      active: false,
      created_by: adminId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [entityType, entityId, type] of [
    ['api_key', key.id, 'api_key.issued'],
    ['webhook_subscription', subscription.id, 'webhook.subscribed'],
    ['webhook_subscription', subscription.id, 'webhook.paused'],
  ] as const) {
    await recordEvent(trx, { streetId, entityType, entityId, type, actorUserId: adminId });
  }
  return { apiKeys: 1, webhookSubscriptions: 1 };
}
