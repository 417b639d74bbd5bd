import { loadConfig } from './config.ts';
import { DEMO_PASSWORD } from './demo/seed-demo.ts';
import { startReminderScheduler } from './modules/activities/reminder-scheduler.ts';
import { careDepsOf } from './modules/care/care.routes.ts';
import { startMissedVisitScheduler } from './modules/care/missed-visit-scheduler.ts';
import { caseDepsOf } from './modules/cases/cases.routes.ts';
import { startDeadlineScheduler } from './modules/cases/deadline-scheduler.ts';
import { startFollowUpScheduler } from './modules/mediation/follow-up-scheduler.ts';
import { startExpiryScheduler } from './modules/points/expiry-scheduler.ts';
import { startRetentionScheduler } from './modules/privacy/retention-scheduler.ts';
import { scoreDepsOf } from './modules/property-scores/property-scores.routes.ts';
import { startScoreScheduler } from './modules/property-scores/score-scheduler.ts';
import { startReportScheduler } from './modules/stats/report-scheduler.ts';
import { startDeliveryWorker } from './modules/webhooks/delivery-worker.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { startServer, VERSION } from './server.ts';

const WEBHOOK_POLL_SECONDS = 3;
const DEMO_ACCOUNTS = ['admin', 'leader', 'secretary', 'staff', 'grid', 'dept', 'property', 'mediator', 'partner', 'resident'];

async function main() {
  const started = performance.now();
  const config = loadConfig();
  const log = (line: string) => process.stdout.write(`[fengqiao] ${line}\n`);
  log(`Fengqiao ${VERSION} starting (${config.env})`);
  const { app, database, context } = await startServer(config, { level: config.logLevel }, log);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log(`ready in ${Math.round(performance.now() - started)} ms at http://localhost:${port}  (API docs: /api/docs)`);
  if (config.seedDemo) log(`demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.join(', ')}`);
  const stopScheduler =
    config.schedulerSeconds > 0
      ? startDeadlineScheduler(caseDepsOf(context), config.schedulerSeconds, (error) =>
          app.log.error({ err: error }, 'deadline jobs failed'),
        )
      : () => {};
  // Instalments of mediation agreements: reminders once a day at 8, claimed so two instances never both send one.
  const stopFollowUp =
    config.schedulerSeconds > 0
      ? startFollowUpScheduler({ db: database.db, timeZone: config.timeZone }, (error) =>
          app.log.error({ err: error }, 'mediation follow-up failed'),
        )
      : () => {};
  // Care files whose visit is overdue: the grid worker and the community alerted once per missed due date.
  const stopMissedVisits =
    config.schedulerSeconds > 0
      ? startMissedVisitScheduler(careDepsOf(context), config.schedulerSeconds, (error) =>
          app.log.error({ err: error }, 'missed-visit job failed'),
        )
      : () => {};
  // Activity reminders a day ahead and the nightly expiry of points, each claimed so two instances never both act.
  const jobs = { db: database.db, timeZone: config.timeZone };
  const stopVolunteerJobs =
    config.schedulerSeconds > 0
      ? [
          startReminderScheduler(jobs, (error) => app.log.error({ err: error }, 'activity reminders failed')),
          startExpiryScheduler(jobs, (error) => app.log.error({ err: error }, 'points expiry failed')),
          // Nightly: finished cases past their street's retention lose the reporter's personal data.
          startRetentionScheduler(jobs, config.timeZone, (error) => app.log.error({ err: error }, 'privacy retention failed')),
        ]
      : [];
  // Monthly statistics reports: each morning, from the first working day of a month, last month's missing ones.
  const stopReports =
    config.schedulerSeconds > 0
      ? startReportScheduler(jobs, (error) => app.log.error({ err: error }, 'monthly reports failed'))
      : () => {};
  // Property companies' scorecards of last month, early on the first days of each month.
  const stopScores =
    config.schedulerSeconds > 0
      ? startScoreScheduler(scoreDepsOf(context), (error) => app.log.error({ err: error }, 'property scorecards failed'))
      : () => {};
  // Webhooks: the outbox is polled every few seconds; deliveries are claimed, so instances never send one twice at once.
  const stopWebhooks =
    config.schedulerSeconds > 0
      ? startDeliveryWorker({ db: database.db }, WEBHOOK_POLL_SECONDS, (error) =>
          app.log.error({ err: error }, 'webhook deliveries failed'),
        )
      : () => {};

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    stopScheduler();
    stopFollowUp();
    stopMissedVisits();
    for (const stopJob of stopVolunteerJobs) stopJob();
    stopWebhooks();
    stopReports();
    stopScores();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError || (error instanceof Error && error.message.startsWith('Invalid environment'))) {
    process.stderr.write(`[fengqiao] ${error.message}\n`);
  } else {
    process.stderr.write(
      `[fengqiao] failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
