import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { api, query } from '../../shared/api.ts';
import type {
  Agreement,
  CalendarEntry,
  Dispute,
  DisputeSession,
  DisputeState,
  DisputeSummary,
  DisputeType,
  DisputeWarning,
  Level,
  MediationFigures,
  Mediator,
  RiskLevel,
  Studio,
} from '../../shared/mediation-types.ts';
import type { Page } from '../../shared/types.ts';
import { useDeskMutation } from '../use-desk-mutation.ts';

/** The desk's mediation reads and writes; every write refreshes what it may have changed. */
export interface DisputeFilters {
  nodeId?: string | undefined;
  state?: DisputeState | undefined;
  type?: DisputeType | undefined;
  level?: Level | undefined;
  riskLevel?: RiskLevel | undefined;
}

export function useDisputes(filters: DisputeFilters) {
  return useInfiniteQuery({
    queryKey: ['mediation', 'disputes', filters],
    queryFn: ({ pageParam }) =>
      api<Page<DisputeSummary>>(`/api/mediation/disputes${query({ ...filters, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useDispute(id: string) {
  return useQuery({ queryKey: ['mediation', 'dispute', id], queryFn: () => api<Dispute>(`/api/mediation/disputes/${id}`) });
}

export function useSessions(disputeId: string) {
  return useQuery({
    queryKey: ['mediation', 'sessions', disputeId],
    queryFn: () => api<{ items: DisputeSession[] }>(`/api/mediation/disputes/${disputeId}/sessions`).then((r) => r.items),
  });
}

/** The agreement of a dispute in the version asked for, the latest by default; null before one is drawn up. */
export function useAgreement(disputeId: string, version?: number) {
  return useQuery({
    queryKey: ['mediation', 'agreement', disputeId, version],
    queryFn: () =>
      api<Agreement>(`/api/mediation/disputes/${disputeId}/agreement${query({ version })}`).catch(
        (error: { status?: number }) => {
          if (error.status === 404) return null;
          throw error;
        },
      ),
  });
}

export function useStudios() {
  return useQuery({
    queryKey: ['mediation', 'studios'],
    queryFn: () => api<{ items: Studio[] }>('/api/mediation/studios').then((r) => r.items),
  });
}

export function useMediators() {
  return useQuery({
    queryKey: ['mediation', 'mediators'],
    queryFn: () => api<{ items: Mediator[] }>('/api/mediation/mediators').then((r) => r.items),
  });
}

export function useCalendar(from: string, to: string) {
  return useQuery({
    queryKey: ['mediation', 'calendar', from, to],
    queryFn: () => api<{ items: CalendarEntry[] }>(`/api/mediation/calendar${query({ from, to })}`).then((r) => r.items),
    placeholderData: (previous) => previous,
  });
}

export function useWarnings() {
  return useQuery({
    queryKey: ['mediation', 'warnings'],
    queryFn: () => api<{ items: DisputeWarning[] }>('/api/mediation/warnings').then((r) => r.items),
  });
}

export function useMediationFigures(filters: { nodeId?: string | undefined; from: string; to: string; by: string }) {
  return useQuery({
    queryKey: ['mediation', 'figures', filters],
    queryFn: () => api<MediationFigures>(`/api/mediation/figures${query(filters)}`),
    placeholderData: (previous) => previous,
  });
}

interface WriteOptions<TVars, TResult> {
  method?: 'POST' | 'PATCH';
  /** What is sent: the variables themselves unless said otherwise. */
  send?: (vars: TVars) => unknown;
  success?: string;
  form?: FormInstance;
  onDone?: (result: TResult) => void;
}

/** A write to the mediation API: refreshes every mediation read, and marks the form field the server names. */
export function useMediationWrite<TVars, TResult = unknown>(
  path: string | ((vars: TVars) => string),
  options: WriteOptions<TVars, TResult> = {},
) {
  const { method = 'POST', send = (vars: TVars) => vars, ...rest } = options;
  return useDeskMutation(
    (vars: TVars) => api<TResult>(typeof path === 'string' ? path : path(vars), { method, body: send(vars) }),
    { invalidate: [['mediation']], ...rest },
  );
}
