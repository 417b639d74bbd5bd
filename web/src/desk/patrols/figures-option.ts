import type { PatrolFigures } from '../../shared/patrol-types.ts';

export interface FiguresWords {
  found: string;
  rectified: string;
  rate: string;
}

/** The longest rows first, at most this many bars: past that a chart stops being read. */
const MAX_BARS = 12;

/**
 * Found and rectified hazards per row as bars, the rectification rate as a line on its own axis.
 * Rows with nothing found keep no bar; a null rate (nothing found) is drawn as a gap, not 0%.
 */
export function figuresOption(rows: PatrolFigures['rows'], words: FiguresWords) {
  const shown = rows
    .filter((row) => row.found > 0)
    .sort((a, b) => b.found - a.found)
    .slice(0, MAX_BARS);
  return {
    // Drawn at once: a figures page is read, not watched.
    animation: false,
    grid: { left: 48, right: 56, top: 40, bottom: 64 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: shown.map((row) => row.label),
      axisLabel: { interval: 0, rotate: shown.length > 6 ? 30 : 0, width: 96, overflow: 'truncate' },
    },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: words.found, type: 'bar', data: shown.map((row) => row.found), itemStyle: { color: '#fa8c16' } },
      { name: words.rectified, type: 'bar', data: shown.map((row) => row.rectified), itemStyle: { color: '#52c41a' } },
      {
        name: words.rate,
        type: 'line',
        yAxisIndex: 1,
        data: shown.map((row) => (row.rate === null ? null : Math.round(row.rate * 1000) / 10)),
        itemStyle: { color: '#c0392b' },
      },
    ],
  };
}
