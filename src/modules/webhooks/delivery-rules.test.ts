import { describe, expect, it } from 'vitest';
import { afterAttempt, backoffSeconds, MAX_ATTEMPTS, matches, signature, verifySignature } from './delivery-rules.ts';

describe('webhook delivery rules', () => {
  it('signs the timestamp and body so the receiver can check both', () => {
    const header = signature('whsec_test', 1_700_000_000, '{"id":"1"}');
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_test', header, '{"id":"1"}', 1_700_000_010)).toBe(true);
    expect(verifySignature('whsec_test', header, '{"id":"2"}', 1_700_000_010)).toBe(false);
    expect(verifySignature('whsec_other', header, '{"id":"1"}', 1_700_000_010)).toBe(false);
    expect(verifySignature('whsec_test', header, '{"id":"1"}', 1_700_001_000)).toBe(false);
  });

  it('backs off exponentially from 30 seconds up to six hours', () => {
    expect([1, 2, 3, 4, 5].map(backoffSeconds)).toEqual([30, 60, 120, 240, 480]);
    expect(backoffSeconds(20)).toBe(6 * 3600);
  });

  it('delivers on success, retries on failure, and gives up after the last attempt', () => {
    const now = new Date('2026-05-01T00:00:00Z');
    expect(afterAttempt(1, { ok: true, statusCode: 204 }, now).status).toBe('delivered');
    const retry = afterAttempt(3, { ok: false, statusCode: 503, error: 'HTTP 503' }, now);
    expect(retry).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-05-01T00:02:00Z') });
    expect(afterAttempt(MAX_ATTEMPTS, { ok: false, statusCode: null, error: 'ECONNREFUSED' }, now).status).toBe('failed');
  });

  it('matches exact types, families and everything', () => {
    expect(matches(['case.*'], 'case.closed')).toBe(true);
    expect(matches(['case.*'], 'cases_other.x')).toBe(false);
    expect(matches(['dispute.opened'], 'dispute.opened')).toBe(true);
    expect(matches(['*'], 'resident.updated')).toBe(true);
  });
});
