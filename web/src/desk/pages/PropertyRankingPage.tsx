import { CalculatorOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'wouter';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { Grade, RankingItem } from '../../shared/property-score-types.ts';
import { hasPermission, useMe } from '../../shared/session.ts';
import '../property-scores/messages.ts';
import { MonthSelect } from '../property-scores/MonthSelect.tsx';
import { Change, GRADE_COLOURS, GradeTag, ScoresExportButton, Sparkline } from '../property-scores/ScoreBits.tsx';
import { useRanking, useScoreWrite } from '../property-scores/score-data.ts';

const GRADES: Grade[] = ['A', 'B', 'C', 'D'];

/** The month's ranking of property companies by credit grade, with change and trend; a company opens its scorecard. */
export default function PropertyRankingPage() {
  const { t, number } = useI18n();
  const me = useMe().data;
  const [month, setMonth] = useState<string | undefined>(undefined);
  const ranking = useRanking(month);
  const shown = month ?? ranking.data?.month;
  const compute = useScoreWrite<{ month: string }, { month: string; cards: number; weightsVersion: number }>(
    '/api/property-scores/compute',
    'POST',
  );
  const items = ranking.data?.items ?? [];

  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskScores.rankingTitle')}</Typography.Title>
        <Space wrap>
          <MonthSelect value={shown} onChange={setMonth} />
          <ScoresExportButton month={shown} />
          {hasPermission(me, 'property_scores.compute') && shown && (
            <Button
              icon={<CalculatorOutlined />}
              loading={compute.isPending}
              onClick={() => compute.mutate({ month: shown })}
              data-testid="scores-compute"
            >
              {t('deskScores.compute')}
            </Button>
          )}
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('deskScores.rankingIntro')}</Typography.Paragraph>
      {compute.data && (
        <Alert
          className="fq-gap"
          type="success"
          showIcon
          closable
          title={t('deskScores.computeDone', {
            month: compute.data.month,
            cards: number(compute.data.cards),
            version: compute.data.weightsVersion,
          })}
        />
      )}
      {ranking.error && <Alert className="fq-gap" type="error" showIcon title={errorMessage(t, ranking.error)} />}
      <Row gutter={[16, 16]} className="fq-gap">
        {GRADES.map((grade) => (
          <Col flex="1 1 0" key={grade}>
            <Card variant="borderless" loading={ranking.isLoading}>
              <Statistic
                title={t(`deskScores.grade.${grade}`)}
                value={number(items.filter((i) => i.grade === grade).length)}
                styles={{ content: { color: GRADE_COLOURS[grade] } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card variant="borderless">
        <Table<RankingItem>
          rowKey="companyId"
          loading={ranking.isLoading || (ranking.isFetching && ranking.isPlaceholderData)}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: t('deskScores.none') }}
          columns={[
            { key: 'rank', title: t('deskScores.col.rank'), width: 70, render: (_, row) => number(row.rank) },
            {
              key: 'company',
              title: t('deskScores.col.company'),
              render: (_, row) => (
                <Link href={`/property-scores/companies/${row.companyId}?month=${shown ?? ''}`}>{row.companyName}</Link>
              ),
            },
            { key: 'grade', title: t('deskScores.col.grade'), render: (_, row) => <GradeTag grade={row.grade} long /> },
            { key: 'score', title: t('deskScores.col.score'), align: 'right', render: (_, row) => number(row.score) },
            {
              key: 'change',
              title: t('deskScores.col.change'),
              align: 'right',
              render: (_, row) => <Change value={row.change} />,
            },
            {
              key: 'trend',
              title: t('deskScores.col.trend'),
              render: (_, row) => (
                <Sparkline values={row.trend} label={row.trend.map((v) => (v === null ? '—' : number(v))).join(' · ')} />
              ),
            },
            { key: 'estates', title: t('deskScores.col.estates'), align: 'right', render: (_, row) => number(row.estates) },
          ]}
        />
      </Card>
    </div>
  );
}
