import { createStore, del, entries, set } from 'idb-keyval';
import { ApiError } from '../../shared/api.ts';
import { type ReportDraft, submitReport, titleOf } from '../report/submit-report.ts';
import { recordSent, updateLocalReports } from './local-reports.ts';

/**
 * Reports waiting for the network, photos included (IndexedDB keeps Blobs), each under its own
 * idempotency key: however often sending is retried, by this tab or another, the server makes
 * one case of it.
 */
const store = createStore('fengqiao', 'report-queue');

export async function queueReport(draft: ReportDraft): Promise<void> {
  await set(draft.key, draft, store);
  updateLocalReports((reports) => ({
    ...reports,
    pending: [
      ...reports.pending.filter((p) => p.key !== draft.key),
      { key: draft.key, title: titleOf(draft.body), createdAt: new Date().toISOString() },
    ],
  }));
}

export async function forgetReport(key: string): Promise<void> {
  await del(key, store);
  updateLocalReports((reports) => ({ ...reports, pending: reports.pending.filter((p) => p.key !== key) }));
}

let sending: Promise<void> | null = null;

/** Sends every waiting report once; a second call while one runs joins it instead of sending twice. */
export function sendWaitingReports(): Promise<void> {
  sending ??= sendAll().finally(() => {
    sending = null;
  });
  return sending;
}

async function sendAll(): Promise<void> {
  const waiting = (await entries<string, ReportDraft>(store)).map(([, draft]) => draft);
  for (const draft of waiting) {
    try {
      const result = await submitReport(draft);
      await del(draft.key, store);
      recordSent({ key: draft.key, title: titleOf(draft.body), sentAt: new Date().toISOString(), ...result });
    } catch (error) {
      // Photos already uploaded stay recorded, so the next attempt only sends the report.
      if (draft.uploaded) await set(draft.key, draft, store);
      if (error instanceof ApiError && error.code === 'NETWORK') return;
      const code = error instanceof ApiError ? error.code : 'UNKNOWN';
      updateLocalReports((reports) => ({
        ...reports,
        pending: reports.pending.map((p) => (p.key === draft.key ? { ...p, errorCode: code } : p)),
      }));
    }
  }
}
