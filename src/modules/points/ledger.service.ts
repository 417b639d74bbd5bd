/**
 * The points ledger: accounts, entries appended under a lock on the account row (so the balance
 * kept with each entry is always the sum of the entries and never below zero, however many
 * writers), and service hours credited as points by the rule of their day.
 * Other modules credit hours through creditHours inside their own transaction.
 */
import type { Kysely } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { conflict } from '../../platform/http/errors.ts';
import { localDate } from '../calendar/working-days.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { homeOf } from '../residents/resident-home.ts';
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
