import { describe, expect, it } from 'vitest';
import { actionsAt, canRate, canSupport, isOpen, nextStep, stepIndex } from './topic-steps.ts';

describe('the five steps of a topic', () => {
  it('walks propose -> discuss -> conclude -> act -> evaluate -> close', () => {
    expect(nextStep('proposed', 'discuss')).toEqual({ ok: true, to: 'discussing' });
    expect(nextStep('discussing', 'conclude', { conclusion: '换防水层' })).toEqual({ ok: true, to: 'concluded' });
    expect(nextStep('concluded', 'act', { actionPlan: '施工', actionParty: '物业' })).toEqual({ ok: true, to: 'acting' });
    expect(nextStep('acting', 'complete')).toEqual({ ok: true, to: 'evaluating' });
    expect(nextStep('evaluating', 'close')).toEqual({ ok: true, to: 'closed' });
  });

  it('cannot skip a step', () => {
    expect(nextStep('proposed', 'conclude', { conclusion: 'x' })).toEqual({ ok: false, reason: 'illegal' });
    expect(nextStep('discussing', 'complete')).toEqual({ ok: false, reason: 'illegal' });
  });

  it('asks for what a step must record', () => {
    expect(nextStep('discussing', 'conclude', { conclusion: '  ' })).toEqual({
      ok: false,
      reason: 'missing',
      field: 'conclusion',
    });
    expect(nextStep('concluded', 'act', { actionPlan: '施工' })).toEqual({ ok: false, reason: 'missing', field: 'actionParty' });
    expect(nextStep('proposed', 'decline')).toEqual({ ok: false, reason: 'missing', field: 'reason' });
  });

  it('sends a topic back exactly one step, with a reason', () => {
    expect(nextStep('discussing', 'send_back', { reason: '补充材料' })).toEqual({ ok: true, to: 'proposed' });
    expect(nextStep('evaluating', 'send_back', { reason: '仍漏水' })).toEqual({ ok: true, to: 'acting' });
    expect(nextStep('proposed', 'send_back', { reason: 'x' })).toEqual({ ok: false, reason: 'illegal' });
  });

  it('merges only a topic still being weighed, and declines before the work starts', () => {
    expect(nextStep('discussing', 'merge', { targetTopicId: 't' })).toEqual({ ok: true, to: 'merged' });
    expect(nextStep('acting', 'merge', { targetTopicId: 't' })).toEqual({ ok: false, reason: 'illegal' });
    expect(nextStep('concluded', 'decline', { reason: '不属于公共部位' })).toEqual({ ok: true, to: 'declined' });
    expect(nextStep('acting', 'decline', { reason: 'x' })).toEqual({ ok: false, reason: 'illegal' });
  });

  it('knows what residents may do at each step', () => {
    expect(canSupport('proposed') && canSupport('discussing')).toBe(true);
    expect(canSupport('acting')).toBe(false);
    expect(canRate('evaluating') && !canRate('acting')).toBe(true);
    expect(isOpen('merged') || isOpen('declined') || isOpen('closed')).toBe(false);
    expect(actionsAt('proposed')).toEqual(['discuss', 'merge', 'decline']);
    expect(actionsAt('closed')).toEqual([]);
    expect(stepIndex('acting')).toBe(4);
    expect(stepIndex('merged')).toBeNull();
  });
});
