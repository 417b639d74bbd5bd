export interface DayCell {
  /** The date, or a key of its own for a blank. */
  key: string;
  date: string | null;
}

/** A month laid out as weeks for a year view: Monday first, blanks before the 1st and after the last day. Pure. */
export function monthWeeks(year: number, month: number): DayCell[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const blank = (): DayCell => ({ key: `${year}-${month}-blank-${cells.length}`, date: null });
  const cells: DayCell[] = [];
  while (cells.length < lead) cells.push(blank());
  for (let day = 1; day <= days; day++) {
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    cells.push({ key: date, date });
  }
  while (cells.length % 7 !== 0) cells.push(blank());
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

export const isWeekend = (date: string) => {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
};
