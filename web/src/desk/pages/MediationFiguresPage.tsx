import { Alert, Card, Col, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { DisputeWarning, MediationFigures } from '../../shared/mediation-types.ts';
import { barsAndRateOption } from '../charts/bars-and-rate.ts';
import { FiguresScopeBar, useFiguresScope } from '../charts/figures-scope.tsx';
import { EChart } from '../geo/EChart.tsx';
import { disputeColumns } from '../mediation/dispute-columns.tsx';
import '../mediation/messages.ts';
import { useMediationFigures, useWarnings } from '../mediation/mediation-data.ts';

const DIMENSIONS = ['type', 'level', 'node'] as const;
type FigureRow = MediationFigures['rows'][number];

/** For the street leader: files that need attention now, and what mediation achieved in a period, by type, level or area. */
export default function MediationFiguresPage() {
  const { t, number, locale } = useI18n();
  const scopeState = useFiguresScope();
  const [by, setBy] = useState<(typeof DIMENSIONS)[number]>('type');
  const figures = useMediationFigures({ ...scopeState.scope, by });
  const data = figures.data;
  const label = (key: string) => t(`deskMediation.figures.${key}`);
  const rowLabel = (row: FigureRow) => (by === 'node' ? row.label : t(`deskMediation.${by}.${row.key}`));
  const percent = (rate: number | null) =>
    rate === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
  const option = useMemo(
    () =>
      barsAndRateOption(
        (data?.rows ?? []).map((row) => ({
          label: by === 'node' ? row.label : t(`deskMediation.${by}.${row.key}`),
          total: row.received,
          part: row.successful,
          rate: row.successRate,
        })),
        {
          total: t('deskMediation.figures.received'),
          part: t('deskMediation.figures.successful'),
          rate: t('deskMediation.figures.successRate'),
        },
        { total: '#1677ff', part: '#52c41a' },
      ),
    [data, by, t],
  );

  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{label('title')}</Typography.Title>
        <FiguresScopeBar state={scopeState} />
      </div>
      <Warnings />
      {figures.error && <Alert className="fq-gap" type="error" showIcon title={errorMessage(t, figures.error)} />}
      <Row gutter={[16, 16]} className="fq-gap">
        {[
          { key: 'received', value: data && number(data.totals.received) },
          { key: 'mediated', value: data && number(data.totals.mediated) },
          { key: 'successRate', value: data && percent(data.totals.successRate), color: '#389e0d' },
          { key: 'amountRecovered', value: data && number(data.totals.amountRecovered), color: '#c0392b' },
          { key: 'peopleInvolved', value: data && number(data.totals.peopleInvolved) },
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
                ...(['received', 'mediated', 'successful'] as const).map((key) => ({
                  key,
                  title: label(key),
                  align: 'right' as const,
                  render: (_: unknown, row: FigureRow) => number(row[key]),
                })),
                { key: 'rate', title: label('successRate'), align: 'right', render: (_, row) => percent(row.successRate) },
                {
                  key: 'amount',
                  title: label('amountRecovered'),
                  align: 'right',
                  render: (_, row) => number(row.amountRecovered),
                },
                { key: 'people', title: label('peopleInvolved'), align: 'right', render: (_, row) => number(row.peopleInvolved) },
              ]}
            />
          </Col>
        </Row>
      </Card>
    </div>
  );
}

/** High-risk and long-running files still being worked on, each a click from its page. */
function Warnings() {
  const { t, number } = useI18n();
  const [, navigate] = useLocation();
  const warnings = useWarnings();
  const columns = disputeColumns<DisputeWarning>(t, number);
  return (
    <Card
      variant="borderless"
      className="fq-gap"
      title={
        <Space>
          {t('deskMediation.figures.warnings')}
          <Typography.Text type="secondary">{t('deskMediation.figures.warningsHint')}</Typography.Text>
        </Space>
      }
    >
      <Table<DisputeWarning>
        rowKey="id"
        size="small"
        loading={warnings.isLoading}
        dataSource={warnings.data ?? []}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        locale={{ emptyText: t('deskMediation.figures.noWarnings') }}
        onRow={(row) => ({ onClick: () => navigate(`/disputes/${row.id}`), className: 'fq-clickable' })}
        columns={[
          columns.number,
          columns.dispute,
          {
            key: 'why',
            title: t('deskMediation.form.riskReasons'),
            render: (_, row) => (
              <>
                {row.reasons.map((reason) => (
                  <Tag key={reason} color={reason === 'high_risk' ? 'error' : 'warning'}>
                    {t(`deskMediation.figures.${reason === 'high_risk' ? 'highRisk' : 'longRunning'}`)}
                  </Tag>
                ))}
                {row.riskReasons.map((reason) => (
                  <Tag key={reason}>{t(`deskMediation.riskReason.${reason}`)}</Tag>
                ))}
              </>
            ),
          },
          columns.level,
          columns.state,
          columns.people,
          {
            key: 'days',
            title: t('deskMediation.detail.daysOpen'),
            render: (_, row) => t('deskMediation.list.days', { days: row.daysOpen }),
          },
        ]}
      />
    </Card>
  );
}
