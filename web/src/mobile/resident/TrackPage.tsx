import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import { useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { ApiError, api } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { PublicCase } from '../../shared/types.ts';
import { RatingForm } from '../case/RatingForm.tsx';
import { Timeline } from '../case/Timeline.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { CaseProgress } from './CaseProgress.tsx';
import './messages.ts';

/** Follow a report by its tracking code, without an account, and rate it when it is done. */
export default function TrackPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const { code } = useParams<{ code?: string }>();
  return (
    <main className="fq-page">
      <PageHeader title={t('resident.track.title')} onBack={() => navigate('/')} />
      {code ? <TrackedCase code={decodeURIComponent(code)} /> : <CodeForm />}
    </main>
  );
}

function CodeForm() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [code, setCode] = useState('');
  return (
    <form
      className="fq-card"
      onSubmit={(event) => {
        event.preventDefault();
        if (code.trim()) navigate(`/track/${encodeURIComponent(code.trim())}`);
      }}
    >
      <label htmlFor="track-code-input" className="fq-legend">
        {t('resident.track.label')}
      </label>
      <input
        id="track-code-input"
        className="fq-input fq-code-input"
        value={code}
        autoCapitalize="characters"
        autoComplete="off"
        placeholder={t('home.trackPlaceholder')}
        onChange={(event) => setCode(event.target.value)}
      />
      <Button block color="primary" type="submit" className="fq-gap-top">
        {t('common.search')}
      </Button>
    </form>
  );
}

function TrackedCase({ code }: { code: string }) {
  const { t, pick } = useI18n();
  const client = useQueryClient();
  const key = ['public-case', code];
  const tracked = useQuery({ queryKey: key, queryFn: () => api<PublicCase>(`/api/public/cases/${encodeURIComponent(code)}`) });

  if (tracked.isPending) {
    return (
      <div className="fq-center">
        <DotLoading color="primary" />
      </div>
    );
  }
  if (tracked.isError) {
    const notFound = tracked.error instanceof ApiError && tracked.error.status === 404;
    return (
      <ErrorBlock
        status={notFound ? 'empty' : 'disconnected'}
        title={notFound ? t('resident.track.notFound') : errorMessage(t, tracked.error)}
        description={notFound ? t('resident.track.notFoundHint', { code }) : ''}
      >
        {!notFound && (
          <Button color="primary" onClick={() => void tracked.refetch()}>
            {t('common.retry')}
          </Button>
        )}
      </ErrorBlock>
    );
  }
  const c = tracked.data;
  return (
    <>
      <CaseProgress
        title={c.title}
        state={c.state}
        number={c.number}
        category={pick(c.category)}
        createdAt={c.createdAt}
        dueDate={c.dueDate}
        resolution={c.resolution}
        rating={c.rating}
        mergedInto={c.mergedInto}
      />
      {c.canRate && (
        <RatingForm
          onRate={async (rating, comment) => {
            const rated = await api<PublicCase>(`/api/public/cases/${encodeURIComponent(code)}/rate`, {
              body: { rating, ...(comment ? { comment } : {}) },
            });
            client.setQueryData(key, rated);
          }}
        />
      )}
      <section className="fq-card">
        <h2 className="fq-card-title">{t('caseView.timeline')}</h2>
        <Timeline entries={c.timeline} audience="reporter" />
      </section>
    </>
  );
}
