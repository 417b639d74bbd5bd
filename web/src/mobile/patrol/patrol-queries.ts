import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../shared/api.ts';
import type { Hazard, HazardDetail, PatrolFinding, PatrolPartner, PatrolPlan } from '../../shared/patrol-types.ts';
import { useCategories } from '../case/categories.ts';
import type { Place } from '../types.ts';

/** The phone's patrol reads: my partnership, my plans, my findings, hazards to re-inspect. */
export function usePartnerMe() {
  return useQuery({
    queryKey: ['patrols', 'partner', 'me'],
    queryFn: () => api<{ partner: PatrolPartner | null }>('/api/patrols/partners/me').then((r) => r.partner),
  });
}

export function useMyPlans(enabled = true) {
  return useQuery({
    queryKey: ['patrols', 'plans', 'mine'],
    queryFn: () => api<{ items: PatrolPlan[] }>('/api/patrols/plans?mine=true').then((r) => r.items),
    enabled,
    // A plan walked offline is still needed offline: keep what was loaded.
    staleTime: 5 * 60_000,
    gcTime: 24 * 60 * 60_000,
  });
}

export function useMyFindings() {
  return useQuery({
    queryKey: ['patrols', 'findings', 'mine'],
    queryFn: () => api<{ items: PatrolFinding[] }>('/api/patrols/findings/mine').then((r) => r.items),
  });
}

export function useHazardsToReinspect(enabled: boolean) {
  return useQuery({
    queryKey: ['patrols', 'hazards', 'awaiting_reinspection'],
    queryFn: () =>
      api<{ items: Hazard[] }>(`/api/patrols/hazards${query({ stage: 'awaiting_reinspection', limit: 20 })}`).then(
        (r) => r.items,
      ),
    enabled,
  });
}

export function useHazard(caseId: string) {
  return useQuery({
    queryKey: ['patrols', 'hazard', caseId],
    queryFn: () => api<HazardDetail>(`/api/patrols/hazards/${caseId}`),
  });
}

/** The hazard types: the categories of kind hazard, grouped as the report form groups them. */
export function useHazardCategories() {
  const categories = useCategories();
  return {
    ...categories,
    data: categories.data
      ?.map((group) => ({
        ...group,
        children: group.children.filter((child) => child.kind === 'hazard' || group.kind === 'hazard'),
      }))
      .filter((group) => group.children.length > 0),
  };
}

export interface CommunityChoice {
  id: string;
  name: string;
}

/**
 * The communities an applicant may choose: those their roles are held at, or the street's
 * communities for whoever may read the area tree.
 */
export function useCommunities() {
  return useQuery({
    queryKey: ['patrols', 'communities'],
    queryFn: async (): Promise<CommunityChoice[]> => {
      const { items } = await api<{ items: CommunityChoice[] }>('/api/patrols/communities');
      return items.map((community) => ({ id: community.id, name: community.name }));
    },
    staleTime: 10 * 60_000,
  });
}

/** Compounds (estates) by name, from the public place search the report form uses. */
export function useEstates(q: string) {
  return useQuery({
    queryKey: ['places', 'estates', q],
    queryFn: () =>
      api<{ items: Place[] }>(`/api/public/places${query({ q, limit: 20 })}`).then((r) =>
        r.items.filter((place) => place.kind === 'estate'),
      ),
    enabled: q.trim().length > 0,
    staleTime: 60_000,
  });
}
