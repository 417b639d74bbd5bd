import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balanceAfter,
  checkRedemption,
  creditedMinutes,
  expiredPoints,
  type LedgerEntry,
  type PointsRule,
  pointsFor,
  replay,
  ruleFor,
} from './points-rules.ts';

const rule = (over: Partial<PointsRule> = {}): PointsRule => ({
  streetId: null,
  source: 'service_activity',
  pointsPerHour: 10,
  unitMinutes: 30,
  maxMinutes: 480,
  volunteering: true,
  validDays: 730,
  validFrom: '2020-01-01',
  ...over,
});

describe('the rule in force', () => {
  const shared = rule();
  const sharedLater = rule({ validFrom: '2026-01-01', pointsPerHour: 12 });
  const street = rule({ streetId: 's1', validFrom: '2025-06-01', pointsPerHour: 15 });

  it('is the latest shared rule of the kind when the street has none', () => {
    expect(ruleFor([shared, sharedLater], 'service_activity', '2025-12-31', 's1')).toBe(shared);
    expect(ruleFor([shared, sharedLater], 'service_activity', '2026-01-01', 's1')).toBe(sharedLater);
  });

  it('is the street’s own once it has come into force, and only for that street', () => {
    expect(ruleFor([shared, sharedLater, street], 'service_activity', '2026-03-01', 's1')).toBe(street);
    expect(ruleFor([shared, sharedLater, street], 'service_activity', '2025-05-31', 's1')).toBe(shared);
    expect(ruleFor([shared, sharedLater, street], 'service_activity', '2026-03-01', 's2')).toBe(sharedLater);
  });

  it('is missing for a kind nobody set a rule for', () => {
    expect(ruleFor([shared], 'course', '2026-03-01', 's1')).toBeUndefined();
  });
});

describe('hours into points', () => {
  it('counts whole units of time only, at the hourly rate, rounded down', () => {
    expect(creditedMinutes(rule(), 50)).toBe(30);
    expect(pointsFor(rule(), 50)).toBe(5);
    expect(pointsFor(rule(), 120)).toBe(20);
    expect(pointsFor(rule({ pointsPerHour: 2 }), 90)).toBe(3);
  });
  it('counts no more than the cap of one record', () => {
    expect(pointsFor(rule({ maxMinutes: 240 }), 600)).toBe(40);
  });
  it('gives nothing for less than one unit', () => {
    expect(pointsFor(rule(), 29)).toBe(0);
  });
});

describe('the balance', () => {
  it('moves by whole points and never below zero', () => {
    expect(balanceAfter(10, -10)).toEqual({ ok: true, value: 0 });
    expect(balanceAfter(10, -11)).toMatchObject({ ok: false, error: { code: 'POINTS_INSUFFICIENT' } });
    expect(balanceAfter(10, 0)).toMatchObject({ ok: false, error: { code: 'POINTS_INVALID' } });
  });

  it('is recomputed from any ledger the rules allow, and the ledger holds together', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }).filter((n) => n !== 0)), (moves) => {
        const entries: LedgerEntry[] = [];
        let balance = 0;
        for (const points of moves) {
          const next = balanceAfter(balance, points);
          if (!next.ok) continue;
          balance = next.value;
          entries.push({ seq: entries.length + 1, kind: points > 0 ? 'earn' : 'redeem', points, balanceAfter: balance });
        }
        const replayed = replay(entries);
        expect(replayed.problems).toEqual([]);
        expect(replayed.balance).toBe(balance);
        expect(replayed.balance).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('is found out when an entry is missing or a balance does not follow', () => {
    const entries: LedgerEntry[] = [
      { seq: 1, kind: 'earn', points: 20, balanceAfter: 20 },
      { seq: 3, kind: 'redeem', points: -5, balanceAfter: 16 },
    ];
    expect(replay(entries).problems).toEqual(['entry 2 is numbered 3', 'entry 3 says 16, the sum is 15']);
  });
});

describe('expiry', () => {
  const earn = (seq: number, points: number, expiresOn: string): LedgerEntry => ({
    seq,
    kind: 'earn',
    points,
    balanceAfter: 0,
    expiresOn,
  });
  const spend = (seq: number, points: number, kind: LedgerEntry['kind'] = 'redeem'): LedgerEntry => ({
    seq,
    kind,
    points: -points,
    balanceAfter: 0,
  });

  it('takes what was spent from the points that expire soonest', () => {
    const entries = [earn(1, 20, '2026-06-30'), earn(2, 30, '2026-03-31'), spend(3, 25)];
    // 25 spent from the 30 expiring in March: 5 of them and all 20 of June are left.
    expect(expiredPoints(entries, '2026-04-01')).toBe(5);
    expect(expiredPoints(entries, '2026-07-01')).toBe(25);
  });

  it('expires nothing on the last day points are valid', () => {
    expect(expiredPoints([earn(1, 20, '2026-03-31')], '2026-03-31')).toBe(0);
  });

  it('does not expire the same points twice', () => {
    const entries = [earn(1, 20, '2026-03-31'), spend(2, 20, 'expire')];
    expect(expiredPoints(entries, '2026-05-01')).toBe(0);
  });

  it('leaves refunds and points added by hand alone', () => {
    const entries: LedgerEntry[] = [
      earn(1, 10, '2026-03-31'),
      { seq: 2, kind: 'refund', points: 10, balanceAfter: 0 },
      { seq: 3, kind: 'adjust', points: 5, balanceAfter: 0 },
    ];
    expect(expiredPoints(entries, '2027-01-01')).toBe(10);
  });
});

describe('a redemption', () => {
  const base = { price: 50, quantity: 2, stock: 5, balance: 100, limitPerPerson: null, alreadyTaken: 0 };
  it('costs the price times the quantity', () => {
    expect(checkRedemption(base)).toEqual({ ok: true, value: 100 });
  });
  it('is refused beyond the stock, the limit per person or the balance', () => {
    expect(checkRedemption({ ...base, stock: 1 })).toMatchObject({ ok: false, error: { code: 'GOODS_OUT_OF_STOCK' } });
    expect(checkRedemption({ ...base, limitPerPerson: 2, alreadyTaken: 1 })).toMatchObject({
      ok: false,
      error: { code: 'GOODS_LIMIT_REACHED' },
    });
    expect(checkRedemption({ ...base, balance: 99 })).toMatchObject({ ok: false, error: { code: 'POINTS_INSUFFICIENT' } });
  });
});
