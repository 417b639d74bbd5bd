/**
 * Follow-up of an agreement's performance schedule: what a check of an instalment records, and
 * which instalments are due for a reminder on a given local date. Pure.
 */
export const INSTALMENT_STATUSES = ['pending', 'paid', 'partly', 'not_paid'] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];
export type CheckResult = Exclude<InstalmentStatus, 'pending'>;

/** Days before its due date an instalment is brought to the mediator's attention. */
export const REMIND_DAYS_BEFORE = 3;

export function checkedInstalment(
  amountFen: number,
  result: CheckResult,
  paidFen: number | undefined,
): { ok: true; paidFen: number } | { ok: false; code: string; message: string; field: string } {
  if (result === 'paid') return { ok: true, paidFen: amountFen };
  if (result === 'not_paid') return { ok: true, paidFen: 0 };
  if (paidFen === undefined || paidFen <= 0 || paidFen >= amountFen) {
    return {
      ok: false,
      code: 'INSTALMENT_PARTLY_AMOUNT',
      message: 'A part payment is more than nothing and less than the instalment.',
      field: 'paidAmount',
    };
  }
  return { ok: true, paidFen };
}

/** The local date `days` after the given one ("YYYY-MM-DD"). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Which reminder, if any, a pending instalment is due for on `today`. */
export function reminderFor(dueDate: string, today: string): 'due_soon' | 'overdue' | null {
  if (dueDate < today) return 'overdue';
  if (dueDate <= addDays(today, REMIND_DAYS_BEFORE)) return 'due_soon';
  return null;
}

/** Yuan as the API speaks them, fen as the database keeps them. */
export const toFen = (yuan: number) => Math.round(yuan * 100);
export const toYuan = (fen: number) => fen / 100;
