import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { recordSent, useLocalReports } from '../offline/local-reports.ts';
import { queueReport } from '../offline/report-queue.ts';
import { newKey, type ReportDraft, type ReportResult, submitReport, titleOf } from './submit-report.ts';

export type Submission = { phase: 'form' } | { phase: 'queued'; key: string } | { phase: 'sent'; result: ReportResult };

/**
 * Sends a report, or queues it when the phone is offline (or the network drops on the way).
 * One idempotency key per report, kept across retries: a double tap or a resend never makes two cases.
 */
export function useReportSubmission() {
  const [state, setState] = useState<Submission>({ phase: 'form' });
  const key = useRef(newKey());
  const local = useLocalReports();

  // A queued report sent in the background (the network came back) shows here as sent.
  useEffect(() => {
    if (state.phase !== 'queued') return;
    const sent = local.sent.find((report) => report.key === state.key);
    if (sent) setState({ phase: 'sent', result: sent });
  }, [local, state]);

  async function queue(draft: ReportDraft) {
    await queueReport(draft);
    setState({ phase: 'queued', key: draft.key });
  }

  async function submit(report: Omit<ReportDraft, 'key'>): Promise<void> {
    const draft: ReportDraft = { ...report, key: key.current };
    if (!navigator.onLine) return queue(draft);
    try {
      const result = await submitReport(draft);
      recordSent({ key: draft.key, title: titleOf(draft.body), sentAt: new Date().toISOString(), ...result });
      setState({ phase: 'sent', result });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NETWORK') return queue(draft);
      throw error;
    }
  }

  function startOver() {
    key.current = newKey();
    setState({ phase: 'form' });
  }

  return { state, submit, startOver };
}
