import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, query } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { CaseSummary, Page } from '../../shared/types.ts';
import { EChart } from './EChart.tsx';
import type { Overview } from './geo-types.ts';

/** Pieces of the wall screen: figures sized to be read from across a room. */

export function KpiTile({ label, value, sub, tone }: { label: string; value: string; sub?: string; tone?: 'alert' | 'good' }) {
  return (
    <section className={`fq-wall-kpi ${tone ? `fq-wall-kpi-${tone}` : ''}`} aria-label={label}>
      <div className="fq-wall-kpi-label">{label}</div>
      <div className="fq-wall-kpi-value">{value}</div>
      <div className="fq-wall-kpi-sub">{sub ?? '\u00a0'}</div>
    </section>
  );
}

const HOUR = 3_600_000;

/** The cases overdue the longest, refreshed with the rest of the screen. */
export function OverdueList({ nodeId, refetchInterval }: { nodeId: string; refetchInterval: number }) {
  const { t, number } = useI18n();
  const cases = useQuery({
    queryKey: ['cases', 'wall-overdue', nodeId],
    queryFn: () => api<Page<CaseSummary>>(`/api/cases${query({ nodeId, deadline: 'overdue', sort: 'deadline', limit: 7 })}`),
    refetchInterval,
  });
  const now = cases.dataUpdatedAt || Date.now();
  const items = cases.data?.items ?? [];
  if (cases.isSuccess && items.length === 0) return <div className="fq-wall-quiet">{t('geo.wall.noOverdue')}</div>;
  return (
    <ol className="fq-wall-overdue">
      {items.map((c) => {
        const late = now - Date.parse(c.deadline.dueAt ?? new Date(now).toISOString());
        const duration =
          late >= 24 * HOUR
            ? t('geo.wall.days', { n: number(Math.floor(late / (24 * HOUR))) })
            : t('geo.wall.hours', { n: number(Math.max(1, Math.floor(late / HOUR))) });
        return (
          <li key={c.id}>
            <span className="fq-wall-overdue-title">{c.title}</span>
            <span className="fq-wall-overdue-where">{c.gridName ?? c.address ?? ''}</span>
            <span className="fq-wall-overdue-late">{t('geo.wall.overdueSince', { duration })}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** Received and resolved per day over the last 30 days. */
export function TrendChart({ trend }: { trend: Overview['trend'] }) {
  const { t, locale } = useI18n();
  const option = useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    const axis = { color: '#a6c8ff', fontSize: 18 };
    return {
      backgroundColor: 'transparent',
      grid: { left: 56, right: 24, top: 56, bottom: 40 },
      legend: { top: 0, right: 0, textStyle: { color: '#e6f4ff', fontSize: 20 }, itemWidth: 28, itemHeight: 12 },
      tooltip: { trigger: 'axis', textStyle: { fontSize: 18 } },
      xAxis: {
        type: 'category',
        data: trend.map((d) => day.format(new Date(`${d.date}T12:00:00Z`))),
        axisLabel: { ...axis, interval: 6 },
        axisLine: { lineStyle: { color: '#3a5a80' } },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: axis,
        splitLine: { lineStyle: { color: 'rgba(145, 202, 255, 0.15)' } },
      },
      series: [
        {
          name: t('geo.wall.received'),
          type: 'line',
          smooth: true,
          symbol: 'none',
          lineStyle: { width: 4, color: '#40a9ff' },
          areaStyle: { color: 'rgba(64, 169, 255, 0.18)' },
          itemStyle: { color: '#40a9ff' },
          data: trend.map((d) => d.received),
        },
        {
          name: t('geo.wall.resolved'),
          type: 'line',
          smooth: true,
          symbol: 'none',
          lineStyle: { width: 4, color: '#73d13d' },
          itemStyle: { color: '#73d13d' },
          data: trend.map((d) => d.resolved),
        },
      ],
    };
  }, [trend, t, locale]);
  return <EChart option={option} style={{ height: '100%', width: '100%' }} ariaLabel={t('geo.wall.trendTitle')} />;
}
