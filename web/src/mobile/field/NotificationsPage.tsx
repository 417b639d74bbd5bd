import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ErrorBlock, InfiniteScroll, PullToRefresh, Skeleton } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { api, query } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { Page } from '../../shared/types.ts';
import { PageHeader } from '../PageHeader.tsx';
import type { AppNotification } from '../types.ts';
import './messages.ts';

const KNOWN = new Set([
  'case.new',
  'case.assigned',
  'case.deadline_warning',
  'case.overdue',
  'case.response_overdue',
  'case.urged',
  'case.resolved',
  'case.rated',
  'case.returned',
  'case.escalated',
  'case.rejected',
  'case.merged',
  'case.rating_requested',
  'care.visit_missed',
]);
const ALARMING = new Set(['case.overdue', 'case.response_overdue', 'case.urged', 'case.returned', 'care.visit_missed']);

/** What the system told me: new cases, deadlines, urging, ratings, missed care visits. A tap opens the case (or care file) and marks it read. */
export default function NotificationsPage() {
  const { t, dateTime, date } = useI18n();
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'list'],
    queryFn: ({ pageParam }) =>
      api<Page<AppNotification> & { unread: number }>(`/api/notifications${query({ limit: 30, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });

  async function open(notification: AppNotification) {
    if (!notification.readAt)
      await api(`/api/notifications/${notification.id}/read`, { method: 'POST' }).then(refresh, () => undefined);
    if (notification.caseId) navigate(`/cases/${notification.caseId}`);
    else if (notification.kind === 'care.visit_missed') navigate(`~/care/files/${notification.data.fileId}`);
  }

  let body: ReactNode;
  if (list.isPending) body = <Skeleton.Paragraph lineCount={8} animated className="fq-skeleton" />;
  else if (list.isError)
    body = (
      <ErrorBlock status="disconnected" title={errorMessage(t, list.error)} description="">
        <Button color="primary" onClick={() => void list.refetch()}>
          {t('common.retry')}
        </Button>
      </ErrorBlock>
    );
  else if (items.length === 0) body = <ErrorBlock status="empty" title={t('field.notices.empty')} description="" />;
  else
    body = (
      <>
        <ul className="fq-notices" aria-label={t('field.notices.title')}>
          {items.map((n) => (
            <li key={n.id}>
              <button type="button" className={`fq-notice-item${n.readAt ? '' : ' fq-unread'}`} onClick={() => void open(n)}>
                <span className={`fq-notice-dot${ALARMING.has(n.kind) ? ' fq-alarm' : ''}`} aria-hidden />
                <span className="fq-notice-text">
                  <span className="fq-notice-title">
                    {t(`field.notices.kinds.${KNOWN.has(n.kind) ? n.kind.slice(5) : 'other'}`, {
                      number: n.data.number ?? '',
                      rating: n.data.rating ?? '',
                      name: n.data.name ?? '',
                      dueDate: date(n.data.dueDate),
                    })}
                    {!n.readAt && <span className="fq-visually-hidden">{t('field.notices.unreadMark')}</span>}
                  </span>
                  {n.data.title && <span className="fq-notice-case">{n.data.title}</span>}
                  <time className="fq-notice-time" dateTime={n.createdAt}>
                    {dateTime(n.createdAt)}
                  </time>
                </span>
              </button>
            </li>
          ))}
        </ul>
        <InfiniteScroll hasMore={list.hasNextPage} loadMore={() => list.fetchNextPage().then(() => undefined)} />
      </>
    );

  return (
    <main className="fq-page">
      <PageHeader
        title={t('field.notices.title')}
        onBack={() => navigate('/')}
        right={
          unread > 0 && (
            <button
              type="button"
              className="fq-bar-link"
              onClick={() => void api('/api/notifications/read-all', { method: 'POST' }).then(refresh)}
            >
              {t('field.notices.readAll')}
            </button>
          )
        }
      />
      <PullToRefresh onRefresh={() => list.refetch().then(() => undefined)}>{body}</PullToRefresh>
    </main>
  );
}
