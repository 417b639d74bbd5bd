import { describe, expect, it } from 'vitest';
import { disputeMoves, nextLevel, outcomesFrom } from './dispute-moves.ts';

describe('the moves a dispute page offers', () => {
  it('an opened grid file can start mediation, be withdrawn, be escalated to the community and be edited', () => {
    expect(disputeMoves({ state: 'opened', level: 'grid', canManage: true })).toEqual(['start', 'outcome', 'escalate', 'edit']);
    expect(outcomesFrom('opened')).toEqual(['withdrawn']);
  });

  it('a file in mediation records any outcome, and a street file is escalated no further', () => {
    expect(disputeMoves({ state: 'in_mediation', level: 'street', canManage: true })).toEqual(['outcome', 'edit']);
    expect(outcomesFrom('in_mediation')).toEqual(['agreement', 'partial_agreement', 'failed', 'withdrawn']);
    expect(nextLevel('street')).toBeUndefined();
  });

  it('an agreement is followed up or closed; a closed file offers nothing', () => {
    expect(disputeMoves({ state: 'agreement', level: 'community', canManage: true })).toEqual(['followUp', 'close', 'edit']);
    expect(disputeMoves({ state: 'closed', level: 'community', canManage: true })).toEqual([]);
  });

  it('a reader who may only follow the file is offered no move', () => {
    expect(disputeMoves({ state: 'opened', level: 'grid', canManage: false })).toEqual([]);
  });
});
