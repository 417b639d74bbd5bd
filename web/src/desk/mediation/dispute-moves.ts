import {
  type Dispute,
  type DisputeState,
  LEVELS,
  type Level,
  OPEN_STATES,
  OUTCOMES,
  type Outcome,
  TRANSITIONS,
} from '../../shared/mediation-types.ts';

/** The moves the dispute page offers, read from the server's own state machine so it never offers a refused one. */
export type DisputeMove = 'escalate' | 'start' | 'outcome' | 'followUp' | 'close' | 'edit';

export function nextLevel(level: Level): Level | undefined {
  return LEVELS[LEVELS.indexOf(level) + 1];
}

export function outcomesFrom(state: DisputeState): Outcome[] {
  return OUTCOMES.filter((outcome) => TRANSITIONS[state].includes(outcome));
}

export function disputeMoves(dispute: Pick<Dispute, 'state' | 'level' | 'canManage'>): DisputeMove[] {
  if (!dispute.canManage) return [];
  const next = TRANSITIONS[dispute.state];
  const moves: DisputeMove[] = [];
  if (next.includes('in_mediation')) moves.push('start');
  if (outcomesFrom(dispute.state).length > 0) moves.push('outcome');
  if (next.includes('following_up')) moves.push('followUp');
  if (next.includes('closed')) moves.push('close');
  if (OPEN_STATES.includes(dispute.state) && nextLevel(dispute.level)) moves.push('escalate');
  if (dispute.state !== 'closed') moves.push('edit');
  return moves;
}
