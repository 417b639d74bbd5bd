import { TIME_ZONE, useI18n } from '../../shared/i18n.tsx';
import type { Boundaries } from '../geo/geo-types.ts';
import { IndicatorMap } from './IndicatorMap.tsx';
import { formatChange, formatValue } from './indicator-format.ts';
import { useBreakdown, useIndicatorFigures, useRegistry } from './stats-data.ts';
import type { IndicatorInfo, StatsScope } from './stats-types.ts';
import './messages.ts';
import './wall-month.css';

/** The indicators the wall screen shows for the month so far: the three rates and the other modules' headline rates. */
const WALL_CODES = [
  'response_rate',
  'resolution_rate',
  'satisfaction_rate',
  'avg_handling_days',
  'rectification_rate',
  'mediation_success_rate',
  'volunteer_hours',
  'care_visit_coverage',
];

const monthScope = (nodeId: string | undefined): StatsScope => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
  return { nodeId, period: 'month', at: today, from: today, to: today };
};

/** This month's indicators as a strip of tiles, each with its change against last month. */
export function WallMonth({ nodeId, refetchInterval }: { nodeId: string; refetchInterval: number }) {
  const { t, locale } = useI18n();
  const registry = useRegistry().data?.items ?? [];
  const figures = useIndicatorFigures(monthScope(nodeId), refetchInterval).data;
  const lines = new Map((figures?.indicators ?? []).map((line) => [line.code, line]));
  const shown = WALL_CODES.map((code) => registry.find((i) => i.code === code)).filter(
    (i): i is IndicatorInfo => i !== undefined,
  );
  return (
    <section className="fq-wall-month" aria-label={t('stats.wallMonth')}>
      {shown.map((indicator) => {
        const line = lines.get(indicator.code);
        const change = formatChange(line?.change, indicator.unit, indicator.higherIsBetter, locale);
        return (
          <div
            key={indicator.code}
            className="fq-wall-month-tile"
            title={locale === 'en' ? indicator.definition.en : indicator.definition.zh}
          >
            <div className="fq-wall-month-label">{locale === 'en' ? indicator.name.en : indicator.name.zh}</div>
            <div className="fq-wall-month-value">{formatValue(line?.value, indicator.unit, locale)}</div>
            <div className={`fq-wall-month-change fq-wall-month-${change?.tone ?? 'neutral'}`}>
              {change ? `${change.up ? '▲' : '▼'} ${change.text}` : '\u00a0'}
            </div>
          </div>
        );
      })}
    </section>
  );
}

/** The wall's map coloured by this month's on-time rate (or another indicator), read from across the room. */
export function WallIndicatorMap({
  nodeId,
  mapKey,
  boundaries,
  code,
  refetchInterval,
}: {
  nodeId: string;
  mapKey: string;
  boundaries: Boundaries;
  code: string;
  refetchInterval: number;
}) {
  const { locale } = useI18n();
  const registry = useRegistry().data?.items ?? [];
  const rows = useBreakdown(monthScope(nodeId), 'child', locale, refetchInterval).data?.rows ?? [];
  const indicator = registry.find((i) => i.code === code);
  if (!indicator) return null;
  return (
    <IndicatorMap
      mapKey={`wall-${mapKey}`}
      boundaries={boundaries}
      rows={rows}
      indicator={indicator}
      also={[]}
      dark
      fontSize={20}
      height="calc(100% - 48px)"
    />
  );
}
