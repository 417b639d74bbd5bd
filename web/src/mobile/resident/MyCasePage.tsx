import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { CaseDetail } from '../../shared/types.ts';
import { CasePhotos, splitPhotos } from '../case/CasePhotos.tsx';
import { RatingForm } from '../case/RatingForm.tsx';
import { Timeline } from '../case/Timeline.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { QueryState } from '../QueryState.tsx';
import { CaseProgress } from './CaseProgress.tsx';
import './messages.ts';

/** One of my reports: where it stands, by when, the result, and the rating when it is mine to give. */
export default function MyCasePage() {
  const { t, pick } = useI18n();
  const [, navigate] = useLocation();
  const { id } = useParams<{ id: string }>();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['case', id], queryFn: () => api<CaseDetail>(`/api/cases/${id}`) });

  const content = (
    <QueryState query={detail}>
      {(c) => {
        const { before, after } = splitPhotos(c);
        return (
          <>
            <CaseProgress
              title={c.title}
              state={c.state}
              number={c.number}
              category={pick(c.category)}
              place={c.buildingName ?? c.address}
              createdAt={c.createdAt}
              dueDate={c.deadline.dueDate}
              overdue={c.deadline.status === 'overdue'}
              resolution={c.resolution}
              rating={c.rating}
              ratingComment={c.ratingComment}
              mergedInto={c.mergedInto?.number}
              rejectReason={c.rejectReason}
            />
            {c.allowedActions.includes('rate') && (
              <RatingForm
                onRate={async (rating, comment) => {
                  await api(`/api/cases/${c.id}/rate`, {
                    body: { rating, expectedVersion: c.version, ...(comment ? { comment } : {}) },
                  });
                  await client.invalidateQueries({ queryKey: ['case', id] });
                  await client.invalidateQueries({ queryKey: ['cases'] });
                }}
              />
            )}
            <CasePhotos photos={after} title={t('caseView.detail.afterPhotos')} />
            <section className="fq-card">
              <h2 className="fq-card-title">{t('caseView.detail.description')}</h2>
              <p className="fq-body-text">{c.description}</p>
            </section>
            <CasePhotos photos={before} title={t('caseView.detail.photos')} />
            <section className="fq-card">
              <h2 className="fq-card-title">{t('caseView.timeline')}</h2>
              <Timeline entries={c.timeline} audience="reporter" />
            </section>
          </>
        );
      }}
    </QueryState>
  );
  return (
    <main className="fq-page">
      <PageHeader title={t('resident.case.title')} onBack={() => navigate('/my')} />
      {content}
    </main>
  );
}
