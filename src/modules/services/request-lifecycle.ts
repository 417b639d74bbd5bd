/**
 * A service request followed like a case: its states and moves as data (who may make each), its
 * deadline in working days, and how volunteers are ranked for matching. Pure: no HTTP, no SQL.
 */
export const REQUEST_STATES = ['requested', 'matched', 'in_service', 'completed', 'rated', 'cancelled', 'declined'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_ACTIONS = ['match', 'unmatch', 'start', 'complete', 'rate', 'cancel', 'decline'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** Who someone is to a request: the resident who asked, the volunteer matched, the staff handling it. */
export type Relation = 'requester' | 'volunteer' | 'handler';

export const ACTIONS: Record<RequestAction, { from: readonly RequestState[]; to: RequestState; by: readonly Relation[] }> = {
  match: { from: ['requested'], to: 'matched', by: ['handler'] },
  unmatch: { from: ['matched'], to: 'requested', by: ['handler', 'volunteer'] },
  start: { from: ['matched'], to: 'in_service', by: ['volunteer', 'handler'] },
  complete: { from: ['matched', 'in_service'], to: 'completed', by: ['volunteer', 'handler'] },
  rate: { from: ['completed'], to: 'rated', by: ['requester'] },
  cancel: { from: ['requested', 'matched'], to: 'cancelled', by: ['requester', 'handler'] },
  decline: { from: ['requested'], to: 'declined', by: ['handler'] },
};

/** Still to be served: these count against the deadline. */
export const OPEN_STATES: readonly RequestState[] = ['requested', 'matched', 'in_service'];

export type Ruled<T> = { ok: true; value: T } | { ok: false; status: 403 | 409; error: { code: string; message: string } };

/** The state a move leads to, or why it cannot be made now (409) or by this person (403). */
export function move(state: RequestState, action: RequestAction, relations: readonly Relation[]): Ruled<RequestState> {
  const rule = ACTIONS[action];
  if (!rule.from.includes(state)) {
    return {
      ok: false,
      status: 409,
      error: { code: 'REQUEST_ILLEGAL_TRANSITION', message: `A request that is ${state} cannot be moved by ${action}.` },
    };
  }
  if (!rule.by.some((relation) => relations.includes(relation))) {
    return { ok: false, status: 403, error: { code: 'REQUEST_FORBIDDEN', message: `You may not ${action} this request.` } };
  }
  return { ok: true, value: rule.to };
}

/** The moves this person may make on the request as it stands: what the pages offer. */
export const allowedActions = (state: RequestState, relations: readonly Relation[]): RequestAction[] =>
  REQUEST_ACTIONS.filter((action) => move(state, action, relations).ok);

export type DeadlineStatus = 'open' | 'overdue' | 'met' | 'late' | 'none';

/** Open and on time or overdue; served on time or late; none for a request that was never served. */
export function deadlineStatus(
  request: { state: RequestState; dueAt: Date; completedAt: Date | null },
  now: Date,
): DeadlineStatus {
  if (OPEN_STATES.includes(request.state)) return now.getTime() > request.dueAt.getTime() ? 'overdue' : 'open';
  if (request.completedAt) return request.completedAt.getTime() <= request.dueAt.getTime() ? 'met' : 'late';
  return 'none';
}

export interface Candidate {
  id: string;
  skills: readonly string[];
  gridId: string | null;
  /** Requests the volunteer is matched to and has not finished. */
  openRequests: number;
}

export interface RankedCandidate {
  id: string;
  score: number;
  matchingSkills: string[];
  sameGrid: boolean;
}

/**
 * Volunteers of the request's community ranked for matching: those with the skills the item
 * asks for first, then those who serve the request's own grid, then the least busy.
 */
export function rankCandidates(
  itemSkills: readonly string[],
  requestGridId: string | null,
  candidates: readonly Candidate[],
): RankedCandidate[] {
  return candidates
    .map((c) => {
      const matchingSkills = itemSkills.filter((skill) => c.skills.includes(skill));
      const sameGrid = requestGridId !== null && c.gridId === requestGridId;
      return {
        id: c.id,
        matchingSkills,
        sameGrid,
        score: matchingSkills.length * 10 + (sameGrid ? 3 : 0) - Math.min(c.openRequests, 5),
      };
    })
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
