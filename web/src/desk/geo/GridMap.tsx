import { useMemo } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { type ChartClick, EChart } from './EChart.tsx';
import type { AreaFigures, Boundaries, CasePoint, MapMetric } from './geo-types.ts';
import { aspectOf, mapOption, registerBoundaries } from './map-option.ts';
import './messages.ts';

/** Low to high, per figure: calm blue for the workload, red for what is late, green for intake. */
const SCALES: Record<MapMetric, { light: string[]; dark: string[] }> = {
  open: { light: ['#e6f4ff', '#69b1ff', '#0958d9'], dark: ['#15325b', '#1668dc', '#8dc5ff'] },
  overdue: { light: ['#f6ffed', '#ffd591', '#ff4d4f', '#a8071a'], dark: ['#1f3a2a', '#d48806', '#f5222d', '#ff7875'] },
  received30d: { light: ['#f6ffed', '#95de64', '#237804'], dark: ['#16331f', '#3c8618', '#b7eb8f'] },
};

interface Props {
  /** A stable key for these boundaries, e.g. the node id and level. */
  mapKey: string;
  boundaries: Boundaries;
  figures: Map<string, AreaFigures>;
  metric: MapMetric;
  points?: CasePoint[] | undefined;
  dark?: boolean;
  fontSize?: number;
  showValues?: boolean;
  height: number | string;
  onAreaClick?: (areaId: string) => void;
  onPointClick?: (caseId: string) => void;
}

/** The street's grids or communities from their own GeoJSON, coloured by a figure, with case points. */
export function GridMap({
  mapKey,
  boundaries,
  figures,
  metric,
  points,
  dark,
  fontSize,
  showValues,
  height,
  onAreaClick,
  onPointClick,
}: Props) {
  const { t, number } = useI18n();
  const option = useMemo(() => {
    const mapName = registerBoundaries(`fq-${mapKey}`, boundaries);
    const scale = SCALES[metric][dark ? 'dark' : 'light'];
    return mapOption({
      mapName,
      aspectScale: aspectOf(boundaries),
      dark,
      fontSize,
      showValues,
      scale: { colors: scale, labels: [t('geo.scale.high'), t('geo.scale.low')] },
      areas: boundaries.features.map((feature) => {
        const f = figures.get(feature.id);
        return {
          id: feature.id,
          name: feature.properties.name,
          value: f?.[metric] ?? 0,
          tooltip: [
            feature.properties.name,
            `${t('geo.figure.open')}: ${number(f?.open ?? 0)}`,
            `${t('geo.figure.overdue')}: ${number(f?.overdue ?? 0)}`,
            `${t('geo.figure.warning')}: ${number(f?.warning ?? 0)}`,
            `${t('geo.figure.received30d')}: ${number(f?.received30d ?? 0)}`,
            `${t('geo.figure.resolved30d')}: ${number(f?.resolved30d ?? 0)}`,
          ],
        };
      }),
      points: points?.map((point) => ({
        ...point,
        tooltip: [`${point.number} · ${point.title}`, t(`case.deadline.${point.status}`)],
      })),
    });
  }, [mapKey, boundaries, figures, metric, points, dark, fontSize, showValues, t, number]);

  const onClick: ChartClick = (params) => {
    if (params.seriesType === 'scatter') onPointClick?.(params.name);
    else if (params.name) onAreaClick?.(params.name);
  };
  return <EChart option={option} onClick={onClick} style={{ height, width: '100%' }} ariaLabel={t('geo.map.aria')} />;
}
