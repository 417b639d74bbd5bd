/**
 * Reading care files. One file whole (the person, their home, the rule its visits follow, every
 * visit with photos, the timeline) is written to the audit log on every read, whoever reads it.
 * Lists show a masked name and the building only, so a list on a screen or a phone left open
 * names nobody.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { maskIdNumber, maskName, maskPhone } from '../../platform/security/masking.ts';
import type { Actor } from '../access/access.policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { listPhotos } from '../photos/photos.service.ts';
import { canManageFile, canSeeCampaign, fileScopes } from './care.policy.ts';
import type { listFilesQuery } from './care.schemas.ts';
import { type CareDeps, type Db, type FileRow, nodeOf, readableFile, scheduleOf, todayOf } from './care.shared.ts';
import { addDays, DUE_SOON_DAYS, dueStatus } from './care-rules.ts';

const ageOn = (birthDate: string | null, today: string) => {
  if (!birthDate) return null;
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
};

/** Files joined to their person, building and grid, as lists and exports read them. */
export function fileListBase(db: Db) {
  return db
    .selectFrom('care_files as f')
    .innerJoin('residents as r', 'r.id', 'f.resident_id')
    .innerJoin('area_nodes as h', 'h.id', 'f.household_id')
    .innerJoin('area_nodes as un', 'un.id', 'h.parent_id')
    .innerJoin('area_nodes as b', 'b.id', 'un.parent_id')
    .innerJoin('area_nodes as g', 'g.id', 'f.grid_id')
    .selectAll('f')
    .select(['r.name', 'r.gender', 'r.birth_date', 'b.name as building_name', 'g.name as grid_name']);
}
type ListRow = Awaited<ReturnType<ReturnType<typeof fileListBase>['execute']>>[number];

export function presentSummary(row: ListRow, today: string, masked = true) {
  return {
    id: row.id,
    number: row.number,
    name: masked ? maskName(row.name) : row.name,
    gender: row.gender,
    age: ageOn(row.birth_date, today),
    groups: row.groups,
    riskLevel: row.risk_level,
    status: row.status,
    buildingName: row.building_name,
    gridId: row.grid_id,
    gridName: row.grid_name,
    lastVisitDate: row.last_visit_date,
    nextDueDate: row.next_due_date,
    dueStatus: row.next_due_date ? dueStatus(row.next_due_date, today) : null,
  };
}

type ListQuery = Omit<z.infer<typeof listFilesQuery>, 'limit' | 'cursor'>;

