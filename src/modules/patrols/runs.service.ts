/**
 * Patrol runs as the phone writes them: the whole run so far, sent after every step and again
 * after being offline. Every part carries the phone's own id, so a part already stored is skipped
 * and sending a run twice changes nothing. A finding becomes a hazard case in the grid it lies in.
 */
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { localDate } from '../calendar/working-days.ts';
import type { CaseDeps } from '../cases/case-view.ts';
import { categoryById } from '../cases/cases.repository.ts';
import { takeInCase } from '../cases/intake.ts';
import { distanceMetres, FAR_CHECKIN_METRES, PRIORITY_OF_LEVEL } from './hazard-rules.ts';
import { runDateOf } from './patrol-schedule.ts';
import { canManage, canRead, readScopes } from './patrols.policy.ts';
import type { listRunsQuery, runBody } from './patrols.schemas.ts';
import { partnershipsOf, visiblePlan } from './plans.service.ts';

type Db = Kysely<DB>;
type RunInput = z.infer<typeof runBody>;

/** How far back a phone may still deliver a run it kept offline, and how far ahead its clock may run. */
const OLDEST_RUN_DAYS = 30;
const CLOCK_SKEW_MS = 5 * 60_000;

function checkTimes(input: RunInput, now: Date) {
  const latest = now.getTime() + CLOCK_SKEW_MS;
  const earliest = now.getTime() - OLDEST_RUN_DAYS * 86_400_000;
  const inRange = (at: Date) => at.getTime() <= latest && at.getTime() >= earliest;
  if (!inRange(input.startedAt))
    throw badRequest('RUN_TIME_INVALID', 'The run’s start must lie within the last 30 days.', 'startedAt');
  if (input.finishedAt && (input.finishedAt < input.startedAt || !inRange(input.finishedAt)))
    throw badRequest('RUN_TIME_INVALID', 'The run cannot finish before it started or in the future.', 'finishedAt');
  input.checkins.forEach((c, i) => {
    if (!inRange(c.at)) throw badRequest('RUN_TIME_INVALID', 'A check-in’s time is out of range.', `checkins.${i}.at`);
  });
  input.findings.forEach((f, i) => {
    if (!inRange(f.at)) throw badRequest('RUN_TIME_INVALID', 'A finding’s time is out of range.', `findings.${i}.at`);
  });
}

/** A partner runs their team's plans (or their community's plans without a team); staff who manage the community run any. */
async function checkMayRun(db: Db, actor: Actor, plan: Awaited<ReturnType<typeof visiblePlan>>) {
  if (canManage(actor, plan.community_path)) return;
  const partnerships = await partnershipsOf(db, actor.userId);
  const ok = partnerships.some(
    (p) => p.community_id === plan.community_id && (plan.team_id === null || p.team_id === plan.team_id),
  );
  if (!ok) throw badRequest('PLAN_NOT_YOURS', 'This plan belongs to another team.', 'planId');
}

/** Checks every finding before anything is written: a run with a bad finding is refused whole. */
async function checkFindings(deps: CaseDeps, input: RunInput, streetId: string) {
  for (const [i, finding] of input.findings.entries()) {
    const category = await categoryById(deps.db, finding.categoryId);
    if (!category || category.retired_at)
      throw badRequest('CATEGORY_NOT_FOUND', 'Choose an existing hazard type.', `findings.${i}.categoryId`);
    const grid = await deps.gridLocator.locate(deps.db, finding.lon, finding.lat);
    if (grid?.street_id !== streetId)
      throw badRequest('CASE_OUTSIDE_AREA', 'This finding lies outside every grid of the street.', `findings.${i}.lon`);
  }
}

