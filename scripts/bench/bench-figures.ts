/** The measured results as the table's rows: each figure, its target and whether it is met. Pure. */
import type { DashboardResult, Timing } from './dashboard.ts';
import type { InboxResult, PageTiming } from './inbox.ts';
import type { IntakeResult } from './intake-load.ts';
import type { PointGridResult } from './point-grid.ts';
import { type Figure, megabytes, ms, perSecond, times } from './report.ts';
import type { TwoInstancesResult } from './two-instances.ts';

export const TARGETS = {
  intakeShareOfPgbench: 0.5,
  inboxP95Ms: 20,
  dashboardP95Ms: 50,
  dashboardSpeedup: 100,
  pointGridSpeedup: 100,
  rssBytes: 300 * 1_048_576,
};

export function intakeFigures(pgbench: Map<number, number>, intake: IntakeResult): Figure[] {
  const eight = pgbench.get(8) ?? Number.NaN;
  const share = intake.perSecond / eight;
  return [
    {
      name: 'pgbench, one-row INSERT per transaction, 1 client',
      measured: perSecond(pgbench.get(1) ?? Number.NaN),
      target: 'reference',
      met: null,
    },
    { name: 'pgbench, one-row INSERT per transaction, 8 clients', measured: perSecond(eight), target: 'reference', met: null },
    {
      name: 'intake POST /api/cases, 8 clients (autocannon)',
      measured: `${perSecond(intake.perSecond)} = ${(share * 100).toFixed(1)}% of pgbench (${intake.created.toLocaleString('en')} cases, ${intake.failed} failed)`,
      target: `≥ ${TARGETS.intakeShareOfPgbench * 100}% of pgbench at 8 clients`,
      met: share >= TARGETS.intakeShareOfPgbench && intake.failed === 0,
    },
    { name: 'intake latency p50 / p99', measured: `${ms(intake.p50)} / ${ms(intake.p99)}`, target: 'reference', met: null },
    {
      name: 'server memory (RSS) under intake load, peak',
      measured: megabytes(intake.peakRss),
      target: `< ${megabytes(TARGETS.rssBytes)}`,
      met: intake.peakRss < TARGETS.rssBytes,
    },
  ];
}

/** A page at depth must really be page 100: a list too short to have one says so and does not count as met. */
const pageRow = (who: string, what: string, t: PageTiming, deep = false): Figure => ({
  name: `${who}: ${what}, page ${t.page} (${t.items} rows), p95`,
  measured: `${ms(t.p95)} (p50 ${ms(t.p50)})`,
  target: `< ${TARGETS.inboxP95Ms} ms${deep ? ' at page 100' : ''}`,
  met: t.p95 < TARGETS.inboxP95Ms && (!deep || t.page === 100),
});

export function inboxFigures(who: string, result: InboxResult): Figure[] {
  return [
    pageRow(who, 'inbox by deadline', result.inboxFirst),
    pageRow(who, 'all cases newest first', result.listFirst),
    pageRow(who, 'all cases newest first', result.listDeep, true),
  ];
}

function dashboardRows(scope: string, t: { streetRollups: Timing; gridRollups: Timing; direct: Timing }): Figure[] {
  const speedup = t.direct.p50 / t.streetRollups.p50;
  return [
    {
      name: `dashboard, ${scope}, one year, from street rollups, p95`,
      measured: `${ms(t.streetRollups.p95)} (p50 ${ms(t.streetRollups.p50)})`,
      target: `< ${TARGETS.dashboardP95Ms} ms`,
      met: t.streetRollups.p95 < TARGETS.dashboardP95Ms,
    },
    {
      name: `dashboard, ${scope}, one year, direct aggregate over cases, p50`,
      measured: `${ms(t.direct.p50)}: rollups ${times(speedup)} faster`,
      target: `rollups ≥ ${TARGETS.dashboardSpeedup}x faster`,
      met: speedup >= TARGETS.dashboardSpeedup,
    },
    {
      name: `dashboard, ${scope}, one year, from grid rollups, p50`,
      measured: ms(t.gridRollups.p50),
      target: 'reference',
      met: null,
    },
  ];
}

export function dashboardFigures(result: DashboardResult): Figure[] {
  const agree = result.received.every(([rollups, direct]) => rollups === direct);
  return [
    ...dashboardRows(`street (${result.streetName}, ${result.streetCases.toLocaleString('en')} cases)`, result.street),
    ...dashboardRows('whole city', result.city),
    {
      name: 'dashboard: cases received in the year, rollups vs cases table',
      measured: result.received.map(([a, b]) => `${a.toLocaleString('en')} / ${b.toLocaleString('en')}`).join('; '),
      target: 'equal',
      met: agree,
    },
  ];
}

export function pointGridFigures(r: PointGridResult): Figure[] {
  const where = `${r.points.toLocaleString('en')} random points, ${r.polygons.toLocaleString('en')} polygons`;
  return [
    {
      name: 'point -> grid, in-process index lookup (what intake adds to the read of the grid it makes anyway)',
      measured: `${perSecond(r.indexPerSecond)} = ${times(r.indexPerSecond / r.postgisPerSecond)} PostGIS per point`,
      target: `≥ ${TARGETS.pointGridSpeedup}x PostGIS per point`,
      met: r.indexPerSecond >= TARGETS.pointGridSpeedup * r.postgisPerSecond,
    },
    {
      name: 'point -> grid as intake calls it: index, then the grid row with the boundary version in one statement, 8 at a time',
      measured: `${perSecond(r.locatorPerSecond)} = ${times(r.locatorPerSecond / r.postgisPerSecond)} PostGIS per point`,
      target: 'reference: one round trip, as PostGIS',
      met: null,
    },
    {
      name: 'point -> grid, PostGIS ST_Contains + GiST, one point per statement, 8 at a time',
      measured: perSecond(r.postgisPerSecond),
      target: 'reference',
      met: null,
    },
    {
      name: 'point -> grid, PostGIS batched (10,000 points per statement)',
      measured: perSecond(r.postgisBatchedPerSecond),
      target: 'reference',
      met: null,
    },
    {
      name: `point -> grid, identical answers (${where}, ${r.located.toLocaleString('en')} inside a grid)`,
      measured: `${r.mismatches} points differ`,
      target: '0',
      met: r.mismatches === 0,
    },
  ];
}

export function twoInstanceFigures(r: TwoInstancesResult): Figure[] {
  return [
    {
      name: 'two instances under load: intake, both together',
      measured: `${perSecond(r.perSecond)} (${r.created.toLocaleString('en')} cases, ${r.failed} failed)`,
      target: 'reference',
      met: null,
    },
    {
      name: 'two instances: cases answered 201 but missing',
      measured: String(r.lost),
      target: '0',
      met: r.lost === 0 && r.failed === 0,
    },
    {
      name: `two instances: duplicate warnings, overdue marks or notifications (${r.madeDue} cases made due, ${r.markedOverdue} marked)`,
      measured: `${r.duplicateEvents} events, ${r.duplicateNotifications} notifications`,
      target: '0, every case marked once',
      met: r.duplicateEvents === 0 && r.duplicateNotifications === 0 && r.markedOverdue === r.madeDue,
    },
  ];
}
