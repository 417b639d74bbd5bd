import { type Kysely, sql } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { authorize } from '../access/authorize.ts';
import { MANAGE, READ, readableStreets, streetToManage } from '../api-keys/integration.policy.ts';
import { newSecret } from './delivery-rules.ts';
import { deliver, payloadOf, type WorkerDeps } from './delivery-worker.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function subscriptions(db: Kysely<DB>) {
  const since = new Date(Date.now() - 86_400_000);
  return db
    .selectFrom('webhook_subscriptions as w')
    .innerJoin('area_nodes as s', 's.id', 'w.street_id')
    .leftJoin('api_keys as k', 'k.id', 'w.api_key_id')
    .select([
      'w.id',
      'w.street_id',
      's.name as street_name',
      's.path',
      'w.name',
      'w.url',
      'w.event_types',
      'w.api_key_id',
      'k.name as key_name',
      'w.active',
      'w.created_at',
      sql<number>`(select count(*) from webhook_deliveries d where d.subscription_id = w.id and d.status = 'pending')`.as(
        'pending',
      ),
      sql<number>`(select count(*) from webhook_deliveries d where d.subscription_id = w.id and d.status = 'failed')`.as(
        'failed',
      ),
      sql<number>`(select count(*) from webhook_deliveries d where d.subscription_id = w.id and d.status = 'delivered' and d.delivered_at >= ${since})`.as(
        'delivered_last_day',
      ),
    ]);
}
type SubscriptionRow = Awaited<ReturnType<ReturnType<typeof subscriptions>['executeTakeFirstOrThrow']>>;

const present = (row: SubscriptionRow) => ({
  id: row.id,
  streetId: row.street_id,
  streetName: row.street_name,
  name: row.name,
  url: row.url,
  eventTypes: row.event_types,
  apiKeyId: row.api_key_id,
  apiKeyName: row.key_name,
  active: row.active,
  createdAt: new Date(row.created_at).toISOString(),
  pending: Number(row.pending),
  failed: Number(row.failed),
  deliveredLastDay: Number(row.delivered_last_day),
});

export async function listSubscriptions(db: Kysely<DB>, actor: Actor) {
  const streets = await readableStreets(db, actor);
  if (streets.length === 0) return { items: [] };
  const rows = await subscriptions(db)
    .where(
      'w.street_id',
      'in',
      streets.map((s) => s.id),
    )
    .orderBy('w.created_at', 'desc')
    .execute();
  return { items: rows.map(present) };
}

/** A subscription the actor reads (404 otherwise); with `manage`, one they may change (403 otherwise). */
async function subscriptionFor(db: Kysely<DB>, actor: Actor, id: string, manage: boolean) {
  const row = await subscriptions(db).where('w.id', '=', id).executeTakeFirst();
  const streets = await readableStreets(db, actor);
  if (!row || !streets.some((s) => s.id === row.street_id)) throw notFound('Webhook subscription');
  if (manage) authorize(actor, MANAGE, row.path, 'Webhook subscription', READ);
  return row;
}

export async function createSubscription(
  db: Kysely<DB>,
  actor: Actor,
  input: { streetId?: string | undefined; name: string; url: string; eventTypes: string[]; apiKeyId?: string | undefined },
) {
  const street = await streetToManage(db, actor, input.streetId);
  if (input.apiKeyId) {
    const key = await db.selectFrom('api_keys').select('street_id').where('id', '=', input.apiKeyId).executeTakeFirst();
    if (key?.street_id !== street.id) throw badRequest('API_KEY_NOT_FOUND', 'Choose a key of this street.', 'apiKeyId');
  }
  const secret = newSecret();
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('webhook_subscriptions')
      .values({
        street_id: street.id,
        name: input.name,
        url: input.url,
        secret,
        event_types: input.eventTypes,
        api_key_id: input.apiKeyId ?? null,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      streetId: street.id,
      entityType: 'webhook_subscription',
      entityId: row.id,
      type: 'webhook.subscribed',
      actorUserId: actor.userId,
      data: { url: input.url, eventTypes: input.eventTypes },
    });
    return row.id;
  });
  return { ...present(await subscriptions(db).where('w.id', '=', id).executeTakeFirstOrThrow()), secret };
}

