/**
 * Reading points accounts: a person's own, or those of the people of a staff member's area, with
 * their entries and the balance summed again from them; service hours by person; adjustments.
 */
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { Actor } from '../access/access.policy.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { appendEntry, lockAccount, type PointsDeps } from './ledger.service.ts';
import { canManageAt, canReadAt, readScopes } from './points.policy.ts';
import type { adjustBody, listAccountsQuery } from './points.schemas.ts';
import type { Source } from './points-rules.ts';

type Db = Kysely<DB>;

export async function hoursOf(db: Db, userIds: string[]): Promise<Map<string, { volunteer: number; other: number }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('service_hours')
    .select(['user_id', 'volunteering', (eb) => eb.fn.sum<number>('minutes').as('minutes')])
    .where('user_id', 'in', userIds)
    .groupBy(['user_id', 'volunteering'])
    .execute();
  const hours = new Map<string, { volunteer: number; other: number }>();
  for (const row of rows) {
    const h = hours.get(row.user_id) ?? { volunteer: 0, other: 0 };
    if (row.volunteering) h.volunteer += Number(row.minutes);
    else h.other += Number(row.minutes);
    hours.set(row.user_id, h);
  }
  return hours;
}

/** What a person has given and attended: minutes and records by kind of service, for a profile. */
export async function serviceRecordOf(db: Db, userId: string) {
  const rows = await db
    .selectFrom('service_hours')
    .select(['source', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('minutes').as('minutes')])
    .where('user_id', '=', userId)
    .groupBy('source')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.source, { count: Number(r.n), minutes: Number(r.minutes) }])) as Partial<
    Record<Source, { count: number; minutes: number }>
  >;
}

/** Balances by person in a street, for lists. */
export async function balancesOf(db: Db, streetId: string, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('points_accounts')
    .select(['user_id', 'balance'])
    .where('street_id', '=', streetId)
    .where('user_id', 'in', userIds)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.balance]));
}

// ---- reading accounts ----

const ENTRIES_SHOWN = 200;

async function presentAccount(db: Db, accountId: string) {
  const account = await db
    .selectFrom('points_accounts as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .innerJoin('area_nodes as n', 'n.id', 'a.node_id')
    .select(['a.id', 'a.user_id', 'a.balance', 'u.display_name', 'n.name as node_name'])
    .select((eb) => [
      sql<number>`(select coalesce(sum(points), 0) from points_entries e where e.account_id = ${eb.ref('a.id')})`.as(
        'recomputed',
      ),
      sql<number>`(select coalesce(sum(points), 0) from points_entries e where e.account_id = ${eb.ref('a.id')} and e.points > 0)`.as(
        'earned',
      ),
    ])
    .where('a.id', '=', accountId)
    .executeTakeFirstOrThrow();
  const [entries, hours] = await Promise.all([
    db
      .selectFrom('points_entries as e')
      .leftJoin('service_hours as h', 'h.id', 'e.hours_id')
      .leftJoin('points_redemptions as r', 'r.id', 'e.redemption_id')
      .leftJoin('points_goods as g', 'g.id', 'r.goods_id')
      .leftJoin('users as actor', 'actor.id', 'e.actor_user_id')
      .select(['e.seq', 'e.kind', 'e.points', 'e.balance_after', 'e.at', 'e.reason', 'e.expires_on', 'h.source', 'h.minutes'])
      .select(['g.name as goods_name', 'actor.display_name as actor_name'])
      .where('e.account_id', '=', accountId)
      .orderBy('e.seq', 'desc')
      .limit(ENTRIES_SHOWN)
      .execute(),
    hoursOf(db, [account.user_id]),
  ]);
  const minutes = hours.get(account.user_id) ?? { volunteer: 0, other: 0 };
  return {
    id: account.id,
    userId: account.user_id,
    name: account.display_name,
    nodeName: account.node_name,
    balance: account.balance,
    recomputed: Number(account.recomputed),
    earned: Number(account.earned),
    spent: Number(account.earned) - Number(account.recomputed),
    volunteerMinutes: minutes.volunteer,
    otherMinutes: minutes.other,
    entries: entries.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      points: e.points,
      balanceAfter: e.balance_after,
      at: e.at,
      reason: e.reason,
      expiresOn: e.expires_on,
      source: e.source,
      minutes: e.minutes,
      goodsName: e.goods_name,
      actorName: e.actor_name,
    })),
  };
}
export type AccountView = Awaited<ReturnType<typeof presentAccount>>;

