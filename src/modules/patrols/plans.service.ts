/** Patrol plans: where, how often, which team, what to check; and whether today's run is due, done or missed. */
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { localDate } from '../calendar/working-days.ts';
import { communityOf } from './partners.service.ts';
import { isRunDay, missedRunDates, shiftDate } from './patrol-schedule.ts';
import { canManage, canRead, readScopes } from './patrols.policy.ts';
import type { listPlansQuery, planBody, planPatchBody } from './patrols.schemas.ts';

type Db = Kysely<DB>;
export interface PlanClock {
  now: Date;
  timeZone: string;
}

/** Missed runs are looked for over this many days back. */
const MISSED_WINDOW_DAYS = 30;

function planQuery(db: Db) {
  return db
    .selectFrom('patrol_plans as pl')
    .innerJoin('area_nodes as c', 'c.id', 'pl.community_id')
    .leftJoin('patrol_teams as t', 't.id', 'pl.team_id')
    .selectAll('pl')
    .select(['c.name as community_name', 'c.path as community_path', 't.name as team_name']);
}
export type PlanRow = NonNullable<Awaited<ReturnType<ReturnType<typeof planQuery>['executeTakeFirst']>>>;

async function presentPlans(db: Db, rows: PlanRow[], clock: PlanClock) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const today = localDate(clock.now, clock.timeZone);
  const from = shiftDate(today, -MISSED_WINDOW_DAYS);
  const [points, orgs, runs] = await Promise.all([
    db.selectFrom('patrol_points').selectAll().where('plan_id', 'in', ids).orderBy('seq').execute(),
    db
      .selectFrom('patrol_plan_organisations as po')
      .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
      .select(['po.plan_id', 'o.id', 'o.name'])
      .where('po.plan_id', 'in', ids)
      .execute(),
    db
      .selectFrom('patrol_runs')
      .select(['plan_id', 'run_date'])
      .distinct()
      .where('plan_id', 'in', ids)
      .where('run_date', '>=', from)
      .execute(),
  ]);
  return rows.map((row) => {
    const schedule = { frequency: row.frequency, weekdays: row.weekdays, startsOn: row.starts_on, endsOn: row.ends_on };
    const done = new Set(runs.filter((r) => r.plan_id === row.id).map((r) => r.run_date));
    return {
      id: row.id,
      communityId: row.community_id,
      communityName: row.community_name,
      name: row.name,
      teamId: row.team_id,
      teamName: row.team_name,
      frequency: row.frequency,
      weekdays: row.weekdays,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      checklist: row.checklist,
      points: points
        .filter((p) => p.plan_id === row.id)
        .map((p) => ({ id: p.id, seq: p.seq, name: p.name, nodeId: p.node_id, lon: p.lon, lat: p.lat })),
      joint: row.joint,
      jointOrganisations: orgs.filter((o) => o.plan_id === row.id).map((o) => ({ id: o.id, name: o.name })),
      retired: row.retired_at !== null,
      dueToday: row.retired_at === null && isRunDay(schedule, today),
      doneToday: done.has(today),
      missedDates: row.retired_at === null ? missedRunDates(schedule, done, from, today) : [],
    };
  });
}

export type PlanView = Awaited<ReturnType<typeof presentPlans>>[number];

/** The communities where the actor is an approved partner, with their team. */
export function partnershipsOf(db: Db, userId: string) {
  return db
    .selectFrom('patrol_partners')
    .select(['community_id', 'team_id'])
    .where('user_id', '=', userId)
    .where('status', '=', 'approved')
    .execute();
}

