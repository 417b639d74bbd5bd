import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../shared/api.ts';
import type { Page } from '../../shared/types.ts';
import type {
  Activity,
  ActivitySummary,
  AreaChoice,
  Goods,
  PointsAccount,
  Questionnaire,
  QuestionnaireSummary,
  Redemption,
  ServiceCategory,
  ServiceRequest,
  ServiceRequestSummary,
  VolunteerProfile,
} from '../../shared/volunteer-types.ts';

/** The phone's reads of volunteering, activities, services, points and questionnaires. */
export const useProfile = (enabled = true) =>
  useQuery({ queryKey: ['community', 'profile'], queryFn: () => api<VolunteerProfile>('/api/volunteers/me'), enabled });

export const useAreas = (enabled = true) =>
  useQuery({
    queryKey: ['community', 'areas'],
    queryFn: () => api<{ items: AreaChoice[] }>('/api/volunteers/areas').then((r) => r.items),
    enabled,
    staleTime: 10 * 60_000,
  });

export const useActivities = (scope: 'street' | 'mine', enabled = true) =>
  useQuery({
    queryKey: ['community', 'activities', scope],
    queryFn: () => api<Page<ActivitySummary>>(`/api/activities${query({ scope, limit: 100 })}`).then((r) => r.items),
    enabled,
  });

export const useActivity = (id: string, enabled = true) =>
  useQuery({ queryKey: ['community', 'activity', id], queryFn: () => api<Activity>(`/api/activities/${id}`), enabled });

export const useMenu = (enabled = true) =>
  useQuery({
    queryKey: ['community', 'menu'],
    queryFn: () => api<{ items: ServiceCategory[] }>('/api/services/menu').then((r) => r.items),
    enabled,
    staleTime: 10 * 60_000,
  });

export const useMyRequests = (role: 'requester' | 'volunteer', enabled = true) =>
  useQuery({
    queryKey: ['community', 'requests', role],
    queryFn: () => api<Page<ServiceRequestSummary>>(`/api/services/requests${query({ role, limit: 100 })}`).then((r) => r.items),
    enabled,
  });

export const useRequest = (id: string, enabled = true) =>
  useQuery({
    queryKey: ['community', 'request', id],
    queryFn: () => api<ServiceRequest>(`/api/services/requests/${id}`),
    enabled,
  });

export const usePoints = (enabled = true) =>
  useQuery({ queryKey: ['community', 'points'], queryFn: () => api<PointsAccount>('/api/points/me'), enabled });

export const useGoods = (enabled = true) =>
  useQuery({
    queryKey: ['community', 'goods'],
    queryFn: () => api<{ items: Goods[] }>('/api/points/goods').then((r) => r.items),
    enabled,
  });

export const useMyRedemptions = (enabled = true) =>
  useQuery({
    queryKey: ['community', 'redemptions'],
    queryFn: () => api<{ items: Redemption[] }>('/api/points/redemptions/mine').then((r) => r.items),
    enabled,
  });

export const useSurveys = (enabled = true) =>
  useQuery({
    queryKey: ['community', 'surveys'],
    queryFn: () => api<{ items: QuestionnaireSummary[] }>('/api/questionnaires?scope=open').then((r) => r.items),
    enabled,
  });

export const useSurvey = (id: string, enabled = true) =>
  useQuery({ queryKey: ['community', 'survey', id], queryFn: () => api<Questionnaire>(`/api/questionnaires/${id}`), enabled });

/** After a change: everything of the community pages is read again (they are small). */
export function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['community'] });
}
