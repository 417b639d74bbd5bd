/** Runs as staff and partners read them: check-ins with their distance from the point, findings and what became of them. */
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { FAR_CHECKIN_METRES } from './hazard-rules.ts';
import { canRead, readScopes } from './patrols.policy.ts';
import type { listRunsQuery } from './patrols.schemas.ts';

type Db = Kysely<DB>;

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
