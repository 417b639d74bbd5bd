import type { Translate } from '../../shared/i18n.tsx';
import type { Studio } from '../../shared/mediation-types.ts';

/** A studio's weekly hours in words, Monday first: "每周四 14:00–17:00" / "Thu 14:00–17:00". */
export function studioHours(t: Translate, schedule: Studio['schedule']): string[] {
  return [...schedule]
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
    .map((hours) =>
      t('deskMediation.studios.every', {
        day: t(`deskMediation.studios.weekdays.${hours.weekday}`),
        start: hours.start,
        end: hours.end,
      }),
    );
}

/** The Monday (local date) of the week holding a date, and the seven days from it. */
export function weekOf(date: string): string[] {
  const day = new Date(`${date}T12:00:00Z`);
  const monday = day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000;
  return Array.from({ length: 7 }, (_, i) => new Date(monday + i * 86_400_000).toISOString().slice(0, 10));
}

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
