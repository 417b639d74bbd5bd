/**
 * What a monthly report holds, gathered once for both files: the indicators against the month
 * before, the daily trend, the children and the categories; the PDF and the xlsx are made from it.
 */
import { type FigureTable, figuresTable, type Lang, tablesToXlsx, valuesTable } from './figure-tables.ts';
import { breakdownAt, figuresAt, type IndicatorDeps, type NodeRow, trendAt } from './indicators.service.ts';
import { indicatorOf } from './indicators.ts';
import { rankingChart, trendChart } from './report-charts.ts';
import { narrative } from './report-narrative.ts';
import { renderReportPdf } from './report-pdf.ts';

/** The indicators of the breakdown tables: the ones a leader compares areas by. */
const COLUMNS = [
  'received',
  'handled',
  'on_time_rate',
  'satisfaction_rate',
  'avg_handling_days',
  'hazards_found',
  'rectification_rate',
  'disputes_received',
  'volunteer_hours',
];
const columns = COLUMNS.map((code) => indicatorOf(code)).filter((i) => i !== undefined);

const WORDS = {
  'zh-CN': {
    title: (node: string, month: string) => `${node} ${month.replace('-', '年')}月 统计月报`,
    subtitle: (from: string, to: string, at: string) => `统计期 ${from} 至 ${to}，生成于 ${at}`,
    figures: '主要指标',
    children: '下级区域',
    categories: '案件分类（前15）',
    trend: '每日受理（柱）与办结（线）',
    ranking: '下级区域按期办结率（%）',
    footer: '枫桥基层治理平台',
  },
  en: {
    title: (node: string, month: string) => `${node}: monthly report ${month}`,
    subtitle: (from: string, to: string, at: string) => `Period ${from} to ${to}, produced ${at}`,
    figures: 'Indicators',
    children: 'Areas below',
    categories: 'Case categories (top 15)',
    trend: 'Received per day (bars) and handled (line)',
    ranking: 'On-time rate of the areas below (%)',
    footer: 'Fengqiao community governance',
  },
};

export async function buildReport(deps: IndicatorDeps, node: NodeRow, month: string, lang: Lang, producedAt: Date) {
  const w = WORDS[lang];
  const query = { nodeId: node.id, period: 'month' as const, at: `${month}-01`, lang };
  const [head, daily, children, categories] = await Promise.all([
    figuresAt(deps, node, query),
    trendAt(deps, node, query),
    breakdownAt(deps, node, { ...query, by: 'child' }),
    breakdownAt(deps, node, { ...query, by: 'category' }),
  ]);
  const topCategories = [...categories.rows]
    .filter((r) => (r.values.received ?? 0) > 0 || (r.values.handled ?? 0) > 0)
    .sort((a, b) => (b.values.received ?? 0) - (a.values.received ?? 0))
    .slice(0, 15);
  const rated = children.rows.filter((r) => r.values.on_time_rate !== null && r.values.on_time_rate !== undefined);
  const weakest = [...rated].sort((a, b) => (a.values.on_time_rate ?? 0) - (b.values.on_time_rate ?? 0))[0];
  const lines = narrative(
    {
      nodeName: node.name,
      month,
      figures: Object.fromEntries(head.indicators.map((i) => [i.code, { value: i.value, previous: i.previous }])),
      topCategory: topCategories[0]
        ? { name: topCategories[0].name, received: topCategories[0].values.received ?? 0 }
        : undefined,
      weakestChild: weakest ? { name: weakest.name, onTimeRate: weakest.values.on_time_rate ?? 0 } : undefined,
    },
    lang,
  );
  const tables: FigureTable[] = [
    figuresTable(head.indicators, lang, w.figures),
    valuesTable(
      w.children,
      'name',
      children.rows.map((r) => ({ label: r.name, values: r.values })),
      lang,
      columns,
    ),
    valuesTable(
      w.categories,
      'name',
      topCategories.map((r) => ({ label: r.name, values: r.values })),
      lang,
      columns,
    ),
  ];
  const charts = [
    {
      caption: w.trend,
      ...(await trendChart(
        daily.points.map((p) => ({ key: p.key, received: p.values.received ?? 0, handled: p.values.handled ?? 0 })),
      )),
    },
  ];
  if (children.rows.length > 0) {
    charts.push({
      caption: w.ranking,
      ...(await rankingChart(
        children.rows.map((r) => ({
          label: r.code ?? r.name,
          value:
            r.values.on_time_rate === null || r.values.on_time_rate === undefined
              ? null
              : Math.round(r.values.on_time_rate * 1000) / 10,
        })),
      )),
    });
  }
  const at = producedAt.toISOString().slice(0, 16).replace('T', ' ');
  const pdf = await renderReportPdf({
    title: w.title(node.name, month),
    subtitle: w.subtitle(head.span.from, head.span.to, `${at} UTC`),
    lang,
    narrative: lines,
    tables,
    charts,
    footer: `${w.footer} · ${node.name} · ${month}`,
  });
  const xlsx = await tablesToXlsx([
    { name: lang === 'en' ? 'Summary' : '摘要', headers: [w.title(node.name, month)], rows: lines.map((l) => [l]) },
    ...tables,
    valuesTable(
      lang === 'en' ? 'Daily' : '每日',
      'period',
      daily.points.map((p) => ({ label: p.key, values: p.values })),
      lang,
    ),
  ]);
  return { pdf, xlsx, narrative: lines };
}
