import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import type { AreaChoice, Goods, GoodsBody, Redemption } from '../../shared/volunteer-types.ts';
import { FormDialog } from '../FormDialog.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { ALL, useGoods, useRedemptions } from './community-data.ts';

/** The supermarket's shelves: goods and services, their price in points and stock. */
export function GoodsTab() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const goods = useGoods();
  const [adding, setAdding] = useState(false);
  const restock = useDeskMutation(
    ({ id, n }: { id: string; n: number }) => api(`/api/points/goods/${id}`, { method: 'PATCH', body: { restock: n } }),
    {
      invalidate: [ALL],
      success: t('deskCommunity.saved'),
    },
  );
  const manage = hasPermission(me, 'points.manage');
  return (
    <>
      {manage && (
        <div className="fq-toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('deskCommunity.goods.add')}
          </Button>
        </div>
      )}
      <Table<Goods>
        rowKey="id"
        size="middle"
        loading={goods.isLoading}
        dataSource={goods.data ?? []}
        pagination={false}
        locale={{ emptyText: t('deskCommunity.goods.none') }}
        columns={[
          {
            key: 'name',
            title: t('deskCommunity.goods.name'),
            render: (_, g) => (g.retired ? <span className="fq-retired">{g.name}</span> : g.name),
          },
          {
            key: 'kind',
            title: t('deskCommunity.goods.kind'),
            render: (_, g) => <Tag>{t(`deskCommunity.goodsKind.${g.kind}`)}</Tag>,
          },
          { key: 'node', title: t('deskCommunity.goods.counter'), dataIndex: 'nodeName' },
          { key: 'price', title: t('deskCommunity.goods.price'), align: 'right', dataIndex: 'price' },
          {
            key: 'stock',
            title: t('deskCommunity.goods.stock'),
            align: 'right',
            render: (_, g) => (g.stock === 0 ? <Tag color="red">0</Tag> : g.stock),
          },
          { key: 'redeemed', title: t('deskCommunity.goods.redeemed'), align: 'right', dataIndex: 'redeemed' },
          ...(manage
            ? [
                {
                  key: 'restock',
                  render: (_: unknown, g: Goods) => (
                    <Button size="small" onClick={() => restock.mutate({ id: g.id, n: 10 })}>
                      {t('deskCommunity.goods.restock')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <GoodsDialog onClose={() => setAdding(false)} />}
    </>
  );
}

function GoodsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<GoodsBody>();
  const areas = useQuery({
    queryKey: ['desk-community', 'areas'],
    queryFn: () => api<{ items: AreaChoice[] }>('/api/volunteers/areas').then((r) => r.items),
  });
  const save = useDeskMutation((body: GoodsBody) => api('/api/points/goods', { body }), {
    invalidate: [ALL],
    form,
    success: t('deskCommunity.saved'),
    onDone: onClose,
  });
  return (
    <FormDialog
      title={t('deskCommunity.goods.add')}
      form={form}
      onFinish={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      initialValues={{ kind: 'goods', stock: 20, price: 50 }}
    >
      <Form.Item name="nodeId" label={t('deskCommunity.goods.counter')} rules={[{ required: true }]}>
        <Select options={(areas.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item name="kind" label={t('deskCommunity.goods.kind')}>
        <Radio.Group
          optionType="button"
          options={(['goods', 'service'] as const).map((value) => ({ value, label: t(`deskCommunity.goodsKind.${value}`) }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t('deskCommunity.goods.name')} rules={[{ required: true, max: 60 }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="description" label={t('deskCommunity.activities.description')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Space>
        <Form.Item name="price" label={t('deskCommunity.goods.price')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100000} />
        </Form.Item>
        <Form.Item name="stock" label={t('deskCommunity.goods.stock')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100000} />
        </Form.Item>
        <Form.Item name="limitPerPerson" label={t('deskCommunity.goods.limit')}>
          <InputNumber min={1} max={100} />
        </Form.Item>
      </Space>
    </FormDialog>
  );
}

/** Redemptions at the reader's counters; a code finds the one being collected. */
export function RedemptionsTab() {
  const { t, dateTime } = useI18n();
  const [code, setCode] = useState<string>();
  const redemptions = useRedemptions({ code });
  const rows = redemptions.data?.pages.flatMap((page) => page.items) ?? [];
  const act = useDeskMutation(
    ({ id, action }: { id: string; action: 'collect' | 'cancel' }) =>
      api(`/api/points/redemptions/${id}/${action}`, { body: {} }),
    {
      invalidate: [ALL],
      success: t('deskCommunity.saved'),
    },
  );
  return (
    <>
      <div className="fq-toolbar">
        <Input.Search
          allowClear
          style={{ width: 220 }}
          maxLength={6}
          placeholder={t('deskCommunity.redemptions.code')}
          aria-label={t('deskCommunity.redemptions.code')}
          onSearch={(v) => setCode(/^\d{6}$/.test(v.trim()) ? v.trim() : undefined)}
        />
      </div>
      <Table<Redemption>
        rowKey="id"
        size="middle"
        loading={redemptions.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('deskCommunity.redemptions.none') }}
        columns={[
          { key: 'code', title: t('deskCommunity.redemptions.code'), dataIndex: 'code' },
          { key: 'goods', title: t('deskCommunity.goods.name'), render: (_, r) => `${r.goodsName} × ${r.quantity}` },
          { key: 'who', title: t('deskCommunity.volunteers.name'), dataIndex: 'name' },
          { key: 'points', title: t('deskCommunity.points.points'), align: 'right', dataIndex: 'points' },
          { key: 'at', title: t('deskCommunity.points.when'), render: (_, r) => dateTime(r.placedAt) },
          {
            key: 'status',
            title: t('deskCommunity.redemptions.status'),
            render: (_, r) => <Tag>{t(`deskCommunity.redemptionStatus.${r.status}`)}</Tag>,
          },
          {
            key: 'act',
            render: (_, r) =>
              r.status === 'placed' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => act.mutate({ id: r.id, action: 'collect' })}>
                    {t('deskCommunity.redemptions.collect')}
                  </Button>
                  <Button size="small" onClick={() => act.mutate({ id: r.id, action: 'cancel' })}>
                    {t('deskCommunity.redemptions.cancel')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {redemptions.hasNextPage && (
        <Button className="fq-more" onClick={() => redemptions.fetchNextPage()} loading={redemptions.isFetchingNextPage}>
          {t('deskCommunity.more')}
        </Button>
      )}
    </>
  );
}