/** The filters of a list, inside the reader's scope; undefined when nothing can match. */
export async function filteredFiles(deps: CareDeps, actor: Actor, query: ListQuery) {
  const { db } = deps;
  const scopes = fileScopes(actor);
  if (scopes.length === 0) return undefined;
  const today = todayOf(deps);
  let q = fileListBase(db)
    .where((eb) => eb.or(scopes.map((scope) => eb('f.location_path', 'like', `${scope}%`))))
    .where('f.status', '=', query.status);
  if (query.nodeId) q = q.where('f.location_path', 'like', `${(await nodeOf(db, query.nodeId)).path}%`);
  if (query.group) q = q.where(sql<boolean>`${query.group} = any(f.groups)`);
  if (query.riskLevel) q = q.where('f.risk_level', '=', query.riskLevel);
  if (query.due) q = q.where((eb) => dueCondition(eb, query.due as string, today));
  if (query.q) {
    const text = query.q;
    q = q.where((eb) =>
      eb.or([eb('r.name', 'like', `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), eb('f.number', '=', text)]),
    );
  }
  if (query.campaignId) {
    const campaign = await db.selectFrom('care_campaigns').selectAll().where('id', '=', query.campaignId).executeTakeFirst();
    if (!campaign || !canSeeCampaign(actor, campaign.node_path)) return undefined;
    q = q
      .where('f.location_path', 'like', `${campaign.node_path}%`)
      .where(sql<boolean>`f.groups && ${sql.val(campaign.groups)}::text[]`)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('care_visits as v')
              .select('v.id')
              .whereRef('v.file_id', '=', 'f.id')
              .where('v.campaign_id', '=', campaign.id),
          ),
        ),
      );
  }
  return { q, today };
}

function dueCondition(eb: ExpressionBuilder<DB & { f: DB['care_files'] }, 'f'>, due: string, today: string) {
  const soon = addDays(today, DUE_SOON_DAYS);
  if (due === 'overdue') return eb('f.next_due_date', '<', today);
  if (due === 'due_today') return eb('f.next_due_date', '=', today);
  if (due === 'due_soon') return eb.and([eb('f.next_due_date', '>', today), eb('f.next_due_date', '<=', soon)]);
  return eb('f.next_due_date', '>', soon);
}

const FAR = '9999-12-31';

export async function listFiles(deps: CareDeps, actor: Actor, query: z.infer<typeof listFilesQuery>) {
  const filtered = await filteredFiles(deps, actor, query);
  if (!filtered) return { items: [], nextCursor: null };
  let { q } = filtered;
  const cursor = decodeCursor(query.cursor, z.tuple([z.string(), z.uuid()]));
  const dueKey = sql<string>`coalesce(f.next_due_date, ${FAR}::date)`;
  if (cursor) q = q.where(sql<boolean>`(${dueKey}, f.id) > (${cursor[0]}::date, ${cursor[1]}::uuid)`);
  const rows = await q
    .orderBy(dueKey)
    .orderBy('f.id')
    .limit(query.limit + 1)
    .execute();
  return toPage(
    rows,
    query.limit,
    (row) => presentSummary(row, filtered.today),
    (row) => [row.next_due_date ?? FAR, row.id],
  );
}

/** One file whole, for those who read care files there; every read is audited. */
export async function getFile(deps: CareDeps, actor: Actor, id: string, ip: string) {
  const { db } = deps;
  const row = await readableFile(db, actor, id);
  const today = todayOf(deps);
  const [summary, resident, nodes, visits, events] = await Promise.all([
    fileListBase(db).where('f.id', '=', id).executeTakeFirstOrThrow(),
    db
      .selectFrom('residents')
      .select(['phone', 'id_number', 'birth_date'])
      .where('id', '=', row.resident_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('area_nodes')
      .select(['id', 'name', 'level'])
      .where('id', 'in', row.location_path.split('/').filter(Boolean))
      .execute(),
    visitViews(db, { fileId: id }),
    db
      .selectFrom('events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_user_id')
      .select(['e.type', 'e.at', 'e.data', 'u.display_name'])
      .where('e.entity_type', '=', 'care_file')
      .where('e.entity_id', '=', id)
      .orderBy('e.id')
      .execute(),
  ]);
  await recordAudit(db, {
    action: 'care_file.read',
    actorUserId: actor.userId,
    streetId: row.street_id,
    subjectType: 'care_file',
    subjectIds: [row.id, row.resident_id],
    ip,
    detail: { number: row.number },
  });
  const manage = canManageFile(actor, row.location_path);
  const nameAt = (level: string) => nodes.find((n) => n.level === level)?.name ?? '';
  const schedule = row.status === 'active' ? await scheduleOf(db, scheduleInput(row)) : undefined;
  return {
    ...presentSummary(summary, today, false),
    residentId: row.resident_id,
    birthDate: resident.birth_date,
    phone: manage ? resident.phone : maskPhone(resident.phone),
    idNumber: maskIdNumber(resident.id_number),
    address: `${nameAt('building')}${nameAt('unit')}${nameAt('household')}`,
    communityName: nameAt('community'),
    riskNote: row.risk_note,
    situation: row.situation,
    guardianName: row.guardian_name,
    guardianPhone: manage ? row.guardian_phone : maskPhone(row.guardian_phone),
    closeReason: row.close_reason,
    closeNote: row.close_note,
    openedAt: row.opened_at,
    startDate: row.start_date,
    rule: schedule ? { group: schedule.rule.group, every: schedule.rule.every, unit: schedule.rule.unit } : null,
    visits,
    timeline: events.map((e) => ({ type: e.type, at: e.at, actorName: e.display_name, data: e.data as Record<string, unknown> })),
    canManage: manage,
    version: row.version,
  };
}

export const scheduleInput = (row: FileRow) => ({
  streetId: row.street_id,
  groups: row.groups,
  risk: row.risk_level,
  lastVisitDate: row.last_visit_date,
  startDate: row.start_date,
});

/** Visits newest first, with their campaign, follow-up case, visitor and photos. */
export async function visitViews(db: Db, where: { fileId?: string; id?: string }) {
  let q = db
    .selectFrom('care_visits as v')
    .innerJoin('users as u', 'u.id', 'v.visitor_user_id')
    .leftJoin('care_campaigns as c', 'c.id', 'v.campaign_id')
    .leftJoin('cases as k', 'k.id', 'v.follow_up_case_id')
    .selectAll('v')
    .select(['u.display_name as visitor_name', 'c.name as campaign_name', 'k.number as case_number']);
  if (where.fileId) q = q.where('v.file_id', '=', where.fileId);
  if (where.id) q = q.where('v.id', '=', where.id);
  const rows = await q.orderBy('v.visited_at', 'desc').orderBy('v.id', 'desc').execute();
  const photos = await Promise.all(rows.map((r) => listPhotos(db, 'care_visit', r.id)));
  return rows.map((r, i) => ({
    id: r.id,
    clientId: r.client_id,
    visitedAt: r.visited_at,
    visitDate: r.visit_date,
    dueDate: r.due_date,
    onTime: r.on_time,
    method: r.method,
    wellbeing: r.wellbeing,
    observations: r.observations,
    needs: r.needs,
    needsNote: r.needs_note,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    followUpCaseId: r.follow_up_case_id,
    followUpCaseNumber: r.case_number,
    visitorName: r.visitor_name,
    photos: photos[i] ?? [],
  }));
}
