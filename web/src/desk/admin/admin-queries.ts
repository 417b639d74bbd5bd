import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../shared/api.ts';
import type { Area, Category, Page } from '../../shared/types.ts';

/** Lists more than one administration tab reads. */

export const TIER_ORDER = ['grid', 'community', 'department', 'district'] as const;

export function useCategories() {
  return useQuery({
    queryKey: ['case-categories', 'all'],
    queryFn: () => api<{ items: Category[] }>('/api/case-categories?includeRetired=true'),
    select: (page) => page.items,
  });
}

export function useStreets() {
  return useQuery({
    queryKey: ['areas', 'streets'],
    queryFn: () => api<Page<Area>>(`/api/areas${query({ level: 'street', limit: 100 })}`),
    select: (page) => page.items,
  });
}
