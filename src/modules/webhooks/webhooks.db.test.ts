import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointInGrid } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { GridLocator } from '../areas/grid-locator.ts';
import { verifySignature } from './delivery-rules.ts';
import { claimDue, runDeliveries } from './delivery-worker.ts';

/**
 * A real receiver on 127.0.0.1 that keeps the event ids it has processed, as the documentation
 * asks receivers to: a delivery seen twice is acknowledged and not processed again.
 */
class Receiver {
  server: Server | undefined;
  port = 0;
  processed = new Map<string, { type: string; case?: { externalId: string | null; state: string } }>();
  received = 0;
  badSignatures = 0;
  constructor(public secret = '') {}
  async start(port = 0) {
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        this.received++;
        const header = String(request.headers['x-fengqiao-signature'] ?? '');
        if (!verifySignature(this.secret, header, body, Math.floor(Date.now() / 1000), 10 ** 9)) {
          this.badSignatures++;
          response.writeHead(401).end();
          return;
        }
        const event = JSON.parse(body);
        expect(request.headers['x-fengqiao-event-id']).toBe(event.id);
        if (!this.processed.has(event.id)) this.processed.set(event.id, event);
        response.writeHead(204).end();
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
  }
  async stop() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

let h: Harness;
let admin: string;
let point: { lon: number; lat: number };
const receiver = new Receiver();

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) =>
  h.app.inject({ method, url, payload, headers: { cookie: admin, ...headers } });

beforeAll(async () => {
  h = await startHarness();
  admin = await h.login('admin');
  point = await pointInGrid(h, 'C01G01');
  await receiver.start();
});
afterAll(async () => {
  await receiver.stop();
  await h.close();
});

