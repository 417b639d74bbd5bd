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

export class RollupTotals {
  private readonly rows = new Map<string, RollupRow>();

  constructor(private readonly timeZone: string) {}

  add(c: RollupFacts, events: readonly RollupEvent[]): void {
    if (!c.grid_id) return;
    const facts = { createdAt: c.created_at, contactRequired: c.response_due_at !== null };
    for (const event of events) {
      for (const { day, counters } of rollupDeltas(event, facts, this.timeZone)) this.addTo(c, day, counters);
    }
  }

  private addTo(c: RollupFacts, day: string, counters: Counters) {
    const key = `${c.grid_id}|${c.category_id}|${day}`;
    let row = this.rows.get(key);
    if (!row) {
      row = {
        street_id: c.street_id,
        community_id: c.community_id,
        grid_id: c.grid_id as string,
        category_id: c.category_id,
        day,
        ...(Object.fromEntries(ROLLUP_COUNTERS.map((k) => [k, 0])) as Record<RollupCounter, number>),
      };
      this.rows.set(key, row);
    }
    for (const counter of ROLLUP_COUNTERS) row[counter] += counters[counter] ?? 0;
  }

  get size(): number {
    return this.rows.size;
  }

  /** The rows by day, so that a street's rows of one period lie together on disk. */
  sorted(): RollupRow[] {
    return [...this.rows.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  }
}
