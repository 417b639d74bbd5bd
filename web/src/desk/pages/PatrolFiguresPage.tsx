import { Alert, Card, Col, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { DIMENSION_LIST, type FigureDimension, type PatrolFigures } from '../../shared/patrol-types.ts';
import { barsAndRateOption } from '../charts/bars-and-rate.ts';
import { FiguresScopeBar, useFiguresScope } from '../charts/figures-scope.tsx';
import { EChart } from '../geo/EChart.tsx';
import '../patrols/messages.ts';
import { useFigures } from '../patrols/patrol-data.ts';

type FigureRow = PatrolFigures['rows'][number];

/** Hazards found and rectified, the rate, what is overdue; by area, type, party or team; and partners' activity. */
export default function PatrolFiguresPage() {
  const { t, number, locale } = useI18n();
  const scopeState = useFiguresScope();
  const [by, setBy] = useState<FigureDimension>('node');
  const figures = useFigures({ ...scopeState.scope, by });
  const data = figures.data;
  const percent = (rate: number | null) =>
    rate === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
  const option = useMemo(
    () =>
      barsAndRateOption(
        (data?.rows ?? []).map((row) => ({ label: row.label, total: row.found, part: row.rectified, rate: row.rate })),
        {
          total: t('deskPatrols.figures.found'),
          part: t('deskPatrols.figures.rectified'),
          rate: t('deskPatrols.figures.rate'),
        },
      ),
    [data, t],
  );

  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskPatrols.figures.title')}</Typography.Title>
        <FiguresScopeBar state={scopeState} />
      </div>
      {figures.error && <Alert className="fq-gap" type="error" showIcon title={errorMessage(t, figures.error)} />}
      <Row gutter={[16, 16]} className="fq-gap">
        {[
          { key: 'found', value: data ? number(data.totals.found) : '—', color: undefined },
          { key: 'rectified', value: data ? number(data.totals.rectified) : '—', color: '#389e0d' },
          { key: 'rate', value: data ? percent(data.totals.rate) : '—', color: '#c0392b' },
          { key: 'overdue', value: data ? number(data.totals.overdue) : '—', color: '#cf1322' },
        ].map((kpi) => (
          <Col span={6} key={kpi.key}>
            <Card variant="borderless" loading={figures.isLoading}>
              <Statistic
                title={t(`deskPatrols.figures.${kpi.key}`)}
                value={kpi.value}
                styles={{ content: { color: kpi.color } }}
                data-testid={`kpi-${kpi.key}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {data && (
        <Typography.Paragraph type="secondary">
          {t('deskPatrols.figures.activity', {
            runs: number(data.totals.runs),
            checkins: number(data.totals.checkins),
            missed: number(data.totals.missedRuns),
          })}
        </Typography.Paragraph>
      )}
      <Card variant="borderless" className="fq-gap">
        <Segmented
          className="fq-gap"
          value={by}
          onChange={(value) => setBy(value as FigureDimension)}
          options={DIMENSION_LIST.map((d) => ({ value: d, label: t(`deskPatrols.figures.by.${d}`) }))}
        />
        <Row gutter={24}>
          <Col span={12}>
            <EChart option={option} style={{ height: 340 }} ariaLabel={t('deskPatrols.figures.chart')} />
          </Col>
          <Col span={12}>
            <Table<FigureRow>
              rowKey={(row) => row.key ?? 'none'}
              size="small"
              dataSource={data?.rows ?? []}
              loading={figures.isFetching}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { key: 'label', title: t(`deskPatrols.figures.by.${by}`), dataIndex: 'label' },
                { key: 'found', title: t('deskPatrols.figures.found'), align: 'right', render: (_, r) => number(r.found) },
                {
                  key: 'rectified',
                  title: t('deskPatrols.figures.rectified'),
                  align: 'right',
                  render: (_, r) => number(r.rectified),
                },
                { key: 'overdue', title: t('deskPatrols.figures.overdue'), align: 'right', render: (_, r) => number(r.overdue) },
                { key: 'rate', title: t('deskPatrols.figures.rate'), align: 'right', render: (_, r) => percent(r.rate) },
              ]}
            />
          </Col>
        </Row>
      </Card>
      <Card variant="borderless" title={t('deskPatrols.figures.partners')}>
        <Table
          rowKey="userId"
          size="small"
          dataSource={data?.partners ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { key: 'name', title: t('deskPatrols.partners.name'), dataIndex: 'name' },
            { key: 'runs', title: t('deskPatrols.activity.runs'), align: 'right', dataIndex: 'runs' },
            { key: 'checkins', title: t('deskPatrols.activity.checkins'), align: 'right', dataIndex: 'checkins' },
            { key: 'findings', title: t('deskPatrols.activity.findings'), align: 'right', dataIndex: 'findings' },
          ]}
        />
      </Card>
    </div>
  );
}
