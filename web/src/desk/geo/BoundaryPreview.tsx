import { useMemo } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { EChart } from './EChart.tsx';
import type { Boundaries } from './geo-types.ts';
import { aspectOf, type MapArea, mapOption, registerBoundaries } from './map-option.ts';
import './messages.ts';

const NO_COLORS: Record<string, string> = {};

interface Props {
  mapKey: string;
  boundaries: Boundaries;
  /** A fill per feature id; features without one keep the map's base colour. */
  colors?: Record<string, string>;
  height: number;
}

/**
 * Boundaries drawn as they are, each in its own colour: the import preview and the areas page.
 * Loaded on demand (it carries ECharts), hence the default export.
 */
export default function BoundaryPreview({ mapKey, boundaries, colors = NO_COLORS, height }: Props) {
  const { t } = useI18n();
  const option = useMemo(() => {
    const areas: MapArea[] = boundaries.features.map((feature) => ({
      id: feature.id,
      name: feature.properties.name,
      color: colors[feature.id],
      tooltip: [feature.properties.name, feature.properties.code],
    }));
    return mapOption({
      mapName: registerBoundaries(`fq-preview-${mapKey}`, boundaries),
      aspectScale: aspectOf(boundaries),
      areas,
    });
  }, [mapKey, boundaries, colors]);
  return <EChart option={option} style={{ height, width: '100%' }} ariaLabel={t('geo.map.aria')} />;
}
