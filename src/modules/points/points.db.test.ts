import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, firstCommunity, ok, refused } from '../../../test/api-as.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import type { Actor } from '../access/access.policy.ts';
import { loadActor } from '../access/access.repository.ts';
import { runExpiry } from './expiry-scheduler.ts';
import { creditHours, lockAccount, type PointsDeps } from './ledger.service.ts';
import { replay } from './points-rules.ts';
import { createGoods, redeem } from './supermarket.service.ts';

let h: Harness;
let deps: PointsDeps;
let streetId: string;
let community: { id: string; path: string };

beforeAll(async () => {
  h = await startHarness();
  deps = { db: h.database.db, timeZone: 'Asia/Shanghai' };
  ({ community } = await firstCommunity(h));
  streetId = (
    await h.database.db.selectFrom('area_nodes').select('street_id').where('id', '=', community.id).executeTakeFirstOrThrow()
  ).street_id as string;
});
afterAll(() => h.close());

/** Credits an hour-long stretch of a kind of service, as an activity or a request would. */
async function earn(
  userId: string,
  minutes: number,
  source: 'service_activity' | 'course' = 'service_activity',
  servedAt = new Date(),
) {
  return h.database.db.transaction().execute((trx) =>
    creditHours(trx, {
      userId,
      streetId,
      source,
      sourceId: randomUUID(),
      minutes,
      servedAt,
      timeZone: 'Asia/Shanghai',
      recordedBy: null,
    }),
  );
}

