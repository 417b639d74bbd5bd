import { describe, expect, it } from 'vitest';
import { packageSchedule } from '../modules/calendar/package-schedule.ts';
import { buildDayTable } from '../modules/calendar/working-days.ts';
import type { VisitRule } from '../modules/care/care-rules.ts';
import { planCareHistory } from './care-history.ts';
import { planUsers } from './seed-demo.ts';
import { FULL_SCALE, planStreet } from './street-plan.ts';

const schedule = packageSchedule(2020, 2026);
const table = buildDayTable(schedule.days, schedule.years);
const rule = (group: VisitRule['group'], risk: VisitRule['risk'], every: number, unit: VisitRule['unit']) =>
  ({ streetId: null, group, risk, every, unit }) satisfies VisitRule;
/** The defaults of migration 0011. */
const RULES: VisitRule[] = (
  [
    ['elderly_alone', 1, 'weeks', 1, 'weeks', 2, 'working_days'],
    ['disabled', 1, 'months', 2, 'weeks', 1, 'weeks'],
    ['in_difficulty', 1, 'months', 2, 'weeks', 1, 'weeks'],
    ['retired_soldier', 1, 'months', 1, 'months', 2, 'weeks'],
    ['left_behind_child', 2, 'weeks', 1, 'weeks', 3, 'working_days'],
    ['seriously_ill', 2, 'weeks', 1, 'weeks', 2, 'working_days'],
  ] as const
).flatMap(([group, lowN, lowUnit, midN, midUnit, highN, highUnit]) => [
  rule(group, 'low', lowN, lowUnit),
  rule(group, 'medium', midN, midUnit),
  rule(group, 'high', highN, highUnit),
]);

describe('the demo street’s care history', () => {
  const plan = planStreet(FULL_SCALE, 20_261_124, new Date('2026-11-20T02:00:00Z'));
  const users = planUsers(plan);
  const now = new Date('2026-11-20T02:00:00Z');
  const history = planCareHistory({ plan, users, rules: RULES, table, timeZone: 'Asia/Shanghai', now, seed: 7 });
  const today = '2026-11-20';

  it('keeps a few hundred files across every group, mostly visited on time', () => {
    expect(history.files.length).toBeGreaterThan(400);
    expect(history.files.length).toBeLessThan(900);
    const groups = new Set(history.files.flatMap((f) => f.groups));
    expect([...groups].sort()).toEqual([
      'disabled',
      'elderly_alone',
      'in_difficulty',
      'left_behind_child',
      'retired_soldier',
      'seriously_ill',
    ]);
    const onTime = history.visits.filter((v) => v.onTime).length / history.visits.length;
    expect(onTime).toBeGreaterThan(0.8);
    expect(onTime).toBeLessThan(0.95);
  });

  it('leaves a handful overdue today, two of them in the demo grid worker’s grid', () => {
    const overdue = history.files.filter((f) => f.nextDueDate < today);
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    expect(overdue.length).toBeLessThan(history.files.length * 0.06);
    expect(overdue.filter((f) => f.gridId === plan.grids[0]?.id).length).toBeGreaterThanOrEqual(2);
  });

  it('visits for the festival campaigns of the period, and has one running now', () => {
    const running = history.campaigns.filter((c) => c.starts_on <= today && c.ends_on >= today);
    expect(running.length).toBeGreaterThanOrEqual(1);
    const doubleNinth = history.campaigns.filter((c) => c.festival === 'double_ninth');
    expect(doubleNinth).toHaveLength(plan.communities.length);
    const campaignVisits = history.visits.filter((v) => v.campaignId).length;
    expect(campaignVisits).toBeGreaterThan(200);
    expect(history.visits.every((v) => v.visitDate < today)).toBe(true);
  });
});
