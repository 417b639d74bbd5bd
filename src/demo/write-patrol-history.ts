/**
 * Writes the demo street's patrols in the seeding transaction, in bulk: the office buildings,
 * teams, partners, plans and their points, runs and check-ins before the cases; the findings,
 * rectification orders and re-inspections that point at cases after them.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { insertRows } from './bulk-insert.ts';
import type { CaseHistory } from './case-rows.ts';
import type { PatrolPeople } from './patrol-plan.ts';
import type { PatrolRuns } from './patrol-runs.ts';

export async function writePatrolGround(trx: Kysely<DB>, people: PatrolPeople, runs: PatrolRuns): Promise<void> {
  await insertRows(trx, 'area_nodes', people.officeBuildings);
  await insertRows(trx, 'patrol_teams', people.teams);
  await insertRows(trx, 'patrol_partners', people.partners);
  await insertRows(
    trx,
    'patrol_plans',
    people.plans.map((p) => p.row),
  );
  await insertRows(
    trx,
    'patrol_plan_organisations',
    people.plans.flatMap((p) => p.organisations.map((organisation_id) => ({ plan_id: p.row.id, organisation_id }))),
  );
  await insertRows(
    trx,
    'patrol_points',
    people.plans.flatMap((p) => p.points),
  );
  await insertRows(trx, 'patrol_runs', runs.runs);
  await insertRows(trx, 'patrol_checkins', runs.checkins);
}

export async function writeHazardRecords(trx: Kysely<DB>, hazards: CaseHistory['hazards']): Promise<void> {
  await insertRows(trx, 'patrol_findings', hazards.findings);
  await insertRows(trx, 'hazard_orders', hazards.orders);
  await insertRows(trx, 'hazard_reinspections', hazards.reinspections);
}
