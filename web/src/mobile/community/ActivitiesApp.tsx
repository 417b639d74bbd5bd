import { Button, Dialog, ErrorBlock, Result, Tabs, Tag, Toast } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { useEffect, useRef, useState } from 'react';
import { Link, Redirect, Route, Switch, useLocation, useParams, useSearch } from 'wouter';
import { api } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { Activity, ActivitySummary, Checkin } from '../../shared/volunteer-types.ts';
import { PageHeader } from '../PageHeader.tsx';
import { Loading, QueryState } from '../QueryState.tsx';
import './messages.ts';
import { useActivities, useActivity, useRefresh } from './queries.ts';
import { SignInFirst } from './SignInFirst.tsx';

/** Activities and courses under /activities: what is on, signing up (or waiting), checking in by QR code. */
export default function ActivitiesApp() {
  return (
    <Switch>
      <Route path="/" component={ActivityList} />
      <Route path="/checkin/:sessionId" component={CheckinPage} />
      <Route path="/:id" component={ActivityPage} />
      <Route>
        <Redirect to="/" />
      </Route>
    </Switch>
  );
}

function ActivityList() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [tab, setTab] = useState<'street' | 'mine'>('street');
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('community.activities.title')} onBack={() => navigate('~/')} />
      <SignInFirst>
        <Tabs activeKey={tab} onChange={(key) => setTab(key as 'street' | 'mine')}>
          <Tabs.Tab key="street" title={t('community.activities.open')} />
          <Tabs.Tab key="mine" title={t('community.activities.mine')} />
        </Tabs>
        <Cards scope={tab} />
      </SignInFirst>
    </main>
  );
}

function Cards({ scope }: { scope: 'street' | 'mine' }) {
  const { t } = useI18n();
  const activities = useActivities(scope);
  return (
    <QueryState query={activities}>
      {(items) => {
        const shown = scope === 'street' ? items.filter((a) => a.state === 'published') : items;
        if (shown.length === 0) return <ErrorBlock status="empty" title={t('community.activities.none')} description="" />;
        return (
          <ul className="fq-cs-list">
            {shown.map((a) => (
              <li key={a.id} className="fq-card">
                <ActivityCard activity={a} showCancelled={scope === 'mine'} />
              </li>
            ))}
          </ul>
        );
      }}
    </QueryState>
  );
}

function ActivityCard({ activity: a, showCancelled }: { activity: ActivitySummary; showCancelled: boolean }) {
  const { t, dateTime } = useI18n();
  const left = Math.max(0, a.capacity - a.confirmed);
  return (
    <Link href={`/${a.id}`} className="fq-cs-link">
      <span className="fq-cs-row">
        <span className="fq-cs-name">{a.title}</span>
        <Tag color="primary" fill="outline">
          {t(`community.kind.${a.kind}`)}
        </Tag>
      </span>
      <span className="fq-cs-meta">
        {a.firstStartsAt ? dateTime(a.firstStartsAt) : ''}
        {a.sessions > 1 ? ` · ${t('community.activities.sessions', { n: a.sessions })}` : ''} · {a.place}
      </span>
      <span className="fq-cs-meta">
        {a.mySignup && (a.mySignup !== 'cancelled' || showCancelled)
          ? t(`community.signupStatus.${a.mySignup}`)
          : left > 0
            ? t('community.activities.left', { n: left, capacity: a.capacity })
            : t('community.activities.full', { n: a.waitlisted })}
      </span>
      <RightOutline aria-hidden className="fq-entry-arrow" />
    </Link>
  );
}

function ActivityPage() {
  const { t } = useI18n();
  const { id } = useParams<{ id: string }>();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('community.activities.one')} onBack={() => navigate('/')} />
      <SignInFirst>
        <ActivityView id={id} />
      </SignInFirst>
    </main>
  );
}

function ActivityView({ id }: { id: string }) {
  return <QueryState query={useActivity(id)}>{(activity) => <ActivityCards activity={activity} />}</QueryState>;
}

