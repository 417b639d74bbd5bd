import { useQueryClient } from '@tanstack/react-query';
import { Button, ErrorBlock, PullToRefresh, Skeleton } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { type CareFilter, useCampaigns, useCareFiles } from './care-queries.ts';
import { DueText } from './DueText.tsx';

const FILTERS: CareFilter[] = ['overdue', 'soon', 'all'];

/** The files I visit, the most urgent first (names masked: the file itself shows them), and the festival campaigns running. */
export default function CareListPage() {
  const { t, date } = useI18n();
  const [, navigate] = useLocation();
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaign') ?? undefined;
  const [filter, setFilter] = useState<CareFilter>('overdue');
  const files = useCareFiles(filter, campaignId);
  const campaigns = useCampaigns();
  const client = useQueryClient();
  const items = files.data?.pages.flatMap((page) => page.items) ?? [];
  const running = (campaigns.data ?? []).filter((c) => c.stage === 'running');
  const campaign = running.find((c) => c.id === campaignId);

  return (
    <main className="fq-page">
      <PageHeader
        title={campaign ? t('care.campaigns.pendingTitle', { name: campaign.name }) : t('care.title')}
        onBack={() => (campaignId ? setParams({}) : navigate('~/field'))}
      />
      <p className="fq-care-note">{t('care.sensitive')}</p>
      {!campaignId && running.length > 0 && (
        <section className="fq-care-campaigns" aria-label={t('care.campaigns.title')}>
          {running.map((c) => (
            <button key={c.id} type="button" className="fq-care-campaign" onClick={() => setParams({ campaign: c.id })}>
              <span className="fq-care-campaign-name">{c.name}</span>
              <span className="fq-care-campaign-meta">
                {t('care.campaigns.progress', { visited: c.progress.visited, targets: c.progress.targets })} ·{' '}
                {t('care.campaigns.until', { date: date(c.endsOn) })}
              </span>
              <span className="fq-care-bar" aria-hidden>
                <span style={{ width: `${Math.round((c.progress.rate ?? 0) * 100)}%` }} />
              </span>
            </button>
          ))}
        </section>
      )}
      {!campaignId && (
        <fieldset className="fq-care-filters">
          <legend className="fq-visually-hidden">{t('care.filters.label')}</legend>
          {FILTERS.map((key) => (
            <button key={key} type="button" aria-pressed={filter === key} onClick={() => setFilter(key)}>
              {t(`care.filters.${key}`)}
            </button>
          ))}
        </fieldset>
      )}
      <PullToRefresh onRefresh={() => client.invalidateQueries({ queryKey: ['care'] })}>
        {files.isPending ? (
          <Skeleton.Paragraph lineCount={8} animated className="fq-skeleton" />
        ) : files.isError ? (
          <ErrorBlock status="disconnected" title={errorMessage(t, files.error)} description="">
            <Button color="primary" onClick={() => void files.refetch()}>
              {t('common.retry')}
            </Button>
          </ErrorBlock>
        ) : items.length === 0 ? (
          <ErrorBlock status="empty" title={t('care.empty')} description={t('care.emptyHint')} />
        ) : (
          <ul className="fq-care-list" aria-label={t('care.title')}>
            {items.map((file) => (
              <li key={file.id}>
                <Link href={`/files/${file.id}`} className="fq-care-item">
                  <span className="fq-care-item-main">
                    <span className="fq-care-item-head">
                      <span className="fq-care-name">{file.name}</span>
                      {file.age !== null && <span className="fq-care-age">{t('care.age', { age: file.age })}</span>}
                      <span className={`fq-care-risk fq-care-risk-${file.riskLevel}`}>{t(`care.risk.${file.riskLevel}`)}</span>
                    </span>
                    <span className="fq-care-groups">{file.groups.map((g) => t(`care.group.${g}`)).join(' · ')}</span>
                    <span className="fq-care-place">
                      {file.buildingName} · <DueText status={file.dueStatus} date={file.nextDueDate} />
                    </span>
                  </span>
                  <RightOutline aria-hidden className="fq-care-arrow" />
                </Link>
              </li>
            ))}
          </ul>
        )}
        {files.hasNextPage && (
          <div className="fq-care-more">
            <Button size="small" loading={files.isFetchingNextPage} onClick={() => void files.fetchNextPage()}>
              {t('care.more')}
            </Button>
          </div>
        )}
      </PullToRefresh>
    </main>
  );
}
