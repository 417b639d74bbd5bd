import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useLocation, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { CaseDetail } from '../../shared/types.ts';
import { CasePhotos, splitPhotos } from '../case/CasePhotos.tsx';
import { DeadlineTag, StateTag } from '../case/CaseTags.tsx';
import { RatingShown } from '../case/RatingForm.tsx';
import { Timeline } from '../case/Timeline.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { QueryState } from '../QueryState.tsx';
import { CaseActions } from './CaseActions.tsx';
import { GridSketch } from './GridSketch.tsx';
import './messages.ts';

/** Everything a grid worker needs on the spot: what, where, who reported, by when, what happened, what to do next. */
export default function CaseDetailPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const { id } = useParams<{ id: string }>();
  const detail = useQuery({ queryKey: ['case', id], queryFn: () => api<CaseDetail>(`/api/cases/${id}`) });

  const content = <QueryState query={detail}>{(c) => <CaseBody c={c} />}</QueryState>;
  return (
    <main className="fq-page fq-with-actions">
      <PageHeader title={detail.data?.number ?? t('field.detail.title')} onBack={() => navigate('/')} />
      {content}
      {detail.data && <CaseActions c={detail.data} />}
    </main>
  );
}

function CaseBody({ c }: { c: CaseDetail }) {
  const { t, pick, dateTime, date } = useI18n();
  const { before, after } = splitPhotos(c);
  const { phone } = c.reporter;
  // An unmasked number is there to be called back: one tap dials it.
  const reporter: ReactNode = c.reporter.anonymous ? (
    t('field.detail.anonymous')
  ) : (
    <>
      {c.reporter.name ?? t('common.none')}
      {phone && ' · '}
      {phone && (c.reporter.masked ? phone : <a href={`tel:${phone}`}>{phone}</a>)}
    </>
  );
  const facts: [string, ReactNode][] = [
    [t('caseView.detail.category'), pick(c.category)],
    [t('field.detail.source'), t(`case.source.${c.source}`)],
    [t('caseView.detail.place'), [c.buildingName ?? c.address, c.gridName].filter(Boolean).join(' · ')],
    [t('field.detail.reporter'), reporter],
    [t('caseView.detail.reportedAt'), dateTime(c.createdAt)],
    ...(c.deadline.dueDate ? [[t('caseView.detail.deadline'), date(c.deadline.dueDate)] as [string, ReactNode]] : []),
    ...(c.priority !== 'normal' ? [[t('field.detail.priority'), t(`case.priority.${c.priority}`)] as [string, ReactNode]] : []),
  ];
  return (
    <>
      <section className="fq-card fq-case-hero">
        <div className="fq-case-head">
          <h2 className="fq-case-hero-title">{c.title}</h2>
          <StateTag state={c.state} />
        </div>
        <div className="fq-tags-row">
          <DeadlineTag deadline={c.deadline} />
          {c.urgeCount > 0 && <span className="fq-urged">{t('field.detail.urged', { n: c.urgeCount })}</span>}
        </div>
        <dl className="fq-facts">
          {facts.map(([label, value]) => (
            <div key={label} className="fq-fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="fq-card">
        <h2 className="fq-card-title">{t('caseView.detail.description')}</h2>
        <p className="fq-body-text">{c.description}</p>
      </section>
      <CasePhotos photos={before} title={t('caseView.detail.photos')} />
      {c.gridId && (
        <section className="fq-card">
          <h2 className="fq-card-title">{t('field.map.title')}</h2>
          <GridSketch gridId={c.gridId} lon={c.lon} lat={c.lat} />
        </section>
      )}
      {c.resolution && (
        <section className="fq-card">
          <h2 className="fq-card-title">{t('caseView.detail.result')}</h2>
          <p className="fq-body-text">{c.resolution}</p>
          {c.rating !== null && <RatingShown rating={c.rating} comment={c.ratingComment} />}
        </section>
      )}
      <CasePhotos photos={after} title={t('caseView.detail.afterPhotos')} />
      <section className="fq-card">
        <h2 className="fq-card-title">{t('caseView.timeline')}</h2>
        <Timeline entries={c.timeline} audience="staff" />
      </section>
    </>
  );
}
