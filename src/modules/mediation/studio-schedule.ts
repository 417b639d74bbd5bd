/**
 * A studio's opening schedule as data (e.g. every Thursday 14:00-17:00 in 30-minute slots of one
 * party each) and the consultation slots it offers between two dates in the street's time zone.
 * Pure.
 */
import { TZDate } from '@date-fns/tz';

export interface OpeningHours {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Local times "HH:MM". */
  start: string;
  end: string;
  slotMinutes: number;
  /** Bookings one slot takes. */
  capacity: number;
  /** The mediator who sits then (a lawyer every Thursday), if one is named. */
  mediatorId?: string | null | undefined;
}

export interface Slot {
  start: Date;
  end: Date;
  capacity: number;
  mediatorId: string | null;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h as number) * 60 + (m as number);
};

/** What is wrong with a schedule, or null: each period ends after it starts and holds at least one slot. */
export function scheduleProblem(schedule: readonly OpeningHours[]): { message: string; field: string } | null {
  for (const [i, hours] of schedule.entries()) {
    const length = minutesOf(hours.end) - minutesOf(hours.start);
    if (length <= 0) return { message: 'Opening hours must end after they start.', field: `schedule.${i}.end` };
    if (hours.slotMinutes > length)
      return { message: 'A slot cannot be longer than the opening hours.', field: `schedule.${i}.slotMinutes` };
  }
  return null;
}

const DAY_MS = 86_400_000;

/** Slots of the schedule on the local dates from..to (inclusive, "YYYY-MM-DD"), in time order. */
export function slotsBetween(schedule: readonly OpeningHours[], from: string, to: string, timeZone: string): Slot[] {
  const slots: Slot[] = [];
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += DAY_MS) {
    const date = new Date(day);
    const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
    for (const hours of schedule) {
      if (hours.weekday !== weekday) continue;
      const end = minutesOf(hours.end);
      for (let m = minutesOf(hours.start); m + hours.slotMinutes <= end; m += hours.slotMinutes) {
        const at = (minute: number) =>
          new Date(
            new TZDate(
              date.getUTCFullYear(),
              date.getUTCMonth(),
              date.getUTCDate(),
              Math.floor(minute / 60),
              minute % 60,
              0,
              timeZone,
            ).getTime(),
          );
        slots.push({
          start: at(m),
          end: at(m + hours.slotMinutes),
          capacity: hours.capacity,
          mediatorId: hours.mediatorId ?? null,
        });
      }
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The slot of the schedule starting at this instant, if there is one (a booking must name a real slot). */
export function slotAt(schedule: readonly OpeningHours[], start: Date, timeZone: string): Slot | undefined {
  const local = new TZDate(start.getTime(), timeZone);
  const date = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
  return slotsBetween(schedule, date, date, timeZone).find((slot) => slot.start.getTime() === start.getTime());
}
