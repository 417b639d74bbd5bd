import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { calendarVersion, knownYears, scheduleDays } from './calendar.repository.ts';
import { buildDayTable, type DayTable } from './working-days.ts';

/**
 * Each street's day table in one server's memory, kept true to the database: every read checks
 * the calendar version (one indexed row), and a version bumped by any instance drops them all.
 */
export class DayTableCache {
  private version: number | undefined;
  private tables = new Map<string, Promise<DayTable>>();

  /** `db` may be a transaction: inside one, PGlite needs every query to go through it. */
  async dayTable(db: Kysely<DB>, streetId: string | null): Promise<DayTable> {
    const version = await calendarVersion(db);
    // What a transaction sees may still roll back, and its version number be reused for other days.
    if (db.isTransaction) return loadDayTable(db, streetId);
    if (version !== this.version) {
      this.version = version;
      this.tables.clear();
    }
    const key = streetId ?? 'national';
    const cached = this.tables.get(key);
    if (cached) return cached;
    const loading = loadDayTable(db, streetId);
    this.tables.set(key, loading);
    loading.catch(() => {
      if (this.tables.get(key) === loading) this.tables.delete(key);
    });
    return loading;
  }
}

async function loadDayTable(db: Kysely<DB>, streetId: string | null): Promise<DayTable> {
  const days = await scheduleDays(db, streetId);
  const years = await knownYears(db, streetId);
  return buildDayTable(
    days.map((day) => ({ date: day.day, kind: day.kind })),
    years.map((row) => row.year),
  );
}
