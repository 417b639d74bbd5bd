/**
 * Deadline rules of a case, pure. Each tier has a number of working days to act, per category
 * where the street or the nation says so: the grid and the community handle within 5 working days
 * with feedback, a street department answers within 5, a major issue escalated to the district gets
 * a written explanation within 10. The clock starts when the case reaches the tier (intake,
 * escalation, return for rework) and pauses while the case is suspended.
 */
import { addWorkingDays, type DayTable, type ReceiptOptions, warningAt } from '../calendar/working-days.ts';
import type { Tier } from './lifecycle.ts';

export type DeadlineKind = 'handle' | 'answer' | 'explain';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';

export interface DeadlinePolicy {
  streetId: string | null;
  tier: Tier;
  categoryId: string | null;
  workingDays: number;
  kind: DeadlineKind;
  warnHours: number;
}

export interface ResponsePolicy {
  priority: Priority;
  hours: number | null;
  workingDays: number | null;
}

/**
 * The most specific policy for a case: the street's own before the national one, and within each
 * the category's, then its parent category's, then the tier's default.
 */
export function policyFor(
  policies: readonly DeadlinePolicy[],
  c: { streetId: string; tier: Tier; categoryId: string; parentCategoryId: string | null },
): DeadlinePolicy | undefined {
  const categories = [c.categoryId, c.parentCategoryId, null];
  for (const streetId of [c.streetId, null]) {
    for (const categoryId of categories) {
      if (categoryId === undefined) continue;
      const match = policies.find((p) => p.tier === c.tier && p.streetId === streetId && p.categoryId === categoryId);
      if (match) return match;
    }
  }
  return undefined;
}

export interface CaseDeadline {
  kind: DeadlineKind;
  /** When the count began and over how many working days: enough to count it again. */
  startedAt: Date;
  workingDays: number;
  dueAt: Date;
  dueDate: string;
  provisional: boolean;
  warnAt: Date;
}

export function deadlineFrom(
  start: Date,
  policy: Pick<DeadlinePolicy, 'workingDays' | 'kind' | 'warnHours'>,
  table: DayTable,
  options: ReceiptOptions,
): CaseDeadline {
  const due = addWorkingDays(start, policy.workingDays, table, options);
  return {
    kind: policy.kind,
    startedAt: start,
    workingDays: policy.workingDays,
    ...due,
    warnAt: warningAt(due.dueDate, policy.warnHours, table, options),
  };
}

/**
 * Whether a case has a reporter to call back, and so a first-contact limit: someone who left a
 * phone number, or a resident or volunteer who reported through their account. Staff's own
 * findings and anonymous reports without a number have nobody to call.
 */
export function callBackExpected(c: { reporterPhone: string | null | undefined; reportedThroughAccount: boolean }): boolean {
  return Boolean(c.reporterPhone) || c.reportedThroughAccount;
}

/** When the reporter must first be contacted: elapsed hours for urgent matters, else working days. */
export function responseDueFrom(start: Date, policy: ResponsePolicy, table: DayTable, options: ReceiptOptions): Date {
  if (policy.hours !== null) return new Date(start.getTime() + policy.hours * 3_600_000);
  return addWorkingDays(start, policy.workingDays ?? 1, table, options).dueAt;
}

export type DeadlineStatus = 'none' | 'ok' | 'warning' | 'overdue';

/** How a deadline stands at a moment: the inbox badge. */
export function deadlineStatus(c: { dueAt: Date | null; warnAt: Date | null; stopped: boolean }, now: Date): DeadlineStatus {
  if (!c.dueAt || c.stopped) return 'none';
  if (now >= c.dueAt) return 'overdue';
  if (c.warnAt && now >= c.warnAt) return 'warning';
  return 'ok';
}
