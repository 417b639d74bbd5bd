import type { UseQueryResult } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import type { ReactNode } from 'react';
import { errorMessage, useI18n } from '../shared/i18n.tsx';

export function Loading() {
  return (
    <div className="fq-center">
      <DotLoading color="primary" />
    </div>
  );
}

/** While a query loads: a spinner; when it failed: why, with a retry; once loaded: the content. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <ErrorBlock status="disconnected" title={errorMessage(t, query.error)} description="">
        <Button color="primary" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      </ErrorBlock>
    );
  }
  return <>{children(query.data)}</>;
}
