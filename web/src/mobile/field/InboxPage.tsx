import { useQueries, useQueryClient } from '@tanstack/react-query';
import { ErrorBlock } from 'antd-mobile';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { api, query } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import { CaseList } from '../case/CaseList.tsx';
import { PageHeader } from '../PageHeader.tsx';
import './messages.ts';

type Filter = 'all' | 'overdue' | 'warning' | 'reported';
const FILTERS: Record<Filter, Record<string, string>> = {
  all: {},
  overdue: { deadline: 'overdue' },
  warning: { deadline: 'warning' },
  reported: { state: 'reported' },
};

/** How many cases wait in each filter, from the counts endpoint (one call per deadline mark). */
function useInboxCounts(enabled: boolean): Partial<Record<Filter, number>> {
  const counts = useQueries({
    queries: (['all', 'overdue', 'warning'] as const).map((filter) => ({
      enabled,
      queryKey: ['cases', 'counts', filter],
      queryFn: () =>
        api<{ counts: Record<string, number>; total: number }>(
          `/api/cases/counts${query({ mine: 'inbox', ...FILTERS[filter] })}`,
        ),
    })),
  });
  const [all, overdue, warning] = counts.map((c) => c.data);
  return { all: all?.total, overdue: overdue?.total, warning: warning?.total, reported: all?.counts.reported ?? 0 };
}

/**
 * What waits for me in my grid, the most urgent deadline first. A patrol volunteer, who handles
 * nothing, sees the findings they reported instead.
 */
export default function InboxPage() {
  const { t, number } = useI18n();
  const [, navigate] = useLocation();
  const { data: me } = useMe();
  const [filter, setFilter] = useState<Filter>('all');
  const client = useQueryClient();
  const handles = hasPermission(me, 'cases.accept');
  const counts = useInboxCounts(handles);
  const place = me?.roles.find((role) => role.role === 'grid_worker' || role.role === 'patrol_volunteer')?.scopeName;

  return (
    <main className="fq-page">
      <PageHeader title={handles ? t('field.inbox.title') : t('field.inbox.findings')} onBack={() => navigate('~/')} />
      {place && <p className="fq-subtitle">{place}</p>}
      {handles && (
        <fieldset className="fq-filters">
          <legend className="fq-visually-hidden">{t('field.inbox.filter')}</legend>
          {(Object.keys(FILTERS) as Filter[]).map((key) => (
            <button
              key={key}
              type="button"
              className={`fq-filter fq-filter-${key}`}
              aria-pressed={filter === key}
              onClick={() => setFilter(key)}
            >
              <span className="fq-filter-count">{counts[key] === undefined ? '–' : number(counts[key])}</span>
              <span className="fq-filter-label">{t(`field.inbox.filters.${key}`)}</span>
            </button>
          ))}
        </fieldset>
      )}
      <CaseList
        filters={handles ? { mine: 'inbox', sort: 'deadline', ...FILTERS[filter] } : { mine: 'reported', sort: 'newest' }}
        hrefOf={(item) => `/cases/${item.id}`}
        label={handles ? t('field.inbox.title') : t('field.inbox.findings')}
        onRefresh={() => client.invalidateQueries({ queryKey: ['cases', 'counts'] })}
        empty={<ErrorBlock status="empty" title={t('field.inbox.empty')} description={t('field.inbox.emptyHint')} />}
      />
    </main>
  );
}
