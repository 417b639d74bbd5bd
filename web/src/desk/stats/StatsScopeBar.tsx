import { Input, Segmented, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { TIME_ZONE, useI18n } from '../../shared/i18n.tsx';
import { AreaTreeSelect } from '../cases/AreaTreeSelect.tsx';
import { useHomeArea } from '../geo/geo-queries.ts';
import type { PeriodKind, StatsScope } from './stats-types.ts';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());

/** Where and over what a dashboard counts: the reader's own area and the current month, until they choose. */
export function useStatsScope(initialNodeId?: string | null) {
  const home = useHomeArea().data?.id;
  const [scope, setScope] = useState<StatsScope>(() => ({
    nodeId: initialNodeId ?? undefined,
    period: 'month',
    at: today(),
    from: `${today().slice(0, 8)}01`,
    to: today(),
  }));
  useEffect(() => {
    if (home) setScope((current) => (current.nodeId ? current : { ...current, nodeId: home }));
  }, [home]);
  return { scope, set: (patch: Partial<StatsScope>) => setScope((current) => ({ ...current, ...patch })) };
}

const PERIODS: PeriodKind[] = ['month', 'quarter', 'year', 'custom'];

export function StatsScopeBar({ state }: { state: ReturnType<typeof useStatsScope> }) {
  const { t } = useI18n();
  const { scope, set } = state;
  const year = Number(today().slice(0, 4));
  const quarters = Array.from({ length: 8 }, (_, i) => {
    const q0 = Math.floor((Number(today().slice(5, 7)) - 1) / 3) - i;
    const y = year + Math.floor(q0 / 4);
    const q = ((q0 % 4) + 4) % 4;
    return { value: `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`, label: `${y} Q${q + 1}` };
  });
  return (
    <Space wrap>
      <AreaTreeSelect
        value={scope.nodeId}
        onChange={(nodeId) => nodeId && set({ nodeId })}
        prefix={t('stats.area')}
        aria-label={t('stats.area')}
        style={{ width: 260 }}
      />
      <Segmented
        value={scope.period}
        onChange={(period) => set({ period: period as PeriodKind })}
        options={PERIODS.map((p) => ({ value: p, label: t(`stats.period.${p}`) }))}
      />
      {scope.period === 'month' && (
        <Input
          type="month"
          aria-label={t('stats.at')}
          value={scope.at.slice(0, 7)}
          onChange={(e) => e.target.value && set({ at: `${e.target.value}-01` })}
          style={{ width: 160 }}
        />
      )}
      {scope.period === 'quarter' && (
        <Select
          aria-label={t('stats.at')}
          value={
            quarters.find(
              (q) =>
                q.value.slice(0, 4) === scope.at.slice(0, 4) &&
                Math.floor((Number(q.value.slice(5, 7)) - 1) / 3) === Math.floor((Number(scope.at.slice(5, 7)) - 1) / 3),
            )?.value
          }
          onChange={(at) => set({ at })}
          options={quarters}
          style={{ width: 130 }}
        />
      )}
      {scope.period === 'year' && (
        <Select
          aria-label={t('stats.at')}
          value={scope.at.slice(0, 4)}
          onChange={(y) => set({ at: `${y}-01-01` })}
          options={Array.from({ length: 5 }, (_, i) => ({ value: String(year - i), label: String(year - i) }))}
          style={{ width: 100 }}
        />
      )}
      {scope.period === 'custom' && (
        <>
          <Input
            type="date"
            aria-label={t('stats.from')}
            value={scope.from}
            onChange={(e) => set({ from: e.target.value })}
            style={{ width: 150 }}
          />
          <Input
            type="date"
            aria-label={t('stats.to')}
            value={scope.to}
            onChange={(e) => set({ to: e.target.value })}
            style={{ width: 150 }}
          />
        </>
      )}
    </Space>
  );
}
