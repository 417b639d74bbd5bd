/**
 * The points supermarket: goods and services with stock at a community's counter, redeemed with
 * points and collected with a six-digit code. A redemption locks the person's account, then the
 * goods (always in that order, so two redemptions never wait on each other in a circle), and checks
 * stock, limit and balance under those locks: neither stock nor balance can go below zero.
 */
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { maskName } from '../../platform/security/masking.ts';
import type { Actor } from '../access/access.policy.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { homeOf } from '../residents/resident-home.ts';
import { appendEntry, lockAccount, nowOf, type PointsDeps } from './ledger.service.ts';
import { canManageAt, readScopes } from './points.policy.ts';
import type { cancelRedemptionBody, goodsBody, goodsPatchBody, listRedemptionsQuery } from './points.schemas.ts';
import { checkRedemption } from './points-rules.ts';

type Db = PointsDeps['db'];

function goodsQuery(db: Db) {
  return db
    .selectFrom('points_goods as g')
    .innerJoin('area_nodes as n', 'n.id', 'g.node_id')
    .selectAll('g')
    .select(['n.name as node_name', 'n.path as node_path'])
    .select((eb) =>
      eb
        .selectFrom('points_redemptions as r')
        .select((x) => x.fn.coalesce(x.fn.sum<number>('r.quantity'), x.lit(0)).as('n'))
        .whereRef('r.goods_id', '=', 'g.id')
        .where('r.status', '!=', 'cancelled')
        .as('redeemed'),
    );
}
type GoodsRow = NonNullable<Awaited<ReturnType<ReturnType<typeof goodsQuery>['executeTakeFirst']>>>;

const presentGoods = (g: GoodsRow) => ({
  id: g.id,
  nodeId: g.node_id,
  nodeName: g.node_name,
  kind: g.kind,
  name: g.name,
  description: g.description,
  price: g.price,
  stock: g.stock,
  limitPerPerson: g.limit_per_person,
  retired: g.retired_at !== null,
  redeemed: Number(g.redeemed ?? 0),
});

/**
 * Whether a person shops at a counter: the counters of their community and of their street (those
 * on the way up from their home); staff also at every counter they stock.
 */
const shopsAt = (actor: Actor, homePath: string | null, nodePath: string) =>
  canManageAt(actor, nodePath) || homePath === null || homePath.startsWith(nodePath);

/** What the supermarket offers me: my community's counter and the street's (staff: those they stock, retired ones too). */
export async function listGoods(deps: PointsDeps, actor: Actor) {
  if (!actor.streetId) return { items: [] };
  const home = await homeOf(deps.db, actor.userId);
  const rows = await goodsQuery(deps.db).where('g.street_id', '=', actor.streetId).orderBy('g.price').orderBy('g.name').execute();
  return {
    items: rows
      .filter((g) => shopsAt(actor, home?.path ?? null, g.node_path))
      .filter((g) => g.retired_at === null || canManageAt(actor, g.node_path))
      .map(presentGoods),
  };
}

async function goodsOf(db: Db, actor: Actor, id: string) {
  const row = await goodsQuery(db).where('g.id', '=', id).executeTakeFirst();
  if (!row || row.street_id !== actor.streetId) throw notFound('Goods');
  return row;
}

export async function createGoods(deps: PointsDeps, actor: Actor, body: z.infer<typeof goodsBody>) {
  const node = await deps.db
    .selectFrom('area_nodes')
    .select(['id', 'path', 'street_id', 'level'])
    .where('id', '=', body.nodeId)
    .executeTakeFirst();
  if (!node || !['street', 'community'].includes(node.level))
    throw badRequest('NODE_NOT_FOUND', 'Choose a community or the street.', 'nodeId');
  if (!canManageAt(actor, node.path)) throw forbidden('FORBIDDEN', 'Your roles do not allow this (points.manage).');
  const streetId = node.level === 'street' ? node.id : (node.street_id as string);
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('points_goods')
      .values({
        street_id: streetId,
        node_id: node.id,
        kind: body.kind,
        name: body.name,
        description: body.description || null,
        price: body.price,
        stock: body.stock,
        limit_per_person: body.limitPerPerson ?? null,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      streetId,
      entityType: 'points_goods',
      entityId: row.id,
      type: 'points_goods.created',
      actorUserId: actor.userId,
      data: { name: body.name, price: body.price, stock: body.stock },
    });
    return row.id;
  });
  return presentGoods(await goodsOf(deps.db, actor, id));
}

