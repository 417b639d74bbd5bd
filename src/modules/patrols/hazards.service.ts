/**
 * Hazards as their readers see them: where each stands in its rectification (from its case and
 * its current order), its orders and re-inspections, and what the reader may do next. The steps
 * themselves are in hazard-orders.service.ts.
 */
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { maskPhone } from '../../platform/security/masking.ts';
import { type Actor, scopePathsFor } from '../access/access.policy.ts';
import { auditUnmaskedRead } from '../audit/audit.repository.ts';
import { ACTION_RULES } from '../cases/lifecycle.ts';
import type { HazardLevel } from './hazard-rules.ts';
import type { listHazardsQuery } from './hazards.schemas.ts';
import { canOrder, canReinspect, readScopes } from './patrols.policy.ts';

type Db = Kysely<DB>;
type Lang = 'zh-CN' | 'en';

/** Where a hazard stands in its rectification, from its case and its current order. */
const STAGE = sql<'awaiting_order' | 'rectifying' | 'awaiting_reinspection' | 'rectified' | 'closed'>`case
  when k.rectified_at is not null then 'rectified'
  when k.state in ('closed', 'rejected', 'duplicate') then 'closed'
  when k.state in ('resolved', 'evaluated') then 'awaiting_reinspection'
  when o.id is not null then 'rectifying'
  else 'awaiting_order' end`;

export function hazardQuery(db: Db) {
  return db
    .selectFrom('cases as k')
    .innerJoin('case_categories as cat', 'cat.id', 'k.category_id')
    .leftJoin('area_nodes as g', 'g.id', 'k.grid_id')
    .leftJoinLateral(
      (eb) =>
        eb.selectFrom('hazard_orders').selectAll().whereRef('case_id', '=', 'k.id').orderBy('round', 'desc').limit(1).as('o'),
      (join) => join.onTrue(),
    )
    .leftJoin('users as issuer', 'issuer.id', 'o.issued_by')
    .leftJoin('patrol_findings as f', 'f.case_id', 'k.id')
    .leftJoin('patrol_runs as r', 'r.id', 'f.run_id')
    .leftJoin('patrol_plans as pl', 'pl.id', 'r.plan_id')
    .leftJoin('patrol_teams as t', 't.id', 'r.team_id')
    .where('k.kind', '=', 'hazard')
    .select([
      'k.id as case_id',
      'k.number',
      'k.title',
      'k.state',
      'k.location_path',
      'k.created_at',
      'k.due_date',
      'k.due_at',
      'k.rectified_at',
      'k.street_id',
      'k.assignee_user_id',
      'k.assignee_org_id',
      'k.tier',
      'cat.name_zh',
      'cat.name_en',
      'g.name as grid_name',
      'f.level as finding_level',
      'r.id as run_id',
      'pl.name as plan_name',
      't.name as team_name',
      'o.id as order_id',
      'o.round as order_round',
      'o.party_kind',
      'o.organisation_id as order_organisation_id',
      'o.party_name',
      'o.party_phone',
      'o.level as order_level',
      'o.requirement',
      'o.due_date as order_due_date',
      'o.issued_at',
      'issuer.display_name as issued_by_name',
      STAGE.as('stage'),
      sql<boolean>`k.due_at is not null and k.due_at < now() and k.state in ('reported', 'accepted', 'assigned', 'in_progress', 'escalated', 'returned')`.as(
        'overdue',
      ),
    ]);
}
export type HazardRow = NonNullable<Awaited<ReturnType<ReturnType<typeof hazardQuery>['executeTakeFirst']>>>;

/** Staff see the hazards of their scope; partners those of the communities they re-inspect in. */
const hazardScopes = (actor: Actor) => [
  ...new Set([...readScopes(actor), ...scopePathsFor(actor, 'hazards.order'), ...scopePathsFor(actor, 'hazards.reinspect')]),
];

function presentHazard(row: HazardRow, actor: Actor, lang: Lang) {
  const staff = canOrder(actor, row.location_path);
  return {
    caseId: row.case_id,
    number: row.number,
    title: row.title,
    state: row.state,
    categoryName: lang === 'en' ? row.name_en : row.name_zh,
    gridName: row.grid_name ?? '',
    level: (row.order_level ?? row.finding_level ?? null) as HazardLevel | null,
    createdAt: row.created_at,
    dueDate: row.due_date,
    overdue: row.overdue,
    rectifiedAt: row.rectified_at,
    fromPatrol: row.run_id ? { runId: row.run_id, planName: row.plan_name ?? '', teamName: row.team_name } : null,
    order: row.order_id
      ? {
          id: row.order_id,
          round: row.order_round as number,
          partyKind: row.party_kind as NonNullable<HazardRow['party_kind']>,
          organisationId: row.order_organisation_id,
          partyName: row.party_name as string,
          partyPhone: staff ? row.party_phone : maskPhone(row.party_phone),
          level: row.order_level as HazardLevel,
          requirement: row.requirement as string,
          dueDate: row.order_due_date as string,
          issuedBy: row.issued_by_name ?? '',
          issuedAt: row.issued_at as Date,
        }
      : null,
    stage: row.stage,
  };
}

