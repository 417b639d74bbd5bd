import { type ColumnType, type Generated, type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export type DayKind = 'holiday' | 'workday';
export type CalendarSource = 'package' | 'admin';

/** The calendar's tables (migrations/0003_calendar.sql), added to the shared database type here. */
export type CalendarTables = {
  calendar_days: {
    id: Generated<string>;
    /** null: the national schedule; otherwise that street's override. */
    street_id: string | null;
    /** A local date, 'YYYY-MM-DD'. */
    day: string;
    kind: DayKind;
    name: string;
    source: CalendarSource;
    updated_by: string | null;
    updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  };
  calendar_years: {
    id: Generated<string>;
    street_id: string | null;
    year: number;
    published_at: ColumnType<Date, Date | string | undefined, Date | string>;
    source: CalendarSource;
    published_by: string | null;
  };
  calendar_state: { id: number; version: number };
};

const calendar = (db: Kysely<DB>) => db.withTables<CalendarTables>();
/** Any fixed number: instances starting together seed the national schedule once. */
const SEED_LOCK_KEY = 7_303_520_003;

export async function calendarVersion(db: Kysely<DB>): Promise<number> {
  const row = await calendar(db).selectFrom('calendar_state').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.version;
}

export async function bumpCalendarVersion(db: Kysely<DB>): Promise<void> {
  await calendar(db)
    .updateTable('calendar_state')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

/** The national rows and the street's own, national first, so that overlaying them in order lets the street win. */
export function scheduleDays(db: Kysely<DB>, streetId: string | null, range?: { from: string; to: string }) {
  let q = calendar(db)
    .selectFrom('calendar_days')
    .select(['day', 'kind', 'name', 'source', 'street_id'])
    .where((eb) =>
      streetId ? eb.or([eb('street_id', 'is', null), eb('street_id', '=', streetId)]) : eb('street_id', 'is', null),
    )
    .orderBy(sql`street_id is not null`)
    .orderBy('day');
  if (range) q = q.where('day', '>=', range.from).where('day', '<=', range.to);
  return q.execute();
}

/** Years whose schedule is known for a street: the national ones and the street's own. */
export function knownYears(db: Kysely<DB>, streetId: string | null) {
  return calendar(db)
    .selectFrom('calendar_years')
    .select(['year', 'street_id'])
    .where((eb) =>
      streetId ? eb.or([eb('street_id', 'is', null), eb('street_id', '=', streetId)]) : eb('street_id', 'is', null),
    )
    .orderBy('year')
    .execute();
}

export interface DayRow {
  streetId: string | null;
  date: string;
  kind: DayKind;
  name: string;
  source: CalendarSource;
  updatedBy: string | null;
}

export async function upsertDay(db: Kysely<DB>, day: DayRow): Promise<string> {
  const values = { kind: day.kind, name: day.name, source: day.source, updated_by: day.updatedBy, updated_at: new Date() };
  const row = await calendar(db)
    .insertInto('calendar_days')
    .values({ street_id: day.streetId, day: day.date, ...values })
    .onConflict((oc) => oc.constraint('calendar_days_per_street').doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function deleteDay(db: Kysely<DB>, streetId: string | null, date: string) {
  return calendar(db)
    .deleteFrom('calendar_days')
    .where((eb) => (streetId ? eb('street_id', '=', streetId) : eb('street_id', 'is', null)))
    .where('day', '=', date)
    .returning(['id', 'kind', 'name'])
    .executeTakeFirst();
}

/** Inserts the year as published; undefined when it already was. */
export async function insertYear(
  db: Kysely<DB>,
  year: { streetId: string | null; year: number; source: CalendarSource; publishedBy: string | null },
) {
  return calendar(db)
    .insertInto('calendar_years')
    .values({ street_id: year.streetId, year: year.year, source: year.source, published_by: year.publishedBy })
    .onConflict((oc) => oc.constraint('calendar_years_per_street').doNothing())
    .returning(['id', 'published_at'])
    .executeTakeFirst();
}

export async function hasNationalDays(db: Kysely<DB>): Promise<boolean> {
  const row = await calendar(db)
    .selectFrom('calendar_days')
    .select('id')
    .where('street_id', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPackageDays(db: Kysely<DB>, days: Array<{ date: string; kind: DayKind; name: string }>) {
  if (days.length === 0) return;
  await calendar(db)
    .insertInto('calendar_days')
    .values(days.map((day) => ({ street_id: null, day: day.date, kind: day.kind, name: day.name, source: 'package' as const })))
    .onConflict((oc) => oc.constraint('calendar_days_per_street').doNothing())
    .execute();
}

export async function lockSeeding(db: Kysely<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`.execute(db);
}
