import { Cron } from 'croner';
import { type PrivacyDeps, runAnonymisation } from './privacy.service.ts';

/** Runs the anonymisation every night at 02:15 in the street's zone (never two runs at once); returns the stop function. */
export function startRetentionScheduler(deps: PrivacyDeps, timeZone: string, onError: (error: unknown) => void): () => void {
  const job = new Cron('0 15 2 * * *', { timezone: timeZone, protect: true, catch: onError }, async () => {
    await runAnonymisation(deps);
  });
  return () => job.stop();
}
