import { useSyncExternalStore } from 'react';

/**
 * What this phone remembers of its own reports: those waiting for the network and the last few
 * sent (with their tracking codes, so someone without an account can still follow them). It is
 * a small localStorage record in the first bundle; the reports themselves, photos included, wait
 * in IndexedDB (report-queue.ts), which is loaded only when there is something to send.
 */
export interface PendingReport {
  key: string;
  title: string;
  createdAt: string;
  /** Set when the server refused the report: it stays here until the reporter removes it. */
  errorCode?: string | undefined;
}

export interface SentReport {
  key: string;
  number: string;
  trackingCode: string;
  caseId: string | null;
  title: string;
  sentAt: string;
}

export interface LocalReports {
  pending: PendingReport[];
  sent: SentReport[];
}

const STORAGE_KEY = 'fq.reports';
const CHANGED = 'fq-reports-changed';
const KEEP_SENT = 5;
const EMPTY: LocalReports = { pending: [], sent: [] };

let snapshot: LocalReports | null = null;

export function readLocalReports(): LocalReports {
  if (snapshot) return snapshot;
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as LocalReports | null;
    snapshot = stored && Array.isArray(stored.pending) && Array.isArray(stored.sent) ? stored : EMPTY;
  } catch {
    snapshot = EMPTY;
  }
  return snapshot;
}

export function updateLocalReports(change: (reports: LocalReports) => LocalReports): void {
  snapshot = change(readLocalReports());
  localStorage.setItem(STORAGE_KEY, JSON.stringify(snapshot));
  window.dispatchEvent(new Event(CHANGED));
}

export function recordSent(report: SentReport): void {
  updateLocalReports((reports) => ({
    pending: reports.pending.filter((p) => p.key !== report.key),
    sent: [report, ...reports.sent.filter((s) => s.key !== report.key)].slice(0, KEEP_SENT),
  }));
}

function subscribe(onChange: () => void) {
  // Another tab may have sent or queued a report: re-read on its storage event too.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    snapshot = null;
    onChange();
  };
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onStorage);
  };
}

export function useLocalReports(): LocalReports {
  return useSyncExternalStore(subscribe, readLocalReports);
}

/** Sends waiting reports now (if online) and whenever the network comes back. */
export function startReportSync(): () => void {
  const send = () => {
    const waiting = readLocalReports().pending.some((p) => !p.errorCode);
    if (waiting && navigator.onLine) void import('./report-queue.ts').then((queue) => queue.sendWaitingReports());
  };
  window.addEventListener('online', send);
  send();
  return () => window.removeEventListener('online', send);
}
