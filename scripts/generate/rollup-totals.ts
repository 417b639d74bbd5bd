/**
 * The daily case figures of generated cases, counted while they are generated with the very rules
 * the live code and the rebuild use (rollups.ts), so a bulk-loaded city needs no recount.
 */
import type { RollupFacts } from '../../src/modules/cases/rollups.repository.ts';
import {
  type Counters,
  ROLLUP_COUNTERS,
  type RollupCounter,
  type RollupEvent,
  rollupDeltas,
} from '../../src/modules/cases/rollups.ts';

export type RollupRow = {
  street_id: string;
  community_id: string | null;
  grid_id: string;
  category_id: string;
  day: string;
} & Record<RollupCounter, number>;

const ZEROES = Object.fromEntries(ROLLUP_COUNTERS.map((k) => [k, 0])) as Record<RollupCounter, number>;

export class RollupTotals {
  /** Rows by grid, category and day; and in the order they were first counted, which sorted() keeps among rows of one day. */
  private readonly byGrid = new Map<string, Map<string, Map<string, RollupRow>>>();
  private readonly rows: RollupRow[] = [];

  constructor(private readonly timeZone: string) {}

  add(c: RollupFacts, events: readonly RollupEvent[]): void {
    if (!c.grid_id) return;
    const facts = { createdAt: c.created_at, contactRequired: c.response_due_at !== null };
    for (const event of events) {
      for (const { day, counters } of rollupDeltas(event, facts, this.timeZone)) this.addTo(c, day, counters);
    }
  }

  private addTo(c: RollupFacts, day: string, counters: Counters) {
    const row = this.rowOf(c, day);
    // Only the figures a delta names move: the others would each add 0.
    for (const counter in counters) row[counter as RollupCounter] += counters[counter as RollupCounter] ?? 0;
  }

  private rowOf(c: RollupFacts, day: string): RollupRow {
    const gridId = c.grid_id as string;
    let byCategory = this.byGrid.get(gridId);
    if (!byCategory) {
      byCategory = new Map();
      this.byGrid.set(gridId, byCategory);
    }
    let byDay = byCategory.get(c.category_id);
    if (!byDay) {
      byDay = new Map();
      byCategory.set(c.category_id, byDay);
    }
    let row = byDay.get(day);
    if (!row) {
      row = { street_id: c.street_id, community_id: c.community_id, grid_id: gridId, category_id: c.category_id, day, ...ZEROES };
      byDay.set(day, row);
      this.rows.push(row);
    }
    return row;
  }

  get size(): number {
    return this.rows.length;
  }

  /** The rows by day, so that a street's rows of one period lie together on disk. */
  sorted(): RollupRow[] {
    return [...this.rows].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  }
}
