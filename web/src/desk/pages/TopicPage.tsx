import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import type { Topic } from '../../shared/deliberation-types.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { PhotoGallery } from '../cases/PhotoGallery.tsx';
import { DetailError } from '../DetailError.tsx';
import { useTopic } from '../deliberation/delib-data.ts';
import { ResolutionList } from '../deliberation/ResolutionList.tsx';
import { FiveSteps, StepTag } from '../deliberation/StepTags.tsx';
import { type TopicDialog, TopicDialogs } from '../deliberation/TopicDialogs.tsx';
import { TopicTimeline } from '../deliberation/TopicTimeline.tsx';

const photo = (id: string) => ({ id, url: `/api/photos/${id}`, thumbnailUrl: `/api/photos/${id}/thumbnail` });

/** One topic: the matter, its place in the five steps, what was decided and done, the votes, the money, the history. */
export default function TopicPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { data: topic, error, refetch, isFetching } = useTopic(id);
  const [dialog, setDialog] = useState<TopicDialog | null>(null);
  const back = (
    <Link href="/topics" className="fq-back">
      <ArrowLeftOutlined /> {t('deskDelib.topic.back')}
    </Link>
  );
  if (error) return <DetailError error={error} back={back} notFound={t('deskDelib.topic.notFound')} />;
  if (!topic) return <Skeleton active className="fq-page" />;
  const manages = topic.allowedActions.length > 0 || topic.step === 'acting' || topic.step === 'concluded';

  return (
    <div className="fq-page">
      {back}
      <div className="fq-page-header">
        <div className="fq-case-heading">
          <Typography.Text type="secondary" className="fq-case-number">
            {topic.number} · {topic.communityName} {topic.estateName} {topic.buildingName ?? ''}
          </Typography.Text>
          <Typography.Title level={3}>{topic.title}</Typography.Title>
          <Space size={4} wrap>
            <StepTag step={topic.step} />
            <Tag>{t(`deskDelib.via.${topic.proposedVia}`)}</Tag>
            <Tag>
              {t('deskDelib.topics.supports')} {topic.supportCount}
            </Tag>
            {topic.ratingAverage !== null && (
              <Tag color="gold">
                {t('deskDelib.topic.ratingOf', { avg: topic.ratingAverage.toFixed(1), n: topic.ratingCount })}
              </Tag>
            )}
          </Space>
        </div>
        <Space wrap className="fq-actions" role="toolbar" aria-label={t('deskCases.detail.actions')}>
          {topic.allowedActions.map((action) => (
            <Button
              key={action}
              type={['send_back', 'merge', 'decline'].includes(action) ? 'default' : 'primary'}
              danger={action === 'decline'}
              onClick={() => setDialog({ kind: 'step', action })}
            >
              {t(`deskDelib.action.${action}`)}
            </Button>
          ))}
          {manages && ['concluded', 'acting'].includes(topic.step) && (
            <Button onClick={() => setDialog({ kind: 'vote' })}>{t('deskDelib.topic.openVote')}</Button>
          )}
          {manages && ['acting', 'evaluating', 'closed'].includes(topic.step) && (
            <Button onClick={() => setDialog({ kind: 'fund' })}>{t('deskDelib.topic.addFundLine')}</Button>
          )}
          <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => refetch()} aria-label={t('common.retry')} />
        </Space>
      </div>
      <Card variant="borderless" className="fq-gap">
        <FiveSteps step={topic.step} />
      </Card>
      {topic.step === 'declined' && topic.publicReason && (
        <Alert
          className="fq-gap"
          type="warning"
          showIcon
          title={t('deskDelib.topic.publicReason')}
          description={topic.publicReason}
        />
      )}
      {topic.mergedInto && (
        <Alert
          className="fq-gap"
          type="info"
          showIcon
          title={
            <Link href={`/topics/${topic.mergedInto.id}`}>
              {t('deskDelib.topic.mergedInto', { number: topic.mergedInto.number, title: topic.mergedInto.title })}
            </Link>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} className="fq-full">
            <Card title={t('deskDelib.topic.description')} variant="borderless">
              <Facts topic={topic} />
            </Card>
            <Card title={t('deskDelib.topic.resolutions')} variant="borderless">
              <ResolutionList resolutions={topic.resolutions} />
            </Card>
            <Card title={t('deskDelib.topic.votes')} variant="borderless">
              <List
                locale={{ emptyText: t('deskDelib.topic.none') }}
                dataSource={topic.votes}
                renderItem={(v) => (
                  <List.Item
                    extra={
                      v.result ? (
                        <Tag color={v.result === 'passed' ? 'green' : 'red'}>{t(`deskDelib.result.${v.result}`)}</Tag>
                      ) : (
                        <Tag color="blue">{t('deskDelib.votes.open')}</Tag>
                      )
                    }
                  >
                    <Link href={`/votes/${v.id}`}>
                      {v.number} {v.title}
                    </Link>
                  </List.Item>
                )}
              />
            </Card>
            <Card title={t('deskDelib.topic.funds')} variant="borderless">
              <Funds topic={topic} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} className="fq-full">
            <Card title={t('deskDelib.topic.meetings')} variant="borderless">
              <List
                locale={{ emptyText: t('deskDelib.topic.none') }}
                dataSource={topic.meetings}
                renderItem={(m) => (
                  <List.Item>
                    <Link href={`/meetings/${m.id}`}>
                      {t(`deskDelib.kind.${m.kind}`)} · {m.title}
                    </Link>
                  </List.Item>
                )}
              />
            </Card>
            <Card title={t('deskDelib.topic.timeline')} variant="borderless">
              <TopicTimeline timeline={topic.timeline} />
            </Card>
          </Space>
        </Col>
      </Row>
      {dialog && <TopicDialogs topic={topic} dialog={dialog} onClose={() => setDialog(null)} />}
    </div>
  );
}

