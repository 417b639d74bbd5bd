/**
 * The points ledger: accounts, entries appended under a lock on the account row (so the balance
 * kept with each entry is always the sum of the entries and never below zero, however many
 * writers), service hours credited as points by the rule of their day, and staff adjustments.
 * Other modules credit hours through creditHours inside their own transaction.
 */
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { Actor } from '../access/access.policy.ts';
import { localDate } from '../calendar/working-days.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { homeOf } from '../residents/resident-home.ts';
import { canManageAt, canReadAt, readScopes } from './points.policy.ts';
import type { adjustBody, listAccountsQuery, ruleBody } from './points.schemas.ts';
import { addDays, balanceAfter, type EntryKind, type PointsRule, pointsFor, ruleFor, type Source } from './points-rules.ts';

type Db = Kysely<DB>;

export interface PointsDeps {
  db: Db;
  timeZone: string;
  now?: () => Date;
}
export const nowOf = (deps: PointsDeps) => (deps.now ? deps.now() : new Date());

// ---- rules ----

export async function loadRules(db: Db, streetId: string): Promise<PointsRule[]> {
  const rows = await db
    .selectFrom('points_rules')
    .selectAll()
    .where((eb) => eb.or([eb('street_id', 'is', null), eb('street_id', '=', streetId)]))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    streetId: r.street_id,
    source: r.source,
    pointsPerHour: r.points_per_hour,
    unitMinutes: r.unit_minutes,
    maxMinutes: r.max_minutes,
    volunteering: r.volunteering,
    validDays: r.valid_days,
    validFrom: r.valid_from,
  }));
}

export async function listRules(deps: PointsDeps, actor: Actor) {
  if (!actor.streetId) return { items: [] };
  const rules = (await loadRules(deps.db, actor.streetId)) as (PointsRule & { id: string })[];
  const today = localDate(nowOf(deps), deps.timeZone);
  return {
    items: rules
      .sort((a, b) => a.source.localeCompare(b.source) || b.validFrom.localeCompare(a.validFrom))
      .map((r) => ({
        id: r.id,
        shared: r.streetId === null,
        source: r.source,
        pointsPerHour: r.pointsPerHour,
        unitMinutes: r.unitMinutes,
        maxMinutes: r.maxMinutes,
        volunteering: r.volunteering,
        validDays: r.validDays,
        validFrom: r.validFrom,
        inForce: ruleFor(rules, r.source, today, actor.streetId as string) === r,
      })),
  };
}

/** A new rule of the street from a date on: the rule of earlier days stays what it was. */
export async function addRule(deps: PointsDeps, actor: Actor, body: z.infer<typeof ruleBody>) {
  const street = actor.streetId
    ? await deps.db.selectFrom('area_nodes').select(['id', 'path']).where('id', '=', actor.streetId).executeTakeFirst()
    : undefined;
  if (!street || !canManageAt(actor, street.path))
    throw forbidden('FORBIDDEN', 'Points rules are set for the whole street (points.manage over the street).');
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('points_rules')
      .values({
        street_id: street.id,
        source: body.source,
        points_per_hour: body.pointsPerHour,
        unit_minutes: body.unitMinutes,
        max_minutes: body.maxMinutes,
        volunteering: body.volunteering,
        valid_days: body.validDays,
        valid_from: body.validFrom,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      streetId: street.id,
      entityType: 'points_rule',
      entityId: row.id,
      type: 'points.rule_added',
      actorUserId: actor.userId,
      data: body,
    });
  });
  return listRules(deps, actor);
}

// ---- accounts and entries ----

export interface LockedAccount {
  id: string;
  street_id: string;
  user_id: string;
  path: string;
  balance: number;
  entries: number;
}

/** A person's account in a street, created at their home node when first needed, locked for the caller's transaction. */
export async function lockAccount(trx: Db, userId: string, streetId: string): Promise<LockedAccount> {
  const locked = () =>
    trx
      .selectFrom('points_accounts')
      .select(['id', 'street_id', 'user_id', 'path', 'balance', 'entries'])
      .where('user_id', '=', userId)
      .where('street_id', '=', streetId)
      .forUpdate()
      .executeTakeFirst();
  const found = await locked();
  if (found) return found;
  const home = await homeOf(trx, userId);
  const node =
    home?.nodeId && home.path?.includes(`/${streetId}/`)
      ? { id: home.nodeId, path: home.path }
      : await trx.selectFrom('area_nodes').select(['id', 'path']).where('id', '=', streetId).executeTakeFirstOrThrow();
  await trx
    .insertInto('points_accounts')
    .values({ street_id: streetId, user_id: userId, node_id: node.id, path: node.path })
    .onConflict((oc) => oc.columns(['street_id', 'user_id']).doNothing())
    .execute();
  return (await locked()) as LockedAccount;
}

