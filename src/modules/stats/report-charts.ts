/**
 * The monthly report's charts, rendered on the server: ECharts' server-side SVG renderer, then
 * sharp rasterises the SVG to PNG for the PDF. Chart text is digits and codes only (the Chinese
 * names go in the PDF's own text), so the picture needs no CJK font on the machine.
 */
import * as echarts from 'echarts';
import sharp from 'sharp';

const WIDTH = 760;
const HEIGHT = 300;
const COLOURS = ['#1677ff', '#52c41a', '#fa8c16', '#eb2f96'];

export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
}

async function render(option: echarts.EChartsOption, height = HEIGHT): Promise<ChartImage> {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  chart.setOption({ animation: false, color: COLOURS, textStyle: { fontFamily: 'sans-serif' }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return { png: await sharp(Buffer.from(svg), { density: 192 }).png().toBuffer(), width: WIDTH, height };
}

/** Cases received (bars) and handled (line) per day of the month. */
export function trendChart(points: { key: string; received: number; handled: number }[]): Promise<ChartImage> {
  return render({
    grid: { left: 40, right: 16, top: 28, bottom: 28 },
    legend: { data: ['received', 'handled'], top: 0, show: false },
    xAxis: { type: 'category', data: points.map((p) => p.key.slice(-2)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'received', type: 'bar', data: points.map((p) => p.received) },
      { name: 'handled', type: 'line', data: points.map((p) => p.handled), symbolSize: 4 },
    ],
  });
}

/** One rate (0-100) per child node, by the node's code, best first. */
export function rankingChart(rows: { label: string; value: number | null }[]): Promise<ChartImage> {
  const sorted = [...rows].sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  return render(
    {
      grid: { left: 72, right: 40, top: 8, bottom: 24 },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', inverse: true, data: sorted.map((r) => r.label) },
      series: [
        {
          type: 'bar',
          data: sorted.map((r) => r.value ?? 0),
          label: { show: true, position: 'right', formatter: '{c}' },
          itemStyle: { color: COLOURS[1] },
        },
      ],
    },
    Math.max(160, 28 + sorted.length * 22),
  );
}
