import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/database.ts';
import type { DB } from '../platform/db/schema.ts';
import { hashPassword } from '../platform/security/password.ts';
import { insertRows } from './bulk-insert.ts';
import { deferKeys } from './deferred-keys.ts';
import { personName } from './names.ts';
import { planPatrolPeople } from './patrol-plan.ts';
import { Random } from './random.ts';
import { type DemoScale, FULL_SCALE, type PlanNode, planStreet, type StreetPlan } from './street-plan.ts';
import { planVolunteerPeople } from './volunteer-people.ts';
import { writeCareHistory } from './write-care-history.ts';
import { writeCaseHistory } from './write-case-history.ts';
import { writeIntegrationDemo } from './write-integration-demo.ts';
import { writePropertyScores } from './write-property-scores.ts';
import { writeVolunteerHistory } from './write-volunteer-history.ts';

export const DEMO_PASSWORD = 'fengqiao-demo';
const SEED_LOCK_KEY = 7_303_520_002;
const PATROL_SEED = 53;
const VOLUNTEER_SEED = 1107;
/** The tables of tens of thousands of rows, whose indexes and foreign keys are built after the load. */
const BULK_TABLES = [
  'area_nodes',
  'residents',
  'patrol_runs',
  'patrol_checkins',
  'cases',
  'events',
  'case_daily_rollups',
  'care_visits',
  'notifications',
  'activity_signups',
  'activity_attendance',
  'service_hours',
  'points_entries',
];

export interface DemoAccount {
  username: string;
  role: string;
  where: string;
}

interface PlannedUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  nodeId?: string;
  organisationId?: string;
  residentId?: string | undefined;
  phone?: string | null;
  where: string;
}

export interface SeedResult {
  seeded: boolean;
  accounts: DemoAccount[];
  counts: Record<string, number>;
}

/** Seeds the demo street and its case history into an empty database; two instances starting together seed it once. */
export async function seedDemoIfEmpty(
  database: Database,
  scale: DemoScale = FULL_SCALE,
  timeZone = 'Asia/Shanghai',
): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return database.db.transaction().execute(async (trx): Promise<SeedResult> => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(trx);
    const { n } = await trx
      .selectFrom('area_nodes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (n > 0) return { seeded: false, accounts: [], counts: {} } satisfies SeedResult;
    const plan = planStreet(scale);
    const now = new Date();
    const staff = planUsers(plan);
    const patrols = scale.patrols && planPatrolPeople({ plan, users: staff, scale: scale.patrols, now, seed: PATROL_SEED });
    const partners = patrols?.partners ?? [];
    const volunteering = planVolunteerPeople({
      random: new Random(VOLUNTEER_SEED),
      plan,
      users: [...staff, ...(patrols?.users ?? [])],
      partners,
      now,
    });
    const users: PlannedUser[] = [...staff, ...(patrols?.users ?? []), ...volunteering.users];
    const restoreKeys = await deferKeys(trx, BULK_TABLES);
    await writePlan(trx, plan, users, passwordHash);
    const history = await writeCaseHistory(
      trx,
      { plan, users, count: scale.cases, timeZone, patrols, disputes: scale.disputes },
      now,
    );
    const care = await writeCareHistory(trx, { plan, users, timeZone }, now);
    const { notifications, ...volunteerCounts } = await writeVolunteerHistory(
      trx,
      { plan, people: volunteering, users, partners, timeZone },
      now,
    );
    Object.assign(history, volunteerCounts, { notifications: (history.notifications ?? 0) + (notifications ?? 0) });
    await restoreKeys();
    // Scorecards are computed from the case and patrol history, so after it and with its indexes built.
    const propertyScores = await writePropertyScores(trx, { plan, users, timeZone }, now);
    const integration = await writeIntegrationDemo(trx, plan.street.id, (users[0] as PlannedUser).id);
    return {
      seeded: true,
      accounts: users.filter((u) => !u.username.includes('_')).map(({ username, role, where }) => ({ username, role, where })),
      counts: {
        communities: plan.communities.length,
        grids: plan.grids.length,
        buildings: plan.nodes.filter((node) => node.level === 'building').length,
        households: plan.nodes.filter((node) => node.level === 'household').length,
        residents: plan.residents.length,
        estates: plan.estates.length,
        organisations: plan.organisations.length,
        users: users.length,
        ...history,
        ...care,
        ...integration,
        ...propertyScores,
      },
    };
  });
}

