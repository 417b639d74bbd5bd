import { Card, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { EChart } from '../geo/EChart.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { chartValue } from './indicator-format.ts';
import { useIndicatorTrend } from './stats-data.ts';
import type { IndicatorInfo, StatsScope } from './stats-types.ts';

/** Chosen indicators per day or month of the period: counts on the left axis, rates (%) on the right. */
export function TrendCard({ scope, registry }: { scope: StatsScope; registry: IndicatorInfo[] }) {
  const { t, locale } = useI18n();
  const [codes, setCodes] = useState(['received', 'handled', 'on_time_rate']);
  const trend = useIndicatorTrend(scope);
  const option = useMemo(() => {
    const points = trend.data?.points ?? [];
    const chosen = codes.map((code) => registry.find((i) => i.code === code)).filter((i): i is IndicatorInfo => i !== undefined);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: points.map((p) => (trend.data?.by === 'day' ? p.key.slice(5) : p.key)) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: chosen.map((i) => ({
        name: locale === 'en' ? i.name.en : i.name.zh,
        type: i.unit === 'rate' ? 'line' : 'bar',
        yAxisIndex: i.unit === 'rate' ? 1 : 0,
        connectNulls: true,
        data: points.map((p) => chartValue(p.values[i.code], i.unit)),
      })),
    };
  }, [trend.data, codes, registry, locale]);
  return (
    <Card
      variant="borderless"
      title={t('stats.trend')}
      className="fq-gap"
      extra={
        <>
          <Select
            mode="multiple"
            size="small"
            maxCount={4}
            aria-label={t('stats.trendPick')}
            value={codes}
            onChange={setCodes}
            style={{ minWidth: 320, marginRight: 8 }}
            options={registry.map((i) => ({ value: i.code, label: locale === 'en' ? i.name.en : i.name.zh }))}
          />
          <ExportMenu scope={scope} table="trend" />
        </>
      }
    >
      <EChart option={option} style={{ height: 300 }} ariaLabel={t('stats.trend')} />
    </Card>
  );
}
