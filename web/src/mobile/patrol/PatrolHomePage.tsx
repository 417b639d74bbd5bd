import { Button, Tag } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { Link, useLocation } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import type { PatrolPartner, PatrolPlan } from '../../shared/patrol-types.ts';
import { PageHeader } from '../PageHeader.tsx';
import { QueryState } from '../QueryState.tsx';
import { ApplyForm } from './ApplyForm.tsx';
import { useHazardsToReinspect, useMyPlans, usePartnerMe } from './patrol-queries.ts';
import { SyncStatus } from './SyncStatus.tsx';

/** A Ping An Partner's start: the application and its status, or today's plans and what waits. */
export default function PatrolHomePage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const partner = usePartnerMe();
  return (
    <main className="fq-page fq-patrol">
      <PageHeader title={t('patrol.title')} onBack={() => navigate('~/')} />
      <SyncStatus />
      <QueryState query={partner}>{(found) => <PartnerHome partner={found} />}</QueryState>
    </main>
  );
}

function PartnerHome({ partner }: { partner: PatrolPartner | null }) {
  const { t, date } = useI18n();
  if (!partner || partner.status === 'left') return <ApplyForm />;
  if (partner.status === 'applied') {
    return (
      <section className="fq-card" data-testid="partner-status">
        <h2 className="fq-card-title">{t('patrol.status.applied')}</h2>
        <p className="fq-body-text">
          {t('patrol.status.appliedText', { community: partner.communityName, date: date(partner.appliedAt) })}
        </p>
      </section>
    );
  }
  if (partner.status === 'declined') {
    return (
      <>
        <section className="fq-card" data-testid="partner-status">
          <h2 className="fq-card-title">{t('patrol.status.declined')}</h2>
          <p className="fq-body-text">{partner.declineReason}</p>
        </section>
        <ApplyForm />
      </>
    );
  }
  return <ApprovedHome partner={partner} />;
}

function ApprovedHome({ partner }: { partner: PatrolPartner }) {
  const { t, number } = useI18n();
  const plans = useMyPlans();
  const reinspect = useHazardsToReinspect(true);
  return (
    <>
      <section className="fq-card fq-partner" data-testid="partner-status">
        <h2 className="fq-card-title">
          {t('patrol.status.approved')} <Tag color="success">{partner.teamName ?? t('patrol.status.noTeam')}</Tag>
        </h2>
        <p className="fq-body-text">{partner.communityName}</p>
        <dl className="fq-partner-figures">
          {(['runs', 'checkins', 'findings'] as const).map((key) => (
            <div key={key}>
              <dt>{t(`patrol.activity.${key}`)}</dt>
              <dd>{number(partner.activity[key])}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="fq-section" aria-labelledby="fq-plans-title">
        <h2 id="fq-plans-title" className="fq-label">
          {t('patrol.plans.title')}
        </h2>
        <QueryState query={plans}>
          {(items) =>
            items.length === 0 ? (
              <p className="fq-hint">{t('patrol.plans.none')}</p>
            ) : (
              <ul className="fq-plan-list">
                {items.map((plan) => (
                  <PlanCard key={plan.id} plan={plan} />
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      {(reinspect.data?.length ?? 0) > 0 && (
        <section className="fq-section" aria-labelledby="fq-reinspect-title">
          <h2 id="fq-reinspect-title" className="fq-label">
            {t('patrol.reinspect.listTitle')}
          </h2>
          <ul className="fq-link-list">
            {reinspect.data?.map((hazard) => (
              <li key={hazard.caseId}>
                <Link href={`/hazards/${hazard.caseId}`} className="fq-link-row">
                  <span>
                    <span className="fq-link-title">{hazard.title}</span>
                    <span className="fq-hint-inline">
                      {hazard.number} · {hazard.categoryName}
                    </span>
                  </span>
                  <RightOutline aria-hidden />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <nav className="fq-section">
        <Link href="/findings" className="fq-link-row fq-link-card">
          <span className="fq-link-title">{t('patrol.findings.title')}</span>
          <RightOutline aria-hidden />
        </Link>
      </nav>
    </>
  );
}

function PlanCard({ plan }: { plan: PatrolPlan }) {
  const { t, number } = useI18n();
  const [, navigate] = useLocation();
  const state = plan.doneToday ? 'done' : plan.dueToday ? 'due' : 'notToday';
  return (
    <li className="fq-plan">
      <div className="fq-plan-head">
        <h3>{plan.name}</h3>
        <Tag color={state === 'done' ? 'success' : state === 'due' ? 'warning' : 'default'}>{t(`patrol.plans.${state}`)}</Tag>
      </div>
      <p className="fq-hint-inline">
        {t(`patrol.frequency.${plan.frequency}`)} · {t('patrol.plans.points', { n: number(plan.points.length) })}
        {plan.joint && ` · ${t('patrol.plans.joint')}`}
      </p>
      {plan.missedDates.length > 0 && (
        <p className="fq-plan-missed">{t('patrol.plans.missed', { n: number(plan.missedDates.length) })}</p>
      )}
      <Button block color={state === 'due' ? 'primary' : 'default'} onClick={() => navigate(`/run/${plan.id}`)}>
        {t('patrol.plans.start')}
      </Button>
    </li>
  );
}
