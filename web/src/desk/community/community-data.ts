import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from '../../shared/api.ts';
import type { Page } from '../../shared/types.ts';
import type {
  Activity,
  ActivitySignup,
  ActivitySummary,
  CheckinCode,
  Goods,
  PointsAccount,
  PointsAccountSummary,
  PointsRule,
  Questionnaire,
  QuestionnaireResults,
  QuestionnaireSummary,
  Redemption,
  ServiceCandidate,
  ServiceCategory,
  ServiceRequest,
  ServiceRequestSummary,
  Volunteer,
  VolunteerTeam,
} from '../../shared/volunteer-types.ts';

/** The desk's reads of volunteers, services, activities, points and questionnaires. */
type Filters = Record<string, string | undefined>;

function usePaged<T>(key: unknown[], path: string, filters: Filters) {
  return useInfiniteQuery({
    queryKey: [...key, filters],
    queryFn: ({ pageParam }) => api<Page<T>>(`${path}${query({ ...filters, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useVolunteers = (filters: Filters) =>
  usePaged<Volunteer>(['desk-community', 'volunteers'], '/api/volunteers', filters);
export const useTeams = () =>
  useQuery({
    queryKey: ['desk-community', 'teams'],
    queryFn: () => api<{ items: VolunteerTeam[] }>('/api/volunteers/teams').then((r) => r.items),
  });

export const useRequests = (filters: Filters) =>
  usePaged<ServiceRequestSummary>(['desk-community', 'requests'], '/api/services/requests', filters);
export const useRequest = (id: string | undefined) =>
  useQuery({
    queryKey: ['desk-community', 'request', id],
    queryFn: () => api<ServiceRequest>(`/api/services/requests/${id}`),
    enabled: Boolean(id),
  });
export const useCandidates = (id: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['desk-community', 'candidates', id],
    queryFn: () => api<{ items: ServiceCandidate[] }>(`/api/services/requests/${id}/candidates`).then((r) => r.items),
    enabled: Boolean(id) && enabled,
  });
export const useMenu = (all = false) =>
  useQuery({
    queryKey: ['desk-community', 'menu', all],
    queryFn: () =>
      api<{ items: ServiceCategory[] }>(`/api/services/menu${query({ all: all ? 'true' : undefined })}`).then((r) => r.items),
  });

export const useActivities = (filters: Filters) =>
  usePaged<ActivitySummary>(['desk-community', 'activities'], '/api/activities', { scope: 'managed', ...filters });
export const useActivity = (id: string) =>
  useQuery({ queryKey: ['desk-community', 'activity', id], queryFn: () => api<Activity>(`/api/activities/${id}`) });
export const useSignups = (id: string) =>
  useQuery({
    queryKey: ['desk-community', 'signups', id],
    queryFn: () => api<{ items: ActivitySignup[] }>(`/api/activities/${id}/signups`).then((r) => r.items),
  });
export const useCheckinCode = (sessionId: string | undefined) =>
  useQuery({
    queryKey: ['desk-community', 'checkin', sessionId],
    queryFn: () => api<CheckinCode>(`/api/activities/sessions/${sessionId}/checkin-code`),
    enabled: Boolean(sessionId),
    // The desk screen counts arrivals as they come.
    refetchInterval: 5000,
  });

export const useAccounts = (filters: Filters) =>
  usePaged<PointsAccountSummary>(['desk-community', 'accounts'], '/api/points/accounts', filters);
export const useAccount = (id: string | undefined) =>
  useQuery({
    queryKey: ['desk-community', 'account', id],
    queryFn: () => api<PointsAccount>(`/api/points/accounts/${id}`),
    enabled: Boolean(id),
  });
export const useGoods = () =>
  useQuery({
    queryKey: ['desk-community', 'goods'],
    queryFn: () => api<{ items: Goods[] }>('/api/points/goods').then((r) => r.items),
  });
export const useRedemptions = (filters: Filters) =>
  usePaged<Redemption>(['desk-community', 'redemptions'], '/api/points/redemptions', filters);
export const useRules = () =>
  useQuery({
    queryKey: ['desk-community', 'rules'],
    queryFn: () => api<{ items: PointsRule[] }>('/api/points/rules').then((r) => r.items),
  });

export const useQuestionnaires = () =>
  useQuery({
    queryKey: ['desk-community', 'questionnaires'],
    queryFn: () => api<{ items: QuestionnaireSummary[] }>('/api/questionnaires?scope=managed').then((r) => r.items),
  });
export const useQuestionnaire = (id: string) =>
  useQuery({ queryKey: ['desk-community', 'questionnaire', id], queryFn: () => api<Questionnaire>(`/api/questionnaires/${id}`) });
export const useResults = (id: string) =>
  useQuery({
    queryKey: ['desk-community', 'results', id],
    queryFn: () => api<QuestionnaireResults>(`/api/questionnaires/${id}/results`),
  });

/** Every read of these pages: what a change refreshes. */
export const ALL = ['desk-community'];
