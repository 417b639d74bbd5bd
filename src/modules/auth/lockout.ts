/** Login lockout rules, pure: after MAX_FAILURES wrong passwords in a row the account locks for a while. */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export interface LoginFailureState {
  failedCount: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LoginFailureState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

export function afterFailure(state: LoginFailureState, now: Date): LoginFailureState {
  // A lock that has run out starts a fresh count.
  const previous = state.lockedUntil && state.lockedUntil <= now ? 0 : state.failedCount;
  const failedCount = previous + 1;
  const lockedUntil = failedCount >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
  return { failedCount: lockedUntil ? 0 : failedCount, lockedUntil };
}
