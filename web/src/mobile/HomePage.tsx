import { Button, Input, List } from 'antd-mobile';
import { ClockCircleOutline, FileOutline, RightOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { errorMessage, useI18n } from '../shared/i18n.tsx';
import { homeFor, useMe, useSession } from '../shared/session.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import './messages.ts';
import { type LocalReports, useLocalReports } from './offline/local-reports.ts';

/** The residents' entrance: report a problem, follow a report, book a consultation, sign in. */
export function HomePage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const session = useSession();
  const [, navigate] = useLocation();
  const [code, setCode] = useState('');
  const reports = useLocalReports();
  const staffHome = me ? homeFor(me) : '/';

  return (
    <main className="fq-page">
      <header className="fq-hero">
        <div className="fq-hero-top">
          <span className="fq-brand">{t('app.name')}</span>
          <LanguageSwitch />
        </div>
        <h1>{me ? t('home.greeting', { name: me.displayName }) : t('app.mobileTitle')}</h1>
        <p>{t('home.welcome')}</p>
      </header>

      <section className="fq-section fq-report-cta">
        <Button block color="primary" size="large" onClick={() => navigate('/report')}>
          {t('home.report')}
        </Button>
        <p className="fq-hint">{t('home.reportHint')}</p>
      </section>

      <section className="fq-section">
        <form
          className="fq-track"
          onSubmit={(event) => {
            event.preventDefault();
            if (code.trim()) navigate(`/track/${encodeURIComponent(code.trim())}`);
          }}
        >
          <label htmlFor="track-code" className="fq-label">
            {t('home.track')}
          </label>
          <div className="fq-track-row">
            <Input id="track-code" value={code} onChange={setCode} placeholder={t('mobile.trackPlaceholder')} clearable />
            <Button type="submit" size="small">
              {t('common.search')}
            </Button>
          </div>
        </form>
      </section>

      {(reports.pending.length > 0 || reports.sent.length > 0) && <PhoneReports reports={reports} signedIn={Boolean(me)} />}

      <section className="fq-section">
        <Link href="/mediation" className="fq-entry">
          <ScalesIcon />
          <span className="fq-entry-text">
            <span className="fq-entry-title">{t('mobile.mediation.title')}</span>
            <span className="fq-hint-inline">{t('mobile.mediation.hint')}</span>
          </span>
          <RightOutline aria-hidden className="fq-entry-arrow" />
        </Link>
      </section>

      <section className="fq-section">
        <Link href="/deliberation" className="fq-entry">
          <span className="fq-entry-text">
            <span className="fq-entry-title">{t('mobile.deliberation.title')}</span>
            <span className="fq-hint-inline">{t('mobile.deliberation.hint')}</span>
          </span>
          <RightOutline aria-hidden className="fq-entry-arrow" />
        </Link>
      </section>

      <nav className="fq-section fq-community" aria-label={t('mobile.community.title')}>
        {(['volunteer', 'activities', 'services', 'points', 'surveys'] as const).map((entry) => (
          <Link key={entry} href={`/${entry}`} className="fq-community-entry">
            {t(`mobile.community.${entry}`)}
          </Link>
        ))}
      </nav>

      <section className="fq-section fq-how" aria-labelledby="fq-how">
        <h2 id="fq-how" className="fq-label">
          {t('mobile.how.title')}
        </h2>
        <ol>
          {(['report', 'handle', 'rate'] as const).map((step) => (
            <li key={step}>
              <span className="fq-how-step">{t(`mobile.how.${step}`)}</span>
              <span className="fq-hint-inline">{t(`mobile.how.${step}Text`)}</span>
            </li>
          ))}
        </ol>
      </section>

      <List className="fq-section fq-menu">
        {me && <List.Item onClick={() => navigate('/my')}>{t('home.myReports')}</List.Item>}
        {me && <List.Item onClick={() => navigate('/patrol')}>{t('mobile.patrol')}</List.Item>}
        {me && staffHome === '/field' && <List.Item onClick={() => navigate('/field')}>{t('home.fieldWork')}</List.Item>}
        {me && staffHome === '/desk' && <List.Item onClick={() => window.location.assign('/desk')}>{t('home.desk')}</List.Item>}
        {me ? (
          <List.Item onClick={() => void session.logout()} description={t('mobile.signedInAs', { name: me.displayName })}>
            {t('common.signOut')}
          </List.Item>
        ) : (
          <List.Item>
            <Link href="/login">{t('common.signIn')}</Link>
          </List.Item>
        )}
      </List>
    </main>
  );
}

/** A pair of scales drawn inline: an icon set's figure would cost the first screen about 2 KB. */
function ScalesIcon() {
  return (
    <svg
      className="fq-menu-icon"
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
    >
      <path d="M12 3v18M7 21h10M4 7h16M4 7l-3 6a3 3 0 0 0 6 0L4 7zM20 7l-3 6a3 3 0 0 0 6 0l-3-6z" />
    </svg>
  );
}

/** Reports made on this phone: those waiting for the network, and the last ones sent with their codes. */
function PhoneReports({ reports, signedIn }: { reports: LocalReports; signedIn: boolean }) {
  const { t } = useI18n();
  return (
    <section className="fq-section fq-phone-reports" aria-labelledby="fq-phone-reports">
      <h2 id="fq-phone-reports" className="fq-label">
        {t('mobile.onThisPhone')}
      </h2>
      <ul>
        {reports.pending.map((report) => (
          <li key={report.key} className="fq-phone-report">
            <ClockCircleOutline aria-hidden className="fq-phone-report-icon fq-waiting-icon" />
            <span className="fq-phone-report-text">
              <span className="fq-phone-report-title">{report.title}</span>
              <span className="fq-hint-inline">
                {report.errorCode ? errorMessage(t, { code: report.errorCode }) : t('mobile.waiting')}
              </span>
            </span>
            {report.errorCode && (
              <Button
                size="mini"
                fill="none"
                onClick={() => void import('./offline/report-queue.ts').then((queue) => queue.forgetReport(report.key))}
              >
                {t('mobile.remove')}
              </Button>
            )}
          </li>
        ))}
        {reports.sent.map((report) => (
          <li key={report.key}>
            <Link
              className="fq-phone-report"
              href={report.caseId && signedIn ? `/my/${report.caseId}` : `/track/${report.trackingCode}`}
            >
              <FileOutline aria-hidden className="fq-phone-report-icon" />
              <span className="fq-phone-report-text">
                <span className="fq-phone-report-title">{report.title}</span>
                <span className="fq-hint-inline">
                  {t('mobile.sentCode', { number: report.number, code: report.trackingCode })}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
