import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import { describeEvent, isInternalEvent } from './timeline-words.ts';

/** The real English words, looked up the way the app does once the page registered them. */
const words = (key: string, vars: Record<string, string | number> = {}) => {
  const [namespace, ...rest] = key.split('.');
  if (namespace !== 'caseView') return translator('en')(key, vars);
  const found = rest.reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en);
  return String(found).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
};
const at = '2026-11-24T08:00:00.000Z';

describe('a timeline event in plain words', () => {
  it('says where an escalation went, how many stars a rating gave and how the reporter was reached', () => {
    expect(describeEvent(words, { type: 'case.escalated', at, note: '需社区协调', data: { toTier: 'community' } })).toEqual({
      title: 'Passed up a level: Community',
      note: '需社区协调',
    });
    expect(describeEvent(words, { type: 'case.rated', at, note: null, data: { rating: 4 } }).title).toBe(
      'The reporter rated it 4/5',
    );
    expect(describeEvent(words, { type: 'case.contacted', at, note: '上门', data: { channel: 'visit' } }).title).toBe(
      'Staff visited to look into it',
    );
  });

  it('falls back to the plain event when the public view carries no details', () => {
    expect(describeEvent(words, { type: 'case.escalated', at, note: null }).title).toBe('Passed up to a higher level');
    expect(describeEvent(words, { type: 'case.something_new', at, note: null }).title).toBe('Progress updated');
  });

  it('hides the note the system wrote itself on an automatic return after a low rating', () => {
    const returned = describeEvent(words, {
      type: 'case.returned',
      at,
      note: 'rated 2: back for rework',
      data: { automatic: true },
    });
    expect(returned).toEqual({ title: 'Rated poorly, so sent back to be done again', note: null });
  });

  it('keeps the office’s deadline bookkeeping away from the reporter', () => {
    expect(isInternalEvent({ type: 'case.overdue', at, note: null })).toBe(true);
    expect(isInternalEvent({ type: 'case.resolved', at, note: null })).toBe(false);
  });
});
