import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../shared/api.ts';
import { hasPermission, useMe } from '../../shared/session.ts';
import type { Area, Category, Page } from '../../shared/types.ts';
import type { Organisation, User } from './types.ts';

/** Lists that change rarely: kept for ten minutes. */
const RARELY = 10 * 60_000;

export function useCategories() {
  return useQuery({
    queryKey: ['case-categories'],
    queryFn: () => api<{ items: Category[] }>('/api/case-categories').then((r) => r.items),
    staleTime: RARELY,
  });
}

/** Subcategory code -> its names, for tables that carry only the code. */
export function useCategoryNames() {
  const { data } = useCategories();
  const names = new Map<string, { nameZh: string; nameEn: string }>();
  for (const top of data ?? []) for (const child of [top, ...top.children]) names.set(child.code, child);
  return names;
}

export function useOrganisations(kind: Organisation['kind']) {
  const { data: me } = useMe();
  return useQuery({
    queryKey: ['organisations', kind],
    queryFn: () => api<Page<Organisation>>(`/api/organisations${query({ kind, limit: 100 })}`).then((r) => r.items),
    enabled: hasPermission(me, 'organisations.read'),
    staleTime: RARELY,
  });
}

export function useAreaChildren(parentId: string | undefined | null, level?: Area['level']) {
  return useQuery({
    queryKey: ['areas', 'children', parentId, level],
    queryFn: () => api<Page<Area>>(`/api/areas${query({ parentId, level, limit: 100 })}`).then((r) => r.items),
    enabled: Boolean(parentId),
    staleTime: RARELY,
  });
}

export function useArea(id: string | null | undefined) {
  return useQuery({
    queryKey: ['areas', 'detail', id],
    queryFn: () => api<{ area: Area }>(`/api/areas/${id}`).then((r) => r.area),
    enabled: Boolean(id),
    staleTime: RARELY,
  });
}

/** Community staff and secretaries a case may be dispatched to, for those who may list accounts. */
export function useCommunityStaff() {
  const { data: me } = useMe();
  return useQuery({
    queryKey: ['users', 'community-staff'],
    queryFn: async () => {
      const lists = await Promise.all(
        ['community_staff', 'community_secretary'].map((role) =>
          api<Page<User>>(`/api/users${query({ role, limit: 100 })}`).then((r) => r.items),
        ),
      );
      return lists.flat();
    },
    enabled: hasPermission(me, 'users.read'),
    staleTime: RARELY,
  });
}
