import { createHash } from 'node:crypto';
import type { ColumnType, Kysely } from 'kysely';
import { AppError } from '../http/errors.ts';
import type { DB } from './schema.ts';

/**
 * Idempotency keys (migrations/0018_idempotency_keys.sql). A client that did not get an answer
 * (the connection dropped, the server was killed) sends the same request again with the same
 * Idempotency-Key header. The key's row is written inside the transaction of the write it stands
 * for, so it exists exactly when that write committed: a retry finds it and is answered with what
 * the first attempt did; the same key with another body is a client bug and refused with 409.
 * Two attempts racing both try to insert the row; the second waits on the primary key, fails with
 * a unique violation once the first commits, and is then answered as a replay.
 */
export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  operation: string;
  street_id: string | null;
  status: number;
  result: ColumnType<Record<string, unknown>, string, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

declare module './schema.ts' {
  interface DB {
    idempotency_keys: IdempotencyKeysTable;
  }
}

export interface IdempotentRequest {
  scope: string;
  key: string;
  /** What the key is used for, e.g. 'POST /cases/<id>/accept': a key names one operation. */
  operation: string;
  requestHash: string;
}

export interface StoredOutcome<R> {
  status: number;
  result: R;
}

/** JSON with its object keys sorted, so the same body hashes the same whatever order its fields came in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function idempotentRequest(scope: string, key: string, operation: string, body: unknown): IdempotentRequest {
  const requestHash = createHash('sha256').update(operation).update('\n').update(canonicalJson(body)).digest('hex');
  return { scope, key, operation, requestHash };
}

export const keyReused = () =>
  new AppError(
    409,
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    'idempotency-key',
  );

/** The outcome stored under the key, when the first attempt committed; 409 when the key was used for another request. */
export async function storedOutcome<R>(db: Kysely<DB>, request: IdempotentRequest): Promise<StoredOutcome<R> | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'operation', 'status', 'result'])
    .where('scope', '=', request.scope)
    .where('key', '=', request.key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.request_hash !== request.requestHash || row.operation !== request.operation) throw keyReused();
  return { status: row.status, result: row.result as R };
}

/** Writes the key inside the caller's transaction; a concurrent first attempt makes this fail with 23505. */
export async function recordOutcome(
  trx: Kysely<DB>,
  request: IdempotentRequest,
  streetId: string | null,
  outcome: StoredOutcome<Record<string, unknown>>,
): Promise<void> {
  await trx
    .insertInto('idempotency_keys')
    .values({
      scope: request.scope,
      key: request.key,
      request_hash: request.requestHash,
      operation: request.operation,
      street_id: streetId,
      status: outcome.status,
      result: JSON.stringify(outcome.result),
    })
    .execute();
}

export const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505';

/**
 * Runs a write under a key: a committed earlier attempt is answered from its stored outcome; else
 * `write` runs and must call `record` inside its transaction. A race lost to a concurrent attempt
 * with the same key is answered as that attempt's replay.
 */
export async function once<R extends Record<string, unknown>>(
  db: Kysely<DB>,
  request: IdempotentRequest | undefined,
  write: (
    record: (trx: Kysely<DB>, streetId: string | null, outcome: StoredOutcome<R>) => Promise<void>,
  ) => Promise<StoredOutcome<R>>,
): Promise<StoredOutcome<R> & { replayed: boolean }> {
  const record = (trx: Kysely<DB>, streetId: string | null, outcome: StoredOutcome<R>) =>
    request ? recordOutcome(trx, request, streetId, outcome) : Promise.resolve();
  if (!request) return { ...(await write(record)), replayed: false };
  const earlier = await storedOutcome<R>(db, request);
  if (earlier) return { ...earlier, replayed: true };
  try {
    return { ...(await write(record)), replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await storedOutcome<R>(db, request);
    if (raced) return { ...raced, replayed: true };
    throw error;
  }
}
