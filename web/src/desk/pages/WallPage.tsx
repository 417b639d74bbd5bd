import { ArrowLeftOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Segmented, Spin, theme } from 'antd';
import { useMemo } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import { GridMap } from '../geo/GridMap.tsx';
import {
  figuresByArea,
  mapLevelFor,
  useAreaDetail,
  useBoundaries,
  useGridStats,
  useHomeArea,
  useOverview,
} from '../geo/geo-queries.ts';
import { KpiTile, OverdueList, TrendChart } from '../geo/WallParts.tsx';
import { WallIndicatorMap, WallMonth } from '../stats/WallMonth.tsx';
import '../geo/messages.ts';
import '../geo/wall.css';

const REFRESH = 60_000;

/**
 * /desk/wall: the street at a glance on a wall screen, read from across a room. No desk chrome,
 * dark, every figure refreshed each minute with the time of the last refresh in view.
 */
export default function WallPage() {
  const { t, number, dateTime } = useI18n();
  const [, navigate] = useLocation();
  const [params, setParams] = useSearchParams();
  // The map: overdue cases now (default), or a period indicator such as ?map=on_time_rate (this month).
  const mapBy = params.get('map') ?? 'overdue';
  const home = useHomeArea();
  const nodeId = params.get('nodeId') ?? home.data?.id;
  const area = useAreaDetail(nodeId).data?.area;
  const level = area ? mapLevelFor(area.level) : undefined;
  const overview = useOverview(nodeId, REFRESH);
  const stats = useGridStats(nodeId, REFRESH);
  const boundaries = useBoundaries(level ? nodeId : undefined, level ?? 'grid');
  const figures = useMemo(() => figuresByArea(stats.data?.items ?? [], level ?? 'grid'), [stats.data, level]);

  const o = overview.data;
  const updatedAt = Math.max(overview.dataUpdatedAt, stats.dataUpdatedAt);
  const percent = (rate: { value: number | null }) =>
    rate.value === null ? '—' : `${number(Math.round(rate.value * 1000) / 10)}%`;
  const basis = (rate: { value: number | null; numerator: number; denominator: number }) =>
    rate.value === null
      ? t('geo.wall.noRate')
      : t('geo.wall.rateBasis', { numerator: number(rate.numerator), denominator: number(rate.denominator) });

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
      <div className="fq-wall fq-wall-extended">
        <header className="fq-wall-head">
          <h1>{area ? t('geo.wall.title', { name: area.name }) : ''}</h1>
          <div className="fq-wall-updated" aria-live="polite">
            {updatedAt > 0 && t('geo.wall.updatedAt', { time: dateTime(new Date(updatedAt).toISOString()) })}
            <small>{t('geo.wall.refreshing')}</small>
          </div>
          <div className="fq-wall-tools">
            <Button type="text" icon={<FullscreenOutlined />} onClick={() => document.documentElement.requestFullscreen?.()}>
              {t('geo.wall.fullscreen')}
            </Button>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/')}>
              {t('geo.wall.exit')}
            </Button>
          </div>
        </header>
        {!o || !nodeId ? (
          <Spin size="large" className="fq-wall-loading" />
        ) : (
          <>
            <div className="fq-wall-kpis">
              <KpiTile label={t('geo.wall.todayIntake')} value={number(o.todayIntake)} />
              <KpiTile label={t('geo.wall.open')} value={number(o.open)} />
              <KpiTile label={t('geo.wall.overdue')} value={number(o.overdue)} tone={o.overdue > 0 ? 'alert' : 'good'} />
              <KpiTile label={t('geo.wall.onTimeRate')} value={percent(o.onTimeRate)} sub={basis(o.onTimeRate)} />
              <KpiTile label={t('geo.wall.satisfaction')} value={percent(o.satisfaction)} sub={basis(o.satisfaction)} />
            </div>
            <WallMonth nodeId={nodeId} refetchInterval={REFRESH} />
            <section className="fq-wall-panel fq-wall-map" aria-label={t('geo.wall.mapTitle')}>
              <h2 className="fq-wall-map-switch">
                {mapBy === 'overdue' ? t('geo.wall.mapTitle') : t('stats.wallOnTimeMap')}
                <Segmented
                  value={mapBy}
                  onChange={(value) =>
                    setParams((current) => {
                      const next = new URLSearchParams(current);
                      next.set('map', String(value));
                      return next;
                    })
                  }
                  options={[
                    { value: 'overdue', label: t('geo.figure.overdue') },
                    { value: 'on_time_rate', label: t('stats.wallOnTime') },
                  ]}
                />
              </h2>
              {boundaries.data && mapBy !== 'overdue' && (
                <WallIndicatorMap
                  nodeId={nodeId}
                  mapKey={`${nodeId}-${level}`}
                  boundaries={boundaries.data}
                  code={mapBy}
                  refetchInterval={REFRESH}
                />
              )}
              {boundaries.data && mapBy === 'overdue' && (
                <GridMap
                  mapKey={`wall-${nodeId}-${level}`}
                  boundaries={boundaries.data}
                  figures={figures}
                  metric="overdue"
                  dark
                  showValues
                  fontSize={20}
                  height="calc(100% - 48px)"
                />
              )}
            </section>
            <section className="fq-wall-panel fq-wall-list" aria-label={t('geo.wall.mostOverdue')}>
              <h2>{t('geo.wall.mostOverdue')}</h2>
              <OverdueList nodeId={nodeId} refetchInterval={REFRESH} />
            </section>
            <section className="fq-wall-panel fq-wall-trend" aria-label={t('geo.wall.trendTitle')}>
              <h2>{t('geo.wall.trendTitle')}</h2>
              <div className="fq-wall-trend-chart">
                <TrendChart trend={o.trend} />
              </div>
            </section>
          </>
        )}
      </div>
    </ConfigProvider>
  );
}
