import { useMemo } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { type ChartClick, EChart } from '../geo/EChart.tsx';
import type { Boundaries } from '../geo/geo-types.ts';
import { aspectOf, mapOption, registerBoundaries } from '../geo/map-option.ts';
import { chartValue, formatValue, scaleFor } from './indicator-format.ts';
import type { Breakdown, IndicatorInfo } from './stats-types.ts';

interface Props {
  mapKey: string;
  boundaries: Boundaries;
  rows: Breakdown['rows'];
  indicator: IndicatorInfo;
  /** Other indicators named in each area's tooltip. */
  also: IndicatorInfo[];
  dark?: boolean;
  fontSize?: number;
  height: number | string;
  onAreaClick?: (areaId: string) => void;
}

/** The areas below a node from their own GeoJSON, coloured by one indicator of the period (the existing map option). */
export function IndicatorMap({ mapKey, boundaries, rows, indicator, also, dark, fontSize, height, onAreaClick }: Props) {
  const { t, locale } = useI18n();
  const option = useMemo(() => {
    const mapName = registerBoundaries(`fq-stats-${mapKey}`, boundaries);
    const byId = new Map(rows.map((row) => [row.key, row]));
    const name = (i: IndicatorInfo) => (locale === 'en' ? i.name.en : i.name.zh);
    return mapOption({
      mapName,
      aspectScale: aspectOf(boundaries),
      dark,
      fontSize,
      showValues: true,
      scale: { colors: scaleFor(indicator.higherIsBetter, Boolean(dark)), labels: [t('stats.scaleHigh'), t('stats.scaleLow')] },
      areas: boundaries.features.map((feature) => {
        const row = byId.get(feature.id);
        const value = chartValue(row?.values[indicator.code], indicator.unit);
        return {
          id: feature.id,
          name: feature.properties.name,
          ...(value === null ? {} : { value }),
          tooltip: [
            feature.properties.name,
            ...[indicator, ...also].map((i) => `${name(i)}: ${formatValue(row?.values[i.code], i.unit, locale)}`),
          ],
        };
      }),
    });
  }, [mapKey, boundaries, rows, indicator, also, dark, fontSize, t, locale]);
  const onClick: ChartClick = (params) => {
    if (params.name) onAreaClick?.(params.name);
  };
  return <EChart option={option} onClick={onClick} style={{ height, width: '100%' }} ariaLabel={t('stats.map')} />;
}
