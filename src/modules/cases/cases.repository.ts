import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CasesTable } from './cases.tables.ts';
import type { CaseState, Tier } from './lifecycle.ts';

/**
 * Every column of a case plus the names a person needs to read it. The names come from subqueries,
 * not joins: nine joined tables cost the planner 5 ms on every read of a case, these a fraction.
 */
function caseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('cases as c')
    .innerJoin('case_categories as cat', 'cat.id', 'c.category_id')
    .selectAll('c')
    .select((eb) => [
      'cat.code as category_code',
      'cat.name_zh as category_name_zh',
      'cat.name_en as category_name_en',
      'cat.parent_id as category_parent_id',
      eb
        .selectFrom('case_categories as parent')
        .select('parent.code')
        .whereRef('parent.id', '=', 'cat.parent_id')
        .as('category_parent_code'),
      eb.selectFrom('area_nodes as g').select('g.name').whereRef('g.id', '=', 'c.grid_id').as('grid_name'),
      eb.selectFrom('area_nodes as cm').select('cm.name').whereRef('cm.id', '=', 'c.community_id').as('community_name'),
      eb.selectFrom('area_nodes as b').select('b.name').whereRef('b.id', '=', 'c.building_id').as('building_name'),
      eb
        .selectFrom('users as au')
        .select('au.display_name')
        .whereRef('au.id', '=', 'c.assignee_user_id')
        .as('assignee_user_name'),
      eb.selectFrom('organisations as ao').select('ao.name').whereRef('ao.id', '=', 'c.assignee_org_id').as('assignee_org_name'),
      eb.selectFrom('cases as m').select('m.number').whereRef('m.id', '=', 'c.merged_into').as('merged_into_number'),
    ]);
}

