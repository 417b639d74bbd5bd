import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, ErrorBlock, InfiniteScroll, PullToRefresh, Skeleton } from 'antd-mobile';
import type { ReactNode } from 'react';
import { api, query } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { CaseSummary, Page } from '../../shared/types.ts';
import { CaseCard } from './CaseCard.tsx';

const PAGE = 20;

interface Props {
  /** Filters of GET /api/cases. */
  filters: Record<string, string>;
  hrefOf: (item: CaseSummary) => string;
  empty: ReactNode;
  label: string;
  onRefresh?: () => Promise<unknown>;
}

/** A list of cases that pulls to refresh and loads the next page as it scrolls into view. */
export function CaseList({ filters, hrefOf, empty, label, onRefresh }: Props) {
  const { t } = useI18n();
  const list = useInfiniteQuery({
    queryKey: ['cases', filters],
    queryFn: ({ pageParam, signal }) =>
      api<Page<CaseSummary>>(`/api/cases${query({ ...filters, limit: PAGE, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  let body: ReactNode;
  if (list.isPending) body = <Skeleton.Paragraph lineCount={6} animated className="fq-skeleton" />;
  else if (list.isError)
    body = (
      <ErrorBlock status="disconnected" title={errorMessage(t, list.error)} description="">
        <Button color="primary" onClick={() => void list.refetch()}>
          {t('common.retry')}
        </Button>
      </ErrorBlock>
    );
  else if (items.length === 0) body = empty;
  else
    body = (
      <>
        <ul className="fq-case-list" aria-label={label}>
          {items.map((item) => (
            <li key={item.id}>
              <CaseCard item={item} href={hrefOf(item)} />
            </li>
          ))}
        </ul>
        <InfiniteScroll hasMore={list.hasNextPage} loadMore={() => list.fetchNextPage().then(() => undefined)} />
      </>
    );

  return (
    <PullToRefresh onRefresh={() => Promise.all([list.refetch(), onRefresh?.()]).then(() => undefined)}>{body}</PullToRefresh>
  );
}
