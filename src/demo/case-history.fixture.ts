/** A plan of the demo history for tests: the full street at a fixed moment, over the real 2025/2026 holidays. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageSchedule } from '../modules/calendar/package-schedule.ts';
import { buildDayTable } from '../modules/calendar/working-days.ts';
import type { DeadlinePolicy, ResponsePolicy } from '../modules/cases/deadlines.ts';
import type { Tier } from '../modules/cases/lifecycle.ts';
import { type CaseHistoryInput, planCaseHistory } from './case-history.ts';
import { planUsers } from './seed-demo.ts';
import type { HistoryCategory } from './street-index.ts';
import { type DemoScale, FULL_SCALE, planStreet } from './street-plan.ts';

/** A Friday morning in the street: the 180 days before it hold National Day 2025 and Spring Festival 2026. */
export const NOW = new Date('2026-03-20T03:00:00Z');
export const DAY_MS = 86_400_000;
export const timeZone = 'Asia/Shanghai';
const schedule = packageSchedule(2025, 2026);
export const table = buildDayTable(schedule.days, schedule.years);

/** The categories and deadline rules as migrations/0002_cases.sql seeds them. */
function migrationRules() {
  const text = readFileSync(path.resolve(import.meta.dirname, '../../migrations/0002_cases.sql'), 'utf8');
  const parents = [...text.matchAll(/\('([A-Z]+)', '[^']+', '[^']+', '(\w+)', (?:'(\w+)'|null), \d+\)/g)].map(
    (m): HistoryCategory => ({
      id: randomUUID(),
      parentId: null,
      code: m[1] as string,
      kind: m[2] as never,
      departmentCode: m[3] ?? null,
    }),
  );
  const children = [...text.matchAll(/\('([A-Z]+)', '([A-Z_]+)', '[^']+', '[^']+', \d+\)/g)].map((m): HistoryCategory => {
    const parent = parents.find((p) => p.code === m[1]) as HistoryCategory;
    return { ...parent, id: randomUUID(), parentId: parent.id, code: m[2] as string };
  });
  const categories = [...parents, ...children];
  const idOf = (code: string) => categories.find((c) => c.code === code)?.id ?? null;
  const policy = (
    tier: Tier,
    workingDays: number,
    kind: DeadlinePolicy['kind'],
    warnHours: number,
    categoryId: string | null = null,
  ) => ({ streetId: null, tier, categoryId, workingDays, kind, warnHours }) satisfies DeadlinePolicy;
  const policies = [
    policy('grid', 5, 'handle', 24),
    policy('community', 5, 'handle', 24),
    policy('department', 5, 'answer', 24),
    policy('district', 10, 'explain', 48),
    policy('grid', 2, 'handle', 12, idOf('FIRE_EBIKE_CHARGING')),
    policy('grid', 2, 'handle', 12, idOf('FIRE_GAS')),
  ];
  const responsePolicies: ResponsePolicy[] = [
    { priority: 'urgent', hours: 2, workingDays: null },
    { priority: 'high', hours: 4, workingDays: null },
    { priority: 'normal', hours: null, workingDays: 1 },
    { priority: 'low', hours: null, workingDays: 1 },
  ];
  return { categories, policies, responsePolicies };
}

export const rules = migrationRules();
export function demoHistory(scale: DemoScale = FULL_SCALE, seed = 7) {
  const plan = planStreet(scale);
  const users = planUsers(plan);
  const input: CaseHistoryInput = {
    plan,
    users,
    ...rules,
    table,
    timeZone,
    now: NOW,
    seed,
    count: scale.cases,
    trackingSecret: 's',
  };
  return { plan, users, ...planCaseHistory(input) };
}
