/**
 * The daily case figures of the demo history, counted from its planned events with the rules the
 * live code and the rebuild use (rollups.ts): written in bulk, the history needs no recount that
 * reads back every event it has just written. Pure.
 */
import { type Counters, ROLLUP_COUNTERS, type RollupCounter, rollupDeltas } from '../modules/cases/rollups.ts';
import type { PlannedCase, PlannedEvent } from './case-rows.ts';

export type RollupRow = {
  street_id: string;
  community_id: string | null;
  grid_id: string;
  category_id: string;
  day: string;
} & Record<RollupCounter, number>;

const ZERO = Object.fromEntries(ROLLUP_COUNTERS.map((counter) => [counter, 0])) as Record<RollupCounter, number>;

/** One row per grid, category and local day that any event moved, as the rebuild would leave it. */
export function caseRollups(cases: readonly PlannedCase[], events: readonly PlannedEvent[], timeZone: string): RollupRow[] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const rows = new Map<string, RollupRow>();
  const add = (c: PlannedCase, day: string, counters: Counters) => {
    const key = `${c.grid_id}|${c.category_id}|${day}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        street_id: c.street_id,
        community_id: c.community_id,
        grid_id: c.grid_id,
        category_id: c.category_id,
        day,
        ...ZERO,
      };
      rows.set(key, row);
    }
    for (const counter of ROLLUP_COUNTERS) row[counter] += counters[counter] ?? 0;
  };
  for (const event of events) {
    const c = byId.get(event.entity_id);
    if (!c?.grid_id) continue;
    const facts = { createdAt: c.created_at, contactRequired: c.response_due_at !== null };
    for (const { day, counters } of rollupDeltas(event, facts, timeZone)) add(c, day, counters);
  }
  // By day, so that the rows of one period lie together on disk.
  return [...rows.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
