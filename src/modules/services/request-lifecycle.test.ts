import { describe, expect, it } from 'vitest';
import { allowedActions, deadlineStatus, move, rankCandidates } from './request-lifecycle.ts';

describe('a service request’s moves', () => {
  it('goes from requested through matched, in service and completed to rated', () => {
    expect(move('requested', 'match', ['handler'])).toEqual({ ok: true, value: 'matched' });
    expect(move('matched', 'start', ['volunteer'])).toEqual({ ok: true, value: 'in_service' });
    expect(move('in_service', 'complete', ['volunteer'])).toEqual({ ok: true, value: 'completed' });
    expect(move('completed', 'rate', ['requester'])).toEqual({ ok: true, value: 'rated' });
  });

  it('is matched by the community, not by the resident who asked', () => {
    expect(move('requested', 'match', ['requester'])).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a move its state does not allow, whoever asks', () => {
    expect(move('rated', 'cancel', ['handler'])).toMatchObject({
      ok: false,
      status: 409,
      error: { code: 'REQUEST_ILLEGAL_TRANSITION' },
    });
  });

  it('offers each person only what they may do now', () => {
    expect(allowedActions('matched', ['requester'])).toEqual(['cancel']);
    expect(allowedActions('matched', ['volunteer'])).toEqual(['unmatch', 'start', 'complete']);
    expect(allowedActions('requested', ['handler'])).toEqual(['match', 'cancel', 'decline']);
    expect(allowedActions('completed', ['handler'])).toEqual([]);
  });
});

describe('the deadline', () => {
  const dueAt = new Date('2026-03-10T16:00:00Z');
  it('is open or overdue while the request waits to be served', () => {
    expect(deadlineStatus({ state: 'matched', dueAt, completedAt: null }, new Date('2026-03-10T15:59:00Z'))).toBe('open');
    expect(deadlineStatus({ state: 'requested', dueAt, completedAt: null }, new Date('2026-03-10T16:01:00Z'))).toBe('overdue');
  });
  it('was met or missed once the service is done, and does not apply to one cancelled', () => {
    const now = new Date('2026-04-01T00:00:00Z');
    expect(deadlineStatus({ state: 'rated', dueAt, completedAt: new Date('2026-03-09T00:00:00Z') }, now)).toBe('met');
    expect(deadlineStatus({ state: 'completed', dueAt, completedAt: new Date('2026-03-11T00:00:00Z') }, now)).toBe('late');
    expect(deadlineStatus({ state: 'cancelled', dueAt, completedAt: null }, now)).toBe('none');
  });
});

describe('matching', () => {
  it('puts volunteers with the skills asked for first, then those of the same grid, then the least busy', () => {
    const ranked = rankCandidates(['elder_care', 'counselling'], 'g1', [
      { id: 'busy-nurse', skills: ['elder_care', 'counselling'], gridId: 'g2', openRequests: 4 },
      { id: 'neighbour', skills: [], gridId: 'g1', openRequests: 0 },
      { id: 'carer', skills: ['elder_care', 'counselling'], gridId: 'g1', openRequests: 0 },
      { id: 'helper', skills: ['elder_care'], gridId: null, openRequests: 0 },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['carer', 'busy-nurse', 'helper', 'neighbour']);
    expect(ranked[0]).toMatchObject({ matchingSkills: ['elder_care', 'counselling'], sameGrid: true });
  });
});
