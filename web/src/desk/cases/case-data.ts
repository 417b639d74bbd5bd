import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../shared/api.ts';
import type { CaseAction, CaseDetail, CaseSummary, Page } from '../../shared/types.ts';
import type { CaseFilters } from './types.ts';

/** The query-string form of the filters, exactly as GET /api/cases (and its counts and export) read them. */
export function filterParams(filters: CaseFilters): Record<string, string | undefined> {
  return {
    state: filters.state?.length ? filters.state.join(',') : undefined,
    open: filters.open === undefined ? undefined : String(filters.open),
    categoryId: filters.categoryId,
    deadline: filters.deadline,
    nodeId: filters.nodeId,
    source: filters.source,
    tier: filters.tier,
    mine: filters.mine,
    q: filters.q,
    sort: filters.sort,
  };
}

export function useCaseList(filters: CaseFilters, limit = 50) {
  const params = filterParams(filters);
  return useInfiniteQuery({
    queryKey: ['cases', 'list', params, limit],
    queryFn: ({ pageParam, signal }) =>
      api<Page<CaseSummary>>(`/api/cases${query({ ...params, limit, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Counts per state under the same filters, the state filter aside (the tabs choose it). */
export function useCaseCounts(filters: CaseFilters) {
  const { state: _state, sort: _sort, ...params } = filterParams(filters);
  return useQuery({
    queryKey: ['cases', 'counts', params],
    queryFn: ({ signal }) =>
      api<{ counts: Record<string, number>; total: number }>(`/api/cases/counts${query(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** A case with its timeline and allowedActions; lists that only need the actions ask less often (staleTime). */
export function useCase(id: string | undefined, options: { staleTime?: number } = {}) {
  return useQuery({
    queryKey: ['cases', 'detail', id],
    queryFn: ({ signal }) => api<CaseDetail>(`/api/cases/${id}`, { signal }),
    enabled: Boolean(id),
    ...options,
  });
}

export const caseActionPath = (id: string, action: CaseAction) => `/api/cases/${id}/${action}`;

/** Performs one action; the answer is the case as it now stands, and every list may have changed. */
export function useCaseAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: CaseAction; body: Record<string, unknown> }) =>
      api<CaseDetail>(caseActionPath(id, action), { body }),
    onSuccess: (detail) => {
      client.setQueryData(['cases', 'detail', detail.id], detail);
      void client.invalidateQueries({ queryKey: ['cases'], predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}
