import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../shared/api.ts';
import type {
  CardCase,
  CompanyScorecard,
  Component,
  Ranking,
  Review,
  ReviewEstate,
  WeightsVersion,
} from '../../shared/property-score-types.ts';
import { useDeskMutation } from '../use-desk-mutation.ts';

/** The desk's property evaluation reads and writes; every write refreshes every read. */
export function useRanking(month: string | undefined) {
  return useQuery({
    queryKey: ['property-scores', 'ranking', month],
    queryFn: () => api<Ranking>(`/api/property-scores/ranking${query({ month })}`),
    placeholderData: (previous) => previous,
  });
}

export function useCompanyScorecard(id: string, month: string | undefined) {
  return useQuery({
    queryKey: ['property-scores', 'company', id, month],
    queryFn: () => api<CompanyScorecard>(`/api/property-scores/companies/${id}${query({ month })}`),
    placeholderData: (previous) => previous,
  });
}

export function useCardCases(cardId: string | null, component: Exclude<Component, 'review'>) {
  return useQuery({
    queryKey: ['property-scores', 'card-cases', cardId, component],
    queryFn: () => api<{ items: CardCase[] }>(`/api/property-scores/cards/${cardId}/cases${query({ component })}`),
    enabled: cardId !== null,
  });
}

export function useWeights() {
  return useQuery({
    queryKey: ['property-scores', 'weights'],
    queryFn: () => api<{ currentId: string; canConfigure: boolean; items: WeightsVersion[] }>('/api/property-scores/weights'),
  });
}

export function useReviewEstates() {
  return useQuery({
    queryKey: ['property-scores', 'estates'],
    queryFn: () => api<{ items: ReviewEstate[] }>('/api/property-scores/estates').then((r) => r.items),
  });
}

export function useReviews(month: string) {
  return useQuery({
    queryKey: ['property-scores', 'reviews', month],
    queryFn: () => api<{ items: Review[] }>(`/api/property-scores/reviews${query({ month })}`).then((r) => r.items),
  });
}

export function useScoreWrite<TVars, TResult = unknown>(
  path: string,
  method: 'POST' | 'PUT',
  options: Omit<Parameters<typeof useDeskMutation<TVars, TResult>>[1], 'invalidate'> = {},
) {
  return useDeskMutation((vars: TVars) => api<TResult>(path, { method, body: vars }), {
    invalidate: [['property-scores']],
    ...options,
  });
}

/** Last month in the street's zone, 'YYYY-MM': the month the job computes on the 1st. */
export function lastMonth(now = new Date()): string {
  const local = new Date(now.toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
  local.setDate(1);
  local.setMonth(local.getMonth() - 1);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}`;
}
