/**
 * Writes the demo street's patrols in the seeding transaction, in bulk: the office buildings,
 * teams, partners, plans and their points, runs and check-ins before the cases; the findings,
 * rectification orders and re-inspections that point at cases after them.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { CaseHistory } from './case-rows.ts';
import type { PatrolPeople } from './patrol-plan.ts';
import type { PatrolRuns } from './patrol-runs.ts';
import { insertChunks } from './seed-demo.ts';

type Rows = Record<string, unknown>[];
const insert = (trx: Kysely<DB>, table: keyof DB & string, rows: readonly object[]) => insertChunks(trx, table, rows as Rows);

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
  await insert(trx, 'patrol_runs', runs.runs);
  await insert(
    trx,
    'patrol_checkins',
    runs.checkins.map((c) => ({ ...c, checklist: JSON.stringify(c.checklist) })),
  );
}

export async function writeHazardRecords(trx: Kysely<DB>, hazards: CaseHistory['hazards']): Promise<void> {
  await insert(trx, 'patrol_findings', hazards.findings);
  await insert(trx, 'hazard_orders', hazards.orders);
  await insert(trx, 'hazard_reinspections', hazards.reinspections);
}
