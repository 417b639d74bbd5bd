import { Button, Result } from 'antd-mobile';
import { ClockCircleOutline } from 'antd-mobile-icons';
import { useEffect, useRef, useState } from 'react';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { useLocalReports } from '../offline/local-reports.ts';
import { forgetReport, sendWaitingReports } from '../offline/report-queue.ts';
import './messages.ts';
import './outcome.css';
import type { ReportResult } from './submit-report.ts';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

interface SentProps {
  result: ReportResult;
  onFollow: () => void;
  onAnother: () => void;
}

/** The case number and, prominently, the tracking code: the one thing a reporter without an account must keep. */
export function SentPanel({ result, onFollow, onAnother }: SentProps) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<boolean | null>(null);
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="fq-outcome" aria-labelledby="fq-sent-title">
      <div ref={heading} tabIndex={-1}>
        <Result
          status="success"
          title={<span id="fq-sent-title">{t('report.sent.title')}</span>}
          description={t('report.sent.next')}
        />
      </div>
      <dl className="fq-receipt">
        <dt>{t('report.sent.number')}</dt>
        <dd>{result.number}</dd>
        <dt>{t('report.sent.code')}</dt>
        <dd className="fq-code" data-testid="tracking-code">
          {result.trackingCode}
        </dd>
      </dl>
      <p className="fq-field-hint fq-center-text">{t('report.sent.codeHint')}</p>
      <div className="fq-outcome-actions">
        <Button block fill="outline" color="primary" onClick={async () => setCopied(await copyText(result.trackingCode))}>
          {t('report.sent.copy')}
        </Button>
        <p className="fq-field-hint fq-center-text" aria-live="polite">
          {copied === true ? t('report.sent.copied') : copied === false ? t('report.sent.copyFailed') : ''}
        </p>
        <Button block color="primary" onClick={onFollow}>
          {t('report.sent.follow')}
        </Button>
        <Button block fill="none" onClick={onAnother}>
          {t('report.sent.another')}
        </Button>
      </div>
    </section>
  );
}

/** Shown when the phone had no network: the report waits here, photos and all, and goes by itself. */
export function QueuedPanel({ onHome }: { onHome: () => void }) {
  const { t, dateTime } = useI18n();
  const { pending } = useLocalReports();
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="fq-outcome" aria-labelledby="fq-queued-title">
      <div ref={heading} tabIndex={-1}>
        <Result
          status="waiting"
          icon={<ClockCircleOutline aria-hidden />}
          title={<span id="fq-queued-title">{t('report.queued.title')}</span>}
          description={t('report.queued.description')}
        />
      </div>
      <ul className="fq-waiting" aria-label={t('report.queued.list')}>
        {pending.map((report) => (
          <li key={report.key} className="fq-waiting-item">
            <span className="fq-waiting-title">{report.title}</span>
            <span className="fq-field-hint">
              {report.errorCode
                ? errorMessage(t, { code: report.errorCode })
                : t('report.queued.since', { time: dateTime(report.createdAt) })}
            </span>
            {report.errorCode && (
              <Button size="mini" fill="none" onClick={() => void forgetReport(report.key)}>
                {t('report.queued.remove')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div className="fq-outcome-actions">
        <Button block color="primary" fill="outline" onClick={() => void sendWaitingReports()}>
          {t('report.queued.sendNow')}
        </Button>
        <Button block fill="none" onClick={onHome}>
          {t('report.queued.home')}
        </Button>
      </div>
    </section>
  );
}