/** New residents of the demo resident's household, each with an account: people who earn and spend points at the first community's counter. */
async function newPeople(n: number): Promise<Actor[]> {
  const db = h.database.db;
  const resident = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('username', '=', 'resident')
    .executeTakeFirstOrThrow();
  const home = await db
    .selectFrom('role_assignments')
    .select('node_id')
    .where('user_id', '=', resident.id)
    .executeTakeFirstOrThrow();
  const actors: Actor[] = [];
  for (let i = 0; i < n; i++) {
    const user = await db
      .insertInto('users')
      .values({
        username: `pbt_${randomUUID().slice(0, 8)}`,
        display_name: `测试居民${i}`,
        password_hash: resident.password_hash,
        street_id: streetId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('role_assignments')
      .values({ user_id: user.id, role: 'resident', node_id: home.node_id, street_id: streetId })
      .execute();
    actors.push((await loadActor(db, user.id)) as Actor);
  }
  return actors;
}

async function ledgerOf(userId: string) {
  const db = h.database.db;
  const account = await db
    .selectFrom('points_accounts')
    .select(['id', 'balance', 'entries'])
    .where('user_id', '=', userId)
    .where('street_id', '=', streetId)
    .executeTakeFirstOrThrow();
  const entries = await db
    .selectFrom('points_entries')
    .select(['seq', 'kind', 'points', 'balance_after as balanceAfter', 'expires_on as expiresOn'])
    .where('account_id', '=', account.id)
    .orderBy('seq')
    .execute();
  return { account, entries };
}

describe('earning', () => {
  it('turns service hours into points by the rule of their day, once per record', async () => {
    const resident = await as(h, 'resident');
    const me = await ok(await resident.get('/api/me'));
    const before = (await ok(await resident.get('/api/points/me'))).balance;
    const sourceId = randomUUID();
    const credit = (minutes: number) =>
      h.database.db.transaction().execute((trx) =>
        creditHours(trx, {
          userId: me.id,
          streetId,
          source: 'service_activity',
          sourceId,
          minutes,
          servedAt: new Date(),
          timeZone: 'Asia/Shanghai',
          recordedBy: null,
        }),
      );
    // 10 points an hour in whole half hours: 100 minutes count as 90.
    expect(await credit(100)).toMatchObject({ points: 15, credited: true });
    expect(await credit(100)).toMatchObject({ points: 0, credited: false });
    const mine = await ok(await resident.get('/api/points/me'));
    expect(mine.balance).toBe(before + 15);
    expect(mine.recomputed).toBe(mine.balance);
    expect(mine.entries[0]).toMatchObject({ kind: 'earn', points: 15, source: 'service_activity', minutes: 100 });
    expect(mine.volunteerMinutes).toBeGreaterThanOrEqual(100);
  });

  it('follows a street’s new rule from the day it applies, while earlier hours keep theirs', async () => {
    const admin = await as(h, 'admin');
    const error = refused(
      await (await as(h, 'secretary')).post('/api/points/rules', {
        source: 'course',
        pointsPerHour: 4,
        volunteering: false,
        validFrom: '2026-01-01',
      }),
      403,
    );
    expect(error.code).toBe('FORBIDDEN');
    const rules = await ok(
      await admin.post('/api/points/rules', { source: 'course', pointsPerHour: 8, volunteering: false, validFrom: '2026-01-01' }),
      201,
    );
    const course = rules.items.filter((r: { source: string }) => r.source === 'course');
    expect(course.map((r: { pointsPerHour: number; inForce: boolean }) => [r.pointsPerHour, r.inForce])).toEqual([
      [8, true],
      [5, false],
    ]);
    const [person] = await newPeople(1);
    // 90 minutes of a course: 5 points an hour until the street's rule of 8 comes into force.
    expect((await earn(person?.userId as string, 90, 'course', new Date('2025-12-31T04:00:00Z'))).points).toBe(7);
    expect((await earn(person?.userId as string, 90, 'course', new Date('2026-01-02T04:00:00Z'))).points).toBe(12);
  });
});

describe('adjusting', () => {
  it('adds or takes off points with a reason, never below zero, and only by staff of the person’s area', async () => {
    const [person] = await newPeople(1);
    const userId = person?.userId as string;
    await earn(userId, 60);
    const account = await h.database.db
      .selectFrom('points_accounts')
      .select('id')
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    const staff = await as(h, 'admin');
    expect(
      refused(await staff.post(`/api/points/accounts/${account.id}/adjust`, { points: -11, reason: '重复登记' }), 409).code,
    ).toBe('POINTS_INSUFFICIENT');
    expect(refused(await staff.post(`/api/points/accounts/${account.id}/adjust`, { points: -5 }), 400).field).toBe('reason');
    const adjusted = await ok(
      await staff.post(`/api/points/accounts/${account.id}/adjust`, { points: -4, reason: '重复登记的半小时' }),
    );
    expect(adjusted).toMatchObject({ balance: 6, recomputed: 6 });
    expect(adjusted.entries[0]).toMatchObject({ kind: 'adjust', points: -4, reason: '重复登记的半小时' });
    expect(refused(await (await as(h, 'resident')).get(`/api/points/accounts/${account.id}`), 404).code).toBe('NOT_FOUND');
  });

  it('never changes or removes an entry once written', async () => {
    await expect(
      h.database.db.updateTable('points_entries').set({ points: 1000 }).where('kind', '=', 'earn').execute(),
    ).rejects.toThrow(/append-only/);
    await expect(h.database.db.deleteFrom('points_entries').execute()).rejects.toThrow(/append-only/);
  });
});

describe('the supermarket', () => {
  it('hands out goods for points with a code, and a cancelled redemption gives back points and stock', async () => {
    const secretary = await as(h, 'secretary');
    const goods = await ok(
      await secretary.post('/api/points/goods', {
        nodeId: community.id,
        kind: 'goods',
        name: '环保购物袋',
        price: 20,
        stock: 1,
        limitPerPerson: 1,
      }),
      201,
    );
    const [person] = await newPeople(1);
    const buyer = person as Actor;
    await earn(buyer.userId, 240);
    const placed = await redeem(deps, buyer, goods.id, 1);
    expect(placed).toMatchObject({ status: 'placed', points: 20, code: expect.stringMatching(/^\d{6}$/) });
    await expect(redeem(deps, buyer, goods.id, 1)).rejects.toMatchObject({ code: 'GOODS_OUT_OF_STOCK' });
    const found = await ok(await secretary.get(`/api/points/redemptions?code=${placed.code}`));
    expect(found.items.map((r: { id: string }) => r.id)).toContain(placed.id);
    const cancelled = await ok(await secretary.post(`/api/points/redemptions/${placed.id}/cancel`, { reason: '库存盘点有误' }));
    expect(cancelled.status).toBe('cancelled');
    const { account, entries } = await ledgerOf(buyer.userId);
    expect(entries.map((e) => e.kind)).toEqual(['earn', 'redeem', 'refund']);
    expect(account.balance).toBe(40);
    const after = await ok(await secretary.get('/api/points/goods'));
    expect(after.items.find((g: { id: string }) => g.id === goods.id)).toMatchObject({ stock: 1, redeemed: 0 });
    expect(refused(await secretary.post(`/api/points/redemptions/${placed.id}/collect`, {}), 409).code).toBe(
      'REDEMPTION_NOT_PLACED',
    );
  });

  it('shows a resident the counters of their community and street, not another community’s, where they cannot spend', async () => {
    const other = await h.database.db
      .selectFrom('area_nodes')
      .select('id')
      .where('code', '=', 'C02')
      .where('level', '=', 'community')
      .executeTakeFirstOrThrow();
    const elsewhere = await ok(
      await (await as(h, 'admin')).post('/api/points/goods', {
        nodeId: other.id,
        kind: 'service',
        name: '天桥社区义务理发',
        price: 1,
        stock: 5,
      }),
      201,
    );
    const resident = await as(h, 'resident');
    const shelf = await ok(await resident.get('/api/points/goods'));
    expect(shelf.items.map((g: { id: string }) => g.id)).not.toContain(elsewhere.id);
    expect(refused(await resident.post(`/api/points/goods/${elsewhere.id}/redeem`, { quantity: 1 }), 404).code).toBe('NOT_FOUND');
  });

  it('keeps every balance equal to the sum of its entries and never below zero, and no stock below zero, under concurrent redemptions', async () => {
    const staff = (await loadActor(
      h.database.db,
      (
        await h.database.db.selectFrom('users').select('id').where('username', '=', 'secretary').executeTakeFirstOrThrow()
      ).id,
    )) as Actor;
    const people = await newPeople(5);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 240 }), { minLength: 5, maxLength: 5 }),
        fc.array(fc.record({ stock: fc.integer({ min: 0, max: 6 }), price: fc.integer({ min: 1, max: 30 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(fc.record({ who: fc.nat(4), what: fc.nat(2), quantity: fc.integer({ min: 1, max: 3 }) }), {
          minLength: 5,
          maxLength: 25,
        }),
        async (minutes, shelf, orders) => {
          const before = await Promise.all(people.map((p) => ledgerOf(p.userId).catch(() => null)));
          for (const [i, m] of minutes.entries()) if (m >= 30) await earn((people[i] as Actor).userId, m);
          const goods = await Promise.all(
            shelf.map((g, i) =>
              createGoods(deps, staff, {
                nodeId: community.id,
                kind: 'goods',
                name: `抽奖品${i}`,
                price: g.price,
                stock: g.stock,
              }),
            ),
          );
          // Every order at once: each either goes through whole or is refused as the user's mistake, never half.
          const outcomes = await Promise.allSettled(
            orders.map((o) =>
              redeem(deps, people[o.who] as Actor, (goods[o.what % goods.length] as { id: string }).id, o.quantity),
            ),
          );
          for (const outcome of outcomes) {
            if (outcome.status === 'rejected')
              expect(['POINTS_INSUFFICIENT', 'GOODS_OUT_OF_STOCK'], String(outcome.reason)).toContain(outcome.reason.code);
          }
          for (const [i, person] of people.entries()) {
            const ledger = await ledgerOf(person.userId).catch(() => null);
            if (!ledger) continue;
            const replayed = replay(ledger.entries);
            expect(replayed.problems).toEqual([]);
            expect(ledger.account.balance).toBe(replayed.balance);
            expect(ledger.account.balance).toBeGreaterThanOrEqual(0);
            expect(ledger.account.entries).toBe(ledger.entries.length);
            const spent = outcomes
              .map((o, j) => ({ o, order: orders[j] as (typeof orders)[number] }))
              .filter(({ o, order }) => o.status === 'fulfilled' && order.who === i)
              .reduce((sum, { o }) => sum + (o as PromiseFulfilledResult<{ points: number }>).value.points, 0);
            const earned = minutes[i] as number;
            const had = before[i]?.account.balance ?? 0;
            expect(ledger.account.balance).toBe(
              had + (earned >= 30 ? Math.floor((Math.floor(earned / 30) * 30 * 10) / 60) : 0) - spent,
            );
          }
          for (const [j, g] of goods.entries()) {
            const row = await h.database.db
              .selectFrom('points_goods')
              .select('stock')
              .where('id', '=', g.id)
              .executeTakeFirstOrThrow();
            const sold = outcomes
              .map((o, k) => ({ o, order: orders[k] as (typeof orders)[number] }))
              .filter(({ o, order }) => o.status === 'fulfilled' && order.what % goods.length === j)
              .reduce((sum, { order }) => sum + order.quantity, 0);
            expect(row.stock).toBeGreaterThanOrEqual(0);
            expect(row.stock).toBe((shelf[j] as { stock: number }).stock - sold);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('expiry', () => {
  it('writes off, once, the points whose validity ended and that were not spent', async () => {
    const [person] = await newPeople(1);
    const userId = (person as Actor).userId;
    // Earned 800 days ago (valid 730 days), and yesterday.
    await earn(userId, 120, 'service_activity', new Date(Date.now() - 800 * 86_400_000));
    await earn(userId, 60, 'service_activity', new Date(Date.now() - 86_400_000));
    await h.database.db.transaction().execute(async (trx) => {
      const account = await lockAccount(trx, userId, streetId);
      const { appendEntry } = await import('./ledger.service.ts');
      await appendEntry(trx, account, { kind: 'adjust', points: -5, reason: '兑换饮用水', actorUserId: null });
    });
    const first = await runExpiry(deps);
    expect(first.accounts).toBeGreaterThanOrEqual(1);
    const { account, entries } = await ledgerOf(userId);
    expect(entries.at(-1)).toMatchObject({ kind: 'expire', points: -15 });
    expect(account.balance).toBe(10);
    await runExpiry(deps);
    expect((await ledgerOf(userId)).entries).toHaveLength(entries.length);
  });
});
