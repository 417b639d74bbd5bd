/**
 * How webhooks are signed and retried. Pure.
 *
 * Signature: `X-Fengqiao-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` under
 * the subscription's secret; a receiver recomputes it and refuses a stale t (replays). Retries back
 * off exponentially from 30 s up to 6 h; after 12 failed attempts (about 1.5 days) the delivery is
 * given up as failed, and an administrator may redeliver it by hand.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const MAX_ATTEMPTS = 12;
const FIRST_DELAY_S = 30;
const MAX_DELAY_S = 6 * 3600;
/** How long a worker holds a claimed delivery: past it, a worker that died lets the delivery go. */
export const CLAIM_SECONDS = 60;
export const TIMEOUT_MS = 10_000;

export const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

export function signature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** What a receiver does: the header matches the body and is no older than the tolerance. */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceS = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceS || !parts.v1) return false;
  const expected = Buffer.from(signature(secret, timestamp, body).split('v1=')[1] as string, 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Seconds before the next attempt after `attempts` failures: 30 s, 1 min, 2 min ... at most 6 h. */
export const backoffSeconds = (attempts: number) => Math.min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** Math.max(0, attempts - 1));

export type Outcome = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };

/** Where a delivery stands after an attempt. */
export function afterAttempt(attempts: number, outcome: Outcome, now: Date) {
  if (outcome.ok) return { status: 'delivered' as const, nextAttemptAt: now };
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed' as const, nextAttemptAt: now };
  return { status: 'pending' as const, nextAttemptAt: new Date(now.getTime() + backoffSeconds(attempts) * 1000) };
}

/** Event types a subscription may name: exact, a family ending in .*, or *. */
export const EVENT_PATTERN = /^(\*|[a-z_]+(\.[a-z_]+)*(\.\*)?)$/;

export function matches(patterns: readonly string[], type: string): boolean {
  return patterns.some((p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))));
}
