import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/databases.ts';
import { loadDayTable } from '../modules/calendar/calendar.service.ts';
import { localDate } from '../modules/calendar/working-days.ts';
import { loadRules } from '../modules/care/care.shared.ts';
import { countingFrom, isOnTime, nextDueDate, type VisitRule } from '../modules/care/care-rules.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase(inject('databaseTemplate'));
});
afterAll(() => t.drop());

interface FileRow {
  id: string;
  street_id: string;
  groups: VisitRule['group'][];
  risk_level: VisitRule['risk'];
  start_date: string;
  last_visit_date: string | null;
  next_due_date: string;
  missed_alerted_for: string | null;
  location_path: string;
}

describe('the demo street’s care history follows the care rules', () => {
  it('chains every file’s visits by the rules and the street’s calendar: each answers the due date the last one set', async () => {
    const db = t.database.db;
    const files = (
      await sql<FileRow>`select id, street_id, groups, risk_level, start_date::text, last_visit_date::text,
      next_due_date::text, missed_alerted_for::text, location_path from care_files`.execute(db)
    ).rows;
    expect(files.length).toBeGreaterThan(0);
    const rules = await loadRules(db);
    const visits = (
      await sql<{ file_id: string; visit_date: string; due_date: string; on_time: boolean }>`
        select file_id, visit_date::text, due_date::text, on_time from care_visits order by file_id, visited_at`.execute(db)
    ).rows;
    const misses = (
      await sql<{ entity_id: string; due: string }>`
        select entity_id, data->>'dueDate' as due from events where type = 'care.visit_missed' order by id`.execute(db)
    ).rows;
    const today = localDate(new Date(), 'Asia/Shanghai');
    let checked = 0;
    for (const file of files) {
      const table = await loadDayTable(db, file.street_id);
      const schedule = { streetId: file.street_id, groups: file.groups, risk: file.risk_level };
      let from = file.start_date;
      const expectedMisses: string[] = [];
      for (const visit of visits.filter((v) => v.file_id === file.id)) {
        const due = nextDueDate(from, schedule, rules, table);
        expect(visit.due_date).toBe(due);
        expect(visit.on_time).toBe(isOnTime(visit.visit_date, due));
        if (!visit.on_time) expectedMisses.push(due);
        from = visit.visit_date;
        checked += 1;
      }
      expect(file.last_visit_date).toBe(from);
      const due = nextDueDate(
        countingFrom({ lastVisitDate: file.last_visit_date, startDate: file.start_date }),
        schedule,
        rules,
        table,
      );
      expect(file.next_due_date).toBe(due);
      if (due < today) expectedMisses.push(due);
      // The job alerts each missed due date once, the night after it passed.
      expect(misses.filter((m) => m.entity_id === file.id).map((m) => m.due)).toEqual(expectedMisses);
      expect(file.missed_alerted_for).toBe(expectedMisses.at(-1) ?? null);
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('has a visit event for every visit, and campaign visits only within their campaign’s days, area and groups', async () => {
    const db = t.database.db;
    const [counts] = (
      await sql<{ visits: number; events: number; opened: number; files: number }>`select
        (select count(*)::int from care_visits) as visits,
        (select count(*)::int from events where type = 'care.visit_logged') as events,
        (select count(*)::int from events where type = 'care.file_opened') as opened,
        (select count(*)::int from care_files) as files`.execute(db)
    ).rows;
    expect(counts?.events).toBe(counts?.visits);
    expect(counts?.opened).toBe(counts?.files);
    const [wrong] = (
      await sql<{ n: number }>`select count(*)::int as n from care_visits v
        join care_campaigns c on c.id = v.campaign_id join care_files f on f.id = v.file_id
        where v.visit_date not between c.starts_on and c.ends_on
          or f.location_path not like c.node_path || '%' or not (f.groups && c.groups)`.execute(db)
    ).rows;
    expect(wrong?.n).toBe(0);
  });
});