export async function listPlans(db: Db, actor: Actor, query: z.infer<typeof listPlansQuery>, clock: PlanClock) {
  let q = planQuery(db);
  if (query.mine === 'true') {
    const partnerships = await partnershipsOf(db, actor.userId);
    const teams = partnerships.flatMap((p) => (p.team_id ? [p.team_id] : []));
    const communities = partnerships.map((p) => p.community_id);
    // A partner runs their team's plans, and the plans of their community that have no team.
    q = q.where((eb) =>
      eb.or([
        ...(teams.length ? [eb('pl.team_id', 'in', teams)] : []),
        ...(communities.length ? [eb.and([eb('pl.team_id', 'is', null), eb('pl.community_id', 'in', communities)])] : []),
        eb.val(false),
      ]),
    );
  } else {
    const scopes = readScopes(actor);
    q = q.where((eb) => eb.or([...scopes.map((scope) => eb('c.path', 'like', `${scope}%`)), eb.val(false)]));
  }
  if (query.communityId) q = q.where('pl.community_id', '=', query.communityId);
  if (query.includeRetired !== 'true') q = q.where('pl.retired_at', 'is', null);
  const rows = await q.orderBy('c.name').orderBy('pl.name').limit(500).execute();
  return { items: await presentPlans(db, rows, clock) };
}

/** A plan the actor may see: staff in scope, or a partner of its community. */
export async function visiblePlan(db: Db, actor: Actor, id: string) {
  const row = await planQuery(db).where('pl.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Plan');
  if (canRead(actor, row.community_path)) return row;
  const partnerships = await partnershipsOf(db, actor.userId);
  if (partnerships.some((p) => p.community_id === row.community_id)) return row;
  throw notFound('Plan');
}

export async function getPlan(db: Db, actor: Actor, id: string, clock: PlanClock) {
  const [plan] = await presentPlans(db, [await visiblePlan(db, actor, id)], clock);
  return plan as PlanView;
}

type PlanInput = Partial<z.infer<typeof planBody>>;

async function checkPlanRefs(db: Db, communityId: string, input: PlanInput) {
  if (input.teamId) {
    const team = await db
      .selectFrom('patrol_teams')
      .select(['community_id', 'retired_at'])
      .where('id', '=', input.teamId)
      .executeTakeFirst();
    if (!team || team.retired_at || team.community_id !== communityId)
      throw badRequest('TEAM_NOT_FOUND', 'Choose a team of the plan’s community.', 'teamId');
  }
  const codes = (input.checklist ?? []).map((item) => item.code);
  if (new Set(codes).size !== codes.length)
    throw badRequest('CHECKLIST_DUPLICATE', 'Each checklist item needs its own code.', 'checklist');
  const nodeIds = (input.points ?? []).flatMap((p) => (p.nodeId ? [p.nodeId] : []));
  if (nodeIds.length) {
    const community = await db.selectFrom('area_nodes').select('path').where('id', '=', communityId).executeTakeFirstOrThrow();
    const found = await db
      .selectFrom('area_nodes')
      .select('id')
      .where('id', 'in', nodeIds)
      .where('path', 'like', `${community.path}%`)
      .execute();
    if (found.length !== new Set(nodeIds).size)
      throw badRequest('POINT_NODE_NOT_FOUND', 'A point names a place outside the plan’s community.', 'points');
  }
  const orgIds = input.jointOrganisationIds ?? [];
  if (orgIds.length) {
    const street = await db.selectFrom('area_nodes').select('street_id').where('id', '=', communityId).executeTakeFirstOrThrow();
    const found = await db
      .selectFrom('organisations')
      .select('id')
      .where('id', 'in', orgIds)
      .where('street_id', '=', street.street_id)
      .where('retired_at', 'is', null)
      .execute();
    if (found.length !== new Set(orgIds).size)
      throw badRequest('ORGANISATION_NOT_FOUND', 'Choose organisations of this street.', 'jointOrganisationIds');
  }
}

