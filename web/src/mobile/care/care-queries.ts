import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from '../../shared/api.ts';
import type { CareCampaign, CareFile, CareFileSummary, DueStatus } from '../../shared/care-types.ts';
import type { Page } from '../../shared/types.ts';

export type CareFilter = 'overdue' | 'soon' | 'all';

/** "Due this week" is today and the next three days, as the server's due_today and due_soon. */
const DUE: Record<CareFilter, DueStatus[]> = { overdue: ['overdue'], soon: ['due_today', 'due_soon'], all: [] };

/** My files, the most urgent visit first; a filter of two due statuses is two pages joined. */
export function useCareFiles(filter: CareFilter, campaignId?: string) {
  return useInfiniteQuery({
    queryKey: ['care', 'files', filter, campaignId],
    queryFn: async ({ pageParam }) => {
      const statuses = campaignId ? [] : DUE[filter];
      if (statuses.length <= 1) {
        return api<Page<CareFileSummary>>(
          `/api/care/files${query({ due: statuses[0], campaignId, limit: 50, cursor: pageParam })}`,
        );
      }
      const pages = await Promise.all(
        statuses.map((due) => api<Page<CareFileSummary>>(`/api/care/files${query({ due, limit: 100 })}`)),
      );
      return { items: pages.flatMap((p) => p.items), nextCursor: null };
    },
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
    staleTime: 60_000,
  });
}

/** Days from one local date to another. */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
export const localToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