function Facts({ topic }: { topic: Topic }) {
  const { t, dateTime, number } = useI18n();
  return (
    <Space orientation="vertical" size={12} className="fq-full">
      <Typography.Paragraph className="fq-pre">{topic.description}</Typography.Paragraph>
      {topic.photoIds.length > 0 && <PhotoGallery photos={topic.photoIds.map(photo)} />}
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('deskDelib.topic.proposer')}>
          {topic.proposerName ?? '—'} · {dateTime(topic.createdAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('deskDelib.topic.cost')}>
          {topic.estimatedCostFen === null ? '—' : t('deskDelib.topic.yuan', { amount: number(topic.estimatedCostFen / 100) })}
        </Descriptions.Item>
        {topic.sourceCaseId && (
          <Descriptions.Item label={t('deskDelib.topic.sourceCase')}>
            <Link href={`/cases/${topic.sourceCaseId}`}>{t('deskDelib.topic.sourceCase')}</Link>
          </Descriptions.Item>
        )}
        {topic.conclusion && (
          <Descriptions.Item label={t('deskDelib.topic.conclusion')} span={2}>
            {topic.conclusion}
          </Descriptions.Item>
        )}
        {topic.actionPlan && (
          <Descriptions.Item label={t('deskDelib.topic.actionPlan')} span={2}>
            {topic.actionPlan} · {topic.actionParty}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Space>
  );
}

function Funds({ topic }: { topic: Topic }) {
  const { t, date, number } = useI18n();
  if (topic.fundLines.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deskDelib.topic.none')} />;
  const total = topic.fundLines.reduce((sum, f) => sum + f.amountFen, 0);
  return (
    <List
      dataSource={topic.fundLines}
      footer={<Typography.Text strong>{t('deskDelib.funds.total', { amount: number(total / 100) })}</Typography.Text>}
      renderItem={(f) => (
        <List.Item
          extra={<Typography.Text strong>{t('deskDelib.topic.yuan', { amount: number(f.amountFen / 100) })}</Typography.Text>}
        >
          <List.Item.Meta title={f.spentOn} description={`${t(`deskDelib.source.${f.source}`)} · ${date(f.paidOn)}`} />
        </List.Item>
      )}
    />
  );
}
