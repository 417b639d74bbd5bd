/**
 * The case state machine as data, and who may move a case: pure, no HTTP, no SQL.
 *
 * A move is allowed when the case is in one of the action's `from` states, the actor holds the
 * action's permission (granted to roles as data) and stands in one of the action's relations to
 * the case: handler of the tier the case is at, assignee, supervisor above that tier, reporter.
 */
export const CASE_STATES = [
  'reported',
  'accepted',
  'assigned',
  'in_progress',
  'resolved',
  'evaluated',
  'closed',
  'rejected',
  'duplicate',
  'returned',
  'escalated',
  'suspended',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** States in which someone still has to act, and the deadline runs. */
export const ACTIVE_STATES: readonly CaseState[] = ['reported', 'accepted', 'assigned', 'in_progress', 'escalated', 'returned'];
/** States from which nothing moves any more. */
export const FINAL_STATES: readonly CaseState[] = ['closed', 'rejected', 'duplicate'];

export const TIERS = ['grid', 'community', 'department', 'district'] as const;
export type Tier = (typeof TIERS)[number];

export const CASE_ACTIONS = [
  'accept',
  'assign',
  'start',
  'contact',
  'resolve',
  'rate',
  'close',
  'reject',
  'merge',
  'return',
  'escalate',
  'urge',
  'suspend',
  'resume',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export type Relation = 'tier_handler' | 'assignee' | 'supervisor' | 'reporter';

/** The timeline event each action writes: case.<action in the past>. */
export const EVENT_TYPES: Record<CaseAction, string> = {
  accept: 'case.accepted',
  assign: 'case.assigned',
  start: 'case.started',
  contact: 'case.contacted',
  resolve: 'case.resolved',
  rate: 'case.rated',
  close: 'case.closed',
  reject: 'case.rejected',
  merge: 'case.merged',
  return: 'case.returned',
  escalate: 'case.escalated',
  urge: 'case.urged',
  suspend: 'case.suspended',
  resume: 'case.resumed',
};

interface ActionRule {
  from: readonly CaseState[];
  /** The state after the move: a state, 'unchanged', or 'previous' (the state before a suspension). */
  to: CaseState | 'unchanged' | 'previous';
  /** Permission the actor's role must grant; null for the reporter's own rating. */
  permission: string | null;
  by: readonly Relation[];
}

const WORKING: readonly CaseState[] = ['accepted', 'assigned', 'in_progress'];
const OPEN: readonly CaseState[] = [...ACTIVE_STATES, 'suspended'];

export const ACTION_RULES: Record<CaseAction, ActionRule> = {
  accept: {
    from: ['reported', 'escalated', 'returned'],
    to: 'accepted',
    permission: 'cases.accept',
    by: ['tier_handler', 'assignee'],
  },
  assign: {
    from: ['reported', 'accepted', 'assigned', 'escalated', 'returned'],
    to: 'assigned',
    permission: 'cases.assign',
    by: ['tier_handler', 'supervisor'],
  },
  start: { from: ['accepted', 'assigned'], to: 'in_progress', permission: 'cases.handle', by: ['tier_handler', 'assignee'] },
  contact: {
    from: [...OPEN, 'resolved'],
    to: 'unchanged',
    permission: 'cases.handle',
    by: ['tier_handler', 'assignee', 'supervisor'],
  },
  resolve: { from: WORKING, to: 'resolved', permission: 'cases.handle', by: ['tier_handler', 'assignee'] },
  rate: { from: ['resolved'], to: 'evaluated', permission: null, by: ['reporter'] },
  close: { from: ['resolved', 'evaluated'], to: 'closed', permission: 'cases.close', by: ['tier_handler', 'supervisor'] },
  reject: {
    from: ['reported', 'accepted', 'escalated', 'returned'],
    to: 'rejected',
    permission: 'cases.reject',
    by: ['tier_handler', 'supervisor'],
  },
  merge: {
    from: ['reported', 'accepted', 'assigned', 'escalated', 'returned'],
    to: 'duplicate',
    permission: 'cases.merge',
    by: ['tier_handler', 'supervisor'],
  },
  return: { from: ['resolved', 'evaluated'], to: 'returned', permission: 'cases.return', by: ['supervisor'] },
  escalate: {
    from: ['reported', 'accepted', 'assigned', 'in_progress', 'escalated', 'returned'],
    to: 'escalated',
    permission: 'cases.escalate',
    by: ['tier_handler', 'supervisor'],
  },
  urge: { from: OPEN, to: 'unchanged', permission: 'cases.urge', by: ['supervisor'] },
  suspend: { from: WORKING, to: 'suspended', permission: 'cases.suspend', by: ['tier_handler', 'supervisor'] },
  resume: { from: ['suspended'], to: 'previous', permission: 'cases.suspend', by: ['tier_handler', 'supervisor'] },
};

export type Decision = { ok: true; to: CaseState } | { ok: false; code: 'CASE_ILLEGAL_TRANSITION' | 'CASE_ACTION_FORBIDDEN' };

export interface CaseStateView {
  state: CaseState;
  /** The state a suspended case returns to. */
  suspendedFrom: CaseState | null;
}

export function decide(
  action: CaseAction,
  current: CaseStateView,
  relations: ReadonlySet<Relation>,
  hasPermission: (permission: string) => boolean,
): Decision {
  const rule = ACTION_RULES[action];
  const permitted =
    rule.by.some((relation) => relations.has(relation)) && (rule.permission === null || hasPermission(rule.permission));
  if (!permitted) return { ok: false, code: 'CASE_ACTION_FORBIDDEN' };
  if (!rule.from.includes(current.state)) return { ok: false, code: 'CASE_ILLEGAL_TRANSITION' };
  if (rule.to === 'unchanged') return { ok: true, to: current.state };
  if (rule.to === 'previous') return { ok: true, to: current.suspendedFrom ?? 'accepted' };
  return { ok: true, to: rule.to };
}

export function allowedActions(
  current: CaseStateView,
  relations: ReadonlySet<Relation>,
  hasPermission: (permission: string) => boolean,
): CaseAction[] {
  return CASE_ACTIONS.filter((action) => decide(action, current, relations, hasPermission).ok);
}

/** "Small things don't leave the grid, big things don't leave the community": escalation goes one step up. */
const ESCALATIONS: Record<Tier, readonly Tier[]> = {
  grid: ['community'],
  community: ['department', 'district'],
  department: ['district'],
  district: [],
};

export function canEscalate(from: Tier, to: Tier): boolean {
  return ESCALATIONS[from].includes(to);
}

export function escalationTargets(from: Tier): readonly Tier[] {
  return ESCALATIONS[from];
}

/** A rating of 1-2 sends the case back for rework once; after that the rating stands. */
export function ratingReturnsCase(rating: number, returnedCount: number): boolean {
  return rating <= 2 && returnedCount === 0;
}

/** Days the reporter has to rate a resolved case before it closes as "not rated". */
export const RATING_WINDOW_DAYS = 7;
