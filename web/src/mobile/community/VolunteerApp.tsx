import { Tag } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import type { VolunteerProfile } from '../../shared/volunteer-types.ts';
import { PageHeader } from '../PageHeader.tsx';
import { QueryState } from '../QueryState.tsx';
import { Figures, hours } from './Figures.tsx';
import './messages.ts';
import { useMyRequests, useProfile } from './queries.ts';
import { RegisterForm } from './RegisterForm.tsx';
import { RequestList } from './RequestList.tsx';
import { SignInFirst } from './SignInFirst.tsx';

/** Volunteering under /volunteer: my registration and profile, and the requests I am matched to. */
export default function VolunteerApp() {
  return (
    <Switch>
      <Route path="/" component={Hub} />
      <Route path="/tasks" component={Tasks} />
      <Route>
        <Redirect to="/" />
      </Route>
    </Switch>
  );
}

function Hub() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('community.volunteer.title')} onBack={() => navigate('~/')} />
      <SignInFirst>
        <Profile />
      </SignInFirst>
    </main>
  );
}

function Profile() {
  const profile = useProfile();
  return <QueryState query={profile}>{(data) => <ProfileCards profile={data} />}</QueryState>;
}

function ProfileCards({ profile }: { profile: VolunteerProfile }) {
  const { t, date } = useI18n();
  const v = profile.volunteer;
  const figures = (
    <Figures
      items={[
        { label: t('community.volunteer.hours'), value: hours(profile.volunteerMinutes) },
        { label: t('community.volunteer.points'), value: profile.points },
        { label: t('community.volunteer.services'), value: profile.services },
        { label: t('community.volunteer.attended'), value: profile.attended },
      ]}
    />
  );
  if (!v || v.status === 'declined' || v.status === 'left') {
    return (
      <>
        {v?.status === 'declined' && (
          <p className="fq-notice" role="status">
            {t('community.volunteer.declined', { reason: v.declineReason ?? '' })}
          </p>
        )}
        <RegisterForm />
        <section className="fq-card">{figures}</section>
        <Entries approved={false} />
      </>
    );
  }
  return (
    <>
      <section className="fq-card fq-cs-profile" aria-labelledby="fq-cs-me">
        <div className="fq-cs-row">
          <h2 id="fq-cs-me" className="fq-card-title">
            {v.name}
          </h2>
          <Tag color={v.status === 'approved' ? 'success' : 'warning'}>{t(`community.volunteerStatus.${v.status}`)}</Tag>
        </div>
        <p className="fq-cs-meta">
          {[v.communityName, v.gridName, v.teamName ?? v.patrolPartner?.teamName].filter(Boolean).join(' · ')}
        </p>
        {v.status === 'applied' && (
          <p className="fq-field-hint">{t('community.volunteer.waiting', { date: date(v.appliedAt) })}</p>
        )}
        {v.patrolPartner && <p className="fq-cs-badge">{t('community.volunteer.partner')}</p>}
        <ul className="fq-cs-chips" aria-label={t('community.register.skills')}>
          {v.skills.map((skill) => (
            <li key={skill}>{t(`community.skill.${skill}`)}</li>
          ))}
        </ul>
        {figures}
      </section>
      <Entries approved={v.status === 'approved'} />
    </>
  );
}

/** Where a volunteer (or a resident) goes next. */
function Entries({ approved }: { approved: boolean }) {
  const { t } = useI18n();
  const links = [
    { href: '~/activities', title: t('community.activities.title'), hint: t('community.activities.hint') },
    { href: '~/services', title: t('community.services.title'), hint: t('community.services.hint') },
    { href: '~/points', title: t('community.points.title'), hint: t('community.points.hint') },
    ...(approved ? [{ href: '/tasks', title: t('community.tasks.title'), hint: t('community.tasks.hint') }] : []),
  ];
  return (
    <nav className="fq-cs-entries" aria-label={t('community.volunteer.more')}>
      {links.map((link) => (
        <Link key={link.href} href={link.href} className="fq-entry">
          <span className="fq-entry-text">
            <span className="fq-entry-title">{link.title}</span>
            <span className="fq-hint-inline">{link.hint}</span>
          </span>
          <RightOutline aria-hidden className="fq-entry-arrow" />
        </Link>
      ))}
    </nav>
  );
}

function Tasks() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('community.tasks.title')} onBack={() => navigate('/')} />
      <SignInFirst>
        <TaskList />
      </SignInFirst>
    </main>
  );
}

function TaskList() {
  const { t } = useI18n();
  const requests = useMyRequests('volunteer');
  return <QueryState query={requests}>{(items) => <RequestList items={items} empty={t('community.tasks.empty')} />}</QueryState>;
}