async function caseEventIds(since: number, filter: (type: string) => boolean = (t) => t.startsWith('case.')) {
  const rows = await h.database.db.selectFrom('events').select(['id', 'type']).where('id', '>', since).orderBy('id').execute();
  return rows.filter((r) => filter(r.type)).map((r) => String(r.id));
}
async function lastEventId() {
  const row = await h.database.db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

describe('hotline hand-over and webhooks', () => {
  let hotlineKey: string;
  let hotlineKeyId: string;
  let subscriptionId: string;
  let since: number;

  it('the administrator issues the hotline a key and subscribes its receiver to its cases', async () => {
    const key = await api('POST', '/api/integration/api-keys', { name: '诸暨12345热线', scopes: ['hotline'] });
    expect(key.statusCode, key.body).toBe(201);
    hotlineKey = key.json().key;
    hotlineKeyId = key.json().id;
    const url = `http://127.0.0.1:${receiver.port}/fengqiao`;
    const bad = await api('POST', '/api/integration/webhooks', { name: 'x', url: 'ftp://nowhere', eventTypes: ['case.*'] });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'url' });
    const made = await api('POST', '/api/integration/webhooks', {
      name: '12345 回传',
      url,
      eventTypes: ['case.*'],
      apiKeyId: hotlineKeyId,
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().secret).toMatch(/^whsec_/);
    receiver.secret = made.json().secret;
    subscriptionId = made.json().id;
    // The street leader reads subscriptions but may not change them; a grid worker does not see them.
    const leader = await h.login('leader');
    const seen = (await h.app.inject({ url: '/api/integration/webhooks', headers: { cookie: leader } })).json().items;
    expect(seen.map((s: { id: string }) => s.id)).toContain(subscriptionId);
    const pause = await h.app.inject({
      method: 'PATCH',
      url: `/api/integration/webhooks/${subscriptionId}`,
      payload: { active: false },
      headers: { cookie: leader },
    });
    expect(pause.statusCode).toBe(403);
    const grid = await h.login('grid');
    expect((await h.app.inject({ url: '/api/integration/webhooks', headers: { cookie: grid } })).json().items).toEqual([]);
    since = await lastEventId();
  });

  it('takes a work order in as a hotline case keeping its id, and refuses the same id twice', async () => {
    const order = {
      externalId: '12345-20260501-0001',
      categoryCode: 'ENV_GARBAGE',
      description: '市民来电：小区门口垃圾两天没清运',
      ...point,
      caller: { name: '李先生', phone: '13900001111' },
    };
    const noKey = await h.app.inject({ method: 'POST', url: '/api/hotline/work-orders', payload: order });
    expect(noKey.statusCode).toBe(401);
    const send = (body: object) =>
      h.app.inject({ method: 'POST', url: '/api/hotline/work-orders', payload: body, headers: { 'x-api-key': hotlineKey } });
    const first = await send(order);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ externalId: order.externalId, state: 'reported', status: 'open' });
    const again = await send(order);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'HOTLINE_DUPLICATE', field: 'externalId' });
    const unplaced = await send({ ...order, externalId: 'x-2', lon: undefined, lat: undefined });
    expect(unplaced.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lon' });
    const row = await h.database.db
      .selectFrom('cases')
      .innerJoin('external_cases as x', 'x.case_id', 'cases.id')
      .selectAll()
      .where('x.external_id', '=', order.externalId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'hotline', channel: 'hotline', reporter_name: '李先生', anonymous: false });
    const status = await h.app.inject({
      url: `/api/hotline/work-orders/${order.externalId}`,
      headers: { 'x-api-key': hotlineKey },
    });
    expect(status.json()).toMatchObject({ number: row.number, status: 'open' });
  });

  it('never blocks the work while the receiver is down, and an action refused writes nothing to send', async () => {
    await receiver.stop();
    const row = await h.database.db
      .selectFrom('external_cases as x')
      .innerJoin('cases as c', 'c.id', 'x.case_id')
      .select(['c.id'])
      .where('x.external_id', '=', '12345-20260501-0001')
      .executeTakeFirstOrThrow();
    const grid = await h.login('grid');
    const act = (action: string, payload: object = {}) =>
      h.app.inject({ method: 'POST', url: `/api/cases/${row.id}/${action}`, payload, headers: { cookie: grid } });
    expect((await act('accept')).statusCode).toBe(200);
    expect((await act('accept')).statusCode).toBe(409);
    expect((await act('start')).statusCode).toBe(200);
    // A case that did not come from the hotline is none of its business.
    const own = await h.app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: {
        categoryId: row.id && (await categoryOf('ENV_DUMPING')),
        description: '网格员巡查发现',
        ...point,
        priority: 'normal',
        photoIds: [],
      },
      headers: { cookie: grid },
    });
    expect(own.statusCode, own.body).toBe(201);
    const expected = await caseEventIds(since, (t) => t.startsWith('case.'));
    const outbox = await h.database.db
      .selectFrom('webhook_deliveries')
      .select('event_id')
      .where('subscription_id', '=', subscriptionId)
      .execute();
    // reported, accepted, started for the hotline case; nothing for the grid worker's own case
    expect(outbox.map((d) => String(d.event_id)).sort()).toEqual(
      (await h.database.db.selectFrom('events').select('id').where('entity_id', '=', row.id).where('id', '>', since).execute())
        .map((e) => String(e.id))
        .sort(),
    );
    expect(outbox).toHaveLength(3);
    expect(expected.length).toBeGreaterThan(3);
    const result = await runDeliveries({ db: h.database.db });
    expect(result).toEqual({ attempted: 3, delivered: 0 });
    const pending = await h.database.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('subscription_id', '=', subscriptionId)
      .execute();
    for (const d of pending) {
      expect(d).toMatchObject({ status: 'pending', attempts: 1, last_error: 'ECONNREFUSED', locked_until: null });
      expect(d.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 20_000);
    }
  });

  it('a worker that dies holding a delivery lets it go; after a restart every event arrives once', async () => {
    // Time moves past the backoff; one worker claims a batch and dies before sending.
    const later = new Date(Date.now() + 5 * 60_000);
    const claimed = await claimDue(h.database.db, later, 1);
    expect(claimed).toHaveLength(1);
    await receiver.start(receiver.port);
    // The server restarts: the old instance is gone, a new one opens the same database.
    await h.app.close();
    h.app = await buildApp({ config: h.config, database: h.database, gridLocator: new GridLocator(), version: 'test' });
    admin = await h.login('admin');
    // A fresh worker (the restarted server) sees the held one as taken until its claim runs out.
    const fresh = await runDeliveries({ db: h.database.db, now: () => later });
    expect(fresh).toEqual({ attempted: 2, delivered: 2 });
    const afterClaim = new Date(later.getTime() + 2 * 60_000);
    expect(await runDeliveries({ db: h.database.db, now: () => afterClaim })).toEqual({ attempted: 1, delivered: 1 });
    const ids = (
      await h.database.db
        .selectFrom('webhook_deliveries')
        .select('event_id')
        .where('subscription_id', '=', subscriptionId)
        .execute()
    )
      .map((d) => String(d.event_id))
      .sort();
    expect([...receiver.processed.keys()].sort()).toEqual(ids);
    expect(receiver.badSignatures).toBe(0);
    const event = [...receiver.processed.values()].find((e) => e.type === 'case.started');
    expect(event?.case).toMatchObject({ externalId: '12345-20260501-0001', state: 'in_progress' });
  });

  it('the status change reaches the hotline as it happens, and a manual redelivery is logged', async () => {
    const row = await h.database.db
      .selectFrom('external_cases as x')
      .innerJoin('cases as c', 'c.id', 'x.case_id')
      .select(['c.id'])
      .where('x.external_id', '=', '12345-20260501-0001')
      .executeTakeFirstOrThrow();
    const grid = await h.login('grid');
    const resolved = await h.app.inject({
      method: 'POST',
      url: `/api/cases/${row.id}/resolve`,
      payload: { resolution: '已联系环卫清运' },
      headers: { cookie: grid },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    await runDeliveries({ db: h.database.db });
    const last = [...receiver.processed.values()].at(-1);
    expect(last).toMatchObject({ type: 'case.resolved', case: { state: 'resolved', externalId: '12345-20260501-0001' } });
    const log = await api('GET', `/api/integration/webhooks/${subscriptionId}/deliveries?limit=2`);
    expect(log.json().items).toHaveLength(2);
    expect(log.json().nextCursor).not.toBeNull();
    const newest = log.json().items[0];
    expect(newest).toMatchObject({ eventType: 'case.resolved', status: 'delivered', attempts: 1 });
    const before = receiver.received;
    const again = await api('POST', `/api/integration/webhook-deliveries/${newest.id}/redeliver`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().attemptsLog.map((a: { manual: boolean; statusCode: number }) => [a.manual, a.statusCode])).toEqual([
      [false, 204],
      [true, 204],
    ]);
    expect(receiver.received).toBe(before + 1);
    // The receiver saw it twice and processed it once.
    expect(receiver.processed.size).toBe(4);
    const older = await api(
      'GET',
      `/api/integration/webhooks/${subscriptionId}/deliveries?limit=2&cursor=${log.json().nextCursor}`,
    );
    expect(older.json().items.map((d: { id: string }) => Number(d.id))).toEqual(
      [...older.json().items].map((d: { id: string }) => Number(d.id)).sort((a, b) => b - a),
    );
    const list = await api('GET', '/api/integration/webhooks');
    expect(list.json().items[0]).toMatchObject({ pending: 0, failed: 0, deliveredLastDay: 4 });
  });
});

async function categoryOf(code: string) {
  const row = await h.database.db.selectFrom('case_categories').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}
