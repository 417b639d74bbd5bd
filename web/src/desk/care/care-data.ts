import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { api, query } from '../../shared/api.ts';
import type {
  CareCampaign,
  CareCampaignDetail,
  CareFigures,
  CareFile,
  CareFileSummary,
  CareGroup,
  CareRisk,
  DueStatus,
} from '../../shared/care-types.ts';
import type { Page } from '../../shared/types.ts';
import { useDeskMutation } from '../use-desk-mutation.ts';

/** The desk's care reads and writes; every write refreshes every care read. */
export interface CareFilters {
  nodeId?: string | undefined;
  group?: CareGroup | undefined;
  riskLevel?: CareRisk | undefined;
  due?: DueStatus | undefined;
  status?: 'active' | 'closed' | undefined;
  q?: string | undefined;
}

export function useCareFiles(filters: CareFilters) {
  return useInfiniteQuery({
    queryKey: ['care', 'files', filters],
    queryFn: ({ pageParam }) =>
      api<Page<CareFileSummary>>(`/api/care/files${query({ ...filters, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCareFile(id: string) {
  return useQuery({ queryKey: ['care', 'file', id], queryFn: () => api<CareFile>(`/api/care/files/${id}`) });
}

export function useCampaigns() {
  return useQuery({
    queryKey: ['care', 'campaigns'],
    queryFn: () => api<{ items: CareCampaign[] }>('/api/care/campaigns').then((r) => r.items),
  });
}

export function useCampaign(id: string | null) {
  return useQuery({
    queryKey: ['care', 'campaign', id],
    queryFn: () => api<CareCampaignDetail>(`/api/care/campaigns/${id}`),
    enabled: id !== null,
  });
}

export function useCareFigures(filters: { nodeId?: string | undefined; from: string; to: string; by: string }) {
  return useQuery({
    queryKey: ['care', 'figures', filters],
    queryFn: () => api<CareFigures>(`/api/care/figures${query(filters)}`),
    placeholderData: (previous) => previous,
  });
}

interface WriteOptions<TResult> {
  method?: 'POST' | 'PATCH';
  success?: string;
  form?: FormInstance;
  onDone?: (result: TResult) => void;
}

export function useCareWrite<TVars, TResult = unknown>(
  path: string | ((vars: TVars) => string),
  options: WriteOptions<TResult> = {},
) {
  const { method = 'POST', ...rest } = options;
  return useDeskMutation((vars: TVars) => api<TResult>(typeof path === 'string' ? path : path(vars), { method, body: vars }), {
    invalidate: [['care']],
    ...rest,
  });
}
