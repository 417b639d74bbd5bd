/**
 * The rules of a dispute file as data: its types, risk, the three levels and escalation one step
 * at a time, and the state machine from opening to closing. Pure: no HTTP, no SQL.
 */
export const DISPUTE_TYPES = [
  'neighbour',
  'property',
  'labour_wage',
  'marriage_family',
  'compensation',
  'land_relocation',
  'other',
] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];

export const DISPUTE_SOURCES = ['case', 'walk_in', 'referral'] as const;
export type DisputeSource = (typeof DISPUTE_SOURCES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_REASONS = [
  'group_dispute',
  'extreme_behaviour_threat',
  'repeated_petitions',
  'large_amount',
  'vulnerable_party',
] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

/** "Small things don't leave the grid, big things don't leave the community": the street is the last level. */
export const LEVELS = ['grid', 'community', 'street'] as const;
export type Level = (typeof LEVELS)[number];

export const OUTCOMES = ['agreement', 'partial_agreement', 'failed', 'withdrawn'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const REFERRALS = ['court', 'arbitration', 'legal_aid'] as const;
export type Referral = (typeof REFERRALS)[number];

export const DISPUTE_STATES = [
  'opened',
  'in_mediation',
  'agreement',
  'partial_agreement',
  'failed',
  'withdrawn',
  'following_up',
  'closed',
  'reopened',
] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];

/** Every allowed move; an outcome is a move into the state of the same name. */
export const TRANSITIONS: Record<DisputeState, readonly DisputeState[]> = {
  opened: ['in_mediation', 'withdrawn'],
  in_mediation: ['agreement', 'partial_agreement', 'failed', 'withdrawn'],
  agreement: ['following_up', 'closed'],
  partial_agreement: ['following_up', 'closed'],
  failed: ['closed'],
  withdrawn: ['closed'],
  following_up: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['in_mediation', 'withdrawn'],
};

/** States in which the file is still being worked on: counted as "open" for early warning. */
export const OPEN_STATES: readonly DisputeState[] = ['opened', 'in_mediation', 'reopened'];
/** An agreement is drawn up during mediation or once reached; after follow-up starts, the file is reopened first. */
export const DRAFTABLE_STATES: readonly DisputeState[] = ['in_mediation', 'agreement', 'partial_agreement', 'reopened'];
/** Instalments are checked while the agreement is being followed up (or just reached). */
export const CHECKABLE_STATES: readonly DisputeState[] = ['agreement', 'partial_agreement', 'following_up'];
/** Outcomes that count as mediated; a withdrawal ends the file without a mediated result. */
export const MEDIATED_OUTCOMES: readonly Outcome[] = ['agreement', 'partial_agreement', 'failed'];
export const SUCCESSFUL_OUTCOMES: readonly Outcome[] = ['agreement', 'partial_agreement'];

export type RuleError = { code: string; message: string; field?: string };
export type Ruled<T> = { ok: true; value: T } | { ok: false; error: RuleError };
const refuse = (code: string, message: string, field?: string): Ruled<never> => ({
  ok: false,
  error: field ? { code, message, field } : { code, message },
});

export function transition(from: DisputeState, to: DisputeState): Ruled<DisputeState> {
  if (!TRANSITIONS[from].includes(to)) {
    return refuse('DISPUTE_ILLEGAL_TRANSITION', `A dispute that is ${from} cannot become ${to}.`, 'to');
  }
  return { ok: true, value: to };
}

/** An outcome: a failure names where the parties were referred; only a failure does. */
export function recordOutcome(
  from: DisputeState,
  outcome: Outcome,
  referral: Referral | undefined,
): Ruled<{ state: DisputeState; outcome: Outcome; referral: Referral | null }> {
  if (outcome === 'failed' && !referral) {
    return refuse(
      'DISPUTE_REFERRAL_REQUIRED',
      'Say where the parties were referred: court, arbitration or legal aid.',
      'referral',
    );
  }
  if (outcome !== 'failed' && referral) {
    return refuse('DISPUTE_REFERRAL_NOT_ALLOWED', 'Only a failed mediation is referred elsewhere.', 'referral');
  }
  const moved = transition(from, outcome);
  if (!moved.ok) return refuse(moved.error.code, moved.error.message, 'outcome');
  return { ok: true, value: { state: outcome, outcome, referral: referral ?? null } };
}

/** Escalation goes one level up, with a reason, while the file is still being worked on. */
export function escalate(level: Level, state: DisputeState, reason: string): Ruled<Level> {
  if (!reason.trim()) return refuse('DISPUTE_ESCALATION_REASON', 'Give the reason for escalating.', 'reason');
  if (!OPEN_STATES.includes(state)) {
    return refuse('DISPUTE_NOT_OPEN', `A dispute that is ${state} is no longer escalated.`, 'state');
  }
  const next = LEVELS[LEVELS.indexOf(level) + 1];
  if (!next) return refuse('DISPUTE_TOP_LEVEL', 'The street is the highest level of mediation.', 'level');
  return { ok: true, value: next };
}

/** The level a file is opened at: the level of the node it is opened at, grid when it lies below a grid. */
export function levelOfNode(nodeLevel: string): Level | null {
  if (nodeLevel === 'grid' || nodeLevel === 'building' || nodeLevel === 'unit' || nodeLevel === 'household') return 'grid';
  if (nodeLevel === 'community') return 'community';
  if (nodeLevel === 'street') return 'street';
  return null;
}

/** A high risk must say why; the reasons stand as given for lower levels too. */
export function checkRisk(level: RiskLevel, reasons: readonly RiskReason[]): Ruled<RiskLevel> {
  if (level === 'high' && reasons.length === 0) {
    return refuse('DISPUTE_RISK_REASON_REQUIRED', 'A high-risk dispute needs at least one reason.', 'riskReasons');
  }
  return { ok: true, value: level };
}

export const LONG_RUNNING_DAYS = 30;
