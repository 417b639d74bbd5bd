import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { afterAttempt, CLAIM_SECONDS, type Outcome, signature, TIMEOUT_MS } from './delivery-rules.ts';

/**
 * The delivery worker. Deliveries are claimed with one UPDATE over rows locked FOR UPDATE SKIP
 * LOCKED and held for CLAIM_SECONDS, so two instances never send the same one at once; the POST
 * happens outside any transaction, and its outcome is written with the attempt in the log. A
 * worker that dies mid-delivery leaves the claim to run out, and the delivery is sent again: a
 * receiver that keeps the event ids it has seen takes each event once.
 */
export interface WorkerDeps {
  db: Kysely<DB>;
  now?: () => Date;
  /** The HTTP client; tests may stand in for the network. */
  post?: (url: string, body: string, headers: Record<string, string>, timeoutMs: number) => Promise<number>;
  /** How long one POST may take before it counts as failed (TIMEOUT_MS; tests make it short). */
  timeoutMs?: number;
}

const BATCH = 50;

interface Claimed {
  id: number;
  subscription_id: string;
  event_id: number;
  attempts: number;
  url: string;
  secret: string;
}

export async function claimDue(db: Kysely<DB>, now: Date, limit = BATCH): Promise<Claimed[]> {
  const until = new Date(now.getTime() + CLAIM_SECONDS * 1000);
  const { rows } = await sql<Claimed>`
    update webhook_deliveries d set locked_until = ${until}, attempts = d.attempts + 1
    from webhook_subscriptions s
    where s.id = d.subscription_id and d.id in (
      select id from webhook_deliveries
      where status = 'pending' and next_attempt_at <= ${now} and (locked_until is null or locked_until <= ${now})
      order by next_attempt_at, id limit ${limit} for update skip locked)
    returning d.id, d.subscription_id, d.event_id, d.attempts, s.url, s.secret`.execute(db);
  return rows.map((row) => ({ ...row, id: Number(row.id), event_id: Number(row.event_id), attempts: Number(row.attempts) }));
}

/** The body a receiver gets: the event as recorded, and for a case its number, state and the outside system's id. */
export async function payloadOf(db: Kysely<DB>, eventId: number, deliveryId: number) {
  const event = await db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirstOrThrow();
  const caseRow =
    event.entity_type === 'case'
      ? await db
          .selectFrom('cases as c')
          .leftJoin('external_cases as x', 'x.case_id', 'c.id')
          .select(['c.id', 'c.number', 'c.state', 'c.due_at', 'x.external_id', 'x.channel'])
          .where('c.id', '=', event.entity_id)
          .executeTakeFirst()
      : undefined;
  return {
    id: String(event.id),
    deliveryId: String(deliveryId),
    type: event.type,
    occurredAt: new Date(event.at).toISOString(),
    streetId: event.street_id,
    entity: { type: event.entity_type, id: event.entity_id },
    data: event.data,
    ...(caseRow
      ? {
          case: {
            id: caseRow.id,
            number: caseRow.number,
            state: caseRow.state,
            dueAt: caseRow.due_at ? new Date(caseRow.due_at).toISOString() : null,
            externalId: caseRow.external_id,
            channel: caseRow.channel,
          },
        }
      : {}),
  };
}

/** A receiver that accepts the connection and never answers is cut off at the timeout, its body too. */
async function httpPost(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.body?.cancel();
  return response.status;
}

/** Sends one claimed delivery and writes its outcome and the attempt; never throws for the receiver's failure. */
export async function deliver(deps: WorkerDeps, claimed: Claimed, manual = false): Promise<Outcome> {
  const { db } = deps;
  const started = deps.now?.() ?? new Date();
  const body = JSON.stringify(await payloadOf(db, claimed.event_id, claimed.id));
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Fengqiao-Webhooks/1',
    'x-fengqiao-event-id': String(claimed.event_id),
    'x-fengqiao-delivery-id': String(claimed.id),
    'x-fengqiao-signature': signature(claimed.secret, Math.floor(started.getTime() / 1000), body),
  };
  const t0 = performance.now();
  let outcome: Outcome;
  try {
    const status = await (deps.post ?? httpPost)(claimed.url, body, headers, deps.timeoutMs ?? TIMEOUT_MS);
    outcome =
      status >= 200 && status < 300
        ? { ok: true, statusCode: status }
        : { ok: false, statusCode: status, error: `HTTP ${status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    outcome = { ok: false, statusCode: null, error: (cause ?? (error as Error).name ?? 'error').slice(0, 200) };
  }
  const now = deps.now?.() ?? new Date();
  const next = afterAttempt(claimed.attempts, outcome, now);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('webhook_deliveries')
      .set({
        status: next.status,
        next_attempt_at: next.nextAttemptAt,
        locked_until: null,
        last_status_code: outcome.statusCode,
        last_error: outcome.ok ? null : outcome.error,
        ...(outcome.ok ? { delivered_at: now } : {}),
      })
      .where('id', '=', claimed.id)
      .execute();
    const sub = await trx
      .selectFrom('webhook_subscriptions')
      .select('street_id')
      .where('id', '=', claimed.subscription_id)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('webhook_attempts')
      .values({
        street_id: sub.street_id,
        delivery_id: claimed.id,
        attempt: claimed.attempts,
        manual,
        at: now,
        status_code: outcome.statusCode,
        error: outcome.ok ? null : outcome.error,
        duration_ms: Math.round(performance.now() - t0),
      })
      .execute();
  });
  return outcome;
}

/** Delivers what is due, batch after batch, until nothing is; answers how many were attempted and delivered. */
export async function runDeliveries(deps: WorkerDeps, maxBatches = 20) {
  let attempted = 0;
  let delivered = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const claimed = await claimDue(deps.db, deps.now?.() ?? new Date());
    if (claimed.length === 0) break;
    const outcomes = await Promise.all(claimed.map((c) => deliver(deps, c)));
    attempted += outcomes.length;
    delivered += outcomes.filter((o) => o.ok).length;
  }
  return { attempted, delivered };
}

/** Polls for due deliveries every `seconds` (one run at a time); answers the stop function. */
export function startDeliveryWorker(deps: WorkerDeps, seconds: number, onError: (error: unknown) => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      await runDeliveries(deps);
    } catch (error) {
      onError(error);
    }
    if (!stopped) timer = setTimeout(tick, seconds * 1000);
  };
  timer = setTimeout(tick, seconds * 1000);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
