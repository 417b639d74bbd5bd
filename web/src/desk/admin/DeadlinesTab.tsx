import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { TIER_ORDER, useCategories, useStreets } from './admin-queries.ts';
import type { DeadlinePolicy, ResponsePolicy } from './admin-types.ts';
import { PolicyDialog, ResponseDialog } from './PolicyDialogs.tsx';

/** Deadlines: working days per tier (and per category or street), and how soon a reporter must first hear back. */
export function DeadlinesTab() {
  const { t, pick } = useI18n();
  const policies = useQuery({
    queryKey: ['deadline-policies'],
    queryFn: () => api<{ items: DeadlinePolicy[] }>('/api/deadline-policies'),
    select: (page) =>
      [...page.items].sort(
        (a, b) =>
          TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) ||
          Number(a.categoryId !== null) - Number(b.categoryId !== null) ||
          (a.categoryCode ?? '').localeCompare(b.categoryCode ?? ''),
      ),
  });
  const responses = useQuery({
    queryKey: ['response-policies'],
    queryFn: () => api<{ items: ResponsePolicy[] }>('/api/response-policies'),
  });
  const categories = useCategories();
  const streets = useStreets();
  const [editing, setEditing] = useState<DeadlinePolicy | 'new' | null>(null);
  const [editingResponse, setEditingResponse] = useState<ResponsePolicy | null>(null);
  const remove = useDeskMutation((id: string) => api(`/api/deadline-policies/${id}`, { method: 'DELETE' }), {
    invalidate: [['deadline-policies']],
    success: t('admin.deadlines.removed'),
  });

  const days = (n: number) => t(n === 1 ? 'admin.deadlines.day' : 'admin.deadlines.days', { n });
  const hours = (n: number) => t(n === 1 ? 'admin.deadlines.hour' : 'admin.deadlines.hours', { n });
  const categoryName = (id: string | null) => {
    const all = (categories.data ?? []).flatMap((c) => [c, ...c.children]);
    const found = all.find((c) => c.id === id);
    return found ? pick(found) : t('admin.deadlines.allCategories');
  };
  const streetName = (id: string | null) =>
    id ? (streets.data?.find((s) => s.id === id)?.name ?? id) : t('admin.deadlines.national');

  return (
    <Space direction="vertical" size="large" className="fq-admin-full">
      <Card
        title={t('admin.deadlines.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('admin.deadlines.add')}
          </Button>
        }
      >
        <Table<DeadlinePolicy>
          rowKey="id"
          size="middle"
          loading={policies.isLoading}
          dataSource={policies.data ?? []}
          pagination={false}
          columns={[
            { key: 'tier', title: t('admin.deadlines.tier'), width: 130, render: (_, p) => t(`case.tier.${p.tier}`) },
            { key: 'category', title: t('admin.deadlines.category'), render: (_, p) => categoryName(p.categoryId) },
            { key: 'scope', title: t('admin.deadlines.scope'), width: 140, render: (_, p) => streetName(p.streetId) },
            {
              key: 'days',
              title: t('admin.deadlines.workingDays'),
              width: 130,
              align: 'right',
              render: (_, p) => days(p.workingDays),
            },
            {
              key: 'kind',
              title: t('admin.deadlines.kind'),
              width: 120,
              render: (_, p) => <Tag bordered={false}>{t(`admin.deadlineKind.${p.kind}`)}</Tag>,
            },
            {
              key: 'warn',
              title: t('admin.deadlines.warnHours'),
              width: 150,
              align: 'right',
              render: (_, p) => hours(p.warnHours),
            },
            {
              key: 'actions',
              title: t('admin.common.actions'),
              width: 150,
              render: (_, p) => (
                <Space size={0}>
                  <Button type="link" onClick={() => setEditing(p)}>
                    {t('admin.common.edit')}
                  </Button>
                  {(p.categoryId || p.streetId) && (
                    <Popconfirm
                      title={t('admin.deadlines.removeConfirm')}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove.mutate(p.id)}
                    >
                      <Button type="link" danger>
                        {t('admin.common.remove')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('admin.responses.title')} extra={<span className="fq-admin-sub">{t('admin.responses.hint')}</span>}>
        <Table<ResponsePolicy>
          rowKey="priority"
          size="middle"
          loading={responses.isLoading}
          dataSource={responses.data?.items ?? []}
          pagination={false}
          columns={[
            { key: 'priority', title: t('admin.responses.priority'), render: (_, r) => t(`case.priority.${r.priority}`) },
            {
              key: 'limit',
              title: t('admin.responses.limit'),
              render: (_, r) => (r.hours !== null ? hours(r.hours) : days(r.workingDays ?? 0)),
            },
            {
              key: 'actions',
              title: t('admin.common.actions'),
              width: 150,
              render: (_, r) => (
                <Button type="link" onClick={() => setEditingResponse(r)}>
                  {t('admin.common.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <PolicyDialog policy={editing} onClose={() => setEditing(null)} />
      <ResponseDialog policy={editingResponse} onClose={() => setEditingResponse(null)} />
    </Space>
  );
}
