import { describe, expect, it } from 'vitest';
import { registerMessages, translator } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';
import { shiftDate, studioHours, weekOf } from './studio-hours.ts';

registerMessages('deskMediation', { 'zh-CN': zh, en });
const hours = (weekday: number, start: string, end: string) => ({
  weekday,
  start,
  end,
  slotMinutes: 30,
  capacity: 1,
  mediatorId: null,
});

describe('a studio week', () => {
  it('words opening hours Monday first in both languages', () => {
    const schedule = [hours(4, '14:00', '17:00'), hours(1, '09:00', '11:30')];
    expect(studioHours(translator('zh-CN'), schedule)).toEqual(['每周一 09:00–11:30', '每周四 14:00–17:00']);
    expect(studioHours(translator('en'), schedule)).toEqual(['Mon 09:00–11:30', 'Thu 14:00–17:00']);
  });

  it('finds the Monday of a week, across a month and a year', () => {
    expect(weekOf('2026-12-02')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(weekOf('2027-01-03')[0]).toBe('2026-12-28');
    expect(shiftDate('2026-12-28', 7)).toBe('2027-01-04');
  });
});