export async function updateGoods(deps: PointsDeps, actor: Actor, id: string, body: z.infer<typeof goodsPatchBody>) {
  const current = await goodsOf(deps.db, actor, id);
  if (!canManageAt(actor, current.node_path)) throw forbidden('FORBIDDEN', 'Your roles do not allow this (points.manage).');
  await deps.db.transaction().execute(async (trx) => {
    await trx.selectFrom('points_goods').select('id').where('id', '=', id).forUpdate().execute();
    await trx
      .updateTable('points_goods')
      .set((eb) => ({
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.description !== undefined ? { description: body.description || null } : {}),
        ...(body.price !== undefined ? { price: body.price } : {}),
        ...(body.limitPerPerson !== undefined ? { limit_per_person: body.limitPerPerson } : {}),
        ...(body.restock !== undefined ? { stock: eb('stock', '+', body.restock) } : {}),
        ...(body.retired !== undefined ? { retired_at: body.retired ? nowOf(deps) : null } : {}),
        updated_at: nowOf(deps),
      }))
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, {
      streetId: current.street_id,
      entityType: 'points_goods',
      entityId: id,
      type: 'points_goods.updated',
      actorUserId: actor.userId,
      data: body,
    });
  });
  return presentGoods(await goodsOf(deps.db, actor, id));
}

// ---- redemptions ----

function redemptionQuery(db: Db) {
  return db
    .selectFrom('points_redemptions as r')
    .innerJoin('points_goods as g', 'g.id', 'r.goods_id')
    .innerJoin('area_nodes as n', 'n.id', 'g.node_id')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .selectAll('r')
    .select(['g.name as goods_name', 'g.kind', 'n.name as node_name', 'n.path as node_path', 'u.display_name']);
}
type RedemptionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof redemptionQuery>['executeTakeFirst']>>>;

const presentRedemption = (r: RedemptionRow, actor: Actor) => ({
  id: r.id,
  code: r.code,
  goodsId: r.goods_id,
  goodsName: r.goods_name,
  kind: r.kind,
  nodeName: r.node_name,
  name: r.user_id === actor.userId || canManageAt(actor, r.node_path) ? r.display_name : maskName(r.display_name),
  quantity: r.quantity,
  points: r.points,
  status: r.status,
  placedAt: r.placed_at,
  collectedAt: r.collected_at,
  cancelledAt: r.cancelled_at,
  cancelReason: r.cancel_reason,
});

async function redemptionOf(db: Db, actor: Actor, id: string) {
  const row = await redemptionQuery(db).where('r.id', '=', id).executeTakeFirst();
  const readers = readScopes(actor);
  if (!row || (row.user_id !== actor.userId && !readers.some((scope) => row.node_path.startsWith(scope))))
    throw notFound('Redemption');
  return row;
}

