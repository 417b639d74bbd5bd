import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../shared/api.ts';
import type {
  DelibHome,
  PublicEstate,
  PublicEstateSummary,
  SimilarTopic,
  Topic,
  TopicSummary,
  Vote,
} from '../../shared/deliberation-types.ts';
import type { Page } from '../../shared/types.ts';

/** The phone's deliberation reads; a write refreshes them all. */
export const useHome = () => useQuery({ queryKey: ['delib', 'home'], queryFn: () => api<DelibHome>('/api/deliberation/me') });
export const useMyTopics = () =>
  useQuery({
    queryKey: ['delib', 'topics'],
    queryFn: () => api<Page<TopicSummary>>('/api/deliberation/topics?limit=50').then((p) => p.items),
  });
export const useTopic = (id: string) =>
  useQuery({ queryKey: ['delib', 'topic', id], queryFn: () => api<Topic>(`/api/deliberation/topics/${id}`) });
export const useMyVotes = () =>
  useQuery({
    queryKey: ['delib', 'votes'],
    queryFn: () => api<Page<Vote>>('/api/deliberation/votes?limit=20').then((p) => p.items),
  });
export const useVote = (id: string) =>
  useQuery({ queryKey: ['delib', 'vote', id], queryFn: () => api<Vote>(`/api/deliberation/votes/${id}`) });
export const useSimilar = (text: string) =>
  useQuery({
    queryKey: ['delib', 'similar', text],
    queryFn: () => api<{ items: SimilarTopic[] }>(`/api/deliberation/topics/similar${query({ text })}`).then((r) => r.items),
    enabled: text.trim().length >= 3,
    placeholderData: (previous) => previous,
  });
export const usePublicEstates = () =>
  useQuery({
    queryKey: ['delib', 'public'],
    queryFn: () => api<{ items: PublicEstateSummary[] }>('/api/public/deliberation/estates').then((r) => r.items),
  });
export const usePublicEstate = (id: string) =>
  useQuery({ queryKey: ['delib', 'public', id], queryFn: () => api<PublicEstate>(`/api/public/deliberation/estates/${id}`) });

export function useRefreshDelib() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['delib'] });
}
