/**
 * Which daily figures a case event moves, pure. Every figure is a count of events, so a rollup
 * can always be rebuilt by replaying the events. Figures about the reporter's call back are
 * credited to the day the case came in (its cohort), the others to the day of the event.
 */
import { localDate } from '../calendar/working-days.ts';

export const ROLLUP_COUNTERS = [
  'received',
  'contact_required',
  'contacted_on_time',
  'resolved',
  'resolved_on_time',
  'solved_grid',
  'solved_community',
  'solved_department',
  'solved_district',
  'reopened',
  'escalated',
  'urged',
  'went_overdue',
  'rejected',
  'merged',
  'rated',
  'rating_sum',
  'satisfied',
  'unrated_closed',
] as const;
export type RollupCounter = (typeof ROLLUP_COUNTERS)[number];
export type Counters = Partial<Record<RollupCounter, number>>;

export interface RollupCase {
  createdAt: Date;
  /** The case had someone to call back (a first-contact limit). */
  contactRequired: boolean;
}

export interface RollupEvent {
  type: string;
  at: Date;
  data: Record<string, unknown>;
}

export interface RollupDelta {
  day: string;
  counters: Counters;
}

const SOLVED: Record<string, RollupCounter> = {
  grid: 'solved_grid',
  community: 'solved_community',
  department: 'solved_department',
  district: 'solved_district',
};

export function rollupDeltas(event: RollupEvent, c: RollupCase, timeZone: string): RollupDelta[] {
  const day = localDate(event.at, timeZone);
  const cohort = localDate(c.createdAt, timeZone);
  const on = (counters: Counters, date = day): RollupDelta[] => [{ day: date, counters }];
  const data = event.data;
  switch (event.type) {
    case 'case.reported':
      return on({ received: 1, contact_required: c.contactRequired ? 1 : 0 }, cohort);
    case 'case.contacted':
      return data.first === true && data.onTime === true ? on({ contacted_on_time: 1 }, cohort) : [];
    case 'case.resolved': {
      const solved = SOLVED[String(data.tier)];
      return on({ resolved: 1, resolved_on_time: data.onTime === false ? 0 : 1, ...(solved ? { [solved]: 1 } : {}) });
    }
    case 'case.returned':
      return on({ reopened: 1 });
    case 'case.escalated':
      return on({ escalated: 1 });
    case 'case.urged':
      return on({ urged: 1 });
    case 'case.overdue':
      return on({ went_overdue: 1 });
    case 'case.rejected':
      return on({ rejected: 1 });
    case 'case.merged':
      return on({ merged: 1 });
    case 'case.rated': {
      const rating = Number(data.rating);
      return on({ rated: 1, rating_sum: rating, satisfied: rating >= 4 ? 1 : 0 });
    }
    case 'case.closed':
      // Closed without the reporter's rating: by the 7-day rule or by staff before it.
      return data.reason === 'not_rated' || data.reason === 'closed_by_staff' ? on({ unrated_closed: 1 }) : [];
    default:
      return [];
  }
}
