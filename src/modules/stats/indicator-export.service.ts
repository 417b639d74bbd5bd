/** Any table of figures on the dashboard, as the spreadsheet the caller asked for. */
import type { Actor } from '../access/access.policy.ts';
import { type FigureTable, figuresTable, type Lang, tablesToXlsx, tableToCsv, valuesTable } from './figure-tables.ts';
import { type BreakdownBy, breakdown, figures, type IndicatorDeps, type PeriodQuery, trend } from './indicators.service.ts';

const TITLES: Record<Lang, Record<'figures' | 'trend' | BreakdownBy, string>> = {
  'zh-CN': { figures: '指标', trend: '趋势', category: '分类', child: '下级区域', organisation: '承办单位' },
  en: { figures: 'Indicators', trend: 'Trend', category: 'Categories', child: 'Areas', organisation: 'Organisations' },
};

export async function figureTable(
  deps: IndicatorDeps,
  actor: Actor,
  query: PeriodQuery & { table: 'figures' | 'trend' | BreakdownBy; lang: Lang },
): Promise<{ table: FigureTable; fileName: string }> {
  const title = TITLES[query.lang][query.table];
  let table: FigureTable;
  let stem: string;
  if (query.table === 'figures') {
    const result = await figures(deps, actor, query);
    table = figuresTable(result.indicators, query.lang, title);
    stem = `${result.node.name}-${result.span.from}-${result.span.to}`;
  } else if (query.table === 'trend') {
    const result = await trend(deps, actor, query);
    table = valuesTable(
      title,
      'period',
      result.points.map((p) => ({ label: p.key, values: p.values })),
      query.lang,
    );
    stem = `${result.span.from}-${result.span.to}`;
  } else {
    const result = await breakdown(deps, actor, { ...query, by: query.table });
    table = valuesTable(
      title,
      'name',
      result.rows.map((r) => ({ label: r.name, values: r.values })),
      query.lang,
    );
    stem = `${result.node.name}-${result.span.from}-${result.span.to}`;
  }
  return { table, fileName: `${title}-${stem}` };
}

export async function exportFigures(
  deps: IndicatorDeps,
  actor: Actor,
  query: PeriodQuery & { table: 'figures' | 'trend' | BreakdownBy; lang: Lang; format: 'xlsx' | 'csv' },
) {
  const { table, fileName } = await figureTable(deps, actor, query);
  const body = query.format === 'csv' ? tableToCsv(table) : await tablesToXlsx([table]);
  const type =
    query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return { body, type, fileName: `${fileName}.${query.format}` };
}
