import { Button, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import { REQUEST_STATES, type ServiceRequestSummary } from '../../shared/volunteer-types.ts';
import { useRequests } from '../community/community-data.ts';
import { MenuTab } from '../community/MenuTab.tsx';
import '../community/messages.ts';
import { DEADLINE_COLOR, RequestDrawer } from '../community/RequestDrawer.tsx';

const TABS = ['requests', 'menu'] as const;
type Tab = (typeof TABS)[number];

/** Service requests of the reader's area, matched to volunteers and followed to their rating; the service menu. */
export default function ServiceRequestsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const active = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'requests';
  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskCommunity.requests.title')}</Typography.Title>
      </div>
      <Tabs
        activeKey={active}
        onChange={(tab) => setParams({ tab })}
        items={[
          { key: 'requests', label: t('deskCommunity.requests.tabs.requests'), children: <Requests /> },
          { key: 'menu', label: t('deskCommunity.requests.tabs.menu'), children: <MenuTab /> },
        ]}
      />
    </div>
  );
}

function Requests() {
  const { t, pick, date } = useI18n();
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const [open, setOpen] = useState<string | null>(null);
  const requests = useRequests(filters);
  const rows = requests.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <Space className="fq-toolbar" wrap>
        <Select
          allowClear
          aria-label={t('deskCommunity.requests.state')}
          placeholder={t('deskCommunity.requests.state')}
          style={{ width: 160 }}
          value={filters.state}
          onChange={(state) => setFilters((current) => ({ ...current, state }))}
          options={REQUEST_STATES.map((value) => ({ value, label: t(`deskCommunity.requestState.${value}`) }))}
        />
        <Select
          allowClear
          aria-label={t('deskCommunity.requests.overdue')}
          placeholder={t('deskCommunity.requests.overdue')}
          style={{ width: 140 }}
          value={filters.overdue}
          onChange={(overdue) => setFilters((current) => ({ ...current, overdue }))}
          options={[{ value: 'true', label: t('deskCommunity.deadline.overdue') }]}
        />
      </Space>
      <Table<ServiceRequestSummary>
        rowKey="id"
        size="middle"
        loading={requests.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('deskCommunity.requests.none') }}
        onRow={(row) => ({ onClick: () => setOpen(row.id), className: 'fq-clickable' })}
        columns={[
          { key: 'number', title: t('deskCommunity.requests.number'), dataIndex: 'number' },
          {
            key: 'item',
            title: t('deskCommunity.requests.item'),
            render: (_, r) => pick({ nameZh: r.itemNameZh, nameEn: r.itemNameEn }),
          },
          { key: 'requester', title: t('deskCommunity.requests.requester'), dataIndex: 'requester' },
          { key: 'where', title: t('deskCommunity.requests.where'), dataIndex: 'nodeName' },
          { key: 'volunteer', title: t('deskCommunity.requests.volunteer'), render: (_, r) => r.volunteer?.name ?? '—' },
          {
            key: 'state',
            title: t('deskCommunity.requests.state'),
            render: (_, r) => <Tag>{t(`deskCommunity.requestState.${r.state}`)}</Tag>,
          },
          {
            key: 'due',
            title: t('deskCommunity.requests.due'),
            render: (_, r) => (
              <Space size={4}>
                {date(r.dueDate)}
                <Tag color={DEADLINE_COLOR[r.deadline]}>{t(`deskCommunity.deadline.${r.deadline}`)}</Tag>
              </Space>
            ),
          },
          { key: 'rating', title: t('deskCommunity.requests.rating'), render: (_, r) => (r.rating ? '★'.repeat(r.rating) : '') },
        ]}
      />
      {requests.hasNextPage && (
        <Button className="fq-more" onClick={() => requests.fetchNextPage()} loading={requests.isFetchingNextPage}>
          {t('deskCommunity.more')}
        </Button>
      )}
      {open && <RequestDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}
