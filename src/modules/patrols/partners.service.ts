/** Partner applications, approval into the patrol_volunteer role, and teams. */
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { maskPhone } from '../../platform/security/masking.ts';
import type { Actor } from '../access/access.policy.ts';
import { findNode } from '../areas/areas.repository.ts';
import { auditUnmaskedRead } from '../audit/audit.repository.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { linkPatrolPartner } from '../volunteers/volunteer-links.service.ts';
import { canManage, canRead, readScopes } from './patrols.policy.ts';
import type { applyBody, listPartnersQuery } from './patrols.schemas.ts';

type Db = Kysely<DB>;

/** A community of the actor's street, or a 400 on the field that named it. */
export async function communityOf(db: Db, id: string, field = 'communityId') {
  const node = await findNode(db, id);
  if (node?.level !== 'community' || node.retired_at) throw badRequest('COMMUNITY_NOT_FOUND', 'Choose a community.', field);
  return node;
}

function partnerQuery(db: Db) {
  return db
    .selectFrom('patrol_partners as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('residents as r', 'r.id', 'u.resident_id')
    .innerJoin('area_nodes as c', 'c.id', 'p.community_id')
    .leftJoin('estates as e', 'e.id', 'p.estate_id')
    .leftJoin('patrol_teams as t', 't.id', 'p.team_id')
    .selectAll('p')
    .select([
      'u.display_name as name',
      'r.phone as phone',
      'c.name as community_name',
      'c.path as community_path',
      'e.name as estate_name',
      't.name as team_name',
      sql<number>`(select count(*) from patrol_runs pr where pr.started_by = p.user_id)`.as('runs'),
      sql<number>`(select count(*) from patrol_checkins pc join patrol_runs pr on pr.id = pc.run_id where pr.started_by = p.user_id)`.as(
        'checkins',
      ),
      sql<number>`(select count(*) from patrol_findings pf join patrol_runs pr on pr.id = pf.run_id where pr.started_by = p.user_id)`.as(
        'findings',
      ),
    ]);
}
type PartnerRow = NonNullable<Awaited<ReturnType<ReturnType<typeof partnerQuery>['executeTakeFirst']>>>;

function presentPartner(row: PartnerRow, actor: Actor) {
  const full = canManage(actor, row.community_path) || row.user_id === actor.userId;
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    phone: full ? row.phone : maskPhone(row.phone),
    communityId: row.community_id,
    communityName: row.community_name,
    estateId: row.estate_id,
    estateName: row.estate_name,
    skills: row.skills as never[],
    availability: row.availability as never[],
    note: row.note,
    status: row.status,
    teamId: row.team_id,
    teamName: row.team_name,
    declineReason: row.decline_reason,
    appliedAt: row.applied_at,
    decidedAt: row.decided_at,
    activity: { runs: Number(row.runs), checkins: Number(row.checkins), findings: Number(row.findings) },
  };
}

async function partnerFor(db: Db, actor: Actor, id: string, manage: boolean) {
  const row = await partnerQuery(db).where('p.id', '=', id).executeTakeFirst();
  const allowed = row && (manage ? canManage(actor, row.community_path) : canRead(actor, row.community_path));
  if (!row || !allowed) throw notFound('Partner');
  return row;
}

const staffOf = (db: Db, communityPath: string) =>
  db
    .selectFrom('role_assignments as ra')
    .innerJoin('area_nodes as n', 'n.id', 'ra.node_id')
    .select('ra.user_id')
    .distinct()
    .where('ra.role', 'in', ['community_secretary', 'community_staff'])
    .where(sql<boolean>`${communityPath}::text like n.path || '%'`)
    .execute();

/** The communities of the actor's street and their compounds: what a resident chooses from when applying. */
export async function communitiesToJoin(db: Db, actor: Actor) {
  if (!actor.streetId) return { items: [] };
  const [communities, estates] = await Promise.all([
    db
      .selectFrom('area_nodes')
      .select(['id', 'name'])
      .where('street_id', '=', actor.streetId)
      .where('level', '=', 'community')
      .where('retired_at', 'is', null)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('estates')
      .select(['id', 'name', 'community_id'])
      .where('street_id', '=', actor.streetId)
      .orderBy('name')
      .execute(),
  ]);
  return {
    items: communities.map((c) => ({
      id: c.id,
      name: c.name,
      estates: estates.filter((e) => e.community_id === c.id).map(({ id, name }) => ({ id, name })),
    })),
  };
}

export async function apply(db: Db, actor: Actor, body: z.infer<typeof applyBody>) {
  const community = await communityOf(db, body.communityId);
  if (community.street_id !== actor.streetId)
    throw badRequest('COMMUNITY_NOT_FOUND', 'Choose a community of your street.', 'communityId');
  if (body.estateId) {
    const estate = await db.selectFrom('estates').select('community_id').where('id', '=', body.estateId).executeTakeFirst();
    if (estate?.community_id !== community.id)
      throw badRequest('ESTATE_NOT_FOUND', 'Choose a compound of that community.', 'estateId');
  }
  const id = await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('patrol_partners')
      .select('status')
      .where('user_id', '=', actor.userId)
      .where('status', 'in', ['applied', 'approved'])
      .executeTakeFirst();
    if (current)
      throw conflict(
        'PARTNER_EXISTS',
        current.status === 'applied' ? 'Your application is waiting for the community.' : 'You are a patrol partner already.',
      );
    const row = await trx
      .insertInto('patrol_partners')
      .values({
        street_id: community.street_id as string,
        user_id: actor.userId,
        community_id: community.id,
        estate_id: body.estateId ?? null,
        skills: body.skills,
        availability: body.availability,
        note: body.note ?? null,
        status: 'applied',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      streetId: community.street_id,
      entityType: 'patrol_partner',
      entityId: row.id,
      type: 'patrol_partner.applied',
      actorUserId: actor.userId,
    });
    const staff = await staffOf(trx, community.path);
    await notify(
      trx,
      staff.map((s) => s.user_id),
      { kind: 'patrol_partner.applied', streetId: community.street_id, data: { name: actor.displayName } },
    );
    return row.id;
  });
  return presentPartner(await partnerFor(db, actor, id, false).catch(() => mine(db, actor)), actor);
}