/** My account in my street; before my first points, an empty one (nothing is created by reading). */
export async function myAccount(deps: PointsDeps, actor: Actor): Promise<AccountView> {
  const row = actor.streetId
    ? await deps.db
        .selectFrom('points_accounts')
        .select('id')
        .where('user_id', '=', actor.userId)
        .where('street_id', '=', actor.streetId)
        .executeTakeFirst()
    : undefined;
  if (row) return presentAccount(deps.db, row.id);
  const minutes = (await hoursOf(deps.db, [actor.userId])).get(actor.userId) ?? { volunteer: 0, other: 0 };
  return {
    id: '00000000-0000-0000-0000-000000000000',
    userId: actor.userId,
    name: actor.displayName,
    nodeName: '',
    balance: 0,
    recomputed: 0,
    earned: 0,
    spent: 0,
    volunteerMinutes: minutes.volunteer,
    otherMinutes: minutes.other,
    entries: [],
  };
}

async function accountFor(db: Db, actor: Actor, id: string) {
  const row = await db
    .selectFrom('points_accounts')
    .select(['id', 'user_id', 'path', 'street_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (row.user_id !== actor.userId && !canReadAt(actor, row.path))) throw notFound('Points account');
  return row;
}

export async function getAccount(deps: PointsDeps, actor: Actor, id: string) {
  await accountFor(deps.db, actor, id);
  return presentAccount(deps.db, id);
}

export async function listAccounts(deps: PointsDeps, actor: Actor, query: z.infer<typeof listAccountsQuery>) {
  let scopes = readScopes(actor);
  if (query.nodeId) {
    const node = await deps.db.selectFrom('area_nodes').select('path').where('id', '=', query.nodeId).executeTakeFirst();
    if (!node || !scopes.some((scope) => node.path.startsWith(scope)))
      throw badRequest('NODE_NOT_FOUND', 'Choose an area.', 'nodeId');
    scopes = [node.path];
  }
  if (scopes.length === 0) return { items: [], nextCursor: null };
  const after = decodeCursor(query.cursor, z.tuple([z.number().int(), z.uuid()]));
  let q = deps.db
    .selectFrom('points_accounts as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .innerJoin('area_nodes as n', 'n.id', 'a.node_id')
    .select(['a.id', 'a.user_id', 'a.balance', 'a.entries', 'u.display_name', 'n.name as node_name'])
    .where((eb) => eb.or(scopes.map((scope) => eb('a.path', 'like', `${scope}%`))));
  if (query.q) q = q.where('u.display_name', 'like', `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (after)
    q = q.where((eb) =>
      eb.or([eb('a.balance', '<', after[0]), eb.and([eb('a.balance', '=', after[0]), eb('a.id', '>', after[1])])]),
    );
  const rows = await q
    .orderBy('a.balance', 'desc')
    .orderBy('a.id')
    .limit(query.limit + 1)
    .execute();
  return toPage(
    rows,
    query.limit,
    (r) => ({ id: r.id, userId: r.user_id, name: r.display_name, nodeName: r.node_name, balance: r.balance, entries: r.entries }),
    (r) => [r.balance, r.id],
  );
}

/** Points added or taken off by staff, with the reason; never below zero. */
export async function adjust(deps: PointsDeps, actor: Actor, id: string, body: z.infer<typeof adjustBody>) {
  const row = await accountFor(deps.db, actor, id);
  if (!canManageAt(actor, row.path)) throw forbidden('FORBIDDEN', 'Your roles do not allow this (points.manage).');
  await deps.db.transaction().execute(async (trx) => {
    const account = await lockAccount(trx, row.user_id, row.street_id);
    await appendEntry(trx, account, { kind: 'adjust', points: body.points, reason: body.reason, actorUserId: actor.userId });
    await notify(trx, [row.user_id], {
      kind: 'points.adjusted',
      streetId: row.street_id,
      data: { points: body.points, reason: body.reason },
    });
  });
  return presentAccount(deps.db, id);
}
