/**
 * The points of the demo street's half year, as the ledger would have them: every stretch of time
 * credited earns the points of its rule; now and then someone spends them at their community's
 * supermarket (collected at the counter a day or two later, a few cancelled and refunded), and staff
 * adjusted a few by hand. Entries of each account follow one another with the balance after each,
 * never below zero, and stock never below zero. Pure.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type {
  PointsAccountsTable,
  PointsEntriesTable,
  PointsGoodsTable,
  PointsRedemptionsTable,
  ServiceHoursTable,
} from '../modules/points/points.tables.ts';
import type { Source } from '../modules/points/points-rules.ts';
import { DAY_MS, HOUR_MS } from './case-time.ts';
import type { Random } from './random.ts';
import type { PlannedCredit, VolunteerRecord } from './volunteer-record.ts';

export type AccountRow = Omit<Selectable<PointsAccountsTable>, 'expiry_checked_on'> & { expiry_checked_on: null };
export type EntryRow = Omit<Selectable<PointsEntriesTable>, 'id'>;
export type GoodsRow = Selectable<PointsGoodsTable>;
export type RedemptionRow = Selectable<PointsRedemptionsTable>;
export type HoursRow = Selectable<ServiceHoursTable>;

const SHELF = [
  { kind: 'goods', name: '环保购物袋', price: 20, stock: 300 },
  { kind: 'goods', name: '洗衣液（2kg）', price: 60, stock: 120 },
  { kind: 'goods', name: '五常大米（5kg）', price: 150, stock: 60 },
  { kind: 'goods', name: '纯棉毛巾两条', price: 40, stock: 150 },
  { kind: 'service', name: '义务理发一次', price: 30, stock: 200 },
  { kind: 'service', name: '家电清洗上门服务', price: 120, stock: 40 },
] as const;
const ADJUSTMENTS = [
  { points: 20, reason: '补录重阳节敬老志愿服务时长' },
  { points: 10, reason: '志愿服务表现突出，社区奖励' },
  { points: -5, reason: '同一活动重复登记，扣回' },
];

export interface PointsHistoryInput {
  random: Random;
  streetId: string;
  record: VolunteerRecord;
  /** Where each person's account hangs: their home, or their community. */
  homeOf: (userId: string) => { nodeId: string; path: string; communityId: string };
  communities: { id: string; staff: string }[];
  rule: (
    source: Source,
    servedAt: Date,
  ) => { points: (minutes: number) => number; volunteering: boolean; validDays: number } | undefined;
  timeZoneDate: (at: Date) => string;
}

