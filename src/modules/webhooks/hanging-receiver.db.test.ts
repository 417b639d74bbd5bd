import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryId, pointInGrid } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { runDeliveries } from './delivery-worker.ts';

/**
 * A receiver that takes the connection and never answers: the action whose event it subscribes
 * to is not held up (deliveries leave from an outbox), the attempt is cut off at the timeout and
 * written to the delivery log, the delivery waits out its back-off, and the worker goes on.
 */
let h: Harness;
let server: Server;
let url: string;
let hung = 0;

beforeAll(async () => {
  h = await startHarness();
  server = createServer(() => {
    hung++; // never answered
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.close();
});

describe('a webhook receiver that hangs', () => {
  it('times out, is logged, backs off, and blocks neither the action nor the worker', async () => {
    const admin = await h.login('admin');
    const made = await h.app.inject({
      method: 'POST',
      url: '/api/integration/webhooks',
      payload: { name: '挂起的接收方', url, eventTypes: ['case.reported'] },
      headers: { cookie: admin },
    });
    expect(made.statusCode, made.body).toBe(201);
    const subscriptionId = made.json().id as string;

    const started = performance.now();
    const reported = await h.app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: { categoryId: await categoryId(h, 'ENV_GARBAGE'), description: '路灯不亮', ...(await pointInGrid(h, 'C01G01')) },
      headers: { cookie: await h.login('resident') },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    expect(performance.now() - started).toBeLessThan(5000);

    const db = h.database.db;
    const delivery = () =>
      db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId).executeTakeFirstOrThrow();
    const t0 = new Date();
    const before = performance.now();
    await runDeliveries({ db, timeoutMs: 300, now: () => t0 });
    expect(performance.now() - before).toBeLessThan(5000);
    expect(hung).toBeGreaterThanOrEqual(1);
    const first = await delivery();
    expect(first).toMatchObject({ status: 'pending', attempts: 1, locked_until: null, last_status_code: null });
    expect(first.last_error).toMatch(/Timeout|Abort/);
    // Back-off: 30 s before the next attempt.
    expect(new Date(first.next_attempt_at).getTime() - t0.getTime()).toBeGreaterThanOrEqual(29_000);
    const log = await db.selectFrom('webhook_attempts').selectAll().where('delivery_id', '=', first.id).execute();
    expect(log).toHaveLength(1);
    expect(log[0]?.duration_ms).toBeLessThan(3000);

    // Not due yet: the worker passes it by; past the back-off it tries again, and backs off longer.
    await runDeliveries({ db, timeoutMs: 300, now: () => new Date(t0.getTime() + 10_000) });
    expect((await delivery()).attempts).toBe(1);
    const later = new Date(t0.getTime() + 31_000);
    await runDeliveries({ db, timeoutMs: 300, now: () => later });
    const second = await delivery();
    expect(second.attempts).toBe(2);
    expect(new Date(second.next_attempt_at).getTime() - later.getTime()).toBeGreaterThanOrEqual(59_000);
  });
});
