import { useQueries } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { Area, CaseSummary } from '../../shared/types.ts';
import { useArea } from './reference-data.ts';

export interface OverdueGroup {
  key: string;
  name: string;
  overdue: number;
  warning: number;
  items: CaseSummary[];
}

/**
 * Groups the board's cases one level below the chosen area: by grid inside a community or a
 * grid, by community above that. Worst groups first: most overdue, then most about to be.
 */
export function useOverdueGroups(nodeId: string | undefined, overdue: CaseSummary[], warning: CaseSummary[]): OverdueGroup[] {
  const { t } = useI18n();
  const node = useArea(nodeId);
  const byGrid = node.data?.level === 'community' || node.data?.level === 'grid';
  // A case crossing its deadline between the two requests may be in both: keep it once.
  const items = [...new Map([...overdue, ...warning].map((item) => [item.id, item])).values()];
  const communityIds = byGrid ? [] : [...new Set(items.flatMap((item) => (item.communityId ? [item.communityId] : [])))];
  const communities = useQueries({
    queries: communityIds.map((id) => ({
      queryKey: ['areas', 'detail', id],
      queryFn: () => api<{ area: Area }>(`/api/areas/${id}`).then((r) => r.area),
      staleTime: 10 * 60_000,
    })),
  });
  const communityName = new Map(communities.flatMap((q) => (q.data ? [[q.data.id, q.data.name] as const] : [])));

  const groups = new Map<string, OverdueGroup>();
  for (const item of items) {
    const key = (byGrid ? item.gridId : item.communityId) ?? 'none';
    const name = byGrid ? item.gridName : item.communityId ? communityName.get(item.communityId) : null;
    const group = groups.get(key) ?? { key, name: name ?? t('deskCases.overdue.unplaced'), overdue: 0, warning: 0, items: [] };
    group.items.push(item);
    if (item.deadline.status === 'overdue') group.overdue += 1;
    else group.warning += 1;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.overdue - a.overdue || b.warning - a.warning || a.name.localeCompare(b.name));
}
