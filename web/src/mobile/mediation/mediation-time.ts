/** Dates and times of consultation slots as the street reads them: local dates and 24-hour times in its zone. Pure. */
import { TIME_ZONE, type Translate } from '../../shared/i18n.tsx';

const DAY_MS = 86_400_000;
const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The street's local date of an instant, "2026-12-03". */
export const localDateOf = (at: string | Date) => dateFormat.format(new Date(at));

/** A local date some days later. */
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** "14:00" in the street's zone. */
export const timeOf = (at: string | Date) => timeFormat.format(new Date(at));

/** An en dash no line breaks at, so "14:00–15:00" always reads on one line. */
export const NO_BREAK_DASH = '\u2060–\u2060';

/** "14:00–15:00". */
export const timeRange = (start: string, end: string) => `${timeOf(start)}${NO_BREAK_DASH}${timeOf(end)}`;

/** The local days a list of slots falls on, each with its slots, in time order. */
export function byLocalDay<T extends { start: string }>(slots: readonly T[]): { date: string; slots: T[] }[] {
  const days = new Map<string, T[]>();
  for (const slot of [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
    const date = localDateOf(slot.start);
    days.set(date, [...(days.get(date) ?? []), slot]);
  }
  return [...days].map(([date, daySlots]) => ({ date, slots: daySlots }));
}

/** A local date as a day heading: "12月3日 周四", "Thu, Dec 3". */
export function dayWords(date: string, t: Translate, locale: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const weekday = noon.getUTCDay() === 0 ? 7 : noon.getUTCDay();
  return t('mediation.slots.dayHeading', {
    date: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(noon),
    weekday: t(`mediation.short.${weekday}`),
  });
}

/** A slot in words, "12月3日 周四 14:00–15:00". */
export const slotWords = (start: string, end: string, t: Translate, locale: string) =>
  `${dayWords(localDateOf(start), t, locale)} ${timeRange(start, end)}`;
