import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../shared/api.ts';
import type { Booking, Slot, Studio } from '../../shared/mediation-types.ts';
import { useMe } from '../../shared/session.ts';
import { addDays, localDateOf } from './mediation-time.ts';

/** How far ahead the phone offers slots. */
export const DAYS_AHEAD = 14;

/**
 * The studios from the public page: a guest sees every street's, a signed-in person their own
 * street's (the ones they can book).
 */
export function useStudios() {
  const me = useMe();
  const streetId = me.data?.streetId ?? undefined;
  return useQuery({
    queryKey: ['mediation', 'studios', streetId ?? 'all'],
    queryFn: () => api<{ items: Studio[] }>(`/api/public/mediation/studios${query({ streetId })}`).then((r) => r.items),
    enabled: !me.isPending,
    staleTime: 5 * 60_000,
  });
}

/** A studio's slots from today to the end of the fortnight, with the places left in each. */
export function useSlots(studioId: string) {
  const from = localDateOf(new Date());
  const to = addDays(from, DAYS_AHEAD - 1);
  return useQuery({
    queryKey: ['mediation', 'slots', studioId, from],
    queryFn: () =>
      api<{ items: Slot[] }>(`/api/public/mediation/studios/${studioId}/slots${query({ from, to })}`).then((r) => r.items),
  });
}

export function useMyBookings(enabled: boolean) {
  return useQuery({
    queryKey: ['mediation', 'bookings', 'mine'],
    queryFn: () => api<{ items: Booking[] }>('/api/mediation/bookings/mine').then((r) => r.items),
    enabled,
  });
}

/** Booking and cancelling: each refreshes the free places and my list. */
export function useBookingActions() {
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['mediation', 'slots'] }),
      client.invalidateQueries({ queryKey: ['mediation', 'bookings'] }),
    ]);
  return {
    async book(studioId: string, slotStart: string, topic: string) {
      const booking = await api<Booking>(`/api/mediation/studios/${studioId}/bookings`, { body: { slotStart, topic } });
      await refresh();
      return booking;
    },
    async cancel(bookingId: string) {
      const booking = await api<Booking>(`/api/mediation/bookings/${bookingId}/cancel`, { method: 'POST' });
      await refresh();
      return booking;
    },
  };
}
