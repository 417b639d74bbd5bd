import { Button, Card, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import type { Dispute, DisputeSession, HeldBody, SessionBody } from '../../shared/mediation-types.ts';
import { PhotoGallery } from '../cases/PhotoGallery.tsx';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';
import { FormDialog } from '../FormDialog.tsx';
import { MediatorsSelect, StudioSelect } from './MediationSelects.tsx';
import { useMediationWrite, useSessions } from './mediation-data.ts';

/** A datetime-local field's value, read in the browser's zone (the street's, for its staff). */
const isoOf = (local: unknown) => (typeof local === 'string' && local ? new Date(local).toISOString() : undefined);
const localNow = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** The file's sessions: scheduled with a studio or place and mediators, then held with attendees, notes and evidence. */
export function SessionsCard({ dispute }: { dispute: Dispute }) {
  const { t, dateTime } = useI18n();
  const sessions = useSessions(dispute.id);
  const [scheduling, setScheduling] = useState(false);
  const [holding, setHolding] = useState<DisputeSession | null>(null);
  const open = ['opened', 'in_mediation', 'reopened'].includes(dispute.state) && dispute.canManage;
  return (
    <Card
      title={t('deskMediation.detail.sessions')}
      variant="borderless"
      extra={open && <Button onClick={() => setScheduling(true)}>{t('deskMediation.session.schedule')}</Button>}
    >
      <List
        loading={sessions.isLoading}
        dataSource={sessions.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deskMediation.session.none')} /> }}
        renderItem={(session) => (
          <List.Item
            data-testid="dispute-session"
            actions={
              open && session.status === 'scheduled'
                ? [
                    <Button key="held" type="link" onClick={() => setHolding(session)}>
                      {t('deskMediation.session.held')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={4} className="fq-full">
              <Space wrap>
                <Typography.Text strong>{dateTime(session.heldAt ?? session.scheduledAt)}</Typography.Text>
                <Tag color={session.status === 'held' ? 'success' : 'processing'}>
                  {t(`deskMediation.session.status.${session.status}`)}
                </Tag>
                <Typography.Text type="secondary">
                  {[session.studioName ?? session.place, session.mediators.map((m) => m.name).join(t('deskMediation.separator'))]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </Space>
              {session.attendees.length > 0 && (
                <Typography.Text type="secondary">
                  {t('deskMediation.session.attendees')}: {session.attendees.join(t('deskMediation.separator'))}
                </Typography.Text>
              )}
              {session.notes && <Typography.Paragraph className="fq-session-notes">{session.notes}</Typography.Paragraph>}
              {session.nextSteps && (
                <Typography.Text>
                  {t('deskMediation.session.nextSteps')}: {session.nextSteps}
                </Typography.Text>
              )}
              {session.photos.length > 0 && <PhotoGallery photos={session.photos} />}
            </Space>
          </List.Item>
        )}
      />
      {scheduling && <ScheduleDialog dispute={dispute} onClose={() => setScheduling(false)} />}
      {holding && <HeldDialog dispute={dispute} session={holding} onClose={() => setHolding(null)} />}
    </Card>
  );
}

function ScheduleDialog({ dispute, onClose }: { dispute: Dispute; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const write = useMediationWrite<SessionBody>(`/api/mediation/disputes/${dispute.id}/sessions`, { form, onDone: onClose });
  const label = (key: string) => t(`deskMediation.session.${key}`);
  return (
    <FormDialog
      title={label('schedule')}
      form={form}
      saving={write.isPending}
      onClose={onClose}
      initialValues={{ studioId: dispute.studioId ?? undefined, mediatorIds: dispute.mediatorId ? [dispute.mediatorId] : [] }}
      onFinish={(values) => write.mutate({ ...values, scheduledAt: isoOf(values.scheduledAt) as string })}
    >
      <Form.Item name="scheduledAt" label={label('when')} rules={[{ required: true, message: t('common.required') }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="studioId" label={label('studio')}>
        <StudioSelect />
      </Form.Item>
      <Form.Item name="place" label={label('place')}>
        <Input maxLength={200} placeholder={label('placePlaceholder')} />
      </Form.Item>
      <Form.Item name="mediatorIds" label={label('mediators')}>
        <MediatorsSelect />
      </Form.Item>
    </FormDialog>
  );
}

function HeldDialog({ dispute, session, onClose }: { dispute: Dispute; session: DisputeSession; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const write = useMediationWrite<HeldBody>(`/api/mediation/disputes/${dispute.id}/sessions/${session.id}/held`, {
    form,
    onDone: onClose,
  });
  const label = (key: string) => t(`deskMediation.session.${key}`);
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormDialog
      title={label('held')}
      width={640}
      form={form}
      saving={write.isPending}
      onClose={onClose}
      initialValues={{ heldAt: localNow(), attendees: [], photoIds: [] }}
      onFinish={(values) => write.mutate({ ...values, heldAt: isoOf(values.heldAt) })}
    >
      <Form.Item name="heldAt" label={label('heldAt')} rules={required}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="attendees" label={label('attendees')} rules={required}>
        <Select mode="tags" open={false} placeholder={label('attendeesPlaceholder')} />
      </Form.Item>
      <Form.Item name="notes" label={label('notes')} rules={[{ ...required[0], whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="nextSteps" label={label('nextSteps')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="photoIds" label={label('evidence')}>
        <PhotoUpload />
      </Form.Item>
    </FormDialog>
  );
}
