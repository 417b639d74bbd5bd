import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import { DetailError } from '../DetailError.tsx';
import { AgreementCard } from '../mediation/AgreementCard.tsx';
import { DisputeFacts, DisputeParties } from '../mediation/DisputeFacts.tsx';
import { DisputeMoveButtons, DisputeMoveDialog } from '../mediation/DisputeMoves.tsx';
import { DisputeStateTag, LevelTag, RiskTag } from '../mediation/DisputeTags.tsx';
import { DisputeTimeline } from '../mediation/DisputeTimeline.tsx';
import type { DisputeMove } from '../mediation/dispute-moves.ts';
import '../mediation/messages.ts';
import { useDispute } from '../mediation/mediation-data.ts';
import { SessionsCard } from '../mediation/SessionsCard.tsx';

/** One dispute file: the facts and parties, its sessions, the agreement and its follow-up, the timeline, and the moves allowed now. */
export default function DisputePage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { data: dispute, error, refetch, isFetching } = useDispute(id);
  const [move, setMove] = useState<DisputeMove | null>(null);

  const back = (
    <Link href="/disputes" className="fq-back">
      <ArrowLeftOutlined /> {t('deskMediation.detail.back')}
    </Link>
  );
  if (error) return <DetailError error={error} back={back} notFound={t('deskMediation.detail.notFound')} />;
  if (!dispute) return <Skeleton active className="fq-page" />;

  return (
    <div className="fq-page">
      {back}
      <div className="fq-page-header">
        <div className="fq-case-heading">
          <Typography.Text type="secondary" className="fq-case-number">
            {dispute.number} · {t(`deskMediation.type.${dispute.type}`)}
          </Typography.Text>
          <Typography.Title level={3}>{dispute.title}</Typography.Title>
          <Space size={8} wrap>
            <DisputeStateTag state={dispute.state} />
            <LevelTag level={dispute.level} />
            <RiskTag risk={dispute.riskLevel} />
          </Space>
        </div>
        <Space wrap className="fq-actions" role="toolbar" aria-label={t('deskCases.detail.actions')}>
          <DisputeMoveButtons dispute={dispute} onMove={setMove} />
          <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => refetch()} aria-label={t('common.retry')} />
        </Space>
      </div>
      {!dispute.canManage && (
        <Alert
          className="fq-gap"
          type="info"
          showIcon
          title={t('deskMediation.detail.readOnly', { level: t(`deskMediation.level.${dispute.level}`) })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} className="fq-full">
            <Card title={t('deskMediation.detail.facts')} variant="borderless">
              <DisputeFacts dispute={dispute} />
            </Card>
            <Card title={t('deskMediation.detail.parties')} variant="borderless">
              <DisputeParties dispute={dispute} />
            </Card>
            <SessionsCard dispute={dispute} />
            <AgreementCard dispute={dispute} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('deskMediation.detail.timeline')} variant="borderless">
            <DisputeTimeline dispute={dispute} />
          </Card>
        </Col>
      </Row>
      <DisputeMoveDialog dispute={dispute} move={move} onClose={() => setMove(null)} />
    </div>
  );
}