export function findCase(db: Kysely<DB>, id: string) {
  return caseQuery(db).where('c.id', '=', id).executeTakeFirst();
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

/** Locks the case row for the rest of the transaction: concurrent actions on one case queue here. */
export async function lockCase(trx: Kysely<DB>, id: string): Promise<boolean> {
  const row = await trx.selectFrom('cases').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return row !== undefined;
}

export function findByTrackingHash(db: Kysely<DB>, trackingHash: string) {
  return caseQuery(db).where('c.tracking_hash', '=', trackingHash).executeTakeFirst();
}

export function findByIdempotencyKey(db: Kysely<DB>, scope: string, key: string) {
  return db
    .selectFrom('cases')
    .select(['id as caseId', 'number'])
    .where('idempotency_scope', '=', scope)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/**
 * The next case number of a street and year. Run on its own, outside the intake transaction, so
 * the counter row is locked for one statement only; a failed intake leaves a gap, never a reuse.
 */
export async function nextCaseNumber(db: Kysely<DB>, streetId: string, year: number): Promise<string> {
  const row = await db
    .insertInto('case_counters')
    .values({ street_id: streetId, year, last: 1 })
    .onConflict((oc) => oc.columns(['street_id', 'year']).doUpdateSet({ last: sql`case_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${year}-${String(row.last).padStart(6, '0')}`;
}

export async function insertCase(
  trx: Kysely<DB>,
  values: Parameters<ReturnType<Kysely<DB>['insertInto']>['values']>[0] & object,
) {
  await trx
    .insertInto('cases')
    .values(values as never)
    .execute();
}

export type CaseChanges = Partial<{ [K in keyof CasesTable]: unknown }>;

/** Applies changes and moves the version on; the caller holds the row lock. */
export async function updateCase(trx: Kysely<DB>, id: string, changes: CaseChanges) {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  await trx
    .updateTable('cases')
    .set({ ...defined, version: sql`version + 1`, updated_at: new Date() } as never)
    .where('id', '=', id)
    .execute();
}

export async function followersOf(db: Kysely<DB>, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_followers as f')
    .innerJoin('cases as d', 'd.id', 'f.source_case_id')
    .select('d.reporter_user_id')
    .where('f.case_id', '=', caseId)
    .where('d.reporter_user_id', 'is not', null)
    .execute();
  return rows.map((row) => row.reporter_user_id as string);
}

export async function accessOrgsOf(db: Kysely<DB>, caseId: string): Promise<string[]> {
  const rows = await db.selectFrom('case_org_access').select('organisation_id').where('case_id', '=', caseId).execute();
  return rows.map((row) => row.organisation_id);
}

export async function grantOrgAccess(trx: Kysely<DB>, caseId: string, organisationId: string) {
  await trx
    .insertInto('case_org_access')
    .values({ case_id: caseId, organisation_id: organisationId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function addFollower(trx: Kysely<DB>, caseId: string, sourceCaseId: string) {
  await trx
    .insertInto('case_followers')
    .values({ case_id: caseId, source_case_id: sourceCaseId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function timelineOf(db: Kysely<DB>, caseId: string) {
  return db
    .selectFrom('events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.id', 'e.type', 'e.at', 'e.actor_user_id', 'u.display_name as actor_name', 'e.data'])
    .where('e.entity_type', '=', 'case')
    .where('e.entity_id', '=', caseId)
    .orderBy('e.id')
    .execute();
}

export function contactsOf(db: Kysely<DB>, caseId: string) {
  return db
    .selectFrom('case_contacts as k')
    .innerJoin('users as u', 'u.id', 'k.by_user_id')
    .select(['k.id', 'k.channel', 'k.note', 'k.at', 'k.by_user_id', 'u.display_name as by_name'])
    .where('k.case_id', '=', caseId)
    .orderBy('k.at')
    .execute();
}

export function categoryById(db: Kysely<DB>, id: string) {
  return db.selectFrom('case_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deadlinePolicies(db: Kysely<DB>) {
  const rows = await db.selectFrom('deadline_policies').selectAll().execute();
  return rows.map((row) => ({
    streetId: row.street_id,
    tier: row.tier,
    categoryId: row.category_id,
    workingDays: row.working_days,
    kind: row.kind,
    warnHours: row.warn_hours,
  }));
}

export async function responsePolicy(db: Kysely<DB>, priority: string) {
  const row = await db
    .selectFrom('response_policies')
    .selectAll()
    .where('priority', '=', priority as never)
    .executeTakeFirstOrThrow();
  return { priority: row.priority, hours: row.hours, workingDays: row.working_days };
}

const secrets = new WeakMap<Kysely<DB>, Promise<string>>();

/** Made once per installation by the migration and never changed: read once per database handle. */
export function trackingSecret(db: Kysely<DB>): Promise<string> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = db
      .selectFrom('server_secrets')
      .select('value')
      .where('name', '=', 'tracking')
      .executeTakeFirstOrThrow()
      .then((row) => row.value);
    secrets.set(db, secret);
    secret.catch(() => secrets.delete(db));
  }
  return secret;
}

/** What a list may show an actor: the conditions of cases.policy canReadCase, as SQL. */
export interface CaseVisibility {
  userId: string;
  /** Paths of node-held roles granting cases.read. */
  paths: string[];
  /** Organisations at which the actor holds a role granting cases.read. */
  orgIds: string[];
}

/**
 * The same conditions as separate branches whose union is what the actor may see: each one an
 * index answers in the list's order (case-list.repository.ts), where one OR over them all would
 * scan every case. Arms that cannot match (no organisations) are left out.
 */
export function visibilityBranches(v: CaseVisibility): Expression<SqlBool>[] {
  const branches = v.paths.map((path) => sql<SqlBool>`c.location_path like ${`${path}%`}`);
  branches.push(sql<SqlBool>`c.assignee_user_id = ${v.userId}`, sql<SqlBool>`c.reporter_user_id = ${v.userId}`);
  if (v.orgIds.length) {
    branches.push(
      sql<SqlBool>`c.assignee_org_id = any (${v.orgIds}::uuid[])`,
      // As an array of ids: the planner looks them up, where as a join it may walk every case newest first instead.
      sql<SqlBool>`c.id = any (array(select a.case_id from case_org_access a where a.organisation_id = any (${v.orgIds}::uuid[])))`,
    );
  }
  // Cases whose merged duplicates the actor reported: from their reports to the followers' index, never a scan of either.
  branches.push(
    sql<SqlBool>`c.id = any (array(select f.case_id from case_followers f
      where f.source_case_id = any (array(select d.id from cases d where d.reporter_user_id = ${v.userId}))))`,
  );
  return branches;
}

/** Where an actor must act: their tiers' cases in their areas, their department's, and cases assigned to them. */
export interface InboxScope {
  userId: string;
  tierPaths: { tier: Tier; paths: string[] }[];
  departmentOrgIds: string[];
  orgIds: string[];
}

/** The states as literals, not a parameter: the planner then sees that partial indexes on open cases apply. */
export const inStates = (states: readonly CaseState[]) =>
  sql<SqlBool>`c.state in (${sql.join(states.map((state) => sql.lit(state)))})`;

export function inboxOf(s: InboxScope, activeStates: readonly CaseState[]): Expression<SqlBool> {
  const arms = s.tierPaths.flatMap((t) =>
    t.paths.map((path) => sql<SqlBool>`(c.tier = ${t.tier} and c.location_path like ${`${path}%`})`),
  );
  if (s.departmentOrgIds.length)
    arms.push(sql<SqlBool>`(c.tier = 'department' and c.assignee_org_id = any (${s.departmentOrgIds}::uuid[]))`);
  arms.push(sql<SqlBool>`c.assignee_user_id = ${s.userId}`);
  if (s.orgIds.length) arms.push(sql<SqlBool>`c.assignee_org_id = any (${s.orgIds}::uuid[])`);
  return sql<SqlBool>`(${inStates(activeStates)} and (${sql.join(arms, sql` or `)}))`;
}

export { caseQuery };