function ActivityCards({ activity: a }: { activity: Activity }) {
  const { t, dateTime } = useI18n();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const signup = a.signup && a.signup.status !== 'cancelled' ? a.signup : null;
  async function send(path: string, done: string) {
    setBusy(true);
    try {
      await api(`/api/activities/${a.id}/${path}`, { method: 'POST' });
      await refresh();
      Toast.show({ content: done });
    } catch (error) {
      Toast.show({ content: errorMessage(t, error) });
    } finally {
      setBusy(false);
    }
  }
  const rules = [
    a.eligibility.residentsOnly ? t('community.eligibility.residentsOnly', { area: a.nodeName }) : null,
    a.eligibility.minAge != null ? t('community.eligibility.minAge', { n: a.eligibility.minAge }) : null,
    a.eligibility.maxAge != null ? t('community.eligibility.maxAge', { n: a.eligibility.maxAge }) : null,
    a.eligibility.volunteersOnly ? t('community.eligibility.volunteersOnly') : null,
  ].filter(Boolean);
  return (
    <>
      <section className="fq-card">
        <div className="fq-cs-row">
          <h2 className="fq-card-title">{a.title}</h2>
          <Tag color="primary" fill="outline">
            {t(`community.kind.${a.kind}`)}
          </Tag>
        </div>
        <p className="fq-cs-meta">
          {a.nodeName} · {a.place}
        </p>
        {a.description && <p className="fq-body-text">{a.description}</p>}
        <p className="fq-cs-places" aria-live="polite">
          {t('community.activities.places', { confirmed: a.confirmed, capacity: a.capacity, waiting: a.waitlisted })}
        </p>
        {rules.length > 0 && <p className="fq-field-hint">{rules.join(' · ')}</p>}
      </section>
      <section className="fq-card" aria-live="polite">
        {signup?.status === 'confirmed' && (
          <p className="fq-cs-status fq-cs-ok">
            {signup.promoted ? t('community.activities.promoted') : t('community.activities.confirmed')}
          </p>
        )}
        {signup?.status === 'waitlisted' && (
          <p className="fq-cs-status fq-cs-wait">{t('community.activities.waiting', { n: signup.position ?? 1 })}</p>
        )}
        {a.state !== 'published' && <p className="fq-cs-status">{t(`community.activityState.${a.state}`)}</p>}
        {a.state === 'published' && !signup && (
          <Button
            block
            color="primary"
            size="large"
            loading={busy}
            onClick={() => send('signup', t('community.activities.signedUp'))}
          >
            {a.confirmed >= a.capacity ? t('community.activities.joinWaitlist') : t('community.activities.signUp')}
          </Button>
        )}
        {signup && a.state === 'published' && (
          <Button
            block
            fill="outline"
            loading={busy}
            onClick={async () => {
              if (
                await Dialog.confirm({
                  content: t('community.activities.cancelConfirm'),
                  confirmText: t('common.confirm'),
                  cancelText: t('common.cancel'),
                })
              )
                await send('signup/cancel', t('community.activities.cancelled'));
            }}
          >
            {t('community.activities.cancel')}
          </Button>
        )}
      </section>
      <section className="fq-card">
        <h2 className="fq-card-title">{t('community.activities.sessionList')}</h2>
        <ol className="fq-cs-sessions">
          {a.sessionList.map((s) => (
            <li key={s.id} className={s.cancelled ? 'fq-cs-cancelled' : undefined}>
              <span>{t('community.activities.session', { n: s.seq })}</span>
              <span className="fq-cs-meta">{dateTime(s.startsAt)}</span>
              {signup?.attendedSessionIds.includes(s.id) && <Tag color="success">{t('community.activities.attended')}</Tag>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** Where the QR code on the desk screen leads: checking in happens as the page opens. */
function CheckinPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('community.checkin.title')} onBack={() => navigate('/')} />
      <SignInFirst>
        <CheckinOnce />
      </SignInFirst>
    </main>
  );
}

function CheckinOnce() {
  const { t } = useI18n();
  const { sessionId } = useParams<{ sessionId: string }>();
  const code = new URLSearchParams(useSearch()).get('code') ?? '';
  const [, navigate] = useLocation();
  const refresh = useRefresh();
  const [state, setState] = useState<{ done?: Checkin; error?: unknown }>({});
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    api<Checkin>(`/api/activities/sessions/${sessionId}/checkin`, { body: { code } })
      .then(async (done) => {
        setState({ done });
        await refresh();
      })
      .catch((error: unknown) => setState({ error }));
  }, [sessionId, code, refresh]);
  if (state.error)
    return <Result status="error" title={t('community.checkin.failed')} description={errorMessage(t, state.error)} />;
  if (!state.done) return <Loading />;
  const done = state.done;
  return (
    <>
      <Result
        status="success"
        title={done.already ? t('community.checkin.already') : t('community.checkin.done')}
        description={`${done.title} · ${t('community.activities.session', { n: done.seq })}`}
      />
      {done.points > 0 && (
        <p className="fq-cs-earned">
          {t('community.checkin.points', { points: done.points, hours: Math.round(done.minutes / 6) / 10 })}
        </p>
      )}
      <div className="fq-card">
        <Button block color="primary" onClick={() => navigate('~/points')}>
          {t('community.checkin.toPoints')}
        </Button>
        <Button block fill="none" className="fq-gap-top" onClick={() => navigate(`/${done.activityId}`)}>
          {t('community.checkin.toActivity')}
        </Button>
      </div>
    </>
  );
}
