import type { Kysely } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { requirePermission } from '../access/authorize.ts';
import { findNode } from '../areas/areas.repository.ts';
import {
  CALENDAR_MANAGE,
  CALENDAR_READ,
  canManageNationalCalendar,
  canManageStreetCalendar,
  canReadStreetCalendar,
} from './calendar.policy.ts';
import * as repo from './calendar.repository.ts';
import { DayTableCache } from './day-table-cache.ts';
import { packageSchedule } from './package-schedule.ts';
import { type DayTable, localDate } from './working-days.ts';
import { yearReminder } from './year-reminder.ts';

const cache = new DayTableCache();

/**
 * The day table deadlines are counted in: the national schedule overlaid with the street's own
 * days (null: the national schedule alone). Cached per street; any instance's change shows at once.
 */
export const loadDayTable = (db: Kysely<DB>, streetId: string | null): Promise<DayTable> => cache.dayTable(db, streetId);

/** Told in the publishing transaction, so work it does (recomputing provisional deadlines) commits with it. */
export type CalendarYearPublishedListener = (trx: Kysely<DB>, year: number, streetId: string | null) => Promise<void> | void;

const yearPublishedListeners = new Set<CalendarYearPublishedListener>();

/** Registers a listener for published years; returns the function that removes it. */
export function onCalendarYearPublished(listener: CalendarYearPublishedListener): () => void {
  yearPublishedListeners.add(listener);
  return () => yearPublishedListeners.delete(listener);
}

export interface CalendarDay {
  date: string;
  kind: repo.DayKind;
  name: string;
  source: repo.CalendarSource;
  scope: 'national' | 'street';
}

/** The street a calendar request names: 404 when the actor cannot see it, 400 when it is not a street. */
async function visibleStreet(db: Kysely<DB>, actor: Actor, streetId: string) {
  const node = await findNode(db, streetId);
  if (!node || !canReadStreetCalendar(actor, node.path)) throw notFound('Street');
  if (node.level !== 'street')
    throw badRequest('CALENDAR_NOT_A_STREET', 'A calendar belongs to a street: give a street.', 'streetId');
  return node;
}

async function readableScope(db: Kysely<DB>, actor: Actor, streetId: string | undefined): Promise<string | null> {
  if (!streetId) {
    requirePermission(actor, CALENDAR_READ);
    return null;
  }
  return (await visibleStreet(db, actor, streetId)).id;
}

async function manageableScope(db: Kysely<DB>, actor: Actor, streetId: string | undefined): Promise<string | null> {
  requirePermission(actor, CALENDAR_MANAGE);
  if (!streetId) {
    if (canManageNationalCalendar(actor)) return null;
    throw new AppError(
      403,
      'CALENDAR_NATIONAL_SCHEDULE',
      "Only a manager at the district may change the national schedule; give your street's id to change its calendar.",
      'streetId',
    );
  }
  const street = await visibleStreet(db, actor, streetId);
  if (!canManageStreetCalendar(actor, street.path))
    throw forbidden('FORBIDDEN', `Your roles do not allow this (${CALENDAR_MANAGE}).`);
  return street.id;
}