export async function listHazards(db: Db, actor: Actor, query: z.infer<typeof listHazardsQuery>, lang: Lang) {
  const scopes = hazardScopes(actor);
  if (scopes.length === 0) return { items: [] };
  let q = hazardQuery(db).where((eb) => eb.or(scopes.map((scope) => eb('k.location_path', 'like', `${scope}%`))));
  if (query.nodeId) {
    const node = await db.selectFrom('area_nodes').select('path').where('id', '=', query.nodeId).executeTakeFirst();
    if (!node) throw badRequest('NODE_NOT_FOUND', 'Choose an area.', 'nodeId');
    q = q.where('k.location_path', 'like', `${node.path}%`);
  }
  if (query.stage) q = q.where(STAGE, '=', query.stage);
  if (query.overdue === 'true') q = q.where('k.due_at', '<', new Date()).where('k.state', 'in', ACTIVE);
  const rows = await q.orderBy('k.created_at', 'desc').limit(query.limit).execute();
  const shownInFull = rows.filter((row) => row.party_phone && canOrder(actor, row.location_path));
  await auditUnmaskedRead(
    db,
    actor,
    'hazard_order_party',
    shownInFull.map((row) => row.case_id),
  );
  return { items: rows.map((row) => presentHazard(row, actor, lang)) };
}

const ACTIVE = ['reported', 'accepted', 'assigned', 'in_progress', 'escalated', 'returned'] as const;
export const ORDERABLE = ACTION_RULES.assign.from;
export const REINSPECTABLE = ['resolved', 'evaluated'];

export async function visibleHazard(db: Db, actor: Actor, caseId: string) {
  const row = await hazardQuery(db).where('k.id', '=', caseId).executeTakeFirst();
  const scopes = hazardScopes(actor);
  if (!row || !scopes.some((scope) => row.location_path.startsWith(scope))) throw notFound('Hazard');
  return row;
}

export async function getHazard(db: Db, actor: Actor, caseId: string, lang: Lang) {
  const row = await visibleHazard(db, actor, caseId);
  const [orders, reinspections] = await Promise.all([
    db
      .selectFrom('hazard_orders as o')
      .innerJoin('users as u', 'u.id', 'o.issued_by')
      .selectAll('o')
      .select('u.display_name as issued_by_name')
      .where('o.case_id', '=', caseId)
      .orderBy('o.round')
      .execute(),
    db
      .selectFrom('hazard_reinspections as ri')
      .innerJoin('users as u', 'u.id', 'ri.inspected_by')
      .selectAll('ri')
      .select('u.display_name as inspected_by_name')
      .where('ri.case_id', '=', caseId)
      .orderBy('ri.inspected_at')
      .execute(),
  ]);
  const staff = canOrder(actor, row.location_path);
  if (staff && (row.party_phone || orders.some((o) => o.party_phone)))
    await auditUnmaskedRead(db, actor, 'hazard_order_party', [row.case_id]);
  return {
    ...presentHazard(row, actor, lang),
    orders: orders.map((o) => ({
      id: o.id,
      round: o.round,
      partyKind: o.party_kind,
      organisationId: o.organisation_id,
      partyName: o.party_name,
      partyPhone: staff ? o.party_phone : maskPhone(o.party_phone),
      level: o.level,
      requirement: o.requirement,
      dueDate: o.due_date,
      issuedBy: o.issued_by_name,
      issuedAt: o.issued_at,
    })),
    reinspections: reinspections.map((ri) => ({
      id: ri.id,
      result: ri.result,
      note: ri.note,
      inspectedBy: ri.inspected_by_name,
      inspectedAt: ri.inspected_at,
    })),
    allowed: {
      order: staff && row.rectified_at === null && ORDERABLE.includes(row.state),
      reinspect: canReinspect(actor, row.location_path) && REINSPECTABLE.includes(row.state),
    },
  };
}
