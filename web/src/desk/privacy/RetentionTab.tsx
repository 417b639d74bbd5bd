import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, InputNumber, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';

interface Retention {
  streetId: string;
  streetName: string;
  closedCaseMonths: number;
  isDefault: boolean;
  updatedAt: string | null;
  anonymisedCases: number;
}

const KEYS = ['privacy', 'retention'];

/** Per street: how many months finished cases keep the reporter's personal data; the job can be run at once. */
export function RetentionTab() {
  const { t, dateTime } = useI18n();
  const { message } = App.useApp();
  const [months, setMonths] = useState<Record<string, number | null>>({});
  const streets = useQuery({ queryKey: KEYS, queryFn: () => api<{ items: Retention[] }>('/api/privacy/retention') });
  const save = useDeskMutation(
    ({ streetId, value }: { streetId: string; value: number }) =>
      api<Retention>(`/api/privacy/retention/${streetId}`, { method: 'PUT', body: { closedCaseMonths: value } }),
    { invalidate: [KEYS], success: t('deskPrivacy.retention.saved') },
  );
  const run = useDeskMutation(() => api<{ cases: number }>('/api/privacy/retention/run', { body: {} }), {
    invalidate: [KEYS],
    onDone: (result) => message.success(t('deskPrivacy.retention.ran', { count: result.cases })),
  });
  return (
    <>
      <Alert type="info" showIcon message={t('deskPrivacy.retention.explain')} style={{ marginBottom: 12 }} />
      <Table<Retention>
        rowKey="streetId"
        size="middle"
        loading={streets.isLoading}
        dataSource={streets.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('deskPrivacy.retention.street'), dataIndex: 'streetName' },
          {
            title: t('deskPrivacy.retention.months'),
            render: (_, row) => (
              <Space>
                <InputNumber
                  min={1}
                  max={120}
                  value={months[row.streetId] ?? row.closedCaseMonths}
                  onChange={(value) => setMonths({ ...months, [row.streetId]: value })}
                  addonAfter={t('deskPrivacy.retention.unit')}
                />
                {row.isDefault && <Tag>{t('deskPrivacy.retention.default')}</Tag>}
                <Button
                  onClick={() => save.mutate({ streetId: row.streetId, value: months[row.streetId] ?? row.closedCaseMonths })}
                  loading={save.isPending}
                >
                  {t('deskPrivacy.retention.save')}
                </Button>
              </Space>
            ),
          },
          { title: t('deskPrivacy.retention.anonymised'), dataIndex: 'anonymisedCases' },
          { title: t('deskPrivacy.retention.updated'), dataIndex: 'updatedAt', render: (v: string | null) => dateTime(v) },
        ]}
      />
      <Button style={{ marginTop: 12 }} onClick={() => run.mutate(undefined)} loading={run.isPending}>
        {t('deskPrivacy.retention.run')}
      </Button>
    </>
  );
}
