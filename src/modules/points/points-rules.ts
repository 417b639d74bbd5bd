/**
 * Points as data and arithmetic: which rule turns an hour of a kind of service into points on a
 * date, how the ledger's entries add up (and how to check that they do), and which points have
 * expired. Pure: no HTTP, no SQL.
 */
export const SOURCES = ['service_activity', 'service_request', 'course', 'event', 'manual'] as const;
export type Source = (typeof SOURCES)[number];

export const ENTRY_KINDS = ['earn', 'redeem', 'adjust', 'expire', 'refund'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface PointsRule {
  streetId: string | null;
  source: Source;
  pointsPerHour: number;
  unitMinutes: number;
  maxMinutes: number;
  volunteering: boolean;
  validDays: number;
  /** Local date from which the rule applies. */
  validFrom: string;
}

/**
 * The rule for a kind of service on a date: the street's own rule if it has one in force, else the
 * shared one; of several, the latest to come into force.
 */
export function ruleFor(rules: readonly PointsRule[], source: Source, date: string, streetId: string): PointsRule | undefined {
  const inForce = (r: PointsRule) => r.source === source && r.validFrom <= date;
  const latest = (candidates: PointsRule[]) =>
    candidates.sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0))[0];
  return (
    latest(rules.filter((r) => inForce(r) && r.streetId === streetId)) ??
    latest(rules.filter((r) => inForce(r) && r.streetId === null))
  );
}

/** Time counted: whole units only, up to the rule's cap for one record. */
export function creditedMinutes(rule: PointsRule, minutes: number): number {
  const capped = Math.min(Math.max(0, Math.floor(minutes)), rule.maxMinutes);
  return Math.floor(capped / rule.unitMinutes) * rule.unitMinutes;
}

/** Points for a stretch of service: counted minutes at the rule's hourly rate, rounded down. */
export function pointsFor(rule: PointsRule, minutes: number): number {
  return Math.floor((creditedMinutes(rule, minutes) * rule.pointsPerHour) / 60);
}

/** The local date `days` after a local date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export type Ruled<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } };

/** The balance after an entry, or a refusal: no balance ever goes below zero. */
export function balanceAfter(balance: number, points: number, field = 'points'): Ruled<number> {
  if (!Number.isInteger(points) || points === 0) {
    return { ok: false, error: { code: 'POINTS_INVALID', message: 'An entry moves a whole number of points.', field } };
  }
  const next = balance + points;
  if (next < 0) {
    return {
      ok: false,
      error: { code: 'POINTS_INSUFFICIENT', message: `The balance is ${balance} points; this needs ${-points}.`, field },
    };
  }
  return { ok: true, value: next };
}

export interface LedgerEntry {
  seq: number;
  kind: EntryKind;
  points: number;
  balanceAfter: number;
  /** Earned points only: the last local date they can be spent. */
  expiresOn?: string | null;
}

/**
 * Recomputes a balance from its entries and says where the ledger does not hold together: numbers
 * out of order, a balance that does not follow from the one before, a balance below zero.
 */
export function replay(entries: readonly LedgerEntry[]): { balance: number; problems: string[] } {
  const problems: string[] = [];
  let balance = 0;
  entries.forEach((entry, index) => {
    if (entry.seq !== index + 1) problems.push(`entry ${index + 1} is numbered ${entry.seq}`);
    balance += entry.points;
    if (entry.balanceAfter !== balance) problems.push(`entry ${entry.seq} says ${entry.balanceAfter}, the sum is ${balance}`);
    if (balance < 0) problems.push(`entry ${entry.seq} leaves ${balance}`);
  });
  return { balance, problems };
}

/**
 * Points whose validity ended before `today` and are still unspent. What is spent (redeemed,
 * taken off, expired) is taken from the points that expire soonest, which is the holder's
 * interest; points refunded or added by hand do not expire.
 */
export function expiredPoints(entries: readonly LedgerEntry[], today: string): number {
  const lots: { left: number; expiresOn: string | null; seq: number }[] = [];
  for (const entry of entries) {
    if (entry.points > 0) {
      lots.push({ left: entry.points, expiresOn: entry.kind === 'earn' ? (entry.expiresOn ?? null) : null, seq: entry.seq });
      continue;
    }
    let owed = -entry.points;
    lots.sort((a, b) => soonest(a.expiresOn, b.expiresOn) || a.seq - b.seq);
    for (const lot of lots) {
      if (owed === 0) break;
      const taken = Math.min(lot.left, owed);
      lot.left -= taken;
      owed -= taken;
    }
  }
  return lots.filter((lot) => lot.expiresOn !== null && lot.expiresOn < today).reduce((sum, lot) => sum + lot.left, 0);
}

const soonest = (a: string | null, b: string | null) => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
};

/** What a redemption costs, or why it cannot be made: stock, the limit per person, the balance. */
export function checkRedemption(input: {
  price: number;
  quantity: number;
  stock: number;
  balance: number;
  limitPerPerson: number | null;
  alreadyTaken: number;
}): Ruled<number> {
  const { price, quantity, stock, balance, limitPerPerson, alreadyTaken } = input;
  if (quantity > stock) {
    return {
      ok: false,
      error: {
        code: 'GOODS_OUT_OF_STOCK',
        message: stock === 0 ? 'None left.' : `Only ${stock} left.`,
        field: 'quantity',
      },
    };
  }
  if (limitPerPerson !== null && alreadyTaken + quantity > limitPerPerson) {
    return {
      ok: false,
      error: { code: 'GOODS_LIMIT_REACHED', message: `At most ${limitPerPerson} per person.`, field: 'quantity' },
    };
  }
  const cost = price * quantity;
  const after = balanceAfter(balance, -cost, 'quantity');
  return after.ok ? { ok: true, value: cost } : after;
}
