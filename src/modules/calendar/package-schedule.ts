import { createRequire } from 'node:module';
import type { ScheduleEntry } from './working-days.ts';

/**
 * The national schedule as the chinese-days package holds it (2004-2026 in 1.5.7, matching the
 * State Council's notices day for day). Its values read 'English name,中文名,n'. Later years are
 * missing from it without a word, which is why years are published in the database instead.
 */
interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as PackageData;

export interface NamedScheduleEntry extends ScheduleEntry {
  name: string;
}

const chineseName = (value: string) => value.split(',')[1]?.trim() || value;

/** Every holiday and make-up workday the package knows from one year to another, and the years it covers. */
export function packageSchedule(fromYear: number, toYear: number): { days: NamedScheduleEntry[]; years: number[] } {
  const inRange = (date: string) => Number(date.slice(0, 4)) >= fromYear && Number(date.slice(0, 4)) <= toYear;
  const days = [
    ...Object.entries(data.holidays).map(([date, value]) => ({ date, kind: 'holiday' as const, name: chineseName(value) })),
    ...Object.entries(data.workdays).map(([date, value]) => ({ date, kind: 'workday' as const, name: chineseName(value) })),
  ]
    .filter((day) => inRange(day.date))
    .sort((a, b) => a.date.localeCompare(b.date));
  const years = [...new Set(days.map((day) => Number(day.date.slice(0, 4))))].sort((a, b) => a - b);
  return { days, years };
}
