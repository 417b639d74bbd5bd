import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../shared/api.ts';
import type {
  Electorate,
  FundLine,
  Meeting,
  MeetingSummary,
  Topic,
  TopicSummary,
  Vote,
} from '../../shared/deliberation-types.ts';
import type { Page } from '../../shared/types.ts';

/** The desk's deliberation reads; every write refreshes them all (ALL). */
export const ALL = ['deliberation'];

export const useTopics = (filters: { step?: string | undefined; open?: string | undefined; q?: string | undefined }) =>
  useQuery({
    queryKey: ['deliberation', 'topics', filters],
    queryFn: () => api<Page<TopicSummary>>(`/api/deliberation/topics${query({ ...filters, limit: 100 })}`),
    placeholderData: (previous) => previous,
  });
export const useTopic = (id: string) =>
  useQuery({ queryKey: ['deliberation', 'topic', id], queryFn: () => api<Topic>(`/api/deliberation/topics/${id}`) });
export const useMeetings = () =>
  useQuery({
    queryKey: ['deliberation', 'meetings'],
    queryFn: () => api<Page<MeetingSummary>>('/api/deliberation/meetings?limit=100'),
  });
export const useMeeting = (id: string) =>
  useQuery({ queryKey: ['deliberation', 'meeting', id], queryFn: () => api<Meeting>(`/api/deliberation/meetings/${id}`) });
export const useVotes = () =>
  useQuery({ queryKey: ['deliberation', 'votes'], queryFn: () => api<Page<Vote>>('/api/deliberation/votes?limit=100') });
export const useVote = (id: string) =>
  useQuery({ queryKey: ['deliberation', 'vote', id], queryFn: () => api<Vote>(`/api/deliberation/votes/${id}`) });
export const useElectorate = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['deliberation', 'electorate', id],
    queryFn: () => api<Electorate>(`/api/deliberation/votes/${id}/households`),
    enabled,
  });
export const useFundLines = (topicId: string) =>
  useQuery({
    queryKey: ['deliberation', 'funds', topicId],
    queryFn: () => api<{ items: FundLine[] }>(`/api/deliberation/funds${query({ topicId })}`).then((r) => r.items),
  });
export const useEstates = () =>
  useQuery({
    queryKey: ['deliberation', 'estates'],
    queryFn: () => api<{ items: { id: string; name: string; communityId: string }[] }>('/api/estates').then((r) => r.items),
    staleTime: 300_000,
  });
export const useCheckinCode = (meetingId: string) =>
  useQuery({
    queryKey: ['deliberation', 'checkin', meetingId],
    queryFn: () => api<{ url: string; attended: number; title: string }>(`/api/deliberation/meetings/${meetingId}/checkin-code`),
    // The count of arrivals on the room's screen moves as phones sign in.
    refetchInterval: 3000,
  });
