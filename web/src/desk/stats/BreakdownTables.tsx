import { Card, Space, Table, type TableColumnsType, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { IndicatorSelect } from './IndicatorSelect.tsx';
import { formatValue } from './indicator-format.ts';
import { IndicatorName } from './KpiCards.tsx';
import { useBreakdown } from './stats-data.ts';
import type { Breakdown, IndicatorInfo, StatsScope } from './stats-types.ts';

type Row = Breakdown['rows'][number];

function columnsOf(indicators: IndicatorInfo[], locale: string) {
  return indicators.map((indicator) => ({
    key: indicator.code,
    title: <IndicatorName indicator={indicator} />,
    align: 'right' as const,
    sorter: (a: Row, b: Row) => (a.values[indicator.code] ?? -1) - (b.values[indicator.code] ?? -1),
    render: (_: unknown, row: Row) => formatValue(row.values[indicator.code], indicator.unit, locale),
  }));
}

const pick = (registry: IndicatorInfo[], codes: string[]) =>
  codes.map((code) => registry.find((i) => i.code === code)).filter((i): i is IndicatorInfo => i !== undefined);

/** A card holding one table of figures, with its export (and any other control) at the top right. */
function FiguresCard({
  title,
  extra,
  loading,
  rows,
  columns,
}: {
  title: string;
  extra: ReactNode;
  loading: boolean;
  rows: Row[];
  columns: TableColumnsType<Row>;
}) {
  return (
    <Card variant="borderless" title={title} extra={extra} className="fq-gap">
      <Table<Row>
        rowKey="key"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={columns}
        scroll={{ x: true }}
      />
    </Card>
  );
}

/** Case figures per category of the period. */
export function CategoryTable({ scope, registry }: { scope: StatsScope; registry: IndicatorInfo[] }) {
  const { t, locale } = useI18n();
  const data = useBreakdown(scope, 'category', locale);
  const rows = (data.data?.rows ?? []).filter((r) => /^[0-9a-f-]{36}$/.test(r.key));
  const shown = pick(registry, [
    'received',
    'handled',
    'on_time_rate',
    'satisfaction_rate',
    'avg_handling_days',
    'hazards_found',
    'rectification_rate',
  ]);
  return (
    <FiguresCard
      title={t('stats.categories')}
      extra={<ExportMenu scope={scope} table="category" />}
      loading={data.isFetching}
      rows={[...rows].sort((a, b) => (b.values.received ?? 0) - (a.values.received ?? 0))}
      columns={[{ key: 'name', title: t('stats.category'), dataIndex: 'name' }, ...columnsOf(shown, locale)]}
    />
  );
}

/** The areas below the node ranked by one indicator, best first. */
export function ChildRanking({ scope, registry, level }: { scope: StatsScope; registry: IndicatorInfo[]; level: string }) {
  const { t, locale } = useI18n();
  const [code, setCode] = useState('on_time_rate');
  const data = useBreakdown(scope, 'child', locale);
  const indicator = registry.find((i) => i.code === code);
  const direction = indicator?.higherIsBetter === false ? 1 : -1;
  const rows = [...(data.data?.rows ?? [])].sort((a, b) => {
    const x = a.values[code];
    const y = b.values[code];
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return direction * (x - y);
  });
  const shown = pick(registry, [
    code,
    'received',
    'handled',
    'on_time_rate',
    'satisfaction_rate',
    'rectification_rate',
    'overdue_now',
  ]).filter((i, index, all) => all.findIndex((j) => j.code === i.code) === index);
  return (
    <FiguresCard
      title={`${t('stats.rankings')} · ${t(`stats.child.${level}`)}`}
      extra={
        <Space>
          <IndicatorSelect registry={registry} aria-label={t('stats.rankBy')} value={code} onChange={setCode} />
          <ExportMenu scope={scope} table="child" />
        </Space>
      }
      loading={data.isFetching}
      rows={rows}
      columns={[
        { key: 'rank', title: t('stats.rank'), width: 64, render: (_, __, index) => index + 1 },
        { key: 'name', title: t(`stats.child.${level}`), dataIndex: 'name' },
        ...columnsOf(shown, locale),
      ]}
    />
  );
}

/** Street departments and property companies by the cases they handled and their on-time rate. */
export function OrganisationRanking({ scope, registry }: { scope: StatsScope; registry: IndicatorInfo[] }) {
  const { t, locale } = useI18n();
  const data = useBreakdown(scope, 'organisation', locale);
  const rows = [...(data.data?.rows ?? [])].sort((a, b) => (b.values.org_on_time_rate ?? -1) - (a.values.org_on_time_rate ?? -1));
  return (
    <FiguresCard
      title={t('stats.organisations')}
      extra={<ExportMenu scope={scope} table="organisation" />}
      loading={data.isFetching}
      rows={rows}
      columns={[
        { key: 'rank', title: t('stats.rank'), width: 64, render: (_, __, index) => index + 1 },
        { key: 'name', title: t('stats.organisation'), dataIndex: 'name' },
        { key: 'kind', title: '', render: (_, row) => (row.kind ? <Tag>{t(`stats.kind.${row.kind}`)}</Tag> : null) },
        ...columnsOf(pick(registry, ['org_handled', 'org_on_time_rate']), locale),
      ]}
    />
  );
}
