import { Button, Descriptions, Drawer, Form, Input, InputNumber, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import type { PointsAccountSummary, PointsEntry } from '../../shared/volunteer-types.ts';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { ALL, useAccount, useAccounts } from './community-data.ts';

/** Points accounts of the reader's area, highest balance first; one opens on its ledger. */
export function AccountsTab() {
  const { t } = useI18n();
  const [q, setQ] = useState<string>();
  const [open, setOpen] = useState<string | null>(null);
  const accounts = useAccounts({ q });
  const rows = accounts.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <div className="fq-toolbar">
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('deskCommunity.volunteers.search')}
          aria-label={t('deskCommunity.volunteers.search')}
          onSearch={(v) => setQ(v.trim() || undefined)}
        />
      </div>
      <Table<PointsAccountSummary>
        rowKey="id"
        size="middle"
        loading={accounts.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('deskCommunity.points.noAccounts') }}
        onRow={(row) => ({ onClick: () => setOpen(row.id), className: 'fq-clickable' })}
        columns={[
          { key: 'name', title: t('deskCommunity.volunteers.name'), dataIndex: 'name' },
          { key: 'node', title: t('deskCommunity.volunteers.area'), dataIndex: 'nodeName' },
          { key: 'balance', title: t('deskCommunity.points.balance'), align: 'right', dataIndex: 'balance' },
          { key: 'entries', title: t('deskCommunity.points.entries'), align: 'right', dataIndex: 'entries' },
        ]}
      />
      {accounts.hasNextPage && (
        <Button className="fq-more" onClick={() => accounts.fetchNextPage()} loading={accounts.isFetchingNextPage}>
          {t('deskCommunity.more')}
        </Button>
      )}
      {open && <AccountDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function AccountDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, dateTime, date } = useI18n();
  const { data: me } = useMe();
  const account = useAccount(id);
  const [form] = Form.useForm<{ points: number; reason: string }>();
  const adjust = useDeskMutation(
    (body: { points: number; reason: string }) => api(`/api/points/accounts/${id}/adjust`, { body }),
    {
      invalidate: [ALL],
      form,
      success: t('deskCommunity.saved'),
      onDone: () => form.resetFields(),
    },
  );
  const a = account.data;
  return (
    <Drawer open width={720} onClose={onClose} title={a ? `${a.name} · ${a.nodeName}` : ''}>
      {a && (
        <>
          <Descriptions column={3} size="small" bordered>
            <Descriptions.Item label={t('deskCommunity.points.balance')}>{a.balance}</Descriptions.Item>
            <Descriptions.Item label={t('deskCommunity.points.recomputed')}>
              {a.recomputed} {a.recomputed === a.balance ? <Tag color="green">✓</Tag> : <Tag color="red">≠</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('deskCommunity.volunteers.hours')}>
              {Math.round(a.volunteerMinutes / 6) / 10}
            </Descriptions.Item>
          </Descriptions>
          {hasPermission(me, 'points.manage') && (
            <Form form={form} layout="inline" className="fq-adjust" onFinish={(values) => adjust.mutate(values)}>
              <Form.Item name="points" rules={[{ required: true }]}>
                <InputNumber placeholder={t('deskCommunity.points.adjustBy')} aria-label={t('deskCommunity.points.adjustBy')} />
              </Form.Item>
              <Form.Item name="reason" rules={[{ required: true, message: t('deskCommunity.volunteers.reasonMissing') }]}>
                <Input
                  placeholder={t('deskCommunity.volunteers.reason')}
                  aria-label={t('deskCommunity.volunteers.reason')}
                  style={{ width: 260 }}
                />
              </Form.Item>
              <Button htmlType="submit" loading={adjust.isPending}>
                {t('deskCommunity.points.adjust')}
              </Button>
            </Form>
          )}
          <Table<PointsEntry>
            rowKey="seq"
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={a.entries}
            columns={[
              { key: 'seq', title: '#', dataIndex: 'seq', width: 48 },
              { key: 'at', title: t('deskCommunity.points.when'), render: (_, e) => dateTime(e.at) },
              {
                key: 'kind',
                title: t('deskCommunity.points.what'),
                render: (_, e) =>
                  [
                    e.kind === 'earn' && e.source
                      ? t(`deskCommunity.source.${e.source}`)
                      : t(`deskCommunity.entryKind.${e.kind}`),
                    e.goodsName,
                    e.reason,
                  ]
                    .filter(Boolean)
                    .join(' · '),
              },
              {
                key: 'points',
                title: t('deskCommunity.points.points'),
                align: 'right',
                render: (_, e) => (e.points > 0 ? `+${e.points}` : e.points),
              },
              { key: 'after', title: t('deskCommunity.points.after'), align: 'right', dataIndex: 'balanceAfter' },
              {
                key: 'expires',
                title: t('deskCommunity.points.expires'),
                render: (_, e) => (e.expiresOn ? date(e.expiresOn) : ''),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
