import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { ApiKey, IssuedKey } from '../../shared/integration-types.ts';
import { useDeskMutation } from '../use-desk-mutation.ts';

const KEYS = ['integration', 'api-keys'];

/** The street's API keys: issue one (shown once), revoke one. */
export function ApiKeysTab({ canManage }: { canManage: boolean }) {
  const { t, dateTime } = useI18n();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const keys = useQuery({ queryKey: KEYS, queryFn: () => api<{ items: ApiKey[] }>('/api/integration/api-keys') });
  const issue = useDeskMutation((body: object) => api<IssuedKey>('/api/integration/api-keys', { body }), {
    invalidate: [KEYS],
    form,
    onDone: (key) => {
      setOpen(false);
      form.resetFields();
      setIssued(key);
    },
  });
  const revoke = useDeskMutation((id: string) => api<ApiKey>(`/api/integration/api-keys/${id}/revoke`, { method: 'POST' }), {
    invalidate: [KEYS],
  });
  return (
    <>
      {canManage && (
        <Button type="primary" onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>
          {t('deskIntegration.keys.issue')}
        </Button>
      )}
      <Table<ApiKey>
        rowKey="id"
        size="middle"
        loading={keys.isLoading}
        dataSource={keys.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('deskIntegration.keys.name'), dataIndex: 'name' },
          { title: t('deskIntegration.keys.prefix'), dataIndex: 'keyPrefix', render: (v: string) => <code>{v}</code> },
          {
            title: t('deskIntegration.keys.scopes'),
            dataIndex: 'scopes',
            render: (scopes: string[]) => scopes.map((s) => <Tag key={s}>{t(`deskIntegration.keys.scope.${s}`)}</Tag>),
          },
          { title: t('deskIntegration.keys.rate'), dataIndex: 'rateLimitPerMinute' },
          { title: t('deskIntegration.keys.created'), dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
          { title: t('deskIntegration.keys.lastUsed'), dataIndex: 'lastUsedAt', render: (v: string | null) => dateTime(v) },
          {
            title: t('deskIntegration.keys.status'),
            render: (_, key) =>
              key.revokedAt ? (
                <Tag>{t('deskIntegration.keys.revoked')}</Tag>
              ) : (
                <Space>
                  <Tag color="green">{t('deskIntegration.keys.live')}</Tag>
                  {canManage && (
                    <Popconfirm title={t('deskIntegration.keys.revokeConfirm')} onConfirm={() => revoke.mutate(key.id)}>
                      <Button size="small" danger>
                        {t('deskIntegration.keys.revoke')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('deskIntegration.keys.issue')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={issue.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ scopes: ['open311'], rateLimitPerMinute: 60 }}
          onFinish={(values) => issue.mutate(values)}
        >
          <Form.Item name="name" label={t('deskIntegration.keys.name')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="scopes" label={t('deskIntegration.keys.scopes')} rules={[{ required: true }]}>
            <Checkbox.Group
              options={['open311', 'hotline'].map((s) => ({ value: s, label: t(`deskIntegration.keys.scope.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="rateLimitPerMinute" label={t('deskIntegration.keys.rate')}>
            <InputNumber min={1} max={10000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={issued !== null} title={t('deskIntegration.keys.issuedTitle')} footer={null} onCancel={() => setIssued(null)}>
        <Alert type="warning" showIcon message={t('deskIntegration.keys.issuedHint')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code>
          {issued?.key}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
