import { Button, Input, List } from 'antd-mobile';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useI18n } from '../shared/i18n.tsx';
import { homeFor, useMe, useSession } from '../shared/session.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The residents' entrance: report a problem, follow a report, sign in. */
export function HomePage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const session = useSession();
  const [, navigate] = useLocation();
  const [code, setCode] = useState('');
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

      <section className="fq-section">
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
            <Input id="track-code" value={code} onChange={setCode} placeholder={t('home.trackPlaceholder')} clearable />
            <Button type="submit" size="small">
              {t('common.search')}
            </Button>
          </div>
        </form>
      </section>

      <List className="fq-section">
        {me && <List.Item onClick={() => navigate('/my')}>{t('home.myReports')}</List.Item>}
        {me && staffHome === '/field' && <List.Item onClick={() => navigate('/field')}>{t('home.fieldWork')}</List.Item>}
        {me && staffHome === '/desk' && <List.Item onClick={() => window.location.assign('/desk')}>{t('home.desk')}</List.Item>}
        {me ? (
          <List.Item onClick={() => void session.logout()}>{t('common.signOut')}</List.Item>
        ) : (
          <List.Item>
            <Link href="/login">{t('common.signIn')}</Link>
          </List.Item>
        )}
      </List>
    </main>
  );
}