export interface NewEntry {
  kind: EntryKind;
  points: number;
  hoursId?: string | null;
  expiresOn?: string | null;
  redemptionId?: string | null;
  reason?: string | null;
  actorUserId: string | null;
  at?: Date;
  /** The request field a refusal points at. */
  field?: string;
}

/** Appends one entry to a locked account and moves its balance; refuses what would take it below zero. */
export async function appendEntry(trx: Db, account: LockedAccount, entry: NewEntry): Promise<number> {
  const next = balanceAfter(account.balance, entry.points, entry.field);
  if (!next.ok) throw conflict(next.error.code, next.error.message, next.error.field);
  const seq = account.entries + 1;
  await trx
    .insertInto('points_entries')
    .values({
      street_id: account.street_id,
      account_id: account.id,
      seq,
      kind: entry.kind,
      points: entry.points,
      balance_after: next.value,
      hours_id: entry.hoursId ?? null,
      expires_on: entry.expiresOn ?? null,
      redemption_id: entry.redemptionId ?? null,
      reason: entry.reason ?? null,
      actor_user_id: entry.actorUserId,
      ...(entry.at ? { at: entry.at } : {}),
    })
    .execute();
  await trx
    .updateTable('points_accounts')
    .set({ balance: next.value, entries: seq, updated_at: entry.at ?? new Date() })
    .where('id', '=', account.id)
    .execute();
  await recordEvent(trx, {
    streetId: account.street_id,
    entityType: 'points_account',
    entityId: account.id,
    type: `points.${entry.kind}`,
    actorUserId: entry.actorUserId,
    data: { seq, points: entry.points, balanceAfter: next.value, reason: entry.reason ?? null },
    ...(entry.at ? { at: entry.at } : {}),
  });
  account.balance = next.value;
  account.entries = seq;
  return next.value;
}

export interface HoursCredit {
  userId: string;
  streetId: string;
  source: Source;
  sourceId: string | null;
  minutes: number;
  /** When the service was given; its local date picks the rule. */
  servedAt: Date;
  timeZone: string;
  note?: string | null;
  recordedBy: string | null;
}

/**
 * Records time given (once per source record and person) and earns the points its rule gives, in
 * the caller's transaction. Crediting the same record again changes nothing.
 */
export async function creditHours(trx: Db, credit: HoursCredit): Promise<{ hoursId: string; points: number; credited: boolean }> {
  const servedOn = localDate(credit.servedAt, credit.timeZone);
  const rule = ruleFor(await loadRules(trx, credit.streetId), credit.source, servedOn, credit.streetId);
  const inserted = await trx
    .insertInto('service_hours')
    .values({
      street_id: credit.streetId,
      user_id: credit.userId,
      source: credit.source,
      source_id: credit.sourceId,
      served_on: servedOn,
      minutes: credit.minutes,
      volunteering: rule?.volunteering ?? false,
      note: credit.note ?? null,
      recorded_by: credit.recordedBy,
    })
    .onConflict((oc) => oc.columns(['source', 'source_id', 'user_id']).where('source_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await trx
      .selectFrom('service_hours')
      .select('id')
      .where('source', '=', credit.source)
      .where('source_id', '=', credit.sourceId)
      .where('user_id', '=', credit.userId)
      .executeTakeFirstOrThrow();
    return { hoursId: existing.id, points: 0, credited: false };
  }
  const points = rule ? pointsFor(rule, credit.minutes) : 0;
  if (rule && points > 0) {
    const account = await lockAccount(trx, credit.userId, credit.streetId);
    await appendEntry(trx, account, {
      kind: 'earn',
      points,
      hoursId: inserted.id,
      expiresOn: addDays(servedOn, rule.validDays),
      actorUserId: credit.recordedBy,
      at: credit.servedAt,
    });
    await notify(trx, [credit.userId], {
      kind: 'points.earned',
      streetId: credit.streetId,
      data: { points, minutes: credit.minutes, source: credit.source },
    });
  }
  return { hoursId: inserted.id, points, credited: true };
}

/** Minutes of service by person: volunteering and the rest (courses, events), for profiles and lists. */
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
