/** A row of a figures table as the chart reads it: how many, how many of them made it, and the rate (null when none). */
export interface RateRow {
  label: string;
  total: number;
  part: number;
  rate: number | null;
}

export interface RateWords {
  total: string;
  part: string;
  rate: string;
}

/** The longest rows first, at most this many bars: past that a chart stops being read. */
const MAX_BARS = 12;

/**
 * Two bars per row (e.g. hazards found and rectified, disputes received and settled) and the rate
 * as a line on its own axis. Rows with nothing keep no bar; a null rate is drawn as a gap, not 0%.
 */
export function barsAndRateOption(rows: readonly RateRow[], words: RateWords, colors = { total: '#fa8c16', part: '#52c41a' }) {
  const shown = rows
    .filter((row) => row.total > 0)
    .sort((a, b) => b.total - a.total)
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
      {
        name: words.total,
        type: 'bar',
        barMaxWidth: 48,
        data: shown.map((row) => row.total),
        itemStyle: { color: colors.total },
      },
      { name: words.part, type: 'bar', barMaxWidth: 48, data: shown.map((row) => row.part), itemStyle: { color: colors.part } },
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