export async function updateSubscription(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  changes: {
    name?: string | undefined;
    url?: string | undefined;
    eventTypes?: string[] | undefined;
    active?: boolean | undefined;
  },
) {
  const row = await subscriptionFor(db, actor, id, true);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('webhook_subscriptions')
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.url !== undefined ? { url: changes.url } : {}),
        ...(changes.eventTypes !== undefined ? { event_types: changes.eventTypes } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'webhook_subscription',
      entityId: id,
      type: changes.active === false ? 'webhook.paused' : changes.active === true ? 'webhook.resumed' : 'webhook.updated',
      actorUserId: actor.userId,
      data: { fields: Object.keys(changes) },
    });
  });
  return present(await subscriptions(db).where('w.id', '=', id).executeTakeFirstOrThrow());
}

export async function rotateSecret(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await subscriptionFor(db, actor, id, true);
  const secret = newSecret();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('webhook_subscriptions').set({ secret, updated_at: new Date() }).where('id', '=', id).execute();
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'webhook_subscription',
      entityId: id,
      type: 'webhook.secret_rotated',
      actorUserId: actor.userId,
    });
  });
  return { ...present(await subscriptions(db).where('w.id', '=', id).executeTakeFirstOrThrow()), secret };
}

const deliveryColumns = [
  'd.id',
  'd.subscription_id',
  'd.event_id',
  'd.event_type',
  'd.status',
  'd.attempts',
  'd.next_attempt_at',
  'd.last_status_code',
  'd.last_error',
  'd.delivered_at',
  'd.created_at',
  'd.street_id',
] as const;

function presentDelivery(row: {
  id: number;
  subscription_id: string;
  event_id: number;
  event_type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}) {
  return {
    id: String(row.id),
    subscriptionId: row.subscription_id,
    eventId: String(row.event_id),
    eventType: row.event_type,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: iso(row.delivered_at),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The delivery log of a subscription, newest first. */
export async function listDeliveries(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  query: { status?: 'pending' | 'delivered' | 'failed' | undefined; limit: number; before?: number | undefined },
) {
  await subscriptionFor(db, actor, id, false);
  let select = db.selectFrom('webhook_deliveries as d').select(deliveryColumns).where('d.subscription_id', '=', id);
  if (query.status) select = select.where('d.status', '=', query.status);
  if (query.before) select = select.where('d.id', '<', query.before);
  const rows = await select
    .orderBy('d.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return rows.map((row) => ({ ...row, id: Number(row.id), event_id: Number(row.event_id) }));
}
export { presentDelivery };

async function deliveryFor(db: Kysely<DB>, actor: Actor, id: number, manage: boolean) {
  const row = await db.selectFrom('webhook_deliveries as d').select(deliveryColumns).where('d.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Delivery');
  await subscriptionFor(db, actor, row.subscription_id, manage).catch((error) => {
    throw error instanceof Error && (error as { status?: number }).status === 404 ? notFound('Delivery') : error;
  });
  return { ...row, id: Number(row.id), event_id: Number(row.event_id) };
}

export async function deliveryDetail(db: Kysely<DB>, actor: Actor, id: number) {
  const row = await deliveryFor(db, actor, id, false);
  const attempts = await db.selectFrom('webhook_attempts').selectAll().where('delivery_id', '=', id).orderBy('id').execute();
  return {
    ...presentDelivery(row),
    attemptsLog: attempts.map((a) => ({
      attempt: a.attempt,
      manual: a.manual,
      at: new Date(a.at).toISOString(),
      statusCode: a.status_code,
      error: a.error,
      durationMs: a.duration_ms,
    })),
    payload: await payloadOf(db, row.event_id, row.id),
  };
}

/**
 * Sends a delivery again now, whatever became of it, and answers the outcome; the attempt is
 * logged as manual. A delivery a worker holds at this moment answers 409.
 */
export async function redeliver(deps: WorkerDeps, actor: Actor, id: number) {
  const { db } = deps;
  await deliveryFor(db, actor, id, true);
  const now = deps.now?.() ?? new Date();
  const { rows } = await sql<{
    id: number;
    subscription_id: string;
    event_id: number;
    attempts: number;
    url: string;
    secret: string;
  }>`
    update webhook_deliveries d set status = 'pending', attempts = d.attempts + 1, locked_until = ${new Date(now.getTime() + 60_000)}
    from webhook_subscriptions s
    where s.id = d.subscription_id and d.id = ${id} and (d.locked_until is null or d.locked_until <= ${now})
    returning d.id, d.subscription_id, d.event_id, d.attempts, s.url, s.secret`.execute(db);
  const claimed = rows[0];
  if (!claimed) throw conflict('DELIVERY_IN_PROGRESS', 'This delivery is being sent right now; look again in a minute.');
  await deliver(
    deps,
    { ...claimed, id: Number(claimed.id), event_id: Number(claimed.event_id), attempts: Number(claimed.attempts) },
    true,
  );
  return deliveryDetail(db, actor, id);
}
