import { describe, expect, it } from 'vitest';
import { type EffectCase, type EffectEnv, effectOf } from './effects.ts';

const responseDue = new Date('2026-03-02T09:00:00Z');
const open: EffectCase = {
  state: 'accepted',
  tier: 'grid',
  due_at: null,
  due_date: null,
  response_due_at: responseDue,
  deadline_kind: null,
  remaining_working_days: null,
  first_contact_at: null,
  escalation_count: 0,
  urge_count: 0,
  returned_count: 0,
};
const envAt = (at: string) => ({ at: new Date(at) }) as EffectEnv;
const contactEvent = (c: EffectCase, at: string) =>
  effectOf('contact', c, { channel: 'call', note: '电话联系' }, envAt(at)).event;

describe('a contact with the reporter', () => {
  it('marks the first call back within the response limit as on time, which the rollups count', () => {
    expect(contactEvent(open, '2026-03-02T08:00:00Z')).toMatchObject({ first: true, onTime: true });
    expect(contactEvent(open, '2026-03-02T10:00:00Z')).toMatchObject({ first: true, onTime: false });
  });

  it('counts a later call for nothing, and a case without a limit is never on time', () => {
    const called = { ...open, first_contact_at: new Date('2026-03-02T07:00:00Z') };
    expect(contactEvent(called, '2026-03-02T08:00:00Z')).toMatchObject({ first: false, onTime: false });
    expect(contactEvent({ ...open, response_due_at: null }, '2026-03-02T08:00:00Z')).toMatchObject({ onTime: false });
  });
});
