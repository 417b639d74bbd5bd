import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'wouter';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { COMPONENTS, type Component, CRITERIA, type Scorecard } from '../../shared/property-score-types.ts';
import { EChart } from '../geo/EChart.tsx';
import { CardCasesDrawer, type CaseComponent } from '../property-scores/CardCasesDrawer.tsx';
import { historyOption } from '../property-scores/history-chart.ts';
import '../property-scores/messages.ts';
import { MonthSelect } from '../property-scores/MonthSelect.tsx';
import { GradeTag } from '../property-scores/ScoreBits.tsx';
import { useCompanyScorecard } from '../property-scores/score-data.ts';

/** One company's scorecard: its grade over twelve months, each estate's card, and the cases behind each figure. */
export default function PropertyCompanyPage() {
  const { id } = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams();
  const month = search.get('month') || undefined;
  const { t, number, date, locale } = useI18n();
  const scorecard = useCompanyScorecard(id, month);
  const data = scorecard.data;
  const [drill, setDrill] = useState<{ card: Scorecard; component: CaseComponent } | null>(null);
  const monthLabel = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { year: '2-digit', month: 'short', timeZone: 'UTC' });
    return (m: string) => format.format(new Date(`${m}-01T00:00:00Z`));
  }, [locale]);
  const option = useMemo(() => historyOption(data?.history ?? [], monthLabel), [data, monthLabel]);

  const explain = (card: Scorecard, component: Component) => {
    const i = card.inputs;
    if (card.components[component] === null) return t('deskScores.explain.noData');
    switch (component) {
      case 'review':
        return t('deskScores.explain.review', { parties: card.review?.scores.length ?? 0 });
      case 'complaints':
        return t('deskScores.explain.complaints', { complaints: i.complaints, households: i.households });
      case 'handling':
        return t('deskScores.explain.handling', { onTime: i.casesOnTime, settled: i.casesSettled, assigned: i.casesAssigned });
      case 'rectification':
        return t('deskScores.explain.rectification', { onTime: i.ordersOnTime, due: i.ordersDue, issued: i.ordersIssued });
      default:
        return t('deskScores.explain.ratings', {
          count: i.ratings,
          mean: number(Math.round((i.ratingSum / i.ratings) * 10) / 10),
        });
    }
  };

  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Space size="middle" wrap>
          <Link href="/property-scores">
            <Button icon={<ArrowLeftOutlined />} aria-label={t('deskScores.back')} />
          </Link>
          <Typography.Title level={3}>
            {data ? t('deskScores.companyTitle', { company: data.companyName }) : ' '}
          </Typography.Title>
          <MonthSelect value={data?.month ?? month} onChange={(m) => setSearch({ month: m })} />
        </Space>
      </div>
      {scorecard.error && <Alert className="fq-gap" type="error" showIcon title={errorMessage(t, scorecard.error)} />}
      {data && (
        <>
          <Card variant="borderless" className="fq-gap">
            <Descriptions size="small" column={{ xs: 1, md: 5 }}>
              <Descriptions.Item label={t('deskScores.month')}>{monthLabel(data.month)}</Descriptions.Item>
              <Descriptions.Item label={t('deskScores.col.grade')}>
                <GradeTag grade={data.grade} long />
              </Descriptions.Item>
              <Descriptions.Item label={t('deskScores.col.score')}>
                {data.score === null ? '—' : number(data.score)}
              </Descriptions.Item>
              <Descriptions.Item label={t('deskScores.col.rank')}>
                {data.rank === null ? '—' : t('deskScores.rankOf', { rank: data.rank })}
              </Descriptions.Item>
              {data.cards[0] && (
                <Descriptions.Item label={t('deskScores.weightsCol')}>
                  {t('deskScores.weightsUsed', { version: data.cards[0].weightsVersion })} · {date(data.cards[0].computedAt)}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Title level={5}>{t('deskScores.history')}</Typography.Title>
            <EChart option={option} style={{ height: 240 }} ariaLabel={t('deskScores.historyChart')} />
          </Card>
          <Card variant="borderless" title={t('deskScores.cards')}>
            <Table<Scorecard>
              rowKey="id"
              size="small"
              dataSource={data.cards}
              pagination={false}
              scroll={{ x: 1080 }}
              locale={{ emptyText: <Empty description={t('deskScores.noCards')} /> }}
              expandable={{ expandedRowRender: (card) => <ReviewDetail card={card} /> }}
              columns={[
                {
                  key: 'estate',
                  title: t('deskScores.col.estate'),
                  width: 120,
                  fixed: 'left',
                  render: (_, c) => (
                    <Space direction="vertical" size={0}>
                      <span>{c.estateName}</span>
                      <Typography.Text type="secondary">{c.communityName}</Typography.Text>
                    </Space>
                  ),
                },
                { key: 'grade', title: t('deskScores.col.grade'), width: 90, render: (_, c) => <GradeTag grade={c.grade} /> },
                { key: 'score', title: t('deskScores.col.score'), width: 70, align: 'right', render: (_, c) => number(c.score) },
                ...COMPONENTS.map((component) => ({
                  key: component,
                  title: `${t(`deskScores.component.${component}`)} (${data.cards[0]?.weights[component] ?? ''}%)`,
                  width: 150,
                  render: (_: unknown, c: Scorecard) => (
                    <Space direction="vertical" size={0} className="fq-scores-component">
                      <strong>{c.components[component] === null ? '—' : number(c.components[component] as number)}</strong>
                      <Typography.Text type="secondary" className="fq-scores-explain">
                        {explain(c, component)}
                      </Typography.Text>
                      {component !== 'review' && c.components[component] !== null && (
                        <Button
                          type="link"
                          size="small"
                          style={{ padding: 0 }}
                          onClick={() => setDrill({ card: c, component })}
                          data-testid={`drill-${component}`}
                        >
                          {t('deskScores.casesBehind')}
                        </Button>
                      )}
                    </Space>
                  ),
                })),
              ]}
            />
          </Card>
        </>
      )}
      <CardCasesDrawer card={drill?.card ?? null} component={drill?.component ?? 'handling'} onClose={() => setDrill(null)} />
    </div>
  );
}

function ReviewDetail({ card }: { card: Scorecard }) {
  const { t, date, number } = useI18n();
  if (!card.review) return <Typography.Text type="secondary">{t('deskScores.review.none')}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        {t('deskScores.review.title')} · {t('deskScores.review.heldOn')}: {date(card.review.heldOn)}
      </Typography.Text>
      <Table
        rowKey="party"
        size="small"
        pagination={false}
        dataSource={card.review.scores}
        columns={[
          { key: 'party', title: t('deskScores.partiesPresent'), render: (_, p) => t(`deskScores.party.${p.party}`) },
          ...CRITERIA.map((c) => ({
            key: c,
            title: t(`deskScores.criterion.${c}`),
            align: 'right' as const,
            render: (_: unknown, p: (typeof card.review & object)['scores'][number]) => number(p.scores[c]),
          })),
        ]}
      />
      {card.review.comments && (
        <Typography.Paragraph>
          {t('deskScores.review.comments')}: {card.review.comments}
        </Typography.Paragraph>
      )}
    </Space>
  );
}
