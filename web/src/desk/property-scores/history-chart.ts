import type { CompanyScorecard, Grade } from '../../shared/property-score-types.ts';
import { GRADE_COLOURS } from './ScoreBits.tsx';

/** Twelve months of a company's score as bars coloured by grade, the grade and score above each. */
export function historyOption(history: CompanyScorecard['history'], monthLabel: (month: string) => string) {
  return {
    grid: { left: 40, right: 16, top: 28, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: history.map((h) => monthLabel(h.month)) },
    // From 40, or lower when a month fell below it.
    yAxis: { type: 'value', min: (range: { min: number }) => Math.min(40, Math.floor(range.min / 10) * 10), max: 100 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        data: history.map((h) => ({
          value: h.score,
          itemStyle: { color: h.grade ? GRADE_COLOURS[h.grade as Grade] : '#d9d9d9' },
          label: { show: h.score !== null, position: 'top', formatter: `${h.grade ?? ''} ${h.score ?? ''}` },
        })),
      },
    ],
  };
}