/** A year's holidays and make-up workdays as they apply to the street (or nationally), and whether it is published. */
export async function yearSchedule(db: Kysely<DB>, actor: Actor, year: number, streetId: string | undefined) {
  const scope = await readableScope(db, actor, streetId);
  const rows = await repo.scheduleDays(db, scope, { from: `${year}-01-01`, to: `${year}-12-31` });
  const byDate = new Map<string, CalendarDay>();
  for (const row of rows) {
    byDate.set(row.day, {
      date: row.day,
      kind: row.kind,
      name: row.name,
      source: row.source,
      scope: row.street_id ? 'street' : 'national',
    });
  }
  const years = await repo.knownYears(db, scope);
  return {
    year,
    published: years.some((row) => row.year === year),
    days: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

export interface SetDayInput {
  kind: repo.DayKind;
  name: string;
  streetId?: string | undefined;
}

/** Makes a date a holiday or a working day, nationally or for one street. */
export async function setDay(db: Kysely<DB>, actor: Actor, date: string, input: SetDayInput): Promise<CalendarDay> {
  return db.transaction().execute(async (trx) => {
    const streetId = await manageableScope(trx, actor, input.streetId);
    const previous = (await repo.scheduleDays(trx, streetId, { from: date, to: date })).find((row) => row.street_id === streetId);
    const id = await repo.upsertDay(trx, {
      streetId,
      date,
      kind: input.kind,
      name: input.name,
      source: 'admin',
      updatedBy: actor.userId,
    });
    await repo.bumpCalendarVersion(trx);
    await recordEvent(trx, {
      streetId,
      entityType: 'calendar_day',
      entityId: id,
      type: 'calendar.day_set',
      actorUserId: actor.userId,
      data: {
        date,
        kind: input.kind,
        name: input.name,
        previous: previous ? { kind: previous.kind, name: previous.name } : null,
      },
    });
    return { date, kind: input.kind, name: input.name, source: 'admin', scope: streetId ? 'street' : 'national' };
  });
}

/** Removes a date's entry; the date then follows the national schedule (for a street) or the weekday rule. */
export async function removeDay(db: Kysely<DB>, actor: Actor, date: string, streetId: string | undefined): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const scope = await manageableScope(trx, actor, streetId);
    const removed = await repo.deleteDay(trx, scope, date);
    if (!removed) throw new AppError(404, 'CALENDAR_DAY_NOT_FOUND', `No entry for ${date} in this calendar.`, 'date');
    await repo.bumpCalendarVersion(trx);
    await recordEvent(trx, {
      streetId: scope,
      entityType: 'calendar_day',
      entityId: removed.id,
      type: 'calendar.day_removed',
      actorUserId: actor.userId,
      data: { date, kind: removed.kind, name: removed.name },
    });
  });
}

/** Marks a year's schedule as entered in full, then lets listeners (cases) recompute what was provisional. */
export async function publishYear(db: Kysely<DB>, actor: Actor, year: number, streetId: string | undefined) {
  return db.transaction().execute(async (trx) => {
    const scope = await manageableScope(trx, actor, streetId);
    if ((await repo.knownYears(trx, scope)).some((row) => row.year === year)) {
      throw conflict('CALENDAR_YEAR_PUBLISHED', `${year} is already published.`, 'year');
    }
    const entered = await repo.scheduleDays(trx, scope, { from: `${year}-01-01`, to: `${year}-12-31` });
    if (!entered.some((day) => day.kind === 'holiday')) {
      throw badRequest('CALENDAR_YEAR_EMPTY', `Enter ${year}'s holidays before publishing the year.`, 'year');
    }
    const row = await repo.insertYear(trx, { streetId: scope, year, source: 'admin', publishedBy: actor.userId });
    if (!row) throw conflict('CALENDAR_YEAR_PUBLISHED', `${year} is already published.`, 'year');
    await repo.bumpCalendarVersion(trx);
    await recordEvent(trx, {
      streetId: scope,
      entityType: 'calendar_year',
      entityId: row.id,
      type: 'calendar.year_published',
      actorUserId: actor.userId,
      data: { year, days: entered.length },
    });
    for (const listener of yearPublishedListeners) await listener(trx, year, scope);
    return { year, streetId: scope, publishedAt: row.published_at };
  });
}

/** Today in the street's zone, the years known nationally, and the reminder to enter next year's schedule. */
export async function calendarStatus(db: Kysely<DB>, timeZone: string, now = new Date()) {
  const table = await loadDayTable(db, null);
  const today = localDate(now, timeZone);
  return { today, knownYears: [...table.knownYears].sort((a, b) => a - b), reminder: yearReminder(today, table.knownYears) };
}

/** The years of chinese-days' data the platform starts with. */
const SEEDED_YEARS = { from: 2020, to: 2026 } as const;

/** Fills an empty national schedule from chinese-days and marks its years known; several instances may call it at once. */
export async function seedNationalCalendar(db: Kysely<DB>): Promise<{ seeded: boolean; days: number; years: number[] }> {
  return db.transaction().execute(async (trx) => {
    await repo.lockSeeding(trx);
    if (await repo.hasNationalDays(trx)) return { seeded: false, days: 0, years: [] };
    const { days, years } = packageSchedule(SEEDED_YEARS.from, SEEDED_YEARS.to);
    await repo.insertPackageDays(trx, days);
    for (const year of years) {
      const row = await repo.insertYear(trx, { streetId: null, year, source: 'package', publishedBy: null });
      if (!row) continue;
      await recordEvent(trx, {
        streetId: null,
        entityType: 'calendar_year',
        entityId: row.id,
        type: 'calendar.year_seeded',
        actorUserId: null,
        data: { year, days: days.filter((day) => day.date.startsWith(String(year))).length },
      });
    }
    await repo.bumpCalendarVersion(trx);
    return { seeded: true, days: days.length, years };
  });
}
