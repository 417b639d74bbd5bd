import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, query } from '../../shared/api.ts';
import type {
  Hazard,
  HazardDetail,
  HazardStage,
  PartnerStatus,
  PatrolFigures,
  PatrolPartner,
  PatrolPlan,
  PatrolRun,
  PatrolRunSummary,
  PatrolTeam,
} from '../../shared/patrol-types.ts';
import { useMe } from '../../shared/session.ts';
import { useArea } from '../cases/reference-data.ts';

/** The desk's patrol reads and writes; every write refreshes the patrol lists it may have changed. */
export function usePartners(filters: { status?: PartnerStatus | undefined; communityId?: string | undefined }) {
  return useQuery({
    queryKey: ['patrols', 'partners', filters],
    queryFn: () => api<{ items: PatrolPartner[] }>(`/api/patrols/partners${query(filters)}`).then((r) => r.items),
  });
}

export function useTeams(communityId: string | undefined) {
  return useQuery({
    queryKey: ['patrols', 'teams', communityId],
    queryFn: () => api<{ items: PatrolTeam[] }>(`/api/patrols/teams${query({ communityId })}`).then((r) => r.items),
  });
}

export function usePlans(communityId: string | undefined, includeRetired: boolean) {
  return useQuery({
    queryKey: ['patrols', 'plans', communityId, includeRetired],
    queryFn: () =>
      api<{ items: PatrolPlan[] }>(
        `/api/patrols/plans${query({ communityId, includeRetired: includeRetired ? 'true' : undefined })}`,
      ).then((r) => r.items),
  });
}

export function useRuns(filters: { communityId?: string | undefined; planId?: string | undefined; from?: string; to?: string }) {
  return useQuery({
    queryKey: ['patrols', 'runs', filters],
    queryFn: () =>
      api<{ items: PatrolRunSummary[] }>(`/api/patrols/runs${query({ ...filters, limit: 200 })}`).then((r) => r.items),
  });
}

export function useRun(id: string | null) {
  return useQuery({
    queryKey: ['patrols', 'run', id],
    queryFn: () => api<PatrolRun>(`/api/patrols/runs/${id}`),
    enabled: Boolean(id),
  });
}

export function useHazards(filters: { stage?: HazardStage | undefined; nodeId?: string | undefined; overdue?: boolean }) {
  return useQuery({
    queryKey: ['patrols', 'hazards', filters],
    queryFn: () =>
      api<{ items: Hazard[] }>(
        `/api/patrols/hazards${query({ stage: filters.stage, nodeId: filters.nodeId, overdue: filters.overdue ? 'true' : undefined, limit: 200 })}`,
      ).then((r) => r.items),
  });
}

export function useHazard(caseId: string | null) {
  return useQuery({
    queryKey: ['patrols', 'hazard', caseId],
    queryFn: () => api<HazardDetail>(`/api/patrols/hazards/${caseId}`),
    enabled: Boolean(caseId),
  });
}

export function useFigures(filters: { nodeId?: string | undefined; from: string; to: string; by: string }) {
  return useQuery({
    queryKey: ['patrols', 'figures', filters],
    queryFn: () => api<PatrolFigures>(`/api/patrols/figures${query(filters)}`),
    placeholderData: (previous) => previous,
  });
}

/** A write to the patrol API that refreshes every patrol list afterwards. */
export function usePatrolWrite<TBody, TResult = unknown>(
  path: (body: TBody) => string,
  method: 'POST' | 'PATCH' = 'POST',
  strip: (body: TBody) => unknown = (body) => body,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<TResult>(path(body), { method, body: strip(body) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['patrols'] }),
  });
}

/**
 * The community the patrol pages show: the one a role is held at, or the grid's community for a
 * grid worker; a person over several communities picks one.
 */
export function useHomeCommunity(): [string | undefined, (id: string | undefined) => void] {
  const { data: me } = useMe();
  const communityRole = me?.roles.find((role) => role.scopeLevel === 'community' && role.nodeId);
  const gridRole = me?.roles.find((role) => role.scopeLevel === 'grid' && role.nodeId);
  const grid = useArea(communityRole ? undefined : gridRole?.nodeId);
  const home = communityRole?.nodeId ?? grid.data?.parentId ?? undefined;
  const [communityId, setCommunityId] = useState<string | undefined>(home);
  useEffect(() => setCommunityId((current) => current ?? home), [home]);
  return [communityId, setCommunityId];
}
