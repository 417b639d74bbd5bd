import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n.tsx';
import './messages.ts';
import { scheduleLines } from './schedule-words.ts';

const lawyer = { id: '00000000-0000-4000-8000-000000000001', name: '钱律师', kind: 'lawyer' as const };
const hours = (weekday: number, start: string, end: string, mediatorId: string | null = null) => ({
  weekday,
  start,
  end,
  slotMinutes: 60,
  capacity: 1,
  mediatorId,
});
/** Each line as read aloud: the days, then the periods; the word joiners that keep a period on one line dropped. */
const words = (locale: 'zh-CN' | 'en', schedule: ReturnType<typeof hours>[]) =>
  scheduleLines(schedule, [lawyer], translator(locale), locale).map((line) =>
    `${line.days} ${line.periods.join(' | ')}`.replaceAll('\u2060', ''),
  );

describe('opening hours in words', () => {
  it('says a weekly afternoon the way a notice board does', () => {
    expect(words('zh-CN', [hours(4, '14:00', '17:00')])).toEqual(['每周四 14:00–17:00']);
    expect(words('en', [hours(4, '14:00', '17:00')])).toEqual(['Thursdays 14:00–17:00']);
  });

  it('joins days with the same hours: a run as a range, two days by name, more as short names, all seven as every day', () => {
    const week = [1, 2, 3, 4, 5].map((day) => hours(day, '09:00', '11:30'));
    expect(words('zh-CN', week)).toEqual(['每周一至周五 09:00–11:30']);
    expect(words('en', week)).toEqual(['Monday to Friday 09:00–11:30']);
    expect(words('en', [hours(2, '09:00', '11:00'), hours(4, '09:00', '11:00')])).toEqual(['Tuesdays and Thursdays 09:00–11:00']);
    expect(words('zh-CN', [hours(6, '09:00', '11:00'), hours(7, '09:00', '11:00')])).toEqual(['每周六和周日 09:00–11:00']);
    expect(
      words(
        'en',
        [1, 3, 5].map((day) => hours(day, '09:00', '11:00')),
      ),
    ).toEqual(['Mon, Wed, and Fri 09:00–11:00']);
    expect(
      words(
        'zh-CN',
        [1, 2, 3, 4, 5, 6, 7].map((day) => hours(day, '08:00', '20:00')),
      ),
    ).toEqual(['每天 08:00–20:00']);
  });

  it('gives a day with two periods and a named mediator its own line', () => {
    const schedule = [
      ...[1, 2, 3, 5].map((day) => hours(day, '09:00', '11:30')),
      hours(4, '14:00', '17:00', lawyer.id),
      hours(4, '09:00', '11:30'),
    ];
    expect(words('zh-CN', schedule)).toEqual([
      '每周一、周二、周三和周五 09:00–11:30',
      '每周四 09:00–11:30 | 14:00–17:00（钱律师）',
    ]);
    expect(words('en', schedule)).toEqual(['Mon, Tue, Wed, and Fri 09:00–11:30', 'Thursdays 09:00–11:30 | 14:00–17:00 (钱律师)']);
  });

  it('keeps a period on one line', () => {
    const [line] = scheduleLines([hours(4, '14:00', '17:00')], [], translator('en'), 'en');
    expect(line?.periods).toEqual(['14:00\u2060–\u206017:00']);
  });

  it('says nothing for a studio without hours', () => {
    expect(words('en', [])).toEqual([]);
  });
});
