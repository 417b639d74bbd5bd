import { type EChartsCoreOption, echarts } from './echarts.ts';
import type { Boundaries, CasePoint } from './geo-types.ts';

/** One area on a map: its id (the GeoJSON feature's), label, colouring value and tooltip lines. */
export interface MapArea {
  id: string;
  name: string;
  value?: number;
  /** A fixed fill, when the map is not coloured by value (the import preview). */
  color?: string;
  tooltip: string[];
}

export interface MapOptionInput {
  mapName: string;
  areas: MapArea[];
  /** Colour areas by value from the first to the last colour; without it each area's own colour. */
  scale?: { colors: string[]; labels: [high: string, low: string] };
  points?: (CasePoint & { tooltip: string[] })[];
  dark?: boolean;
  /** Larger type for the wall screen, read from across a room. */
  fontSize?: number;
  /** Write each area's value under its name (the wall screen). */
  showValues?: boolean;
  /** Width of a degree of longitude against one of latitude where the map lies (see aspectOf). */
  aspectScale?: number;
}

export const DEADLINE_COLORS: Record<CasePoint['status'], string> = {
  overdue: '#f5222d',
  warning: '#fa8c16',
  ok: '#1677ff',
  none: '#8c8c8c',
};

const html = (lines: string[]) => lines.map((line) => echarts.format.encodeHTML(line)).join('<br/>');

/**
 * Registers the boundaries under a name ECharts can draw (features keyed by their id, since two
 * grids may share a name) and returns that name.
 */
export function registerBoundaries(name: string, boundaries: Boundaries): string {
  echarts.registerMap(name, boundaries as unknown as Parameters<typeof echarts.registerMap>[1]);
  return name;
}

/** A degree of longitude is cos(latitude) of a degree of latitude: drawn so, the grids keep their true shape. */
export function aspectOf(boundaries: Boundaries): number {
  const lats: number[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[1] === 'number') lats.push(value[1]);
    else if (Array.isArray(value)) for (const item of value) walk(item);
  };
  for (const feature of boundaries.features) walk(feature.geometry.coordinates);
  if (lats.length === 0) return 0.75;
  const mean = lats.reduce((sum, lat) => sum + lat, 0) / lats.length;
  return Math.cos((mean * Math.PI) / 180);
}

/** The ECharts option of a boundary map with optional case points. Pure: data in, option out. */
export function mapOption(input: MapOptionInput): EChartsCoreOption {
  const { dark = false, fontSize = 12 } = input;
  const text = dark ? '#e6f4ff' : '#262626';
  const byId = new Map(input.areas.map((area) => [area.id, area]));
  const max = Math.max(1, ...input.areas.map((area) => area.value ?? 0));
  return {
    backgroundColor: 'transparent',
    tooltip: {
      trigger: 'item',
      className: 'fq-chart-tooltip',
      textStyle: { fontSize },
      formatter: (params: { seriesType?: string; name: string; dataIndex: number }) => {
        if (params.seriesType === 'scatter') return html(input.points?.[params.dataIndex]?.tooltip ?? []);
        return html(byId.get(params.name)?.tooltip ?? []);
      },
    },
    ...(input.scale
      ? {
          visualMap: {
            type: 'continuous',
            min: 0,
            max,
            seriesIndex: 0,
            calculable: false,
            inRange: { color: input.scale.colors },
            text: input.scale.labels,
            textStyle: { color: text, fontSize },
            left: 16,
            bottom: 16,
            itemHeight: 120,
          },
        }
      : {}),
    geo: {
      map: input.mapName,
      nameProperty: 'id',
      roam: true,
      aspectScale: input.aspectScale ?? 0.75,
      // Fill the box (room for the colour scale on the left and a hint line on top), keeping the true shape.
      top: input.scale ? 40 : 24,
      bottom: 24,
      left: input.scale ? 72 : 16,
      right: 16,
      label: {
        show: true,
        fontSize,
        color: text,
        textBorderColor: dark ? '#001529' : '#fff',
        textBorderWidth: 2,
        formatter: (params: { name: string }) => {
          const area = byId.get(params.name);
          if (!area) return '';
          return input.showValues ? `${area.name}\n{value|${area.value ?? '—'}}` : area.name;
        },
        rich: { value: { fontSize: Math.round(fontSize * 1.8), fontWeight: 'bold', color: text, lineHeight: fontSize * 2.4 } },
      },
      // A preview (no scale) outlines each area in blue, since its fills may be pale.
      itemStyle: {
        areaColor: dark ? '#1d3557' : '#f0f5ff',
        borderColor: dark ? '#91caff' : input.scale ? '#fff' : '#4096ff',
        borderWidth: 1.5,
      },
      emphasis: {
        label: { show: true, color: text },
        itemStyle: { areaColor: dark ? '#3a6ea5' : '#ffd666', borderColor: '#fa8c16', borderWidth: 2 },
      },
      select: { disabled: true },
      regions: input.scale
        ? []
        : input.areas.filter((area) => area.color).map((area) => ({ name: area.id, itemStyle: { areaColor: area.color } })),
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        // An area without a value ('-') keeps the plain fill instead of the colour of zero.
        data: input.areas.map((area) => ({ name: area.id, value: area.value ?? '-' })),
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        symbolSize: fontSize > 14 ? 14 : 10,
        z: 5,
        data: (input.points ?? []).map((point) => ({
          name: point.id,
          value: [point.lon, point.lat],
          itemStyle: { color: DEADLINE_COLORS[point.status], borderColor: '#fff', borderWidth: 1.5 },
        })),
      },
    ],
  };
}
