import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, LOCK_MINUTES, MAX_FAILURES } from './lockout.ts';

const now = new Date('2026-03-02T08:00:00Z');

describe('login lockout', () => {
  it('locks the account on the fifth wrong password in a row', () => {
    let state = { failedCount: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < MAX_FAILURES; i++) {
      state = afterFailure(state, now);
      expect(isLocked(state, now)).toBe(false);
    }
    state = afterFailure(state, now);
    expect(isLocked(state, now)).toBe(true);
    expect(state.lockedUntil?.getTime()).toBe(now.getTime() + LOCK_MINUTES * 60_000);
  });

  it('unlocks by itself when the lock runs out, and counts afresh', () => {
    const expired = { failedCount: 0, lockedUntil: new Date(now.getTime() - 1) };
    expect(isLocked(expired, now)).toBe(false);
    expect(afterFailure(expired, now)).toEqual({ failedCount: 1, lockedUntil: null });
  });
});
