import { type Insertable, type Kysely, sql } from 'kysely';
import { loadDayTable } from '../modules/calendar/calendar.service.ts';
import { deadlinePolicies, trackingSecret } from '../modules/cases/cases.repository.ts';
import { ROLLUP_COUNTERS } from '../modules/cases/rollups.ts';
import type { DB } from '../platform/db/schema.ts';
import { insertRows } from './bulk-insert.ts';
import { type CaseHistoryInput, planCaseHistory } from './case-history.ts';
import { caseRollups, type RollupRow } from './case-rollups.ts';
import type { CaseHistory } from './case-rows.ts';
import { planMediationHistory } from './mediation-history.ts';
import { type PatrolPeople, plansOfPartner } from './patrol-plan.ts';
import { type PatrolRuns, planPatrolRuns } from './patrol-runs.ts';
import { Random } from './random.ts';
import { disputeEventRows, mediationCounts, mediationNotifications, writeMediationHistory } from './write-mediation-history.ts';
import { writeHazardRecords, writePatrolGround } from './write-patrol-history.ts';

/** The street's zone by default (STREET_TIMEZONE); the demo street lies in Zhejiang. */
const HISTORY_SEED = 20_260_601;
const MEDIATION_SEED = 20_250_004;

/**
 * Plans the demo street's case history (and, given a number of disputes, its year of mediation,
 * some of whose files come from its cases) against the calendar, deadline rules and categories in
 * the database, and writes it in the seeding transaction. Events of cases and disputes go in as one
 * stream oldest first, so their ids grow with time as the live code's do. Answers how many rows of
 * each kind were written.
 */
export async function writeCaseHistory(
  trx: Kysely<DB>,
  street: Pick<CaseHistoryInput, 'plan' | 'users' | 'count' | 'timeZone'> & {
    patrols?: PatrolPeople | undefined;
    disputes?: number | undefined;
  },
  now = new Date(),
): Promise<Record<string, number>> {
  const streetId = street.plan.street.id;
  const table = await loadDayTable(trx, streetId);
  const { patrols, disputes, ...rest } = street;
  // The partners' runs, and the hazards they found, which become cases with all the others.
  const runs =
    patrols &&
    planPatrolRuns(patrols, {
      clock: { table, timeZone: street.timeZone },
      now,
      days: patrols.days,
      seed: HISTORY_SEED,
      notToday: plansOfPartner(patrols, street.users.find((u) => u.username === 'partner')?.id),
    });
  const categories = await trx.selectFrom('case_categories').selectAll().where('retired_at', 'is', null).execute();
  const responsePolicies = await trx.selectFrom('response_policies').selectAll().execute();
  const history = planCaseHistory({
    ...rest,
    ...(runs ? { hazards: runs.findings } : {}),
    categories: categories.map((c) => ({
      id: c.id,
      parentId: c.parent_id,
      code: c.code,
      kind: c.kind,
      departmentCode: c.department_code,
    })),
    policies: await deadlinePolicies(trx),
    responsePolicies: responsePolicies.map((p) => ({ priority: p.priority, hours: p.hours, workingDays: p.working_days })),
    table,
    now,
    seed: HISTORY_SEED,
    trackingSecret: await trackingSecret(trx),
  });
  const mediation =
    disputes &&
    planMediationHistory({
      plan: street.plan,
      users: street.users,
      cases: history.cases,
      categoryCodes: new Map(categories.map((c) => [c.id, c.code])),
      table,
      timeZone: street.timeZone,
      now,
      seed: MEDIATION_SEED,
      count: disputes,
    });
  if (patrols && runs) await writePatrolGround(trx, patrols, runs);
  await insertRows(trx, 'cases', history.cases satisfies Insertable<DB['cases']>[]);
  await insertRows(trx, 'case_org_access', history.orgAccess);
  await insertRows(trx, 'case_followers', history.followers);
  await insertRows(trx, 'case_contacts', history.contacts satisfies Insertable<DB['case_contacts']>[]);
  if (mediation) await writeMediationHistory(trx, mediation);
  const caseEvents = history.events.map((e) => ({
    street_id: streetId,
    entity_type: 'case',
    entity_id: e.entity_id,
    type: e.type,
    actor_user_id: e.actor_user_id,
    at: e.at,
    data: e.data,
  }));
  await insertRows(trx, 'events', mediation ? byTime(caseEvents, disputeEventRows(mediation, streetId)) : caseEvents);
  const notifications = [
    ...history.notifications,
    ...(mediation ? mediationNotifications(mediation, streetId, new Random(MEDIATION_SEED), now) : []),
  ];
  await insertRows(trx, 'notifications', notifications);
  await insertRows(trx, 'case_counters', history.counters);
  await writeHazardRecords(trx, history.hazards);
  const rollups = await writeRollups(trx, streetId, caseRollups(history.cases, history.events, street.timeZone));
  return {
    'daily rollups': rollups,
    cases: history.cases.length,
    'open cases': history.cases.filter((c) => !c.closed_at && c.state !== 'rejected' && c.state !== 'duplicate').length,
    'case events': history.events.length,
    notifications: notifications.length,
    ...(patrols && runs ? patrolCounts(patrols, runs, history) : {}),
    ...(mediation ? mediationCounts(mediation) : {}),
  };
}

/** Two streams each oldest first, merged oldest first. */
function byTime<T extends { at: Date }>(a: readonly T[], b: readonly T[]): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.at <= y.at)) {
      merged.push(x as T);
      i++;
    } else {
      merged.push(y);
      j++;
    }
  }
  return merged;
}

/**
 * The history's daily figures, counted from its events in memory rather than read back. The
 * street's sums, which triggers keep row by row as the live code adds to a grid's figures, are
 * added up in one statement here, as migration 0006 first built them.
 */
async function writeRollups(trx: Kysely<DB>, streetId: string, rows: RollupRow[]): Promise<number> {
  const sums = sql.join(ROLLUP_COUNTERS.map((counter) => sql`sum(${sql.ref(counter)})`));
  await sql`alter table case_daily_rollups disable trigger user`.execute(trx);
  await insertRows(trx, 'case_daily_rollups', rows);
  await sql`insert into case_street_daily_rollups (street_id, day, ${sql.join(ROLLUP_COUNTERS.map((c) => sql.ref(c)))})
    select street_id, day, ${sums} from case_daily_rollups where street_id = ${streetId} group by street_id, day`.execute(trx);
  await sql`alter table case_daily_rollups enable trigger user`.execute(trx);
  return rows.length;
}

function patrolCounts(people: PatrolPeople, runs: PatrolRuns, history: CaseHistory): Record<string, number> {
  const hazards = history.cases.filter((c) => c.kind === 'hazard');
  return {
    'patrol partners': people.partners.filter((p) => p.status === 'approved').length,
    'patrol runs': runs.runs.length,
    'patrol check-ins': runs.checkins.length,
    hazards: hazards.length,
    'hazards rectified': hazards.filter((c) => c.rectified_at).length,
  };
}
