import { describe, expect, it } from 'vitest';
import { checkRisk, escalate, levelOfNode, recordOutcome, TRANSITIONS, transition } from './dispute-rules.ts';

describe('escalation', () => {
  it('goes from grid to community and from community to street, one step at a time', () => {
    expect(escalate('grid', 'opened', '双方分歧大')).toEqual({ ok: true, value: 'community' });
    expect(escalate('community', 'in_mediation', '涉及金额大')).toEqual({ ok: true, value: 'street' });
  });
  it('stops at the street', () => {
    expect(escalate('street', 'in_mediation', '仍无法调解')).toMatchObject({ ok: false, error: { code: 'DISPUTE_TOP_LEVEL' } });
  });
  it('needs a reason', () => {
    expect(escalate('grid', 'opened', '  ')).toMatchObject({ ok: false, error: { field: 'reason' } });
  });
  it('is refused once an outcome is reached', () => {
    expect(escalate('grid', 'agreement', '理由')).toMatchObject({ ok: false, error: { code: 'DISPUTE_NOT_OPEN' } });
  });
  it('starts at the level of the node the file is opened at', () => {
    expect(levelOfNode('household')).toBe('grid');
    expect(levelOfNode('community')).toBe('community');
    expect(levelOfNode('street')).toBe('street');
    expect(levelOfNode('district')).toBeNull();
  });
});

describe('the state machine', () => {
  it('walks a file from opening to closing through an agreement and its follow-up', () => {
    const path = ['opened', 'in_mediation', 'agreement', 'following_up', 'reopened', 'in_mediation'] as const;
    for (const [i, to] of path.slice(1).entries()) expect(transition(path[i] as (typeof path)[number], to).ok, to).toBe(true);
  });
  it('refuses a jump from opened straight to an agreement', () => {
    expect(transition('opened', 'agreement')).toMatchObject({ ok: false, error: { code: 'DISPUTE_ILLEGAL_TRANSITION' } });
  });
  it('lets every state but closed move somewhere, and closed only reopen', () => {
    for (const [state, next] of Object.entries(TRANSITIONS)) expect(next.length, state).toBeGreaterThan(0);
    expect(TRANSITIONS.closed).toEqual(['reopened']);
  });
});

describe('outcomes', () => {
  it('a failed mediation names its referral', () => {
    expect(recordOutcome('in_mediation', 'failed', undefined)).toMatchObject({ ok: false, error: { field: 'referral' } });
    expect(recordOutcome('in_mediation', 'failed', 'court')).toEqual({
      ok: true,
      value: { state: 'failed', outcome: 'failed', referral: 'court' },
    });
  });
  it('an agreement is not referred anywhere', () => {
    expect(recordOutcome('in_mediation', 'agreement', 'arbitration')).toMatchObject({ ok: false });
  });
  it('an outcome needs the file to be in mediation', () => {
    expect(recordOutcome('opened', 'agreement', undefined)).toMatchObject({ ok: false, error: { field: 'outcome' } });
  });
});

describe('risk', () => {
  it('a high risk needs a reason', () => {
    expect(checkRisk('high', [])).toMatchObject({ ok: false, error: { field: 'riskReasons' } });
    expect(checkRisk('high', ['group_dispute']).ok).toBe(true);
    expect(checkRisk('low', []).ok).toBe(true);
  });
});
