/**
 * The rules of an activity or course as data: its states, who may sign up, who gets a place and
 * who waits, who moves up when a place frees, when check-in is open, and a course's weekly
 * sessions. Pure: no HTTP, no SQL.
 */
import { TZDate } from '@date-fns/tz';

export const ACTIVITY_KINDS = ['service', 'course', 'event'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_STATES = ['draft', 'published', 'cancelled', 'finished'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/** Every allowed move of an activity; the desk offers exactly these. */
export const TRANSITIONS: Record<ActivityState, readonly ActivityState[]> = {
  draft: ['published', 'cancelled'],
  published: ['finished', 'cancelled'],
  cancelled: [],
  finished: [],
};

/** The kind of service hours an attendance is credited as, and so the points rule that applies. */
export const HOURS_SOURCE: Record<ActivityKind, 'service_activity' | 'course' | 'event'> = {
  service: 'service_activity',
  course: 'course',
  event: 'event',
};

export type Refusal = { code: string; message: string; field?: string };
export type Ruled<T> = { ok: true; value: T } | { ok: false; error: Refusal };
const refuse = (code: string, message: string, field?: string): Ruled<never> => ({
  ok: false,
  error: field ? { code, message, field } : { code, message },
});

export function transition(from: ActivityState, to: ActivityState): Ruled<ActivityState> {
  if (!TRANSITIONS[from].includes(to))
    return refuse('ACTIVITY_ILLEGAL_TRANSITION', `An activity that is ${from} cannot become ${to}.`);
  return { ok: true, value: to };
}

export interface Eligibility {
  minAge?: number | null | undefined;
  maxAge?: number | null | undefined;
  volunteersOnly?: boolean | undefined;
  /** A volunteer with at least one of these skills (with volunteersOnly). */
  skills?: string[] | undefined;
  /** Only people living under the organising node. */
  residentsOnly?: boolean | undefined;
}

export interface Participant {
  /** Whole years on the day of the first session; null when the birth date is not known. */
  age: number | null;
  homePath: string | null;
  volunteer: { skills: string[] } | null;
}

/** Whether a person may sign up, or the first rule they do not meet. */
export function checkEligibility(rules: Eligibility, person: Participant, activityPath: string): Ruled<true> {
  if (rules.residentsOnly && !person.homePath?.startsWith(activityPath)) {
    return refuse('ACTIVITY_NOT_ELIGIBLE_AREA', 'This activity is for residents of its area.');
  }
  if ((rules.minAge ?? null) !== null || (rules.maxAge ?? null) !== null) {
    if (person.age === null)
      return refuse('ACTIVITY_NOT_ELIGIBLE_AGE', 'This activity has an age limit; your age is not on record.');
    if (rules.minAge != null && person.age < rules.minAge)
      return refuse('ACTIVITY_NOT_ELIGIBLE_AGE', `This activity is for people aged ${rules.minAge} and over.`);
    if (rules.maxAge != null && person.age > rules.maxAge)
      return refuse('ACTIVITY_NOT_ELIGIBLE_AGE', `This activity is for people aged up to ${rules.maxAge}.`);
  }
  if (rules.volunteersOnly) {
    if (!person.volunteer) return refuse('ACTIVITY_VOLUNTEERS_ONLY', 'This activity is for approved volunteers.');
    const wanted = rules.skills ?? [];
    if (wanted.length > 0 && !wanted.some((skill) => person.volunteer?.skills.includes(skill))) {
      return refuse('ACTIVITY_SKILLS_REQUIRED', 'This activity needs a skill you have not registered.');
    }
  }
  return { ok: true, value: true };
}

/** A new sign-up takes a place while there is one, else joins the waitlist. */
export const placeFor = (capacity: number, confirmed: number): 'confirmed' | 'waitlisted' =>
  confirmed < capacity ? 'confirmed' : 'waitlisted';

export interface Waiting {
  id: string;
  signedUpAt: Date;
}

/** Who moves up from the waitlist to fill the free places, first come first served. */
export function promotions(capacity: number, confirmed: number, waitlist: readonly Waiting[]): string[] {
  const free = Math.max(0, capacity - confirmed);
  return [...waitlist]
    .sort((a, b) => a.signedUpAt.getTime() - b.signedUpAt.getTime() || (a.id < b.id ? -1 : 1))
    .slice(0, free)
    .map((w) => w.id);
}

/** Check-in opens this long before a session starts and closes when it ends. */
export const CHECKIN_OPENS_MINUTES = 60;

export function checkinWindow(session: { startsAt: Date; endsAt: Date }, now: Date): Ruled<true> {
  if (now.getTime() < session.startsAt.getTime() - CHECKIN_OPENS_MINUTES * 60_000) {
    return refuse('CHECKIN_NOT_OPEN', 'Check-in opens an hour before the session starts.');
  }
  if (now.getTime() > session.endsAt.getTime()) return refuse('CHECKIN_CLOSED', 'This session is over.');
  return { ok: true, value: true };
}

/** Minutes a session lasts: what an attendance is credited. */
export const sessionMinutes = (session: { startsAt: Date; endsAt: Date }) =>
  Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);

export interface Recurrence {
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
  start: string;
  end: string;
  /** The local date from which sessions are laid out. */
  firstDate: string;
  count: number;
}

/** A course's sessions: the next `count` of its weekdays from the first date, at its local times. */
export function courseSessions(recurrence: Recurrence, timeZone: string): { startsAt: Date; endsAt: Date }[] {
  if (recurrence.end <= recurrence.start) return [];
  const sessions: { startsAt: Date; endsAt: Date }[] = [];
  const at = (date: string, time: string) =>
    new Date(
      new TZDate(
        Number(date.slice(0, 4)),
        Number(date.slice(5, 7)) - 1,
        Number(date.slice(8, 10)),
        Number(time.slice(0, 2)),
        Number(time.slice(3, 5)),
        timeZone,
      ).getTime(),
    );
  for (let day = 0; sessions.length < recurrence.count && day < 366 * 2; day++) {
    const date = new Date(Date.parse(`${recurrence.firstDate}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
    if (recurrence.weekdays.includes(weekday))
      sessions.push({ startsAt: at(date, recurrence.start), endsAt: at(date, recurrence.end) });
  }
  return sessions;
}

/** Whole years between a birth date and a local date. */
export function ageOn(birthDate: string | null, date: string): number | null {
  if (!birthDate) return null;
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
