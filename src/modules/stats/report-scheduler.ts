import { Cron } from 'croner';
import type { IndicatorDeps } from './indicators.service.ts';
import { runMonthlyReports } from './reports.service.ts';

/**
 * Monthly reports: every morning at 7:30 in the street's zone; from the first working day of a
 * month on, last month's missing reports are produced. Two instances may both start on a missing
 * report: the second replaces the first's identical files (one row per node, month and language).
 */
export function startReportScheduler(deps: IndicatorDeps, onError: (error: unknown) => void): () => void {
  const job = new Cron('0 30 7 * * *', { timezone: deps.timeZone, protect: true, catch: onError }, async () => {
    await runMonthlyReports(deps);
  });
  return () => job.stop();
}
