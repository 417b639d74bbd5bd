import { type Kysely, sql } from 'kysely';
import { type DomainEvent, recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { type Counters, ROLLUP_COUNTERS, type RollupCounter, type RollupDelta, rollupDeltas } from './rollups.ts';

interface CaseDailyRollupsTable extends Record<RollupCounter, number> {
  street_id: string;
  community_id: string | null;
  grid_id: string;
  category_id: string;
  day: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    case_daily_rollups: CaseDailyRollupsTable;
  }
}

/** The columns of a case that place its figures: where it lies, what kind it is, when it came in. */
export interface RollupFacts {
  id: string;
  street_id: string;
  community_id: string | null;
  grid_id: string | null;
  category_id: string;
  created_at: Date;
  response_due_at: Date | null;
}

const keyOf = (c: RollupFacts, day: string) => `${c.grid_id}|${c.category_id}|${day}`;

async function addToRollups(trx: Kysely<DB>, rows: (Omit<CaseDailyRollupsTable, RollupCounter> & Counters)[]) {
  if (rows.length === 0) return;
  const values = rows.map((row) => ({ ...Object.fromEntries(ROLLUP_COUNTERS.map((c) => [c, row[c] ?? 0])), ...row }));
  await trx
    .insertInto('case_daily_rollups')
    .values(values as never)
    .onConflict((oc) =>
      oc
        .columns(['grid_id', 'category_id', 'day'])
        .doUpdateSet(
          Object.fromEntries(
            ROLLUP_COUNTERS.map((c) => [c, sql`case_daily_rollups.${sql.ref(c)} + excluded.${sql.ref(c)}`]),
          ) as never,
        ),
    )
    .execute();
}

function rowsOf(c: RollupFacts, deltas: RollupDelta[]) {
  if (!c.grid_id) return [];
  return deltas.map((delta) => ({
    street_id: c.street_id,
    community_id: c.community_id,
    grid_id: c.grid_id as string,
    category_id: c.category_id,
    day: delta.day,
    ...delta.counters,
  }));
}

/** A case's timeline event and the daily figures it moves, in the caller's transaction. */
export async function recordCaseEvent(
  trx: Kysely<DB>,
  timeZone: string,
  c: RollupFacts,
  event: Omit<DomainEvent, 'entityType' | 'entityId' | 'streetId' | 'at'>,
  at: Date,
) {
  await recordEvent(trx, { ...event, entityType: 'case', entityId: c.id, streetId: c.street_id, at });
  const deltas = rollupDeltas(
    { type: event.type, at, data: event.data ?? {} },
    { createdAt: c.created_at, contactRequired: c.response_due_at !== null },
    timeZone,
  );
  await addToRollups(trx, rowsOf(c, deltas));
}

/**
 * Recomputes the figures from the events: for one street, or everywhere. The same rules as the
 * incremental upkeep, so a rebuild changes nothing unless something went around them.
 */
export function rebuildRollups(db: Kysely<DB>, timeZone: string, streetId?: string): Promise<number> {
  return db.transaction().execute((trx) => recountRollups(trx, timeZone, streetId));
}

/** The rebuild inside the caller's transaction (the demo seed recounts what it wrote in bulk). */
export async function recountRollups(trx: Kysely<DB>, timeZone: string, streetId?: string): Promise<number> {
  let del = trx.deleteFrom('case_daily_rollups');
  if (streetId) del = del.where('street_id', '=', streetId);
  await del.execute();
  let cases = trx
    .selectFrom('cases')
    .select(['id', 'street_id', 'community_id', 'grid_id', 'category_id', 'created_at', 'response_due_at']);
  if (streetId) cases = cases.where('street_id', '=', streetId);
  const facts = new Map((await cases.execute()).map((c) => [c.id, c as RollupFacts]));
  let events = trx.selectFrom('events').select(['entity_id', 'type', 'at', 'data']).where('entity_type', '=', 'case');
  if (streetId) events = events.where('street_id', '=', streetId);
  const totals = new Map<string, ReturnType<typeof rowsOf>[number]>();
  for (const event of await events.execute()) {
    const c = facts.get(event.entity_id);
    if (!c) continue;
    const deltas = rollupDeltas(
      { type: event.type, at: event.at, data: event.data },
      { createdAt: c.created_at, contactRequired: c.response_due_at !== null },
      timeZone,
    );
    for (const row of rowsOf(c, deltas)) {
      const key = keyOf(c, row.day);
      const total = totals.get(key) ?? { ...row, ...Object.fromEntries(ROLLUP_COUNTERS.map((k) => [k, 0])) };
      for (const counter of ROLLUP_COUNTERS) total[counter] = (total[counter] ?? 0) + (row[counter] ?? 0);
      totals.set(key, total);
    }
  }
  const rows = [...totals.values()];
  const perChunk = 1000;
  for (let i = 0; i < rows.length; i += perChunk) await addToRollups(trx, rows.slice(i, i + perChunk));
  return rows.length;
}