async function writePoints(trx: Db, planId: string, input: PlanInput) {
  if (input.points) {
    // Points already checked in at are kept (their check-ins point at them): they are renumbered out of the way.
    const used = await trx
      .selectFrom('patrol_points as p')
      .select('p.id')
      .where('p.plan_id', '=', planId)
      .where(sql<boolean>`exists (select 1 from patrol_checkins c where c.point_id = p.id)`)
      .execute();
    await trx
      .deleteFrom('patrol_points')
      .where('plan_id', '=', planId)
      .where('id', 'not in', used.length ? used.map((u) => u.id) : ['00000000-0000-0000-0000-000000000000'])
      .execute();
    if (used.length)
      await trx.updateTable('patrol_points').set({ seq: sql`-seq - 1000` }).where('plan_id', '=', planId).execute();
    await trx
      .insertInto('patrol_points')
      .values(
        input.points.map((p, i) => ({
          plan_id: planId,
          seq: i + 1,
          name: p.name,
          node_id: p.nodeId ?? null,
          lon: p.lon,
          lat: p.lat,
        })),
      )
      .execute();
  }
  if (input.jointOrganisationIds) {
    await trx.deleteFrom('patrol_plan_organisations').where('plan_id', '=', planId).execute();
    if (input.jointOrganisationIds.length)
      await trx
        .insertInto('patrol_plan_organisations')
        .values([...new Set(input.jointOrganisationIds)].map((organisation_id) => ({ plan_id: planId, organisation_id })))
        .execute();
  }
}

export async function createPlan(db: Db, actor: Actor, body: z.infer<typeof planBody>, clock: PlanClock) {
  const community = await communityOf(db, body.communityId);
  if (!canManage(actor, community.path)) throw notFound('Community');
  await checkPlanRefs(db, community.id, body);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('patrol_plans')
      .values({
        street_id: community.street_id as string,
        community_id: community.id,
        team_id: body.teamId ?? null,
        name: body.name,
        frequency: body.frequency,
        weekdays: body.frequency === 'weekly' ? [...new Set(body.weekdays)].sort() : [],
        starts_on: body.startsOn,
        ends_on: body.endsOn ?? null,
        checklist: JSON.stringify(body.checklist),
        joint: body.jointOrganisationIds.length > 0,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writePoints(trx, row.id, body);
    await recordEvent(trx, {
      streetId: community.street_id,
      entityType: 'patrol_plan',
      entityId: row.id,
      type: 'patrol_plan.created',
      actorUserId: actor.userId,
      data: { name: body.name },
    });
    return row.id;
  });
  return getPlan(db, actor, id, clock);
}

export async function updatePlan(db: Db, actor: Actor, id: string, body: z.infer<typeof planPatchBody>, clock: PlanClock) {
  const row = await planQuery(db).where('pl.id', '=', id).executeTakeFirst();
  if (!row || !canManage(actor, row.community_path)) throw notFound('Plan');
  await checkPlanRefs(db, row.community_id, body);
  const frequency = body.frequency ?? row.frequency;
  const weekdays = body.weekdays ?? row.weekdays;
  if (frequency === 'weekly' && weekdays.length === 0)
    throw badRequest('VALIDATION', 'A weekly plan needs its weekdays.', 'weekdays');
  const startsOn = body.startsOn ?? row.starts_on;
  const endsOn = body.endsOn === undefined ? row.ends_on : body.endsOn;
  if (endsOn && endsOn < startsOn) throw badRequest('VALIDATION', 'The plan cannot end before it starts.', 'endsOn');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('patrol_plans')
      .set({
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.teamId !== undefined ? { team_id: body.teamId } : {}),
        frequency,
        weekdays: frequency === 'weekly' ? [...new Set(weekdays)].sort() : [],
        starts_on: startsOn,
        ends_on: endsOn,
        ...(body.checklist ? { checklist: JSON.stringify(body.checklist) } : {}),
        ...(body.jointOrganisationIds ? { joint: body.jointOrganisationIds.length > 0 } : {}),
        ...(body.retired !== undefined ? { retired_at: body.retired ? (row.retired_at ?? new Date()) : null } : {}),
      })
      .where('id', '=', id)
      .execute();
    await writePoints(trx, id, body);
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'patrol_plan',
      entityId: id,
      type: 'patrol_plan.updated',
      actorUserId: actor.userId,
      data: { fields: Object.keys(body) },
    });
  });
  return getPlan(db, actor, id, clock);
}
