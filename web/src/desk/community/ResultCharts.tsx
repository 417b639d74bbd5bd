import { Card, Empty, List, Typography } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import type { QuestionResult } from '../../shared/volunteer-types.ts';
import { EChart } from '../geo/EChart.tsx';

/** Horizontal bars, longest label first: how many chose each option (or gave each rating). */
function barsOption(labels: string[], counts: number[], color: string) {
  return {
    animation: false,
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{ type: 'bar', data: counts, barMaxWidth: 22, itemStyle: { color }, label: { show: true, position: 'right' } }],
  };
}

/** One version's results: a chart per choice or rating question, the latest texts for a text question. */
export function ResultCharts({ results, color }: { results: QuestionResult[]; color: string }) {
  const { t } = useI18n();
  return (
    <div className="fq-results">
      {results.map((r, i) => (
        <Card
          key={r.key}
          size="small"
          title={`${i + 1}. ${r.title}`}
          extra={<Typography.Text type="secondary">{t('deskCommunity.results.answered', { n: r.answered })}</Typography.Text>}
        >
          <ResultBody result={r} color={color} />
        </Card>
      ))}
    </div>
  );
}

function ResultBody({ result: r, color }: { result: QuestionResult; color: string }) {
  const { t } = useI18n();
  if (r.kind === 'text')
    return r.samples.length ? (
      <List size="small" dataSource={r.samples} renderItem={(text: string) => <List.Item>{text}</List.Item>} />
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
    );
  if (r.kind === 'rating')
    return (
      <>
        <Typography.Text strong>{t('deskCommunity.results.average', { n: r.average ?? '—' })}</Typography.Text>
        <EChart
          option={barsOption(
            r.counts.map((_, n) => '★'.repeat(n + 1)),
            r.counts,
            color,
          )}
          style={{ height: Math.max(120, r.counts.length * 28) }}
          ariaLabel={r.counts.map((c, n) => `${n + 1}: ${c}`).join(', ')}
        />
      </>
    );
  return (
    <EChart
      option={barsOption(
        r.options.map((o) => o.label),
        r.options.map((o) => o.count),
        color,
      )}
      style={{ height: Math.max(120, r.options.length * 34) }}
      ariaLabel={r.options.map((o) => `${o.label} ${o.count}`).join(', ')}
    />
  );
}
