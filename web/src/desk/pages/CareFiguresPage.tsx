import { Alert, Card, Col, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { CareFigures } from '../../shared/care-types.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { CampaignsCard } from '../care/CampaignsCard.tsx';
import { useCareFigures } from '../care/care-data.ts';
import '../care/messages.ts';
import { barsAndRateOption } from '../charts/bars-and-rate.ts';
import { FiguresScopeBar, useFiguresScope } from '../charts/figures-scope.tsx';
import { EChart } from '../geo/EChart.tsx';

const DIMENSIONS = ['node', 'group'] as const;
type FigureRow = CareFigures['rows'][number];
const COUNTS = ['due', 'onTime', 'late', 'missed', 'pending'] as const;

/** Visit coverage of an area and period, by area or group, and the festival campaigns: counts only, no names. */
export default function CareFiguresPage() {
  const { t, number, locale } = useI18n();
  const scopeState = useFiguresScope();
  const [by, setBy] = useState<(typeof DIMENSIONS)[number]>('node');
  const figures = useCareFigures({ ...scopeState.scope, by });
  const data = figures.data;
  const label = (key: string) => t(`deskCare.figures.${key}`);
  const rowLabel = (row: FigureRow) => (by === 'node' ? row.label : t(`deskCare.group.${row.key}`));
  const percent = (rate: number | null) =>
    rate === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
  const option = useMemo(
    () =>
      barsAndRateOption(
        (data?.rows ?? []).map((row) => ({
          label: by === 'node' ? row.label : t(`deskCare.group.${row.key}`),
          total: row.onTime + row.late + row.missed,
          part: row.onTime,
          rate: row.onTimeRate,
        })),
        { total: t('deskCare.figures.due'), part: t('deskCare.figures.onTime'), rate: t('deskCare.figures.onTimeRate') },
        { total: '#1677ff', part: '#52c41a' },
      ),
    [data, by, t],
  );

  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskCare.figuresTitle')}</Typography.Title>
        <FiguresScopeBar state={scopeState} />
      </div>
      {figures.error && <Alert className="fq-gap" type="error" showIcon title={errorMessage(t, figures.error)} />}
      <Row gutter={[16, 16]} className="fq-gap">
        {[
          { key: 'files', value: data && number(data.totals.files) },
          { key: 'due', value: data && number(data.totals.due) },
          { key: 'onTime', value: data && number(data.totals.onTime), color: '#389e0d' },
          { key: 'late', value: data && number(data.totals.late), color: '#d46b08' },
          { key: 'missed', value: data && number(data.totals.missed), color: '#cf1322' },
          { key: 'onTimeRate', value: data && percent(data.totals.onTimeRate), color: '#389e0d' },
        ].map((kpi) => (
          <Col flex="1 1 0" key={kpi.key}>
            <Card variant="borderless" loading={figures.isLoading}>
              <Statistic
                title={label(kpi.key)}
                value={kpi.value ?? '—'}
                styles={{ content: { color: kpi.color } }}
                data-testid={`kpi-${kpi.key}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary">{label('definition')}</Typography.Paragraph>
      <Card variant="borderless" className="fq-gap">
        <Segmented
          className="fq-gap"
          value={by}
          onChange={(value) => setBy(value as (typeof DIMENSIONS)[number])}
          options={DIMENSIONS.map((d) => ({ value: d, label: label(`by.${d}`) }))}
        />
        <Row gutter={24}>
          <Col xs={24} xl={11}>
            <EChart option={option} style={{ height: 340 }} ariaLabel={label('chart')} />
          </Col>
          <Col xs={24} xl={13}>
            <Table<FigureRow>
              rowKey="key"
              size="small"
              dataSource={data?.rows ?? []}
              loading={figures.isFetching}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { key: 'label', title: label(`by.${by}`), render: (_, row) => rowLabel(row) },
                { key: 'files', title: label('files'), align: 'right', render: (_, row) => number(row.files) },
                ...COUNTS.map((key) => ({
                  key,
                  title: label(key),
                  align: 'right' as const,
                  render: (_: unknown, row: FigureRow) => number(row[key]),
                })),
                { key: 'rate', title: label('onTimeRate'), align: 'right', render: (_, row) => percent(row.onTimeRate) },
              ]}
            />
          </Col>
        </Row>
      </Card>
      <CampaignsCard />
    </div>
  );
}
