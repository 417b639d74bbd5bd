/**
 * The rules of care for vulnerable residents as data and pure functions: the groups a file is
 * kept for, its risk, how often each group is visited at each risk (a street may set its own),
 * when the next visit falls due, and whether a visit was on time, late or missed. Dates are
 * local 'YYYY-MM-DD' dates in the street's zone; a rule in working days counts the street's
 * calendar (holidays and make-up workdays). Pure: no HTTP, no SQL.
 */
import { type DayTable, isWorkingDay } from '../calendar/working-days.ts';
import {
  CARE_GROUPS,
  CARE_RISKS,
  type CareGroup,
  type CareRisk,
  DUE_SOON_DAYS,
  type DueStatus,
  type RuleUnit,
} from './care-codes.ts';

export * from './care-codes.ts';

/** "Visit every `every` `unit`" for a group at a risk level; a street's own rule stands before the default (streetId null). */
export interface VisitRule {
  streetId: string | null;
  group: CareGroup;
  risk: CareRisk;
  every: number;
  unit: RuleUnit;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcDay(date: string): number {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number) => fromUtc(utcDay(date) + days * DAY_MS);
export const daysBetween = (from: string, to: string) => Math.round((utcDay(to) - utcDay(from)) / DAY_MS);

/** The same day n months later, or the month's last day when it is shorter (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(date: string, months: number): string {
  const d = new Date(utcDay(date));
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return fromUtc(target.getTime());
}

/** The n-th working day strictly after a date. */
export function nthWorkingDayAfter(date: string, n: number, table: DayTable): string {
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, table)) counted += 1;
  }
  return day;
}

/** The last date by which the next visit is on time under one rule, counted from the last visit (or the file's start). */
export function dueAfter(from: string, rule: Pick<VisitRule, 'every' | 'unit'>, table: DayTable): string {
  if (!Number.isInteger(rule.every) || rule.every < 1 || rule.every > 366) {
    throw new RangeError(`A visit interval is a whole number from 1 to 366: ${rule.every}`);
  }
  switch (rule.unit) {
    case 'working_days':
      return nthWorkingDayAfter(from, rule.every, table);
    case 'days':
      return addDays(from, rule.every);
    case 'weeks':
      return addDays(from, 7 * rule.every);
    case 'months':
      return addMonths(from, rule.every);
  }
}

/** The rule that applies to a group at a risk in a street: the street's own, else the default. */
export function ruleFor(rules: readonly VisitRule[], streetId: string, group: CareGroup, risk: CareRisk): VisitRule {
  const own = rules.find((r) => r.streetId === streetId && r.group === group && r.risk === risk);
  const fallback = rules.find((r) => r.streetId === null && r.group === group && r.risk === risk);
  const rule = own ?? fallback;
  if (!rule) throw new RangeError(`No visit rule for ${group} at ${risk} risk`);
  return rule;
}

/** The rules in force for a street: one per group and risk. */
export const effectiveRules = (rules: readonly VisitRule[], streetId: string): VisitRule[] =>
  CARE_GROUPS.flatMap((group) => CARE_RISKS.map((risk) => ruleFor(rules, streetId, group, risk)));

/**
 * When the next visit of a file falls due: a person in several groups is visited as often as the
 * strictest of them asks, so the earliest due date of their groups' rules at the file's risk.
 */
export function nextDueDate(
  from: string,
  file: { streetId: string; groups: readonly CareGroup[]; risk: CareRisk },
  rules: readonly VisitRule[],
  table: DayTable,
): string {
  if (file.groups.length === 0) throw new RangeError('A care file belongs to at least one group');
  const dates = file.groups.map((group) => dueAfter(from, ruleFor(rules, file.streetId, group, file.risk), table));
  return dates.sort()[0] as string;
}

/** A visit on or before the due date it answers is on time; after it, late. */
export const isOnTime = (visitDate: string, dueDate: string) => visitDate <= dueDate;

/** A due date is missed once its day has passed without a visit: the alert goes out the day after. */
export const isMissed = (dueDate: string, today: string) => today > dueDate;

export function dueStatus(dueDate: string, today: string): DueStatus {
  if (today > dueDate) return 'overdue';
  if (today === dueDate) return 'due_today';
  return daysBetween(today, dueDate) <= DUE_SOON_DAYS ? 'due_soon' : 'upcoming';
}

/** The date counting starts from: the last visit, else the file's start (its opening, or the last visit on paper). */
export const countingFrom = (file: { lastVisitDate: string | null; startDate: string }) =>
  file.lastVisitDate && file.lastVisitDate > file.startDate ? file.lastVisitDate : file.startDate;

/**
 * Coverage of a period: each due date that fell in it is visited on time, visited late, missed
 * (passed and still not visited) or pending (not yet passed). The on-time rate counts the due
 * dates that have passed or were visited; none when there are none.
 */
export interface Coverage {
  due: number;
  onTime: number;
  late: number;
  missed: number;
  pending: number;
  onTimeRate: number | null;
}

export function coverage(counts: { onTime: number; late: number; missed: number; pending: number }): Coverage {
  const settled = counts.onTime + counts.late + counts.missed;
  return {
    due: settled + counts.pending,
    ...counts,
    onTimeRate: settled === 0 ? null : Math.round((counts.onTime / settled) * 10_000) / 10_000,
  };
}
