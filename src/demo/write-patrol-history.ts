/**
 * Writes the demo street's patrols in the seeding transaction, in bulk: the office buildings,
 * teams, partners, plans and their points, runs and check-ins before the cases; the findings,
 * rectification orders and re-inspections that point at cases after them.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { CaseHistory } from './case-rows.ts';
import type { PatrolPeople } from './patrol-plan.ts';
import type { PatrolRuns } from './patrol-runs.ts';
import { insertChunks } from './seed-demo.ts';

type Rows = Record<string, unknown>[];
const insert = (trx: Kysely<DB>, table: keyof DB & string, rows: readonly object[]) => insertChunks(trx, table, rows as Rows);

/** Rows per statement of the tens of thousands of runs and check-ins. */
const JSON_CHUNK = 10_000;

/**
 * Inserts many rows as one JSON document per statement: PostgreSQL parses it far faster than a
 * statement binds a parameter per value. JSON columns go in as objects, dates as ISO strings.
 */
async function insertJson(trx: Kysely<DB>, table: keyof DB & string, rows: readonly object[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).map((column) => sql.ref(column));
  for (let i = 0; i < rows.length; i += JSON_CHUNK) {
    const chunk = JSON.stringify(rows.slice(i, i + JSON_CHUNK));
    await sql`insert into ${sql.table(table)} (${sql.join(columns)})
      select ${sql.join(columns)} from json_populate_recordset(null::${sql.table(table)}, ${chunk}::json)`.execute(trx);
  }
}

export async function writePatrolGround(trx: Kysely<DB>, people: PatrolPeople, runs: PatrolRuns): Promise<void> {
  await insert(trx, 'area_nodes', people.officeBuildings);
  await insert(trx, 'patrol_teams', people.teams);
  await insert(trx, 'patrol_partners', people.partners);
  await insert(
    trx,
    'patrol_plans',
    people.plans.map((p) => ({ ...p.row, checklist: JSON.stringify(p.row.checklist) })),
  );
  await insert(
    trx,
    'patrol_plan_organisations',
    people.plans.flatMap((p) => p.organisations.map((organisation_id) => ({ plan_id: p.row.id, organisation_id }))),
  );
  await insert(
    trx,
    'patrol_points',
    people.plans.flatMap((p) => p.points),
  );
  await insertJson(trx, 'patrol_runs', runs.runs);
  await insertJson(trx, 'patrol_checkins', runs.checkins);
}

export async function writeHazardRecords(trx: Kysely<DB>, hazards: CaseHistory['hazards']): Promise<void> {
  await insert(trx, 'patrol_findings', hazards.findings);
  await insert(trx, 'hazard_orders', hazards.orders);
  await insert(trx, 'hazard_reinspections', hazards.reinspections);
}
