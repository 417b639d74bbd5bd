/**
 * A studio's weekly opening hours as a notice board words them: "每周四" 14:00–17:00, "Monday to
 * Friday" 09:00–11:30 and 14:00–17:00, "每天" 09:00–12:00（钱律师）. Days with the same hours share
 * a line. Pure: the words come from the caller's t().
 */
import type { Translate } from '../../shared/i18n.tsx';
import type { Studio } from '../../shared/mediation-types.ts';
import { NO_BREAK_DASH } from './mediation-time.ts';

type Hours = Studio['schedule'][number];
type Mediator = Studio['mediators'][number];

export interface HoursLine {
  /** "每周四", "Tuesdays and Thursdays", "Monday to Friday", "Every day". */
  days: string;
  /** "14:00–17:00", "09:00–11:30（钱律师）": each kept on one line when shown. */
  periods: string[];
}

/** Weekdays (1 = Monday) in words: every day, a run of three or more, one or two days, or a list of short names. */
function daysInWords(weekdays: number[], t: Translate, listFormat: Intl.ListFormat): string {
  if (weekdays.length === 7) return t('mediation.hours.everyDay');
  const run = weekdays.length >= 3 && weekdays.every((day, i) => i === 0 || day === (weekdays[i - 1] as number) + 1);
  if (run) {
    return t('mediation.hours.range', {
      first: t(`mediation.day.${weekdays[0]}`),
      last: t(`mediation.day.${weekdays.at(-1)}`),
    });
  }
  const names = weekdays.map((day) => t(weekdays.length <= 2 ? `mediation.days.${day}` : `mediation.short.${day}`));
  return t('mediation.hours.weekly', { days: listFormat.format(names) });
}

export function scheduleLines(
  schedule: readonly Hours[],
  mediators: readonly Mediator[],
  t: Translate,
  locale: string,
): HoursLine[] {
  const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const periodsOf = (weekday: number) =>
    schedule
      .filter((hours) => hours.weekday === weekday)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((hours) => {
        const period = `${hours.start}${NO_BREAK_DASH}${hours.end}`;
        const name = mediators.find((m) => m.id === hours.mediatorId)?.name;
        return name ? t('mediation.hours.with', { period, name }) : period;
      });
  // Days that open with the same hours, in the order of their first day.
  const groups = new Map<string, { weekdays: number[]; periods: string[] }>();
  for (let weekday = 1; weekday <= 7; weekday++) {
    const periods = periodsOf(weekday);
    if (periods.length === 0) continue;
    const key = periods.join('\n');
    const group = groups.get(key) ?? { weekdays: [], periods };
    group.weekdays.push(weekday);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ weekdays, periods }) => ({ days: daysInWords(weekdays, t, listFormat), periods }));
}