export function planPointsHistory(input: PointsHistoryInput) {
  const { random, record, streetId } = input;
  const now = record.now;
  const goods: GoodsRow[] = input.communities.flatMap((c) =>
    SHELF.map((item) => ({
      id: randomUUID(),
      street_id: streetId,
      node_id: c.id,
      kind: item.kind,
      name: item.name,
      description: null,
      price: item.price,
      stock: item.stock,
      limit_per_person: item.kind === 'service' ? 2 : null,
      retired_at: null,
      created_by: c.staff,
      created_at: new Date(now.getTime() - 200 * DAY_MS),
      updated_at: now,
    })),
  );
  for (const g of goods)
    record.event('points_goods', g.id, 'points_goods.created', g.created_by, g.created_at, {
      name: g.name,
      price: g.price,
      stock: g.stock,
    });
  const hours: HoursRow[] = [];
  const accounts = new Map<string, AccountRow>();
  const entries: EntryRow[] = [];
  const redemptions: RedemptionRow[] = [];
  const staffOf = new Map(input.communities.map((c) => [c.id, c.staff]));

  const byUser = new Map<string, PlannedCredit[]>();
  for (const credit of record.credits) {
    const list = byUser.get(credit.userId) ?? [];
    list.push(credit);
    byUser.set(credit.userId, list);
  }
  for (const [userId, credits] of byUser) {
    credits.sort((a, b) => a.servedAt.getTime() - b.servedAt.getTime());
    const home = input.homeOf(userId);
    const account: AccountRow = {
      id: randomUUID(),
      street_id: streetId,
      user_id: userId,
      node_id: home.nodeId,
      path: home.path,
      balance: 0,
      entries: 0,
      expiry_checked_on: null,
      created_at: credits[0]?.servedAt as Date,
      updated_at: now,
    };
    const append = (entry: Omit<EntryRow, 'street_id' | 'account_id' | 'seq' | 'balance_after'>) => {
      account.balance += entry.points;
      account.entries += 1;
      entries.push({
        ...entry,
        street_id: streetId,
        account_id: account.id,
        seq: account.entries,
        balance_after: account.balance,
      });
      record.event('points_account', account.id, `points.${entry.kind}`, entry.actor_user_id, entry.at, {
        seq: account.entries,
        points: entry.points,
        balanceAfter: account.balance,
        reason: entry.reason,
      });
    };
    const shelf = goods.filter((g) => g.node_id === home.communityId);
    for (const [i, credit] of credits.entries()) {
      const rule = input.rule(credit.source, credit.servedAt);
      hours.push({
        id: credit.id,
        street_id: streetId,
        user_id: userId,
        source: credit.source,
        source_id: credit.sourceId,
        served_on: input.timeZoneDate(credit.servedAt),
        minutes: credit.minutes,
        volunteering: rule?.volunteering ?? false,
        note: null,
        recorded_by: credit.recordedBy,
        created_at: credit.servedAt,
      });
      const points = rule?.points(credit.minutes) ?? 0;
      if (points <= 0) continue;
      const expires = new Date(
        Date.parse(`${input.timeZoneDate(credit.servedAt)}T00:00:00Z`) + (rule?.validDays ?? 730) * DAY_MS,
      );
      append({
        kind: 'earn',
        points,
        hours_id: credit.id,
        expires_on: expires.toISOString().slice(0, 10),
        redemption_id: null,
        reason: null,
        actor_user_id: credit.recordedBy,
        at: credit.servedAt,
      });
      record.notify([userId], 'points.earned', credit.servedAt, { points, minutes: credit.minutes, source: credit.source });
      // Before the next credit: now and then something from the supermarket, or a staff adjustment.
      const until = (credits[i + 1]?.servedAt ?? now).getTime();
      const at = new Date(credit.servedAt.getTime() + random.between(0.1, 0.9) * (until - credit.servedAt.getTime()));
      const item = random.pick(shelf);
      if (
        item &&
        random.chance(0.22) &&
        account.balance >= item.price &&
        item.stock > 0 &&
        at.getTime() < now.getTime() - HOUR_MS
      ) {
        item.stock -= 1;
        const staff = staffOf.get(home.communityId) ?? null;
        const old = now.getTime() - at.getTime() > 3 * DAY_MS;
        const cancelled = old && random.chance(0.05);
        const collectedAt = old && !cancelled ? new Date(at.getTime() + random.between(2, 60) * HOUR_MS) : null;
        const redemption: RedemptionRow = {
          id: randomUUID(),
          street_id: streetId,
          goods_id: item.id,
          account_id: account.id,
          user_id: userId,
          code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
          quantity: 1,
          points: item.price,
          status: cancelled ? 'cancelled' : collectedAt && collectedAt.getTime() < until ? 'collected' : 'placed',
          placed_at: at,
          collected_at: collectedAt && collectedAt.getTime() < until ? collectedAt : null,
          collected_by: collectedAt && collectedAt.getTime() < until ? staff : null,
          cancelled_at: null,
          cancel_reason: null,
        };
        redemptions.push(redemption);
        append({
          kind: 'redeem',
          points: -item.price,
          hours_id: null,
          expires_on: null,
          redemption_id: redemption.id,
          reason: null,
          actor_user_id: userId,
          at,
        });
        if (redemption.collected_at)
          record.event('points_redemption', redemption.id, 'points_redemption.collected', staff, redemption.collected_at);
        if (cancelled) {
          const back = new Date(at.getTime() + 0.05 * (until - at.getTime()));
          redemption.cancelled_at = back;
          redemption.cancel_reason = '居民改换其他商品';
          item.stock += 1;
          append({
            kind: 'refund',
            points: item.price,
            hours_id: null,
            expires_on: null,
            redemption_id: redemption.id,
            reason: redemption.cancel_reason,
            actor_user_id: userId,
            at: back,
          });
        }
      } else if (random.chance(0.02)) {
        const adjustment = random.pick(ADJUSTMENTS);
        if (account.balance + adjustment.points >= 0 && at.getTime() < now.getTime())
          append({
            kind: 'adjust',
            points: adjustment.points,
            hours_id: null,
            expires_on: null,
            redemption_id: null,
            reason: adjustment.reason,
            actor_user_id: staffOf.get(home.communityId) ?? null,
            at,
          });
      }
    }
    if (account.entries > 0) accounts.set(userId, account);
  }
  return { goods, hours, accounts: [...accounts.values()], entries, redemptions };
}
