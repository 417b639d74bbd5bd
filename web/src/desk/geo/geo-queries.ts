import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../shared/api.ts';
import { useMe } from '../../shared/session.ts';
import type { Area, CaseSummary, Page } from '../../shared/types.ts';
import type { AreaFigures, Boundaries, CasePoint, GridStats, GridStatsResponse, Overview } from './geo-types.ts';

type Level = Area['level'];

/** What a map of a node draws: the communities of a street (or district), the grids of a community or grid. */
export const mapLevelFor = (level: Level): 'community' | 'grid' =>
  level === 'district' || level === 'street' ? 'community' : 'grid';

type AreaDetail = { area: Area; breadcrumbs: { id: string; name: string; level: Level }[] };

/**
 * The areas the signed-in person's roles are held at, without those inside another: where their
 * map, wall screen and area tree start. Read from their roles, one area at a time, since the
 * root listing of GET /api/areas pages through the whole subtree before picking the roots.
 */
export function useHomeAreas() {
  const { data: me } = useMe();
  const ids = [...new Set((me?.roles ?? []).flatMap((role) => (role.nodeId ? [role.nodeId] : [])))];
  return useQuery({
    queryKey: ['areas', 'home', ids],
    enabled: Boolean(me),
    staleTime: 300_000,
    queryFn: async () => {
      const details = await Promise.all(ids.map((id) => api<AreaDetail>(`/api/areas/${id}`).catch(() => null)));
      const found = details.filter((detail): detail is AreaDetail => detail !== null);
      const held = new Set(found.map((detail) => detail.area.id));
      return found.filter((detail) => !detail.breadcrumbs.some((crumb) => held.has(crumb.id))).map((detail) => detail.area);
    },
  });
}

export function useHomeArea() {
  const homes = useHomeAreas();
  return { ...homes, data: homes.data ? (homes.data[0] ?? null) : undefined };
}

export function useAreaDetail(id: string | undefined) {
  return useQuery({
    queryKey: ['areas', id],
    queryFn: () => api<AreaDetail>(`/api/areas/${id}`),
    enabled: Boolean(id),
  });
}

export function useBoundaries(nodeId: string | undefined, level: 'community' | 'grid') {
  return useQuery({
    queryKey: ['boundaries', nodeId, level],
    queryFn: () => api<Boundaries>(`/api/areas/${nodeId}/boundaries${query({ level })}`),
    enabled: Boolean(nodeId),
    staleTime: 300_000,
  });
}

export function useGridStats(nodeId: string | undefined, refetchInterval?: number) {
  return useQuery({
    queryKey: ['stats', 'grids', nodeId],
    queryFn: () => api<GridStatsResponse>(`/api/stats/grids${query({ nodeId })}`),
    enabled: Boolean(nodeId),
    refetchInterval,
  });
}

export function useOverview(nodeId: string | undefined, refetchInterval?: number) {
  return useQuery({
    queryKey: ['stats', 'overview', nodeId],
    queryFn: () => api<Overview>(`/api/stats/overview${query({ nodeId })}`),
    enabled: Boolean(nodeId),
    refetchInterval,
  });
}

/** Open cases that have a point, a page at a time up to a cap: enough to see where work piles up. */
const MAX_POINT_PAGES = 5;

export function useOpenCasePoints(nodeId: string | undefined, refetchInterval?: number) {
  return useQuery({
    queryKey: ['cases', 'points', nodeId],
    enabled: Boolean(nodeId),
    refetchInterval,
    queryFn: async () => {
      const points: CasePoint[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_POINT_PAGES; page++) {
        const result: Page<CaseSummary> = await api<Page<CaseSummary>>(
          `/api/cases${query({ nodeId, open: true, limit: 100, cursor })}`,
        );
        for (const c of result.items) {
          if (c.lon === null || c.lat === null) continue;
          points.push({ id: c.id, number: c.number, title: c.title, lon: c.lon, lat: c.lat, status: c.deadline.status });
        }
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      return points;
    },
  });
}

const ZERO: AreaFigures = { open: 0, overdue: 0, warning: 0, received30d: 0, resolved30d: 0 };

/** Figures per map area: each grid's own, or summed over each community's grids. */
export function figuresByArea(items: GridStats[], level: 'community' | 'grid'): Map<string, AreaFigures> {
  const byArea = new Map<string, AreaFigures>();
  for (const item of items) {
    const key = level === 'grid' ? item.grid.id : item.grid.communityId;
    if (!key) continue;
    const sum = byArea.get(key) ?? ZERO;
    byArea.set(key, {
      open: sum.open + item.open,
      overdue: sum.overdue + item.overdue,
      warning: sum.warning + item.warning,
      received30d: sum.received30d + item.received30d,
      resolved30d: sum.resolved30d + item.resolved30d,
    });
  }
  return byArea;
}
