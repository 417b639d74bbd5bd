import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../shared/api.ts';
import type { Breakdown, Figures, Registry, Report, StatsScope, Trend } from './stats-types.ts';

/** The query string of a scope: a custom period sends its days, the others their anchor day. */
export const scopeParams = (scope: StatsScope) => ({
  nodeId: scope.nodeId,
  period: scope.period,
  ...(scope.period === 'custom' ? { from: scope.from, to: scope.to } : { at: scope.at }),
});

export function useRegistry() {
  return useQuery({
    queryKey: ['stats', 'registry'],
    queryFn: () => api<Registry>('/api/stats/indicators'),
    staleTime: Infinity,
  });
}

export function useIndicatorFigures(scope: StatsScope, refetchInterval?: number) {
  return useQuery({
    queryKey: ['stats', 'figures', scope],
    queryFn: () => api<Figures>(`/api/stats/figures${query(scopeParams(scope))}`),
    enabled: Boolean(scope.nodeId),
    refetchInterval,
  });
}

export function useIndicatorTrend(scope: StatsScope) {
  return useQuery({
    queryKey: ['stats', 'trend', scope],
    queryFn: () => api<Trend>(`/api/stats/trend${query(scopeParams(scope))}`),
    enabled: Boolean(scope.nodeId),
  });
}

export function useBreakdown(
  scope: StatsScope,
  by: 'category' | 'child' | 'organisation',
  lang: string,
  refetchInterval?: number,
) {
  return useQuery({
    queryKey: ['stats', 'breakdown', scope, by, lang],
    queryFn: () => api<Breakdown>(`/api/stats/breakdown${query({ ...scopeParams(scope), by, lang })}`),
    enabled: Boolean(scope.nodeId),
    refetchInterval,
  });
}

export const exportUrl = (scope: StatsScope, table: string, format: 'xlsx' | 'csv', lang: string) =>
  `/api/stats/export${query({ ...scopeParams(scope), table, format, lang })}`;

export function useReports() {
  return useQuery({ queryKey: ['stats', 'reports'], queryFn: () => api<{ items: Report[] }>('/api/stats/reports') });
}

export function useProduceReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { nodeId: string; month: string; lang: string }) =>
      api<Report>('/api/stats/reports', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['stats', 'reports'] }),
  });
}
