import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, query } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { Page } from '../../shared/types.ts';

interface AuditEntry {
  id: number;
  at: string;
  action: string;
  actorUsername: string | null;
  subjectType: string | null;
  subjectIds: string[];
  ip: string | null;
  detail: Record<string, unknown>;
}

interface Filters {
  unmaskedReads: boolean;
  action?: string;
  actorUsername?: string;
  subjectId?: string;
  range?: [Dayjs, Dayjs] | null;
}

/** The audit log, searchable: by default the reads that showed someone's phone, ID number or care file in full. */
export function AuditTab() {
  const { t, dateTime } = useI18n();
  const [filters, setFilters] = useState<Filters>({ unmaskedReads: true });
  const params = {
    unmaskedReads: filters.unmaskedReads ? 'true' : undefined,
    action: filters.action?.trim(),
    actorUsername: filters.actorUsername?.trim(),
    subjectId: filters.subjectId?.trim(),
    from: filters.range?.[0]?.startOf('day').toISOString(),
    to: filters.range?.[1]?.endOf('day').toISOString(),
  };
  const entries = useInfiniteQuery({
    queryKey: ['audit', params],
    queryFn: ({ pageParam }) => api<Page<AuditEntry>>(`/api/audit${query({ ...params, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const actionLabel = (action: string) => {
    // Keys are written with _ for the action's dot: a dot would be read as nesting.
    const key = `deskPrivacy.audit.actions.${action.replaceAll('.', '_')}`;
    const label = t(key);
    return label === key ? action : label;
  };
  return (
    <>
      <Form<Filters> layout="inline" initialValues={filters} onFinish={setFilters} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="unmaskedReads" label={t('deskPrivacy.audit.unmaskedOnly')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="actorUsername">
          <Input allowClear placeholder={t('deskPrivacy.audit.actor')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action">
          <Input allowClear placeholder={t('deskPrivacy.audit.action')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="subjectId">
          <Input allowClear placeholder={t('deskPrivacy.audit.subject')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('deskPrivacy.audit.search')}
        </Button>
      </Form>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        loading={entries.isLoading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('deskPrivacy.audit.at'), dataIndex: 'at', width: 170, render: (v: string) => dateTime(v) },
          { title: t('deskPrivacy.audit.actor'), dataIndex: 'actorUsername', width: 120 },
          { title: t('deskPrivacy.audit.action'), dataIndex: 'action', render: (v: string) => <Tag>{actionLabel(v)}</Tag> },
          {
            title: t('deskPrivacy.audit.subject'),
            render: (_, e) => (
              <Typography.Text type="secondary">
                {e.subjectType} {e.subjectIds.length > 1 ? `×${e.subjectIds.length}` : (e.subjectIds[0]?.slice(0, 8) ?? '')}
              </Typography.Text>
            ),
          },
          { title: t('deskPrivacy.audit.ip'), dataIndex: 'ip', width: 130 },
          {
            title: t('deskPrivacy.audit.detail'),
            dataIndex: 'detail',
            render: (d: Record<string, unknown>) => <code className="fq-privacy-detail">{JSON.stringify(d)}</code>,
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        {entries.hasNextPage && (
          <Button onClick={() => entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
            {t('deskPrivacy.audit.more')}
          </Button>
        )}
      </Space>
    </>
  );
}
