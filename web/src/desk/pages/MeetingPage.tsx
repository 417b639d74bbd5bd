import { ArrowLeftOutlined, QrcodeOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  List,
  Modal,
  QRCode,
  Row,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import type { Meeting } from '../../shared/deliberation-types.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { DetailError } from '../DetailError.tsx';
import { ALL, useCheckinCode, useMeeting } from '../deliberation/delib-data.ts';
import { ResolutionDialog } from '../deliberation/MeetingDialogs.tsx';
import { ResolutionList } from '../deliberation/ResolutionList.tsx';
import { StepTag } from '../deliberation/StepTags.tsx';
import '../deliberation/messages.ts';
import { useDeskMutation } from '../use-desk-mutation.ts';

/** A meeting: its agenda, the parties invited, who signed in (QR screen), the minutes and the resolutions with their follow-up cases. */
export default function MeetingPage() {
  const { id } = useParams<{ id: string }>();
  const { t, dateTime } = useI18n();
  const { data: meeting, error } = useMeeting(id);
  const [qr, setQr] = useState(false);
  const [resolving, setResolving] = useState(false);
  const back = (
    <Link href="/meetings" className="fq-back">
      <ArrowLeftOutlined /> {t('deskDelib.meeting.back')}
    </Link>
  );
  if (error) return <DetailError error={error} back={back} notFound={t('deskDelib.meeting.notFound')} />;
  if (!meeting) return <Skeleton active className="fq-page" />;
  return (
    <div className="fq-page">
      {back}
      <div className="fq-page-header">
        <div className="fq-case-heading">
          <Typography.Text type="secondary" className="fq-case-number">
            {meeting.number} · {meeting.communityName} {meeting.estateName ?? ''}
          </Typography.Text>
          <Typography.Title level={3}>{meeting.title}</Typography.Title>
          <Space size={4} wrap>
            <Tag color={meeting.kind === 'property_day' ? 'red' : 'blue'}>{t(`deskDelib.kind.${meeting.kind}`)}</Tag>
            <Tag>{t(`deskDelib.meetings.statusValue.${meeting.status}`)}</Tag>
            <Typography.Text type="secondary">
              {dateTime(meeting.startsAt)} · {meeting.place}
            </Typography.Text>
          </Space>
        </div>
        {meeting.canManage && (
          <Space wrap className="fq-actions">
            <Button type="primary" icon={<QrcodeOutlined />} onClick={() => setQr(true)}>
              {t('deskDelib.meeting.signIn')}
            </Button>
            <Button onClick={() => setResolving(true)}>{t('deskDelib.meeting.addResolution')}</Button>
          </Space>
        )}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} className="fq-full">
            <Card title={t('deskDelib.meetings.agenda')} variant="borderless">
              <List
                locale={{ emptyText: t('deskDelib.topic.none') }}
                dataSource={meeting.agenda}
                renderItem={(a) => (
                  <List.Item extra={<StepTag step={a.step} />}>
                    <Link href={`/topics/${a.topicId}`}>
                      {a.seq}. {a.number} {a.title}
                    </Link>
                  </List.Item>
                )}
              />
            </Card>
            <Card title={t('deskDelib.meetings.resolutions')} variant="borderless">
              <ResolutionList resolutions={meeting.resolutions} />
            </Card>
            <Card title={t('deskDelib.meeting.minutes')} variant="borderless">
              <Minutes meeting={meeting} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} className="fq-full">
            <Card title={t('deskDelib.meeting.invitations')} variant="borderless">
              <Space wrap>
                {meeting.invitations.map((i) => (
                  <Tag key={i.party} color="volcano">
                    {t(`deskDelib.party.${i.party}`)}
                    {i.organisationName ? ` · ${i.organisationName}` : ''}
                  </Tag>
                ))}
              </Space>
            </Card>
            <Card title={`${t('deskDelib.meetings.attendance')} · ${meeting.attendance.length}`} variant="borderless">
              {meeting.attendance.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deskDelib.meeting.noAttendance')} />
              ) : (
                <List
                  size="small"
                  dataSource={meeting.attendance}
                  renderItem={(a) => (
                    <List.Item>
                      <span>
                        {a.name} · {t(`deskDelib.party.${a.party}`)}
                      </span>
                      <Typography.Text type="secondary">{dateTime(a.at)}</Typography.Text>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Space>
        </Col>
      </Row>
      {qr && <CheckinScreen meetingId={meeting.id} onClose={() => setQr(false)} />}
      {resolving && <ResolutionDialog meeting={meeting} onClose={() => setResolving(false)} />}
    </div>
  );
}

/** The room's screen: a large QR code phones scan to sign in, and the count as they do. */
function CheckinScreen({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const { t } = useI18n();
  const code = useCheckinCode(meetingId);
  const url = code.data ? `${window.location.origin}${code.data.url}` : '';
  return (
    <Modal open title={t('deskDelib.meeting.signInTitle')} onCancel={onClose} footer={null} width={520} destroyOnHidden>
      <div className="fq-delib-qr">
        {code.data ? <QRCode value={url} size={320} /> : <Skeleton.Image active />}
        <Statistic title={code.data?.title} value={t('deskDelib.meeting.signedIn', { n: code.data?.attended ?? 0 })} />
      </div>
    </Modal>
  );
}

function Minutes({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ minutes: string }>();
  const save = useDeskMutation(
    (v: { minutes: string }) =>
      api(`/api/deliberation/meetings/${meeting.id}/minutes`, { body: { minutes: v.minutes, held: true } }),
    {
      invalidate: [ALL],
      success: t('deskDelib.saved'),
      form,
    },
  );
  if (!meeting.canManage) return <Typography.Paragraph className="fq-pre">{meeting.minutes ?? '—'}</Typography.Paragraph>;
  return (
    <Form form={form} layout="vertical" initialValues={{ minutes: meeting.minutes ?? '' }} onFinish={(v) => save.mutate(v)}>
      <Form.Item name="minutes" rules={[{ required: true }]}>
        <Input.TextArea rows={6} maxLength={10_000} aria-label={t('deskDelib.meeting.minutes')} />
      </Form.Item>
      <Button htmlType="submit" loading={save.isPending}>
        {t('deskDelib.meeting.saveMinutes')}
      </Button>
    </Form>
  );
}
