import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Drawer, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, query } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { ApiKey, Delivery, DeliveryDetail, Subscription, SubscriptionWithSecret } from '../../shared/integration-types.ts';
import { useDeskMutation } from '../use-desk-mutation.ts';

const SUBS = ['integration', 'webhooks'];
const STATUS_COLOUR = { pending: 'processing', delivered: 'success', failed: 'error' } as const;

/** Webhook subscriptions with their counts; each opens its delivery log with attempts and redelivery. */
export function WebhooksTab({ canManage }: { canManage: boolean }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<Subscription | null>(null);
  const subs = useQuery({ queryKey: SUBS, queryFn: () => api<{ items: Subscription[] }>('/api/integration/webhooks') });
  const keys = useQuery({
    queryKey: ['integration', 'api-keys'],
    queryFn: () => api<{ items: ApiKey[] }>('/api/integration/api-keys'),
    enabled: canManage,
  });
  const create = useDeskMutation((body: object) => api<SubscriptionWithSecret>('/api/integration/webhooks', { body }), {
    invalidate: [SUBS],
    form,
    onDone: (made) => {
      setOpen(false);
      form.resetFields();
      setSecret(made.secret);
    },
  });
  const toggle = useDeskMutation(
    ({ id, active }: { id: string; active: boolean }) =>
      api<Subscription>(`/api/integration/webhooks/${id}`, { method: 'PATCH', body: { active } }),
    { invalidate: [SUBS] },
  );
  const rotate = useDeskMutation(
    (id: string) => api<SubscriptionWithSecret>(`/api/integration/webhooks/${id}/rotate-secret`, { method: 'POST' }),
    { invalidate: [SUBS], onDone: (made) => setSecret(made.secret) },
  );
  return (
    <>
      {canManage && (
        <Button type="primary" onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>
          {t('deskIntegration.webhooks.add')}
        </Button>
      )}
      <Table<Subscription>
        rowKey="id"
        size="middle"
        loading={subs.isLoading}
        dataSource={subs.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('deskIntegration.webhooks.name'), dataIndex: 'name' },
          { title: t('deskIntegration.webhooks.url'), dataIndex: 'url', render: (v: string) => <code>{v}</code> },
          {
            title: t('deskIntegration.webhooks.events'),
            dataIndex: 'eventTypes',
            render: (types: string[], sub) => (
              <>
                {types.map((type) => (
                  <Tag key={type}>{type}</Tag>
                ))}
                {sub.apiKeyName && <Tag color="blue">{sub.apiKeyName}</Tag>}
              </>
            ),
          },
          {
            title: t('deskIntegration.webhooks.active'),
            dataIndex: 'active',
            render: (active: boolean, sub) => (
              <Switch
                checked={active}
                disabled={!canManage}
                checkedChildren={t('deskIntegration.webhooks.active')}
                unCheckedChildren={t('deskIntegration.webhooks.paused')}
                onChange={(next) => toggle.mutate({ id: sub.id, active: next })}
              />
            ),
          },
          {
            title: t('deskIntegration.webhooks.log'),
            render: (_, sub) => (
              <Space size="small" direction="vertical">
                <Badge status="processing" text={`${t('deskIntegration.webhooks.pending')} ${sub.pending}`} />
                <Badge status="error" text={`${t('deskIntegration.webhooks.failed')} ${sub.failed}`} />
                <Badge status="success" text={`${t('deskIntegration.webhooks.delivered')} ${sub.deliveredLastDay}`} />
              </Space>
            ),
          },
          {
            key: 'actions',
            render: (_, sub) => (
              <Space>
                <Button size="small" onClick={() => setLogOf(sub)}>
                  {t('deskIntegration.webhooks.log')}
                </Button>
                {canManage && (
                  <Button size="small" onClick={() => rotate.mutate(sub.id)}>
                    {t('deskIntegration.webhooks.rotate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('deskIntegration.webhooks.add')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ eventTypes: ['case.*'] }}
          onFinish={(values) => create.mutate(values)}
        >
          <Form.Item name="name" label={t('deskIntegration.webhooks.name')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="url" label={t('deskIntegration.webhooks.url')} rules={[{ required: true }]}>
            <Input placeholder="https://" maxLength={500} />
          </Form.Item>
          <Form.Item
            name="eventTypes"
            label={t('deskIntegration.webhooks.events')}
            extra={t('deskIntegration.webhooks.eventsHint')}
          >
            <Select
              mode="tags"
              options={['case.*', 'case.closed', 'case.resolved', 'dispute.*', '*'].map((v) => ({ value: v }))}
            />
          </Form.Item>
          <Form.Item name="apiKeyId" label={t('deskIntegration.webhooks.onlyKey')}>
            <Select
              allowClear
              placeholder={t('deskIntegration.webhooks.anyCase')}
              options={(keys.data?.items ?? []).filter((k) => !k.revokedAt).map((k) => ({ value: k.id, label: k.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={secret !== null}
        title={t('deskIntegration.webhooks.secretTitle')}
        footer={null}
        onCancel={() => setSecret(null)}
      >
        <Alert type="warning" showIcon message={t('deskIntegration.webhooks.secretHint')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code>
          {secret}
        </Typography.Paragraph>
      </Modal>
      <DeliveryLog subscription={logOf} canManage={canManage} onClose={() => setLogOf(null)} />
    </>
  );
}

function DeliveryLog({
  subscription,
  canManage,
  onClose,
}: {
  subscription: Subscription | null;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t, dateTime } = useI18n();
  const [status, setStatus] = useState<string | undefined>();
  const [detailId, setDetailId] = useState<string | null>(null);
  const key = ['integration', 'deliveries', subscription?.id, status];
  const log = useQuery({
    queryKey: key,
    enabled: subscription !== null,
    queryFn: () =>
      api<{ items: Delivery[] }>(`/api/integration/webhooks/${subscription?.id}/deliveries${query({ status, limit: 100 })}`),
  });
  const detail = useQuery({
    queryKey: ['integration', 'delivery', detailId],
    enabled: detailId !== null,
    queryFn: () => api<DeliveryDetail>(`/api/integration/webhook-deliveries/${detailId}`),
  });
  const redeliver = useDeskMutation(
    (id: string) => api<DeliveryDetail>(`/api/integration/webhook-deliveries/${id}/redeliver`, { method: 'POST' }),
    {
      invalidate: [['integration', 'deliveries'], ['integration', 'delivery'], SUBS],
      success: t('deskIntegration.deliveries.redelivered'),
    },
  );
  return (
    <Drawer
      open={subscription !== null}
      onClose={onClose}
      width={900}
      title={`${t('deskIntegration.webhooks.log')} · ${subscription?.name ?? ''}`}
    >
      <Select
        allowClear
        style={{ width: 180, marginBottom: 12 }}
        placeholder={t('deskIntegration.deliveries.status')}
        value={status}
        onChange={setStatus}
        options={(['pending', 'delivered', 'failed'] as const).map((s) => ({
          value: s,
          label: t(`deskIntegration.deliveries.state.${s}`),
        }))}
      />
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={log.isLoading}
        dataSource={log.data?.items ?? []}
        pagination={false}
        expandable={{
          expandedRowKeys: detailId ? [detailId] : [],
          onExpand: (expanded, row) => setDetailId(expanded ? row.id : null),
          expandedRowRender: () =>
            detail.data ? (
              <>
                <Typography.Text strong>{t('deskIntegration.deliveries.attemptsLog')}</Typography.Text>
                <ul>
                  {detail.data.attemptsLog.map((a) => (
                    <li key={a.attempt}>
                      #{a.attempt} {dateTime(a.at)} ·{' '}
                      {a.manual ? t('deskIntegration.deliveries.manual') : t('deskIntegration.deliveries.auto')} ·{' '}
                      {a.statusCode ?? a.error} · {a.durationMs} ms
                    </li>
                  ))}
                </ul>
                <Typography.Text strong>{t('deskIntegration.deliveries.payload')}</Typography.Text>
                <pre className="fq-integration-payload">{JSON.stringify(detail.data.payload, null, 2)}</pre>
              </>
            ) : null,
        }}
        columns={[
          { title: t('deskIntegration.deliveries.eventId'), dataIndex: 'eventId' },
          { title: t('deskIntegration.deliveries.event'), dataIndex: 'eventType', render: (v: string) => <code>{v}</code> },
          {
            title: t('deskIntegration.deliveries.status'),
            dataIndex: 'status',
            render: (s: Delivery['status']) => (
              <Badge status={STATUS_COLOUR[s]} text={t(`deskIntegration.deliveries.state.${s}`)} />
            ),
          },
          { title: t('deskIntegration.deliveries.attempts'), dataIndex: 'attempts' },
          {
            title: t('deskIntegration.deliveries.last'),
            render: (_, d) => d.lastStatusCode ?? d.lastError ?? '',
          },
          { title: t('deskIntegration.deliveries.next'), dataIndex: 'nextAttemptAt', render: (v: string | null) => dateTime(v) },
          { title: t('deskIntegration.deliveries.created'), dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
          ...(canManage
            ? [
                {
                  key: 'redeliver',
                  render: (_: unknown, d: Delivery) => (
                    <Button
                      size="small"
                      loading={redeliver.isPending && redeliver.variables === d.id}
                      onClick={() => redeliver.mutate(d.id)}
                    >
                      {t('deskIntegration.deliveries.redeliver')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Drawer>
  );
}
