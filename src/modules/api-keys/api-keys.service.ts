import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { authorize } from '../access/authorize.ts';
import type { KeyScope } from './api-keys.tables.ts';
import { MANAGE, READ, readableStreets, streetToManage } from './integration.policy.ts';

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');
/** Shown in lists so an administrator recognises a key without it being readable. */
export const prefixOf = (key: string) => `${key.slice(0, 6)}…`;

export interface KeyInput {
  streetId?: string | undefined;
  name: string;
  scopes: KeyScope[];
  rateLimitPerMinute: number;
}

const columns = [
  'k.id',
  'k.street_id',
  'k.name',
  'k.scopes',
  'k.key_prefix',
  'k.rate_limit_per_minute',
  'k.created_at',
  'k.last_used_at',
  'k.revoked_at',
  's.name as street_name',
] as const;

function present(row: {
  id: string;
  street_id: string;
  street_name: string;
  name: string;
  scopes: KeyScope[];
  key_prefix: string;
  rate_limit_per_minute: number;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}) {
  return {
    id: row.id,
    streetId: row.street_id,
    streetName: row.street_name,
    name: row.name,
    scopes: row.scopes,
    keyPrefix: row.key_prefix,
    rateLimitPerMinute: row.rate_limit_per_minute,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
export type ApiKeyView = ReturnType<typeof present>;

export async function listKeys(db: Kysely<DB>, actor: Actor) {
  const streets = await readableStreets(db, actor);
  if (streets.length === 0) return { items: [] };
  const rows = await db
    .selectFrom('api_keys as k')
    .innerJoin('area_nodes as s', 's.id', 'k.street_id')
    .select(columns)
    .where(
      'k.street_id',
      'in',
      streets.map((s) => s.id),
    )
    .orderBy('k.revoked_at', (ob) => ob.desc().nullsFirst())
    .orderBy('k.created_at', 'desc')
    .execute();
  return { items: rows.map(present) };
}

async function keyView(db: Kysely<DB>, id: string) {
  const row = await db
    .selectFrom('api_keys as k')
    .innerJoin('area_nodes as s', 's.id', 'k.street_id')
    .select(columns)
    .where('k.id', '=', id)
    .executeTakeFirstOrThrow();
  return present(row);
}

/** Issues a key for a street: the key itself is answered this once and only its hash is kept. */
export async function issueKey(
  db: Kysely<DB>,
  actor: Actor,
  input: KeyInput,
  key = `fq_${randomBytes(24).toString('base64url')}`,
) {
  const street = await streetToManage(db, actor, input.streetId);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_keys')
      .values({
        street_id: street.id,
        name: input.name,
        scopes: input.scopes,
        key_hash: hashKey(key),
        key_prefix: prefixOf(key),
        rate_limit_per_minute: input.rateLimitPerMinute,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      streetId: street.id,
      entityType: 'api_key',
      entityId: row.id,
      type: 'api_key.issued',
      actorUserId: actor.userId,
      data: { name: input.name, scopes: input.scopes },
    });
    return row.id;
  });
  return { ...(await keyView(db, id)), key };
}

export async function revokeKey(db: Kysely<DB>, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('api_keys as k')
      .innerJoin('area_nodes as s', 's.id', 'k.street_id')
      .select(['k.id', 'k.street_id', 'k.revoked_at', 's.path'])
      .where('k.id', '=', id)
      .forUpdate('k')
      .executeTakeFirst();
    const streets = await readableStreets(trx, actor);
    if (!row || !streets.some((s) => s.id === row.street_id)) throw notFound('API key');
    authorize(actor, MANAGE, row.path, 'API key', READ);
    if (row.revoked_at) throw conflict('API_KEY_REVOKED', 'This key is already revoked.');
    await trx.updateTable('api_keys').set({ revoked_at: new Date(), revoked_by: actor.userId }).where('id', '=', id).execute();
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'api_key',
      entityId: id,
      type: 'api_key.revoked',
      actorUserId: actor.userId,
    });
  });
  return keyView(db, id);
}

export interface KeyHolder {
  id: string;
  streetId: string;
  name: string;
  scopes: KeyScope[];
  rateLimitPerMinute: number;
}

/** The live key behind a presented secret, if any. */
export async function findLiveKey(db: Kysely<DB>, presented: string): Promise<KeyHolder | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'street_id', 'name', 'scopes', 'rate_limit_per_minute'])
    .where('key_hash', '=', hashKey(presented))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row
    ? { id: row.id, streetId: row.street_id, name: row.name, scopes: row.scopes, rateLimitPerMinute: row.rate_limit_per_minute }
    : undefined;
}

/**
 * Counts one request against the key's minute, shared by every instance through the database;
 * answers the seconds to wait when the key is over its limit, or 0.
 */
export async function spendRate(db: Kysely<DB>, key: KeyHolder, now = new Date()): Promise<number> {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const { rows } = await sql<{ count: number }>`
    insert into api_key_usage (api_key_id, minute, count) values (${key.id}, ${minute}, 1)
    on conflict (api_key_id, minute) do update set count = api_key_usage.count + 1
    returning count`.execute(db);
  const count = Number(rows[0]?.count ?? 0);
  if (count === 1) {
    // Once a minute per key: note its use and forget minutes long past.
    await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', key.id).execute();
    await db
      .deleteFrom('api_key_usage')
      .where('api_key_id', '=', key.id)
      .where('minute', '<', new Date(minute.getTime() - 3_600_000))
      .execute();
  }
  return count > key.rateLimitPerMinute ? Math.max(1, Math.ceil((minute.getTime() + 60_000 - now.getTime()) / 1000)) : 0;
}
