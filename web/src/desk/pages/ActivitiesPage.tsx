import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import { ACTIVITY_KINDS, ACTIVITY_STATES, type ActivitySummary } from '../../shared/volunteer-types.ts';
import { ActivityDialog } from '../community/ActivityDialog.tsx';
import { useActivities } from '../community/community-data.ts';
import '../community/messages.ts';

export const STATE_COLOR = { draft: 'default', published: 'green', cancelled: 'red', finished: 'blue' } as const;

/** Activities and courses the reader's area runs: places taken and waiting, sessions, state. */
export default function ActivitiesPage() {
  const { t, dateTime } = useI18n();
  const { data: me } = useMe();
  const [, navigate] = useLocation();
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const [adding, setAdding] = useState(false);
  const activities = useActivities(filters);
  const rows = activities.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskCommunity.activities.title')}</Typography.Title>
        {hasPermission(me, 'activities.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('deskCommunity.activities.add')}
          </Button>
        )}
      </div>
      <Space className="fq-toolbar" wrap>
        <Select
          allowClear
          aria-label={t('deskCommunity.activities.kind')}
          placeholder={t('deskCommunity.activities.kind')}
          style={{ width: 140 }}
          value={filters.kind}
          onChange={(kind) => setFilters((c) => ({ ...c, kind }))}
          options={ACTIVITY_KINDS.map((value) => ({ value, label: t(`deskCommunity.kind.${value}`) }))}
        />
        <Select
          allowClear
          aria-label={t('deskCommunity.activities.state')}
          placeholder={t('deskCommunity.activities.state')}
          style={{ width: 140 }}
          value={filters.state}
          onChange={(state) => setFilters((c) => ({ ...c, state }))}
          options={ACTIVITY_STATES.map((value) => ({ value, label: t(`deskCommunity.activityState.${value}`) }))}
        />
      </Space>
      <Table<ActivitySummary>
        rowKey="id"
        size="middle"
        loading={activities.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('deskCommunity.activities.none') }}
        onRow={(row) => ({ onClick: () => navigate(`/activities/${row.id}`), className: 'fq-clickable' })}
        columns={[
          { key: 'title', title: t('deskCommunity.activities.name'), dataIndex: 'title' },
          { key: 'kind', title: t('deskCommunity.activities.kind'), render: (_, a) => t(`deskCommunity.kind.${a.kind}`) },
          { key: 'node', title: t('deskCommunity.activities.organiser'), dataIndex: 'nodeName' },
          {
            key: 'first',
            title: t('deskCommunity.activities.first'),
            render: (_, a) => (a.firstStartsAt ? dateTime(a.firstStartsAt) : '—'),
          },
          { key: 'sessions', title: t('deskCommunity.activities.sessions'), align: 'right', dataIndex: 'sessions' },
          {
            key: 'places',
            title: t('deskCommunity.activities.places'),
            align: 'right',
            render: (_, a) => `${a.confirmed}/${a.capacity}`,
          },
          { key: 'waiting', title: t('deskCommunity.activities.waitlist'), align: 'right', dataIndex: 'waitlisted' },
          {
            key: 'state',
            title: t('deskCommunity.activities.state'),
            render: (_, a) => <Tag color={STATE_COLOR[a.state]}>{t(`deskCommunity.activityState.${a.state}`)}</Tag>,
          },
        ]}
      />
      {activities.hasNextPage && (
        <Button className="fq-more" onClick={() => activities.fetchNextPage()} loading={activities.isFetchingNextPage}>
          {t('deskCommunity.more')}
        </Button>
      )}
      {adding && (
        <ActivityDialog onClose={() => setAdding(false)} onCreated={(activity) => navigate(`/activities/${activity.id}`)} />
      )}
    </div>
  );
}