export function planUsers(plan: StreetPlan): PlannedUser[] {
  const random = new Random(7);
  const [firstCommunity] = plan.communities as [PlanNode];
  const [firstGrid] = plan.grids as [PlanNode];
  const org = (code: string) => plan.organisations.find((o) => o.code === code);
  const firstEstate = plan.estates.find((e) => e.community_id === firstCommunity.id);
  const company = plan.organisations.find((o) => o.id === firstEstate?.property_company_id) ?? org('PM_FENGLIN');
  const householdsInFirstGrid = new Set(
    plan.nodes.filter((n) => n.level === 'household' && n.path.startsWith(firstGrid.path)).map((n) => n.id),
  );
  const resident = plan.residents.find((r) => householdsInFirstGrid.has(r.household_id) && r.phone && r.is_household_head);
  const residentHome = plan.nodes.find((n) => n.id === resident?.household_id);
  const name = () => personName(random, random.chance(0.5) ? 'female' : 'male');
  const user = (
    username: string,
    role: string,
    at: { nodeId?: string; organisationId?: string },
    where: string,
    displayName = name(),
  ): PlannedUser => ({
    id: randomUUID(),
    username,
    displayName,
    role,
    where,
    ...at,
  });
  const users: PlannedUser[] = [
    user('admin', 'admin', { nodeId: plan.district.id }, plan.district.name, '系统管理员'),
    user('leader', 'street_leader', { nodeId: plan.street.id }, plan.street.name),
    user('secretary', 'community_secretary', { nodeId: firstCommunity.id }, firstCommunity.name),
    user('staff', 'community_staff', { nodeId: firstCommunity.id }, firstCommunity.name),
    user('grid', 'grid_worker', { nodeId: firstGrid.id }, firstGrid.name),
    user('dept', 'dept_handler', { organisationId: org('URBAN_MGMT')?.id as string }, org('URBAN_MGMT')?.name as string),
    user('property', 'property_handler', { organisationId: company?.id as string }, company?.name as string),
    user('mediator', 'mediator', { nodeId: plan.street.id }, plan.street.name),
    user('partner', 'patrol_volunteer', { nodeId: firstCommunity.id }, firstCommunity.name),
  ];
  if (resident && residentHome) {
    users.push({
      ...user('resident', 'resident', { nodeId: residentHome.id }, `${firstGrid.name} ${residentHome.name}`, resident.name),
      residentId: resident.id,
    });
  }
  // Every other grid and community has its own worker and secretary; every other department a handler to answer its cases.
  for (const grid of plan.grids.slice(1))
    users.push(user(`gw_${grid.code.toLowerCase()}`, 'grid_worker', { nodeId: grid.id }, grid.name));
  for (const community of plan.communities.slice(1)) {
    users.push(user(`sec_${community.code.toLowerCase()}`, 'community_secretary', { nodeId: community.id }, community.name));
  }
  for (const department of plan.organisations.filter((o) => o.kind === 'street_department' && o.code !== 'URBAN_MGMT')) {
    users.push(user(`dh_${department.code.toLowerCase()}`, 'dept_handler', { organisationId: department.id }, department.name));
  }
  return users;
}

async function writePlan(trx: Kysely<DB>, plan: StreetPlan, users: PlannedUser[], passwordHash: string) {
  const upper = plan.nodes.filter((n) => n.level === 'district' || n.level === 'street' || n.level === 'community');
  await insertRows(trx, 'area_nodes', upper);
  await insertRows(trx, 'organisations', plan.organisations);
  await insertRows(trx, 'estates', plan.estates);
  await insertRows(
    trx,
    'area_nodes',
    plan.nodes.filter((n) => !upper.includes(n)),
  );
  await insertRows(trx, 'residents', plan.residents);
  await insertRows(
    trx,
    'users',
    users.map((u) => ({
      id: u.id,
      username: u.username,
      display_name: u.displayName,
      password_hash: passwordHash,
      street_id: plan.street.id,
      resident_id: u.residentId ?? null,
      phone: u.phone ?? null,
      organisation_id: u.organisationId ?? null,
    })),
  );
  await insertRows(
    trx,
    'role_assignments',
    users.map((u) => ({
      user_id: u.id,
      role: u.role,
      node_id: u.nodeId ?? null,
      organisation_id: u.organisationId ?? null,
      street_id: plan.street.id,
    })),
  );
  // Each grid worker answers for their grid; the users exist only now, so one update names them all.
  const workers = users.filter((u) => u.role === 'grid_worker').map((u) => ({ node_id: u.nodeId, user_id: u.id }));
  await sql`update area_nodes n set responsible_user_id = w.user_id
    from json_to_recordset(${JSON.stringify(workers)}::json) as w (node_id uuid, user_id uuid)
    where n.id = w.node_id`.execute(trx);
  await trx
    .updateTable('area_index_state')
    .set((eb) => ({ boundary_version: eb('boundary_version', '+', 1) }))
    .execute();
}
