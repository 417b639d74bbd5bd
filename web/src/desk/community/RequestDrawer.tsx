import { Button, Descriptions, Drawer, Form, Input, InputNumber, Space, Table, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { RequestAction, ServiceCandidate, ServiceRequest } from '../../shared/volunteer-types.ts';
import { FormDialog } from '../FormDialog.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { ALL, useCandidates, useRequest } from './community-data.ts';

export const DEADLINE_COLOR = { open: 'blue', overdue: 'red', met: 'green', late: 'orange', none: 'default' } as const;

/** A service request at the desk: what was asked, its timeline, the volunteers ranked for matching and the moves allowed. */
export function RequestDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, pick, date, dateTime } = useI18n();
  const request = useRequest(id);
  const r = request.data;
  const [asking, setAsking] = useState<RequestAction | null>(null);
  const act = useDeskMutation(
    ({ action, body }: { action: RequestAction; body: object }) => api(`/api/services/requests/${id}/${action}`, { body }),
    { invalidate: [ALL], success: t('deskCommunity.saved'), onDone: () => setAsking(null) },
  );
  const can = (action: RequestAction) => r?.allowedActions.includes(action) ?? false;
  return (
    <Drawer
      open
      width={720}
      onClose={onClose}
      title={r ? `${r.number} · ${pick({ nameZh: r.itemNameZh, nameEn: r.itemNameEn })}` : ''}
    >
      {r && (
        <>
          <Space className="fq-toolbar" wrap>
            <Tag color="blue">{t(`deskCommunity.requestState.${r.state}`)}</Tag>
            <Tag color={DEADLINE_COLOR[r.deadline]}>{t(`deskCommunity.deadline.${r.deadline}`)}</Tag>
            {can('start') && (
              <Button onClick={() => act.mutate({ action: 'start', body: {} })}>{t('deskCommunity.requestAction.start')}</Button>
            )}
            {can('complete') && (
              <Button type="primary" onClick={() => setAsking('complete')}>
                {t('deskCommunity.requestAction.complete')}
              </Button>
            )}
            {(['unmatch', 'decline', 'cancel'] as const).filter(can).map((action) => (
              <Button key={action} danger={action !== 'unmatch'} onClick={() => setAsking(action)}>
                {t(`deskCommunity.requestAction.${action}`)}
              </Button>
            ))}
          </Space>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('deskCommunity.requests.requester')}>{r.requester}</Descriptions.Item>
            <Descriptions.Item label={t('deskCommunity.requests.phone')}>{r.contactPhone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('deskCommunity.requests.where')}>
              {[r.nodeName, r.address].filter(Boolean).join(' · ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('deskCommunity.requests.preferredTime')}>{r.preferredTime ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('deskCommunity.requests.due')}>{date(r.dueDate)}</Descriptions.Item>
            <Descriptions.Item label={t('deskCommunity.requests.volunteer')}>{r.volunteer?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('deskCommunity.requests.description')} span={2}>
              {r.description}
            </Descriptions.Item>
            {r.rating !== null && (
              <Descriptions.Item label={t('deskCommunity.requests.rating')} span={2}>
                {'★'.repeat(r.rating)} {r.ratingComment}
              </Descriptions.Item>
            )}
          </Descriptions>
          {can('match') && (
            <Candidates request={r} onMatch={(volunteerId) => act.mutate({ action: 'match', body: { volunteerId } })} />
          )}
          <h4 className="fq-section-title">{t('deskCommunity.requests.timeline')}</h4>
          <Timeline
            items={r.timeline.map((e) => ({
              children: (
                <>
                  <div>{t(`deskCommunity.requestEvent.${e.type.replace('service_request.', '')}`)}</div>
                  <div className="fq-muted">
                    {dateTime(e.at)} {e.actorName ? `· ${e.actorName}` : ''}
                    {typeof e.data.reason === 'string' ? ` · ${e.data.reason}` : ''}
                  </div>
                </>
              ),
            }))}
          />
          {asking && (
            <AskDialog
              action={asking}
              saving={act.isPending}
              onClose={() => setAsking(null)}
              onSave={(body) => act.mutate({ action: asking, body })}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

function Candidates({ request, onMatch }: { request: ServiceRequest; onMatch: (volunteerId: string) => void }) {
  const { t } = useI18n();
  const candidates = useCandidates(request.id, true);
  return (
    <>
      <h4 className="fq-section-title">{t('deskCommunity.requests.candidates')}</h4>
      <Table<ServiceCandidate>
        rowKey="volunteerId"
        size="small"
        loading={candidates.isLoading}
        dataSource={candidates.data ?? []}
        pagination={{ pageSize: 6, hideOnSinglePage: true }}
        locale={{ emptyText: t('deskCommunity.requests.noCandidates') }}
        columns={[
          {
            key: 'name',
            title: t('deskCommunity.volunteers.name'),
            render: (_, c) => (
              <Space size={4}>
                {c.name}
                {c.partner && <Tag color="red">{t('deskCommunity.volunteers.partnerTag')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'skills',
            title: t('deskCommunity.requests.matching'),
            render: (_, c) =>
              c.matchingSkills.length
                ? c.matchingSkills.map((s) => (
                    <Tag key={s} color="green">
                      {t(`deskCommunity.skill.${s}`)}
                    </Tag>
                  ))
                : '—',
          },
          {
            key: 'grid',
            title: t('deskCommunity.volunteers.area'),
            render: (_, c) => (c.sameGrid ? <Tag color="blue">{c.gridName}</Tag> : (c.gridName ?? '—')),
          },
          { key: 'open', title: t('deskCommunity.requests.open'), align: 'right', dataIndex: 'openRequests' },
          {
            key: 'match',
            title: '',
            render: (_, c) => (
              <Button size="small" type="primary" onClick={() => onMatch(c.volunteerId)}>
                {t('deskCommunity.requestAction.match')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}

function AskDialog({
  action,
  saving,
  onClose,
  onSave,
}: {
  action: RequestAction;
  saving: boolean;
  onClose: () => void;
  onSave: (body: object) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason?: string; minutes?: number; note?: string }>();
  return (
    <FormDialog
      title={t(`deskCommunity.requestAction.${action}`)}
      form={form}
      onFinish={(values) => onSave(values)}
      onClose={onClose}
      saving={saving}
    >
      {action === 'complete' ? (
        <>
          <Form.Item name="minutes" label={t('deskCommunity.requests.minutes')}>
            <InputNumber min={1} max={1440} />
          </Form.Item>
          <Form.Item name="note" label={t('deskCommunity.requests.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="reason"
          label={t('deskCommunity.volunteers.reason')}
          rules={[{ required: true, message: t('deskCommunity.volunteers.reasonMissing') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      )}
    </FormDialog>
  );
}
