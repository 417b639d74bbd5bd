/**
 * The only door to ECharts: the core plus just the charts and components the map, the wall screen,
 * the import preview and the patrol figures draw. Imported only by lazily loaded chunks, so no other page pays for it.
 */
import { BarChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  MapChart,
  ScatterChart,
  LineChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type { EChartsCoreOption, EChartsType } from 'echarts/core';
export { echarts };
