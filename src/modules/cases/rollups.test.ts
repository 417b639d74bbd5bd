import { describe, expect, it } from 'vitest';
import { localDate } from '../calendar/working-days.ts';
import { rollupDeltas } from './rollups.ts';

const tz = 'Asia/Shanghai';
const c = { createdAt: new Date('2026-03-02T01:00:00Z'), contactRequired: true };
const at = new Date('2026-03-05T03:00:00Z');
const delta = (type: string, data: Record<string, unknown> = {}) => rollupDeltas({ type, at, data }, c, tz);

describe('daily rollup rules', () => {
  it('count a case in on the day it came in, with its call-back duty', () => {
    expect(delta('case.reported')).toEqual([{ day: '2026-03-02', counters: { received: 1, contact_required: 1 } }]);
  });

  it('credit a first call back on time to the day the case came in', () => {
    expect(delta('case.contacted', { first: true, onTime: true })).toEqual([
      { day: '2026-03-02', counters: { contacted_on_time: 1 } },
    ]);
    expect(delta('case.contacted', { first: true, onTime: false })).toEqual([]);
    expect(delta('case.contacted', { first: false, onTime: null })).toEqual([]);
  });

  it('count a resolution on its day, on time or late, at the tier that solved it', () => {
    expect(delta('case.resolved', { tier: 'community', onTime: false })).toEqual([
      { day: '2026-03-05', counters: { resolved: 1, resolved_on_time: 0, solved_community: 1 } },
    ]);
  });

  it('count ratings with their sum, satisfaction being 4 or 5', () => {
    expect(delta('case.rated', { rating: 4 })[0]?.counters).toEqual({ rated: 1, rating_sum: 4, satisfied: 1 });
    expect(delta('case.rated', { rating: 3 })[0]?.counters).toEqual({ rated: 1, rating_sum: 3, satisfied: 0 });
  });

  it('count a case closed without a rating, never one closed after it', () => {
    expect(delta('case.closed', { reason: 'not_rated' })[0]?.counters).toEqual({ unrated_closed: 1 });
    expect(delta('case.closed', { reason: 'rated' })).toEqual([]);
  });

  it('leave events that move no figure alone', () => {
    expect(delta('case.accepted')).toEqual([]);
    expect(delta('case.deadline_warning')).toEqual([]);
  });

  it('take the day in the street’s zone: 00:30 in Shanghai is the previous day in UTC', () => {
    expect(rollupDeltas({ type: 'case.urged', at: new Date('2026-01-01T16:30:00Z'), data: {} }, c, tz)[0]?.day).toBe(
      '2026-01-02',
    );
    expect(localDate(new Date('2026-01-01T15:59:00Z'), tz)).toBe('2026-01-01');
  });
});