/** Spends points on goods: all checks and both decrements under the account's and the goods' locks. */
export async function redeem(deps: PointsDeps, actor: Actor, goodsId: string, quantity: number) {
  const goods = await goodsOf(deps.db, actor, goodsId);
  const home = await homeOf(deps.db, actor.userId);
  // Each spends at their own community's counter or the street's.
  if (home?.path && !home.path.startsWith(goods.node_path)) throw notFound('Goods');
  if (goods.retired_at) throw conflict('GOODS_RETIRED', 'This is no longer offered.');
  const id = await deps.db.transaction().execute(async (trx) => {
    const account = await lockAccount(trx, actor.userId, goods.street_id);
    const locked = await trx
      .selectFrom('points_goods')
      .select(['stock', 'price', 'limit_per_person', 'retired_at'])
      .where('id', '=', goodsId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (locked.retired_at) throw conflict('GOODS_RETIRED', 'This is no longer offered.');
    const taken = await trx
      .selectFrom('points_redemptions')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('n'))
      .where('goods_id', '=', goodsId)
      .where('user_id', '=', actor.userId)
      .where('status', '!=', 'cancelled')
      .executeTakeFirstOrThrow();
    const cost = checkRedemption({
      price: locked.price,
      quantity,
      stock: locked.stock,
      balance: account.balance,
      limitPerPerson: locked.limit_per_person,
      alreadyTaken: Number(taken.n),
    });
    if (!cost.ok) throw conflict(cost.error.code, cost.error.message, cost.error.field);
    const row = await trx
      .insertInto('points_redemptions')
      .values({
        street_id: goods.street_id,
        goods_id: goodsId,
        account_id: account.id,
        user_id: actor.userId,
        code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
        quantity,
        points: cost.value,
        placed_at: nowOf(deps),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEntry(trx, account, {
      kind: 'redeem',
      points: -cost.value,
      redemptionId: row.id,
      actorUserId: actor.userId,
      at: nowOf(deps),
      field: 'quantity',
    });
    await trx
      .updateTable('points_goods')
      .set((eb) => ({ stock: eb('stock', '-', quantity), updated_at: nowOf(deps) }))
      .where('id', '=', goodsId)
      .execute();
    return row.id;
  });
  return presentRedemption(await redemptionOf(deps.db, actor, id), actor);
}

export async function myRedemptions(deps: PointsDeps, actor: Actor) {
  const rows = await redemptionQuery(deps.db)
    .where('r.user_id', '=', actor.userId)
    .orderBy('r.placed_at', 'desc')
    .limit(100)
    .execute();
  return { items: rows.map((r) => presentRedemption(r, actor)) };
}

/** Redemptions at the counters of the reader's area, latest first; a code finds the one being collected. */
export async function listRedemptions(deps: PointsDeps, actor: Actor, query: z.infer<typeof listRedemptionsQuery>) {
  const scopes = readScopes(actor);
  if (scopes.length === 0) return { items: [], nextCursor: null };
  const after = decodeCursor(query.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
  let q = redemptionQuery(deps.db).where((eb) => eb.or(scopes.map((scope) => eb('n.path', 'like', `${scope}%`))));
  if (query.status) q = q.where('r.status', '=', query.status);
  if (query.code) q = q.where('r.code', '=', query.code);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('r.placed_at', '<', new Date(after[0])),
        eb.and([eb('r.placed_at', '=', new Date(after[0])), eb('r.id', '<', after[1])]),
      ]),
    );
  const rows = await q
    .orderBy('r.placed_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(
    rows,
    query.limit,
    (r) => presentRedemption(r, actor),
    (r) => [r.placed_at.toISOString(), r.id],
  );
}

/** Handed over at the counter by staff of the goods' area. */
export async function collect(deps: PointsDeps, actor: Actor, id: string) {
  const row = await redemptionOf(deps.db, actor, id);
  if (!canManageAt(actor, row.node_path)) throw forbidden('FORBIDDEN', 'Your roles do not allow this (points.manage).');
  await deps.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('points_redemptions')
      .set({ status: 'collected', collected_at: nowOf(deps), collected_by: actor.userId })
      .where('id', '=', id)
      .where('status', '=', 'placed')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('REDEMPTION_NOT_PLACED', `This redemption is ${row.status} already.`);
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'points_redemption',
      entityId: id,
      type: 'points_redemption.collected',
      actorUserId: actor.userId,
    });
  });
  return presentRedemption(await redemptionOf(deps.db, actor, id), actor);
}

/** Cancelled before collection by the person or the counter: the points come back and so does the stock. */
export async function cancelRedemption(deps: PointsDeps, actor: Actor, id: string, body: z.infer<typeof cancelRedemptionBody>) {
  const row = await redemptionOf(deps.db, actor, id);
  if (row.user_id !== actor.userId && !canManageAt(actor, row.node_path))
    throw forbidden('FORBIDDEN', 'Your roles do not allow this (points.manage).');
  if (row.status === 'cancelled') return presentRedemption(row, actor);
  await deps.db.transaction().execute(async (trx) => {
    const account = await lockAccount(trx, row.user_id, row.street_id);
    const done = await trx
      .updateTable('points_redemptions')
      .set({ status: 'cancelled', cancelled_at: nowOf(deps), cancel_reason: body.reason ?? null })
      .where('id', '=', id)
      .where('status', '=', 'placed')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('REDEMPTION_NOT_PLACED', 'This redemption was collected already.');
    await appendEntry(trx, account, {
      kind: 'refund',
      points: row.points,
      redemptionId: id,
      reason: body.reason ?? null,
      actorUserId: actor.userId,
      at: nowOf(deps),
    });
    await trx
      .updateTable('points_goods')
      .set((eb) => ({ stock: eb('stock', '+', row.quantity), updated_at: nowOf(deps) }))
      .where('id', '=', row.goods_id)
      .execute();
    if (row.user_id !== actor.userId)
      await notify(trx, [row.user_id], {
        kind: 'points.redemption_cancelled',
        streetId: row.street_id,
        data: { goodsName: row.goods_name, points: row.points, reason: body.reason ?? null },
      });
  });
  return presentRedemption(await redemptionOf(deps.db, actor, id), actor);
}
