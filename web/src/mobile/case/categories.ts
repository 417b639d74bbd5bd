import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { Category } from '../../shared/types.ts';

/** The category taxonomy, open to everyone, cached for the session: forms pick from it, lists label with it. */
export function useCategories() {
  return useQuery({
    queryKey: ['case-categories'],
    queryFn: () => api<{ items: Category[] }>('/api/case-categories'),
    select: (data) =>
      data.items
        .filter((group) => !group.retired)
        .map((group) => ({ ...group, children: group.children.filter((child) => !child.retired) })),
    staleTime: 10 * 60_000,
  });
}

/** A subcategory's name in the current language, from its code (lists carry codes only). */
export function useCategoryName(): (code: string) => string {
  const { pick } = useI18n();
  const { data } = useCategories();
  const names = new Map((data ?? []).flatMap((group) => group.children.map((child) => [child.code, pick(child)] as const)));
  return (code) => names.get(code) ?? '';
}
