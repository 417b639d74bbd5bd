import { SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import type { CaseSummary } from '../../shared/types.ts';
import { BulkDispatch } from '../cases/BulkDispatch.tsx';
import { CaseFilterBar } from '../cases/CaseFilterBar.tsx';
import { useCaseColumns } from '../cases/case-columns.tsx';
import { useCaseCounts, useCaseList } from '../cases/case-data.ts';
import { ExportButton } from '../cases/ExportButton.tsx';
import { SavedViews } from '../cases/SavedViews.tsx';
import { StateTabs } from '../cases/StateTabs.tsx';
import { useCaseFilters } from '../cases/use-case-filters.ts';
import '../cases/messages.ts';

/** The case table: every inbox filter, counts per state, saved views, bulk dispatch and export. */
export default function CasesPage() {
  const { t, number } = useI18n();
  const { data: me } = useMe();
  const [filters, setFilters] = useCaseFilters();
  const list = useCaseList(filters);
  const counts = useCaseCounts(filters).data;
  // The counts leave the state filter out (their chips choose it): add up the chosen states.
  const total = filters.state ? filters.state.reduce((sum, state) => sum + (counts?.counts[state] ?? 0), 0) : counts?.total;
  const [selected, setSelected] = useState<CaseSummary[]>([]);
  const [dispatching, setDispatching] = useState(false);
  const columns = useCaseColumns(['number', 'title', 'state', 'tier', 'grid', 'deadline', 'assignee', 'created']);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canAssign = hasPermission(me, 'cases.assign');

  const applyFilters = (next: typeof filters) => {
    setSelected([]);
    setFilters(next);
  };

  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskCases.title')}</Typography.Title>
        <Space>
          <SavedViews filters={filters} onApply={applyFilters} />
          <ExportButton filters={filters} />
        </Space>
      </div>
      <Card variant="borderless" className="fq-card">
        <CaseFilterBar filters={filters} onChange={applyFilters} />
        <StateTabs filters={filters} onChange={applyFilters} />
        {canAssign && (
          <div className="fq-bulk-bar">
            <Typography.Text type={selected.length ? undefined : 'secondary'}>
              {selected.length ? t('deskCases.bulk.selected', { count: selected.length }) : t('deskCases.bulk.selectHint')}
            </Typography.Text>
            <Button type="primary" icon={<SendOutlined />} disabled={!selected.length} onClick={() => setDispatching(true)}>
              {t('deskCases.bulk.button')}
            </Button>
          </div>
        )}
        {list.error && <Alert type="error" showIcon title={errorMessage(t, list.error)} className="fq-gap" />}
        <Table<CaseSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={list.isFetching && !list.isFetchingNextPage}
          pagination={false}
          tableLayout="fixed"
          rowSelection={
            canAssign
              ? { selectedRowKeys: selected.map((c) => c.id), onChange: (_, rows) => setSelected(rows), columnWidth: 40 }
              : undefined
          }
          rowClassName={(item) => (item.deadline.status === 'overdue' ? 'fq-row-overdue' : '')}
          locale={{ emptyText: t('deskCases.empty') }}
        />
        <div className="fq-load-more">
          <Typography.Text type="secondary">
            {total === undefined
              ? t('deskCases.shown', { count: number(items.length) })
              : t('deskCases.shownOf', { count: number(items.length), total: number(total) })}
          </Typography.Text>
          {list.hasNextPage && (
            <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('deskCases.loadMore')}
            </Button>
          )}
        </div>
      </Card>
      <BulkDispatch
        cases={selected}
        open={dispatching}
        onClose={(dispatched) => {
          setDispatching(false);
          if (dispatched) setSelected([]);
        }}
      />
    </div>
  );
}
