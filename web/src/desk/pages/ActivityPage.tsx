import { ArrowLeftOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Form, Input, InputNumber, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { Activity, ActivitySignup, ActivityState } from '../../shared/volunteer-types.ts';
import { PhotoGallery } from '../cases/PhotoGallery.tsx';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';
import { CheckinScreen } from '../community/CheckinScreen.tsx';
import { ALL, useActivity, useSignups } from '../community/community-data.ts';
import '../community/messages.ts';
import { DetailError } from '../DetailError.tsx';
import { FormDialog } from '../FormDialog.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { STATE_COLOR } from './ActivitiesPage.tsx';

/** One activity or course at the desk: its sessions with the QR screen, sign-ups and the waitlist, figures, the report. */
export default function ActivityPage() {
  const { t } = useI18n();
  const { id } = useParams<{ id: string }>();
  const activity = useActivity(id);
  const back = (
    <Link href="/activities">
      <ArrowLeftOutlined /> {t('deskCommunity.activities.title')}
    </Link>
  );
  if (activity.isError)
    return <DetailError error={activity.error} back={back} notFound={t('deskCommunity.activities.notFound')} />;
  if (!activity.data) return <div className="fq-page">{back}</div>;
  return <ActivityView activity={activity.data} back={back} />;
}

function ActivityView({ activity: a, back }: { activity: Activity; back: React.ReactNode }) {
  const { t, dateTime } = useI18n();
  const signups = useSignups(a.id);
  const [screen, setScreen] = useState<string | null>(null);
  const [moving, setMoving] = useState<ActivityState | null>(null);
  const move = useDeskMutation((body: { to: ActivityState; reason?: string }) => api(`/api/activities/${a.id}/move`, { body }), {
    invalidate: [ALL],
    success: t('deskCommunity.saved'),
    onDone: () => setMoving(null),
  });
  const capacity = useDeskMutation(
    (value: number) => api(`/api/activities/${a.id}`, { method: 'PATCH', body: { capacity: value } }),
    {
      invalidate: [ALL],
      success: t('deskCommunity.saved'),
    },
  );
  const [newCapacity, setNewCapacity] = useState<number | null>(null);
  return (
    <div className="fq-page">
      {back}
      <div className="fq-page-header">
        <Typography.Title level={3}>
          {a.title} <Tag color={STATE_COLOR[a.state]}>{t(`deskCommunity.activityState.${a.state}`)}</Tag>
        </Typography.Title>
        {a.canManage && (
          <Space>
            {a.allowedMoves.map((to) => (
              <Button
                key={to}
                type={to === 'published' ? 'primary' : 'default'}
                danger={to === 'cancelled'}
                onClick={() => (to === 'cancelled' ? setMoving(to) : move.mutate({ to }))}
              >
                {t(`deskCommunity.activityMove.${to}`)}
              </Button>
            ))}
          </Space>
        )}
      </div>
      <Space className="fq-figures" size="large" wrap>
        <Statistic title={t('deskCommunity.activities.places')} value={`${a.confirmed}/${a.capacity}`} />
        <Statistic title={t('deskCommunity.activities.waitlist')} value={a.waitlisted} />
        <Statistic title={t('deskCommunity.activities.attendees')} value={a.figures.attendees} />
        <Statistic
          title={t('deskCommunity.activities.rate')}
          value={a.figures.attendanceRate === null ? '—' : `${Math.round(a.figures.attendanceRate * 100)}%`}
        />
        <Statistic title={t('deskCommunity.activities.hours')} value={Math.round(a.figures.minutes / 6) / 10} />
      </Space>
      <Card size="small" className="fq-card-gap">
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('deskCommunity.activities.kind')}>{t(`deskCommunity.kind.${a.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('deskCommunity.activities.organiser')}>{a.nodeName}</Descriptions.Item>
          <Descriptions.Item label={t('deskCommunity.activities.place')}>{a.place}</Descriptions.Item>
          <Descriptions.Item label={t('deskCommunity.activities.capacity')}>
            {a.canManage && a.state === 'published' ? (
              <Space>
                <InputNumber
                  size="small"
                  min={1}
                  max={10000}
                  value={newCapacity ?? a.capacity}
                  onChange={setNewCapacity}
                  aria-label={t('deskCommunity.activities.capacity')}
                />
                <Button
                  size="small"
                  disabled={!newCapacity || newCapacity === a.capacity}
                  onClick={() => newCapacity && capacity.mutate(newCapacity)}
                >
                  {t('common.save')}
                </Button>
              </Space>
            ) : (
              a.capacity
            )}
          </Descriptions.Item>
          {a.description && (
            <Descriptions.Item label={t('deskCommunity.activities.description')} span={2}>
              {a.description}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <div className="fq-two-columns">
        <Card size="small" title={t('deskCommunity.activities.sessionList')}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={a.sessionList}
            columns={[
              { key: 'seq', title: '#', dataIndex: 'seq', width: 40 },
              { key: 'at', title: t('deskCommunity.activities.when'), render: (_, s) => dateTime(s.startsAt) },
              { key: 'attended', title: t('deskCommunity.checkin.arrived'), align: 'right', dataIndex: 'attended' },
              {
                key: 'qr',
                render: (_, s) =>
                  a.canManage && a.state === 'published' && !s.cancelled ? (
                    <Button size="small" icon={<QrcodeOutlined />} onClick={() => setScreen(s.id)}>
                      {t('deskCommunity.checkin.show')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('deskCommunity.activities.signups')}>
          <Table<ActivitySignup>
            rowKey="id"
            size="small"
            loading={signups.isLoading}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={signups.data ?? []}
            columns={[
              { key: 'name', title: t('deskCommunity.volunteers.name'), dataIndex: 'name' },
              {
                key: 'status',
                title: t('deskCommunity.activities.signupStatus'),
                render: (_, s) => (
                  <Space size={4}>
                    <Tag color={s.status === 'confirmed' ? 'green' : s.status === 'waitlisted' ? 'orange' : 'default'}>
                      {s.status === 'waitlisted'
                        ? t('deskCommunity.activities.position', { n: s.position ?? 0 })
                        : t(`deskCommunity.signupStatus.${s.status}`)}
                    </Tag>
                    {s.promoted && <Tag color="blue">{t('deskCommunity.activities.promoted')}</Tag>}
                  </Space>
                ),
              },
              { key: 'at', title: t('deskCommunity.activities.signedUpAt'), render: (_, s) => dateTime(s.signedUpAt) },
              { key: 'attended', title: t('deskCommunity.checkin.arrived'), align: 'right', dataIndex: 'attended' },
            ]}
          />
        </Card>
      </div>
      <Report activity={a} />
      {screen && <CheckinScreen sessionId={screen} signups={signups.data ?? []} onClose={() => setScreen(null)} />}
      {moving && (
        <CancelDialog
          saving={move.isPending}
          onClose={() => setMoving(null)}
          onSave={(reason) => move.mutate({ to: 'cancelled', reason })}
        />
      )}
    </div>
  );
}

function Report({ activity: a }: { activity: Activity }) {
  const { t, dateTime } = useI18n();
  const [form] = Form.useForm<{ summary: string; photoIds: string[] }>();
  const save = useDeskMutation(
    (body: { summary: string; photoIds: string[] }) => api(`/api/activities/${a.id}/report`, { body }),
    {
      invalidate: [ALL],
      form,
      success: t('deskCommunity.saved'),
    },
  );
  const canReport = a.canManage && (a.state === 'published' || a.state === 'finished');
  if (!a.report && !canReport) return null;
  return (
    <Card size="small" title={t('deskCommunity.report.title')} className="fq-card-gap">
      {a.report && (
        <>
          <Typography.Paragraph>{a.report.summary}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {a.report.reportedBy} · {dateTime(a.report.reportedAt)}
          </Typography.Text>
          {a.photos.length > 0 && <PhotoGallery photos={a.photos} />}
        </>
      )}
      {canReport && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => save.mutate({ ...values, photoIds: values.photoIds ?? [] })}
          className="fq-report-form"
          initialValues={{ summary: a.report?.summary ?? '' }}
        >
          <Form.Item
            name="summary"
            label={t('deskCommunity.report.summary')}
            rules={[{ required: true, message: t('deskCommunity.report.missing') }]}
          >
            <Input.TextArea rows={3} maxLength={3000} />
          </Form.Item>
          <Form.Item name="photoIds" label={t('deskCommunity.report.photos')}>
            <PhotoUpload />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('deskCommunity.report.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function CancelDialog({ saving, onClose, onSave }: { saving: boolean; onClose: () => void; onSave: (reason: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormDialog
      title={t('deskCommunity.activityMove.cancelled')}
      form={form}
      onFinish={(v) => onSave(v.reason)}
      onClose={onClose}
      saving={saving}
    >
      <Form.Item
        name="reason"
        label={t('deskCommunity.volunteers.reason')}
        rules={[{ required: true, message: t('deskCommunity.volunteers.reasonMissing') }]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}
