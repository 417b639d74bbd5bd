/** Reading dispute files: one whole with its parties (masked outside the mediation role) and timeline, or a page of summaries. */
import { z } from 'zod';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { maskIdNumber, maskPhone } from '../../platform/security/masking.ts';
import type { Actor } from '../access/access.policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { listDisputesQuery } from './disputes.schemas.ts';
import { canManageDispute, readScopes, seesPartiesInFull } from './mediation.policy.ts';
import { type DisputeRow, daysSince, type MediationDeps, nodeOf, nowOf, readableDispute } from './mediation.shared.ts';
import { toYuan } from './performance.ts';

export async function getDispute(deps: MediationDeps, actor: Actor, id: string, ip: string) {
  const { db } = deps;
  const row = await readableDispute(db, actor, id);
  const access = { locationPath: row.location_path, handlingPath: row.handling_path };
  const full = seesPartiesInFull(actor, access);
  const [names, parties, events] = await Promise.all([
    db
      .selectFrom('area_nodes as n')
      .select(['n.id', 'n.name'])
      .where('n.id', 'in', [row.node_id, row.handling_node_id])
      .execute(),
    db.selectFrom('dispute_parties').selectAll().where('dispute_id', '=', id).orderBy('seq').execute(),
    db
      .selectFrom('events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_user_id')
      .select(['e.type', 'e.at', 'e.data', 'u.display_name'])
      .where('e.entity_type', '=', 'dispute')
      .where('e.entity_id', '=', id)
      .orderBy('e.id')
      .execute(),
  ]);
  const [mediator, studio] = await Promise.all([
    row.mediator_id ? db.selectFrom('mediators').select('name').where('id', '=', row.mediator_id).executeTakeFirst() : undefined,
    row.studio_id
      ? db.selectFrom('mediation_studios').select('name').where('id', '=', row.studio_id).executeTakeFirst()
      : undefined,
  ]);
  if (full && parties.some((p) => p.phone || p.id_number)) {
    await recordAudit(db, {
      action: 'personal_data.read',
      actorUserId: actor.userId,
      streetId: row.street_id,
      subjectType: 'dispute_party',
      subjectIds: parties.map((p) => p.id),
      ip,
      detail: { disputeId: id },
    });
  }
  const nameOf = (nodeId: string) => names.find((n) => n.id === nodeId)?.name ?? '';
  return {
    ...presentSummary(row, nameOf(row.node_id), nowOf(deps)),
    caseId: row.case_id,
    referredBy: row.referred_by,
    facts: row.facts,
    handlingNodeId: row.handling_node_id,
    handlingNodeName: nameOf(row.handling_node_id),
    outcome: row.outcome,
    referral: row.referral,
    mediatorId: row.mediator_id,
    mediatorName: mediator?.name ?? null,
    studioId: row.studio_id,
    studioName: studio?.name ?? null,
    parties: parties.map((p) => ({
      id: p.id,
      side: p.side,
      kind: p.kind,
      name: p.name,
      phone: full ? p.phone : maskPhone(p.phone),
      idNumber: full ? p.id_number : maskIdNumber(p.id_number),
      address: p.address,
    })),
    canManage: canManageDispute(actor, access),
    version: row.version,
    timeline: events.map((e) => ({
      type: e.type,
      at: e.at,
      actorName: e.display_name,
      data: e.data as Record<string, unknown>,
    })),
  };
}

export function presentSummary(row: DisputeRow, nodeName: string, now: Date) {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    type: row.type,
    source: row.source,
    level: row.level,
    state: row.state,
    riskLevel: row.risk_level,
    riskReasons: row.risk_reasons,
    peopleInvolved: row.people_involved,
    amount: toYuan(row.amount_fen),
    nodeId: row.node_id,
    nodeName,
    openedAt: row.opened_at,
    daysOpen: daysSince(row.opened_at, row.closed_at ?? now),
  };
}

export async function listDisputes(deps: MediationDeps, actor: Actor, query: z.infer<typeof listDisputesQuery>) {
  const { db } = deps;
  const scopes = readScopes(actor);
  if (scopes.length === 0) return { items: [], nextCursor: null };
  let q = db
    .selectFrom('disputes as d')
    .innerJoin('area_nodes as n', 'n.id', 'd.node_id')
    .selectAll('d')
    .select('n.name as node_name')
    .where((eb) => eb.or(scopes.map((scope) => eb('d.location_path', 'like', `${scope}%`))));
  if (query.nodeId) {
    const node = await nodeOf(db, query.nodeId);
    q = q.where('d.location_path', 'like', `${node.path}%`);
  }
  if (query.state) q = q.where('d.state', '=', query.state);
  if (query.type) q = q.where('d.type', '=', query.type);
  if (query.level) q = q.where('d.level', '=', query.level);
  if (query.riskLevel) q = q.where('d.risk_level', '=', query.riskLevel);
  const cursor = decodeCursor(query.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
  if (cursor) {
    const at = new Date(cursor[0]);
    q = q.where((eb) => eb.or([eb('d.opened_at', '<', at), eb.and([eb('d.opened_at', '=', at), eb('d.id', '<', cursor[1])])]));
  }
  const rows = await q
    .orderBy('d.opened_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const now = nowOf(deps);
  return toPage(
    rows,
    query.limit,
    (row) => presentSummary(row, row.node_name, now),
    (row) => [row.opened_at.toISOString(), row.id],
  );
}
