import { describe, expect, it } from 'vitest';
import { registerMessages, translator } from '../../shared/i18n.tsx';
import { disputeEventText } from './dispute-events.ts';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

registerMessages('deskMediation', { 'zh-CN': zh, en });
const at = '2026-04-05T02:00:00.000Z';
const line = (locale: 'en' | 'zh-CN', type: string, data: Record<string, unknown>) =>
  disputeEventText(translator(locale), { type, at, actorName: null, data }, (iso) => `<${iso}>`);

describe('a dispute timeline line in words', () => {
  it('says from which level to which a file was escalated, and why', () => {
    expect(line('en', 'dispute.escalated', { from: 'grid', to: 'community', reason: '物业拒不让步' })).toBe(
      'Escalated from Grid to Community: 物业拒不让步',
    );
    expect(line('zh-CN', 'dispute.escalated', { from: 'grid', to: 'community', reason: '物业拒不让步' })).toBe(
      '由网格上报至社区：物业拒不让步',
    );
  });

  it('names a move by the state it reached, with the referral of a failure', () => {
    expect(line('en', 'dispute.agreement', { from: 'in_mediation', to: 'agreement' })).toBe('Agreement reached');
    expect(line('en', 'dispute.failed', { referral: 'arbitration' })).toBe('Mediation failed · Labour arbitration');
  });

  it('lists the fields an edit changed and words an instalment check', () => {
    expect(line('zh-CN', 'dispute.updated', { changed: ['amount', 'parties'] })).toBe('修改了涉及金额、当事人');
    expect(line('en', 'dispute.instalment_checked', { seq: 2, result: 'partly' })).toBe('Checked instalment 2: Partly paid');
    expect(line('en', 'dispute.session_scheduled', { scheduledAt: at })).toBe(`Scheduled a session for <${at}>`);
  });
});
