import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import type { CaseAction } from '../../shared/types.ts';
import { ActionDialog } from '../cases/ActionDialog.tsx';
import { CaseFacts, CasePhotos, CaseReporter } from '../cases/CaseFacts.tsx';
import { CasePoint } from '../cases/CasePoint.tsx';
import { DeadlineTag, StateTag } from '../cases/CaseTags.tsx';
import { CaseTimeline } from '../cases/CaseTimeline.tsx';
import { useCase } from '../cases/case-data.ts';
import { MergeDialog } from '../cases/MergeDialog.tsx';
import { DetailError } from '../DetailError.tsx';
import '../cases/messages.ts';

/** Moves that take the case forward get the primary colour; refusals look like what they are. */
const PRIMARY = new Set<CaseAction>(['accept', 'start', 'resolve', 'close', 'resume']);
const DANGER = new Set<CaseAction>(['reject', 'return']);

/** One case: every field, photos, its place, the reporter and contacts, the timeline, and what the caller may do. */
export default function CasePage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { data: detail, error, refetch, isFetching } = useCase(id);
  const [action, setAction] = useState<CaseAction | null>(null);
  const { data: me } = useMe();
  const [, navigate] = useLocation();

  const back = (
    <Link href="/" className="fq-back">
      <ArrowLeftOutlined /> {t('deskCases.detail.back')}
    </Link>
  );
  if (error) return <DetailError error={error} back={back} notFound={t('deskCases.detail.notFound')} />;
  if (!detail) return <Skeleton active className="fq-page" />;

  return (
    <div className="fq-page">
      {back}
      <div className="fq-page-header">
        <div className="fq-case-heading">
          <Typography.Text type="secondary" className="fq-case-number">
            {detail.number}
          </Typography.Text>
          <Typography.Title level={3}>{detail.title}</Typography.Title>
          <Space size={8} wrap>
            <StateTag state={detail.state} />
            <DeadlineTag deadline={detail.deadline} labelled />
          </Space>
        </div>
        <Space wrap className="fq-actions" role="toolbar" aria-label={t('deskCases.detail.actions')}>
          {detail.allowedActions.map((allowed) => (
            <Button
              key={allowed}
              type={PRIMARY.has(allowed) ? 'primary' : 'default'}
              danger={DANGER.has(allowed)}
              onClick={() => setAction(allowed)}
            >
              {t(`case.action.${allowed}`)}
            </Button>
          ))}
          {hasPermission(me, 'mediation.manage') && (
            // A quarrel behind the case (a flooded basement, unpaid wages) becomes a dispute file with the reporter as a party.
            <Button onClick={() => navigate(`/disputes?caseId=${detail.id}`)}>{t('deskCases.detail.openDispute')}</Button>
          )}
          <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => refetch()} aria-label={t('common.retry')} />
        </Space>
      </div>
      {detail.allowedActions.length === 0 && (
        <Alert className="fq-gap" type="info" showIcon title={t('deskCases.detail.noActions')} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} className="fq-full">
            <Card title={t('deskCases.detail.facts')} variant="borderless">
              <CaseFacts detail={detail} />
            </Card>
            <Card title={t('deskCases.detail.photos')} variant="borderless">
              <CasePhotos detail={detail} />
            </Card>
            <Card title={t('deskCases.detail.timeline')} variant="borderless">
              <CaseTimeline detail={detail} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} className="fq-full">
            <Card title={t('deskCases.detail.where')} variant="borderless">
              <CasePoint detail={detail} />
            </Card>
            <Card title={t('deskCases.detail.reporter')} variant="borderless">
              <CaseReporter detail={detail} />
            </Card>
          </Space>
        </Col>
      </Row>
      <ActionDialog detail={detail} action={action === 'merge' ? null : action} onClose={() => setAction(null)} />
      <MergeDialog detail={detail} open={action === 'merge'} onClose={() => setAction(null)} />
    </div>
  );
}