async function mine(db: Db, actor: Actor) {
  const row = await partnerQuery(db).where('p.user_id', '=', actor.userId).orderBy('p.applied_at', 'desc').executeTakeFirst();
  if (!row) throw notFound('Partner');
  return row;
}

export async function myPartnership(db: Db, actor: Actor) {
  const row = await mine(db, actor).catch(() => undefined);
  return { partner: row ? presentPartner(row, actor) : null };
}

export async function listPartners(db: Db, actor: Actor, query: z.infer<typeof listPartnersQuery>) {
  const scopes = readScopes(actor);
  if (scopes.length === 0) return { items: [] };
  let q = partnerQuery(db).where((eb) => eb.or(scopes.map((scope) => eb('c.path', 'like', `${scope}%`))));
  if (query.status) q = q.where('p.status', '=', query.status);
  if (query.communityId) q = q.where('p.community_id', '=', query.communityId);
  if (query.teamId) q = q.where('p.team_id', '=', query.teamId);
  const rows = await q.orderBy('p.applied_at', 'desc').limit(500).execute();
  const shownInFull = rows.filter((row) => row.phone && row.user_id !== actor.userId && canManage(actor, row.community_path));
  await auditUnmaskedRead(
    db,
    actor,
    'patrol_partner',
    shownInFull.map((row) => row.id),
  );
  return { items: rows.map((row) => presentPartner(row, actor)) };
}

async function teamOfCommunity(db: Db, teamId: string, communityId: string) {
  const team = await db
    .selectFrom('patrol_teams')
    .select(['id', 'community_id', 'retired_at'])
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team || team.retired_at || team.community_id !== communityId)
    throw badRequest('TEAM_NOT_FOUND', 'Choose a team of the partner’s community.', 'teamId');
}

/** Approval makes the applicant a patrol_volunteer at the community: the role their runs and re-inspections rest on. */
export async function approve(db: Db, actor: Actor, id: string, teamId: string | undefined) {
  const row = await partnerFor(db, actor, id, true);
  if (row.status !== 'applied') throw conflict('PARTNER_NOT_PENDING', `This application is ${row.status} already.`, 'status');
  if (teamId) await teamOfCommunity(db, teamId, row.community_id);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('patrol_partners')
      .set({ status: 'approved', team_id: teamId ?? null, decided_by: actor.userId, decided_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'applied')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw conflict('PARTNER_NOT_PENDING', 'This application was decided meanwhile.', 'status');
    const held = await trx
      .selectFrom('role_assignments')
      .select('id')
      .where('user_id', '=', row.user_id)
      .where('role', '=', 'patrol_volunteer')
      .where('node_id', '=', row.community_id)
      .executeTakeFirst();
    if (!held)
      await trx
        .insertInto('role_assignments')
        .values({ user_id: row.user_id, role: 'patrol_volunteer', node_id: row.community_id, street_id: row.street_id })
        .execute();
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'patrol_partner',
      entityId: id,
      type: 'patrol_partner.approved',
      actorUserId: actor.userId,
      data: { teamId: teamId ?? null },
    });
    await notify(trx, [row.user_id], { kind: 'patrol_partner.approved', streetId: row.street_id, data: {} });
    // A partner is a volunteer of the community too: linked, not copied.
    await linkPatrolPartner(trx, {
      id,
      userId: row.user_id,
      communityId: row.community_id,
      streetId: row.street_id,
      decidedBy: actor.userId,
    });
  });
  return presentPartner(await partnerFor(db, actor, id, true), actor);
}

export async function decline(db: Db, actor: Actor, id: string, reason: string) {
  const row = await partnerFor(db, actor, id, true);
  if (row.status !== 'applied') throw conflict('PARTNER_NOT_PENDING', `This application is ${row.status} already.`, 'status');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('patrol_partners')
      .set({ status: 'declined', decline_reason: reason, decided_by: actor.userId, decided_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'patrol_partner',
      entityId: id,
      type: 'patrol_partner.declined',
      actorUserId: actor.userId,
      data: { reason },
    });
    await notify(trx, [row.user_id], { kind: 'patrol_partner.declined', streetId: row.street_id, data: { reason } });
  });
  return presentPartner(await partnerFor(db, actor, id, true), actor);
}

export async function moveToTeam(db: Db, actor: Actor, id: string, teamId: string | null) {
  const row = await partnerFor(db, actor, id, true);
  if (row.status !== 'approved') throw conflict('PARTNER_NOT_APPROVED', 'Only approved partners join teams.', 'status');
  if (teamId) await teamOfCommunity(db, teamId, row.community_id);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('patrol_partners').set({ team_id: teamId }).where('id', '=', id).execute();
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'patrol_partner',
      entityId: id,
      type: 'patrol_partner.team_changed',
      actorUserId: actor.userId,
      data: { from: row.team_id, to: teamId },
    });
  });
  return presentPartner(await partnerFor(db, actor, id, true), actor);
}
