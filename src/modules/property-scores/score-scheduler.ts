import { Cron } from 'croner';
import { computeLastMonth } from './compute.service.ts';
import type { ScoreDeps } from './property-scores.shared.ts';

/**
 * Last month's scorecards, computed at 02:30 on the 1st and again on the 2nd and 3rd in the
 * street's zone (never two runs at once in a process). Recomputing replaces a month whole under a
 * lock, so a second instance or a repeat run leaves the same cards; the repeats pick up ratings
 * and replies that came in over the first days. Returns the stop function.
 */
export function startScoreScheduler(deps: ScoreDeps, onError: (error: unknown) => void): () => void {
  const job = new Cron('0 30 2 1-3 * *', { timezone: deps.timeZone, protect: true, catch: onError }, async () => {
    await computeLastMonth(deps);
  });
  return () => job.stop();
}