export async function syncRun(deps: CaseDeps, actor: Actor, clientId: string, input: RunInput, now: Date, timeZone: string) {
  const { db } = deps;
  const plan = await visiblePlan(db, actor, input.planId).catch(() => {
    throw badRequest('PLAN_NOT_FOUND', 'Choose one of your plans.', 'planId');
  });
  await checkMayRun(db, actor, plan);
  checkTimes(input, now);
  const points = new Map(
    (await db.selectFrom('patrol_points').selectAll().where('plan_id', '=', plan.id).execute()).map((p) => [p.id, p]),
  );
  input.checkins.forEach((c, i) => {
    if (!points.has(c.pointId))
      throw badRequest('POINT_NOT_FOUND', 'A check-in names a point of another plan.', `checkins.${i}.pointId`);
  });
  input.findings.forEach((f, i) => {
    if (f.pointId && !points.has(f.pointId))
      throw badRequest('POINT_NOT_FOUND', 'A finding names a point of another plan.', `findings.${i}.pointId`);
  });
  const existing = await db
    .selectFrom('patrol_runs')
    .select(['id', 'plan_id', 'started_by'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (existing && existing.started_by !== actor.userId) throw notFound('Run');
  if (existing && existing.plan_id !== plan.id) throw conflict('RUN_PLAN_CHANGED', 'This run belongs to another plan.', 'planId');
  const findingIds = input.findings.map((f) => f.clientId);
  const stored = new Set(
    findingIds.length === 0
      ? []
      : (await db.selectFrom('patrol_findings').select('client_id').where('client_id', 'in', findingIds).execute()).map(
          (f) => f.client_id,
        ),
  );
  const fresh = input.findings.filter((f) => !stored.has(f.clientId));
  await checkFindings(deps, { ...input, findings: fresh }, plan.street_id);

  const startedLocal = localDate(input.startedAt, timeZone);
  const hour = Number(new Intl.DateTimeFormat('en', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(input.startedAt));
  const runId = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('patrol_runs')
      .values({
        client_id: clientId,
        street_id: plan.street_id,
        plan_id: plan.id,
        team_id: plan.team_id,
        run_date: runDateOf(plan.frequency, startedLocal, hour),
        started_by: actor.userId,
        started_at: input.startedAt,
        finished_at: input.finishedAt ?? null,
        note: input.note ?? null,
      })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .execute();
    const run = await trx
      .selectFrom('patrol_runs')
      .select(['id', 'finished_at'])
      .where('client_id', '=', clientId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (existing && ((input.finishedAt && !run.finished_at) || input.note !== undefined))
      await trx
        .updateTable('patrol_runs')
        .set({
          ...(input.finishedAt && !run.finished_at ? { finished_at: input.finishedAt } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
          synced_at: new Date(),
        })
        .where('id', '=', run.id)
        .execute();
    if (input.checkins.length)
      await trx
        .insertInto('patrol_checkins')
        .values(
          input.checkins.map((c) => {
            const point = points.get(c.pointId) as { lon: number; lat: number };
            const at = c.lon !== undefined && c.lat !== undefined ? { lon: c.lon, lat: c.lat } : undefined;
            return {
              client_id: c.clientId,
              run_id: run.id,
              point_id: c.pointId,
              at: c.at,
              lon: at?.lon ?? null,
              lat: at?.lat ?? null,
              accuracy_m: c.accuracyM ?? null,
              distance_m: at ? Math.round(distanceMetres(at, point)) : null,
              checklist: JSON.stringify(c.checklist),
              note: c.note ?? null,
            };
          }),
        )
        // A check-in already stored (same phone id, or the same point checked in twice) stands as it was.
        .onConflict((oc) => oc.doNothing())
        .execute();
    if (!existing)
      await recordEvent(trx, {
        streetId: plan.street_id,
        entityType: 'patrol_run',
        entityId: run.id,
        type: 'patrol_run.started',
        actorUserId: actor.userId,
        data: { planId: plan.id },
        at: input.startedAt,
      });
    return run.id;
  });

  for (const finding of fresh) {
    await takeInCase(deps, {
      actor,
      kind: 'hazard',
      idempotencyKey: `patrol-finding:${finding.clientId}`,
      input: {
        categoryId: finding.categoryId,
        description: finding.description,
        priority: PRIORITY_OF_LEVEL[finding.level],
        lon: finding.lon,
        lat: finding.lat,
        address: finding.pointId ? points.get(finding.pointId)?.name : undefined,
        photoIds: finding.photoIds,
        source: 'patrol',
      },
      within: async (trx, caseId) => {
        await trx
          .insertInto('patrol_findings')
          .values({
            client_id: finding.clientId,
            run_id: runId,
            point_id: finding.pointId ?? null,
            case_id: caseId,
            level: finding.level,
            created_at: finding.at,
          })
          .execute();
      },
    });
  }
  return { runId, created: !existing };
}

// ---- reading runs ----

function runQuery(db: Db) {
  return db
    .selectFrom('patrol_runs as r')
    .innerJoin('patrol_plans as pl', 'pl.id', 'r.plan_id')
    .innerJoin('area_nodes as c', 'c.id', 'pl.community_id')
    .innerJoin('users as u', 'u.id', 'r.started_by')
    .leftJoin('patrol_teams as t', 't.id', 'r.team_id')
    .selectAll('r')
    .select([
      'pl.name as plan_name',
      'c.path as community_path',
      'u.display_name as started_by_name',
      't.name as team_name',
      sql<number>`(select count(*) from patrol_points p where p.plan_id = r.plan_id and p.seq > 0)`.as('points_total'),
    ]);
}
type RunRow = NonNullable<Awaited<ReturnType<ReturnType<typeof runQuery>['executeTakeFirst']>>>;

const runBase = (row: RunRow, organisations: { id: string; name: string }[]) => ({
  id: row.id,
  clientId: row.client_id,
  planId: row.plan_id,
  planName: row.plan_name,
  teamName: row.team_name,
  runDate: row.run_date,
  startedBy: { id: row.started_by, name: row.started_by_name },
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  note: row.note,
  pointsTotal: Number(row.points_total),
  organisations,
});

const planOrganisations = (db: Db, planIds: string[]) =>
  planIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('patrol_plan_organisations as po')
        .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
        .select(['po.plan_id', 'o.id', 'o.name'])
        .where('po.plan_id', 'in', planIds)
        .execute();

export function findingQuery(db: Db) {
  return db
    .selectFrom('patrol_findings as f')
    .innerJoin('cases as k', 'k.id', 'f.case_id')
    .innerJoin('case_categories as cat', 'cat.id', 'k.category_id')
    .select([
      'f.id',
      'f.client_id',
      'f.run_id',
      'f.case_id',
      'f.level',
      'f.created_at',
      'k.number',
      'k.title',
      'k.state',
      'k.rectified_at',
      'k.category_id',
      'cat.name_zh',
      'cat.name_en',
    ]);
}
type FindingRow = NonNullable<Awaited<ReturnType<ReturnType<typeof findingQuery>['executeTakeFirst']>>>;

export const presentFinding = (row: FindingRow, lang: 'zh-CN' | 'en') => ({
  id: row.id,
  clientId: row.client_id,
  runId: row.run_id,
  caseId: row.case_id,
  caseNumber: row.number,
  title: row.title,
  categoryId: row.category_id,
  categoryName: lang === 'en' ? row.name_en : row.name_zh,
  level: row.level,
  createdAt: row.created_at,
  caseState: row.state,
  rectified: row.rectified_at !== null,
  rectifiedAt: row.rectified_at,
});

export async function getRun(db: Db, actor: Actor, id: string, lang: 'zh-CN' | 'en') {
  const row = await runQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!row || (row.started_by !== actor.userId && !canRead(actor, row.community_path))) throw notFound('Run');
  const [checkins, findings, organisations] = await Promise.all([
    db
      .selectFrom('patrol_checkins as c')
      .innerJoin('patrol_points as p', 'p.id', 'c.point_id')
      .selectAll('c')
      .select('p.name as point_name')
      .where('c.run_id', '=', id)
      .orderBy('c.at')
      .execute(),
    findingQuery(db).where('f.run_id', '=', id).orderBy('f.created_at').execute(),
    planOrganisations(db, [row.plan_id]),
  ]);
  return {
    ...runBase(
      row,
      organisations.map(({ id, name }) => ({ id, name })),
    ),
    checkins: checkins.map((c) => ({
      id: c.id,
      clientId: c.client_id,
      pointId: c.point_id,
      pointName: c.point_name,
      at: c.at,
      lon: c.lon,
      lat: c.lat,
      accuracyM: c.accuracy_m,
      distanceM: c.distance_m,
      checklist: c.checklist,
      note: c.note,
    })),
    findings: findings.map((f) => presentFinding(f, lang)),
  };
}

export async function getRunByClientId(db: Db, actor: Actor, clientId: string, lang: 'zh-CN' | 'en') {
  const row = await db.selectFrom('patrol_runs').select('id').where('client_id', '=', clientId).executeTakeFirst();
  if (!row) throw notFound('Run');
  return getRun(db, actor, row.id, lang);
}

export async function listRuns(db: Db, actor: Actor, query: z.infer<typeof listRunsQuery>) {
  let q = runQuery(db).select([
    sql<number>`(select count(*) from patrol_checkins c where c.run_id = r.id)`.as('checkin_count'),
    sql<number>`(select count(*) from patrol_findings f where f.run_id = r.id)`.as('finding_count'),
    sql<number>`(select count(*) from patrol_checkins c where c.run_id = r.id and c.distance_m > ${FAR_CHECKIN_METRES})`.as(
      'far_checkins',
    ),
  ]);
  if (query.mine === 'true') q = q.where('r.started_by', '=', actor.userId);
  else {
    const scopes = readScopes(actor);
    q = q.where((eb) =>
      eb.or([...scopes.map((scope) => eb('c.path', 'like', `${scope}%`)), eb('r.started_by', '=', actor.userId)]),
    );
  }
  if (query.planId) q = q.where('r.plan_id', '=', query.planId);
  if (query.communityId) q = q.where('pl.community_id', '=', query.communityId);
  if (query.from) q = q.where('r.run_date', '>=', query.from);
  if (query.to) q = q.where('r.run_date', '<=', query.to);
  const rows = await q.orderBy('r.started_at', 'desc').limit(query.limit).execute();
  const organisations = await planOrganisations(db, [...new Set(rows.map((r) => r.plan_id))]);
  return {
    items: rows.map((row) => ({
      ...runBase(
        row,
        organisations.filter((o) => o.plan_id === row.plan_id).map(({ id, name }) => ({ id, name })),
      ),
      checkinCount: Number(row.checkin_count),
      findingCount: Number(row.finding_count),
      farCheckins: Number(row.far_checkins),
    })),
  };
}

export async function myFindings(db: Db, actor: Actor, lang: 'zh-CN' | 'en') {
  const rows = await findingQuery(db)
    .innerJoin('patrol_runs as r', 'r.id', 'f.run_id')
    .where('r.started_by', '=', actor.userId)
    .orderBy('f.created_at', 'desc')
    .limit(200)
    .execute();
  return { items: rows.map((row) => presentFinding(row, lang)) };
}
