import { ArrowLeftOutlined, LockOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import type { CareFile } from '../../shared/care-types.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { CareRiskTag, DueTag, GroupTags } from '../care/CareTags.tsx';
import { useCareFile } from '../care/care-data.ts';
import { type FileDialog, FileDialogs } from '../care/FileDialogs.tsx';
import { PhotoGallery } from '../cases/PhotoGallery.tsx';
import '../care/messages.ts';
import { DetailError } from '../DetailError.tsx';

/** One care file: the person and their home, how often they are visited, every visit with its photos, the timeline. Each read is audited. */
export default function CareFilePage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { data: file, error, refetch, isFetching } = useCareFile(id);
  const [dialog, setDialog] = useState<FileDialog | null>(null);
  const back = (
    <Link href="/care" className="fq-back">
      <ArrowLeftOutlined /> {t('deskCare.detail.back')}
    </Link>
  );
  if (error) return <DetailError error={error} back={back} notFound={t('deskCare.detail.notFound')} />;
  if (!file) return <Skeleton active className="fq-page" />;
  const active = file.status === 'active';

  return (
    <div className="fq-page">
      {back}
      <div className="fq-page-header">
        <div className="fq-case-heading">
          <Typography.Text type="secondary" className="fq-case-number">
            {file.number} · {file.communityName} {file.gridName}
          </Typography.Text>
          <Typography.Title level={3}>
            {file.name}
            {file.age !== null && <Typography.Text type="secondary"> · {file.age}</Typography.Text>}
          </Typography.Title>
          <Space size={4} wrap>
            <GroupTags groups={file.groups} />
            <CareRiskTag risk={file.riskLevel} />
            {active ? <DueTag status={file.dueStatus} date={file.nextDueDate} /> : <Tag>{t('deskCare.status.closed')}</Tag>}
          </Space>
        </div>
        <Space wrap className="fq-actions" role="toolbar" aria-label={t('deskCases.detail.actions')}>
          {file.canManage && active && (
            <>
              <Button type="primary" onClick={() => setDialog('visit')}>
                {t('deskCare.detail.logVisit')}
              </Button>
              <Button onClick={() => setDialog('edit')}>{t('deskCare.detail.edit')}</Button>
              <Button danger onClick={() => setDialog('close')}>
                {t('deskCare.detail.close')}
              </Button>
            </>
          )}
          <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => refetch()} aria-label={t('common.retry')} />
        </Space>
      </div>
      <Alert className="fq-gap" type="info" showIcon icon={<LockOutlined />} title={t('deskCare.detail.audited')} />
      {!active && file.closeReason && (
        <Alert
          className="fq-gap"
          type="warning"
          showIcon
          title={t('deskCare.detail.closedBecause', { reason: t(`deskCare.closeReason.${file.closeReason}`) })}
          description={file.closeNote}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} className="fq-full">
            <Card title={t('deskCare.detail.facts')} variant="borderless">
              <Facts file={file} />
            </Card>
            <Card title={t('deskCare.detail.visits')} variant="borderless">
              <Visits file={file} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('deskCare.detail.timeline')} variant="borderless">
            <CareTimeline file={file} />
          </Card>
        </Col>
      </Row>
      <FileDialogs file={file} dialog={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}

const COLORS: Record<string, string> = {
  'care.visit_missed': '#cf1322',
  'care.visit_logged': '#389e0d',
  'care.file_closed': '#8c8c8c',
};

/** Every change of the file, newest first, with who made it. */
function CareTimeline({ file }: { file: CareFile }) {
  const { t, dateTime, date } = useI18n();
  return (
    <Timeline
      className="fq-timeline"
      mode="start"
      titleSpan="168px"
      items={[...file.timeline].reverse().map((event, index) => ({
        key: `${event.at}-${index}`,
        color: COLORS[event.type] ?? '#1677ff',
        title: <span className="fq-nowrap fq-muted">{dateTime(event.at)}</span>,
        content: (
          <div>
            <Typography.Text>
              {t(`deskCare.event.${event.type}`, { date: date(String(event.data.dueDate ?? event.data.dueTo ?? '')) })}
            </Typography.Text>
            {event.actorName && <Typography.Text type="secondary"> · {event.actorName}</Typography.Text>}
          </div>
        ),
      }))}
    />
  );
}

function Facts({ file }: { file: CareFile }) {
  const { t, date, dateTime } = useI18n();
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small">
      <Descriptions.Item label={t('deskCare.detail.phone')}>{file.phone ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('deskCare.detail.idNumber')}>{file.idNumber ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('deskCare.detail.address')}>{file.address}</Descriptions.Item>
      <Descriptions.Item label={t('deskCare.detail.guardian')}>
        {file.guardianName ? `${file.guardianName} ${file.guardianPhone ?? ''}` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('deskCare.detail.rule')}>
        {file.rule
          ? `${t(`deskCare.group.${file.rule.group}`)} · ${t(`deskCare.${file.rule.every === 1 ? 'unitOne' : 'unit'}.${file.rule.unit}`, { n: file.rule.every })}`
          : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('deskCare.detail.lastVisit')}>
        {file.lastVisitDate ? date(file.lastVisitDate) : t('deskCare.detail.neverVisited')}
      </Descriptions.Item>
      <Descriptions.Item label={t('deskCare.detail.openedAt')}>{dateTime(file.openedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('deskCare.detail.riskNote')}>{file.riskNote ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('deskCare.detail.situation')} span={2}>
        {file.situation ?? '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}

function Visits({ file }: { file: CareFile }) {
  const { t, date, dateTime } = useI18n();
  if (file.visits.length === 0) return <Empty description={t('deskCare.detail.noVisits')} />;
  return (
    <Space orientation="vertical" size={16} className="fq-full">
      {file.visits.map((v) => (
        <div key={v.id} className="fq-care-visit">
          <Space wrap size={8}>
            <Typography.Text strong>{dateTime(v.visitedAt)}</Typography.Text>
            <Tag color={v.onTime ? 'success' : 'error'}>{v.onTime ? t('deskCare.detail.onTime') : t('deskCare.detail.late')}</Tag>
            <Typography.Text type="secondary">
              {t(`deskCare.method.${v.method}`)} · {t(`deskCare.wellbeing.${v.wellbeing}`)} · {v.visitorName} ·{' '}
              {t('deskCare.detail.dueWas', { date: date(v.dueDate) })}
            </Typography.Text>
            {v.campaignName && <Tag color="volcano">{v.campaignName}</Tag>}
            {v.followUpCaseId && (
              <Link href={`/cases/${v.followUpCaseId}`}>
                {t('deskCare.detail.followUp', { number: v.followUpCaseNumber ?? '' })}
              </Link>
            )}
          </Space>
          <Typography.Paragraph className="fq-care-observations">{v.observations}</Typography.Paragraph>
          {v.needs.length > 0 && (
            <div>
              {v.needs.map((n) => (
                <Tag key={n}>{t(`deskCare.need.${n}`)}</Tag>
              ))}
              {v.needsNote && <Typography.Text type="secondary">{v.needsNote}</Typography.Text>}
            </div>
          )}
          {v.photos.length > 0 && <PhotoGallery photos={v.photos} />}
        </div>
      ))}
    </Space>
  );
}
