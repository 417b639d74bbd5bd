import { Breadcrumb, Card, Empty, Segmented, Space, Spin, Statistic, Switch, Table, Typography } from 'antd';
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
  useOpenCasePoints,
} from '../geo/geo-queries.ts';
import { type AreaFigures, MAP_METRICS, type MapMetric } from '../geo/geo-types.ts';
import { DEADLINE_COLORS } from '../geo/map-option.ts';
import '../geo/messages.ts';
import '../geo/geo.css';

const FIGURES = ['open', 'overdue', 'warning', 'received30d', 'resolved30d'] as const;

/**
 * /desk/map: the grids (or a street's communities) drawn from their own boundaries, coloured by
 * a chosen figure, with open cases as points. A community drills down to its grids; a grid opens
 * its cases in the case table. The node and figure live in the address, so a view can be shared.
 */
export default function MapPage() {
  const { t, number } = useI18n();
  const [, navigate] = useLocation();
  const [params, setParams] = useSearchParams();
  const home = useHomeArea();
  const nodeId = params.get('nodeId') ?? home.data?.id;
  const metric = (MAP_METRICS as readonly string[]).includes(params.get('metric') ?? '')
    ? (params.get('metric') as MapMetric)
    : 'open';
  const showPoints = params.get('points') !== 'off';

  const detail = useAreaDetail(nodeId);
  const area = detail.data?.area;
  const level = area ? mapLevelFor(area.level) : undefined;
  const boundaries = useBoundaries(level ? nodeId : undefined, level ?? 'grid');
  const stats = useGridStats(nodeId);
  const points = useOpenCasePoints(showPoints ? nodeId : undefined);
  const figures = useMemo(() => figuresByArea(stats.data?.items ?? [], level ?? 'grid'), [stats.data, level]);

  const update = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      return next;
    });
  const openArea = (id: string) => {
    if (level === 'community') update({ nodeId: id });
    else navigate(`~/desk?gridId=${id}`);
  };

  if (home.isLoading || detail.isLoading) return <Spin size="large" className="fq-desk-center" />;
  if (!nodeId || !area) return <Empty description={t('geo.map.noArea')} />;

  const rows = (boundaries.data?.features ?? []).map((feature) => ({
    id: feature.id,
    name: feature.properties.name,
    ...(figures.get(feature.id) ?? { open: 0, overdue: 0, warning: 0, received30d: 0, resolved30d: 0 }),
  }));
  const total = rows.reduce<AreaFigures>(
    (sum, row) => Object.fromEntries(FIGURES.map((key) => [key, sum[key] + row[key]])) as unknown as AreaFigures,
    { open: 0, overdue: 0, warning: 0, received30d: 0, resolved30d: 0 },
  );
  const crumbs = [...(detail.data?.breadcrumbs ?? []).filter((c) => c.level !== 'district' || area.level === 'district'), area];

  return (
    <div className="fq-map-page">
      <Card className="fq-map-toolbar" size="small">
        <Space wrap size="large" className="fq-map-toolbar-row">
          <Breadcrumb
            items={crumbs.map((crumb, index) => ({
              key: crumb.id,
              title:
                index < crumbs.length - 1 ? (
                  <Typography.Link onClick={() => update({ nodeId: crumb.id })}>{crumb.name}</Typography.Link>
                ) : (
                  <Typography.Text strong>{crumb.name}</Typography.Text>
                ),
            }))}
          />
          <Space>
            <Typography.Text type="secondary">{t('geo.map.colourBy')}</Typography.Text>
            <Segmented<MapMetric>
              value={metric}
              onChange={(value) => update({ metric: value })}
              options={MAP_METRICS.map((value) => ({ value, label: t(`geo.figure.${value}`) }))}
            />
          </Space>
          <Space>
            <Switch
              checked={showPoints}
              onChange={(on) => update({ points: on ? null : 'off' })}
              aria-label={t('geo.map.points')}
            />
            <Typography.Text>{t('geo.map.points')}</Typography.Text>
            {showPoints &&
              (['overdue', 'warning', 'ok', 'none'] as const).map((status) => (
                <span key={status} className="fq-map-legend">
                  <i style={{ background: DEADLINE_COLORS[status] }} />
                  {t(`case.deadline.${status}`)}
                </span>
              ))}
          </Space>
        </Space>
      </Card>
      <div className="fq-map-body">
        <Card className="fq-map-canvas" size="small">
          {boundaries.isLoading ? (
            <Spin className="fq-desk-center" />
          ) : rows.length === 0 ? (
            <Empty className="fq-map-empty" description={t('geo.map.noBoundaries')} />
          ) : (
            <GridMap
              mapKey={`${nodeId}-${level}`}
              boundaries={boundaries.data as NonNullable<typeof boundaries.data>}
              figures={figures}
              metric={metric}
              points={showPoints ? points.data : undefined}
              height="calc(100vh - 236px)"
              onAreaClick={openArea}
              onPointClick={(id) => navigate(`/cases/${id}`)}
            />
          )}
          <Typography.Text type="secondary" className="fq-map-hint">
            {level === 'community' ? t('geo.map.drillHint') : t('geo.map.casesHint')}
            {showPoints && points.data ? ` · ${t('geo.map.pointsCount', { count: number(points.data.length) })}` : ''}
          </Typography.Text>
        </Card>
        <Card className="fq-map-side" size="small" title={t('geo.map.summary', { name: area.name })}>
          <div className="fq-map-stats">
            {FIGURES.map((key) => (
              <Statistic
                key={key}
                title={t(`geo.figure.${key}`)}
                value={total[key]}
                formatter={(value) => number(Number(value))}
                styles={{ content: key === 'overdue' && total.overdue > 0 ? { color: '#cf1322' } : undefined }}
              />
            ))}
          </div>
          <Typography.Title level={5}>{t('geo.map.areas')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ y: 'calc(100vh - 520px)' }}
            dataSource={[...rows].sort(
              (a, b) => b[metric] - a[metric] || a.name.localeCompare(b.name, undefined, { numeric: true }),
            )}
            onRow={(row) => ({ onClick: () => openArea(row.id), className: 'fq-map-row' })}
            columns={[
              { key: 'name', dataIndex: 'name', title: t('geo.map.area'), ellipsis: true },
              ...(['open', 'overdue', 'received30d'] as const).map((key) => ({
                key,
                dataIndex: key,
                title: t(`geo.figureShort.${key}`),
                align: 'right' as const,
                width: { open: 60, overdue: 84, received30d: 100 }[key],
                render: (value: number) => number(value),
              })),
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
