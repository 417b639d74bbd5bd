/**
 * Volunteers: a resident registers on the phone with skills, times and area; community staff
 * approve (optionally into a team) or decline with a reason. A Ping An Partner approved by the
 * patrol module is linked as a volunteer: their partnership's skills and times are read from it.
 */
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { maskPhone } from '../../platform/security/masking.ts';
import type { Actor } from '../access/access.policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { balancesOf, hoursOf, serviceRecordOf } from '../points/accounts.service.ts';
import { skillsOf, VOLUNTEER_AVAILABILITY, type VolunteerAvailability } from './volunteer-rules.ts';
import { canManageAt, canReadAt, readScopes } from './volunteers.policy.ts';
import { type VolunteerRow, volunteerQuery } from './volunteers.query.ts';
import type { listVolunteersQuery, registerBody } from './volunteers.schemas.ts';

type Db = Kysely<DB>;

function present(row: VolunteerRow, figures: { minutes: number; points: number }, fullPhone = false) {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    phone: fullPhone ? row.phone : maskPhone(row.phone),
    communityId: row.community_id,
    communityName: row.community_name,
    gridId: row.grid_id,
    gridName: row.grid_name,
    skills: skillsOf(row.skills, row.partner_skills),
    availability: VOLUNTEER_AVAILABILITY.filter(
      (a) => row.availability.includes(a) || (row.partner_availability ?? []).includes(a),
    ) as VolunteerAvailability[],
    note: row.note,
    status: row.status,
    teamId: row.team_id,
    teamName: row.team_name,
    declineReason: row.decline_reason,
    appliedAt: row.applied_at,
    decidedAt: row.decided_at,
    patrolPartner: row.patrol_partner_id
      ? { id: row.patrol_partner_id, teamName: row.partner_team_name, status: row.partner_status as string }
      : null,
    volunteerMinutes: figures.minutes,
    points: figures.points,
  };
}
export type VolunteerView = ReturnType<typeof present>;

async function presentRows(db: Db, rows: VolunteerRow[], actor: Actor) {
  const userIds = rows.map((r) => r.user_id);
  const streetId = rows[0]?.street_id;
  const [hours, balances] = await Promise.all([hoursOf(db, userIds), streetId ? balancesOf(db, streetId, userIds) : new Map()]);
  return rows.map((row) =>
    present(
      row,
      { minutes: hours.get(row.user_id)?.volunteer ?? 0, points: balances.get(row.user_id) ?? 0 },
      row.user_id === actor.userId,
    ),
  );
}

async function notifyStaff(trx: Db, communityPath: string, streetId: string, kind: string, data: Record<string, unknown>) {
  const staff = await trx
    .selectFrom('role_assignments as ra')
    .innerJoin('area_nodes as n', 'n.id', 'ra.node_id')
    .innerJoin('role_permissions as rp', 'rp.role', 'ra.role')
    .select('ra.user_id')
    .distinct()
    .where('rp.permission', '=', 'volunteers.manage')
    .where('n.level', '=', 'community')
    .where(sql<boolean>`${communityPath}::text like n.path || '%'`)
    .execute();
  await notify(
    trx,
    staff.map((s) => s.user_id),
    { kind, streetId, data },
  );
}

export async function register(db: Db, actor: Actor, body: z.infer<typeof registerBody>) {
  const community = await db
    .selectFrom('area_nodes')
    .select(['id', 'path', 'street_id', 'level', 'retired_at'])
    .where('id', '=', body.communityId)
    .executeTakeFirst();
  if (community?.level !== 'community' || community.retired_at || community.street_id !== actor.streetId)
    throw badRequest('COMMUNITY_NOT_FOUND', 'Choose a community of your street.', 'communityId');
  if (body.gridId) {
    const grid = await db
      .selectFrom('area_nodes')
      .select(['parent_id', 'level'])
      .where('id', '=', body.gridId)
      .executeTakeFirst();
    if (grid?.level !== 'grid' || grid.parent_id !== community.id)
      throw badRequest('GRID_NOT_FOUND', 'Choose a grid of that community.', 'gridId');
  }
  const streetId = community.street_id as string;
  const id = await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('volunteers')
      .select('status')
      .where('user_id', '=', actor.userId)
      .where('status', 'in', ['applied', 'approved'])
      .executeTakeFirst();
    if (current)
      throw conflict(
        'VOLUNTEER_EXISTS',
        current.status === 'applied' ? 'Your registration is waiting for the community.' : 'You are a volunteer already.',
      );
    const row = await trx
      .insertInto('volunteers')
      .values({
        street_id: streetId,
        user_id: actor.userId,
        community_id: community.id,
        grid_id: body.gridId ?? null,
        skills: body.skills,
        availability: body.availability,
        note: body.note || null,
        status: 'applied',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      streetId,
      entityType: 'volunteer',
      entityId: row.id,
      type: 'volunteer.registered',
      actorUserId: actor.userId,
    });
    await notifyStaff(trx, community.path, streetId, 'volunteer.registered', { name: actor.displayName });
    return row.id;
  });
  const row = await volunteerQuery(db).where('v.id', '=', id).executeTakeFirstOrThrow();
  return (await presentRows(db, [row], actor))[0] as VolunteerView;
}

/** My registration (the latest), my hours, points and what I have served and attended. */
export async function myProfile(db: Db, actor: Actor) {
  const row = await volunteerQuery(db).where('v.user_id', '=', actor.userId).orderBy('v.applied_at', 'desc').executeTakeFirst();
  const [record, balances] = await Promise.all([
    serviceRecordOf(db, actor.userId),
    actor.streetId ? balancesOf(db, actor.streetId, [actor.userId]) : new Map<string, number>(),
  ]);
  const all = Object.values(record);
  const volunteerMinutes = (await hoursOf(db, [actor.userId])).get(actor.userId) ?? { volunteer: 0, other: 0 };
  return {
    volunteer: row ? ((await presentRows(db, [row], actor))[0] as VolunteerView) : null,
    volunteerMinutes: volunteerMinutes.volunteer,
    otherMinutes: volunteerMinutes.other,
    points: balances.get(actor.userId) ?? 0,
    services: record.service_request?.count ?? 0,
    attended: all.reduce((n, r) => n + r.count, 0) - (record.service_request?.count ?? 0) - (record.manual?.count ?? 0),
  };
}

export async function listVolunteers(db: Db, actor: Actor, query: z.infer<typeof listVolunteersQuery>) {
  const scopes = readScopes(actor);
  if (scopes.length === 0) return { items: [], nextCursor: null };
  const after = decodeCursor(query.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
  let q = volunteerQuery(db).where((eb) =>
    eb.or(scopes.map((scope) => sql<boolean>`coalesce(g.path, c.path) like ${`${scope}%`}`)),
  );
  if (query.status) q = q.where('v.status', '=', query.status);
  if (query.communityId) q = q.where('v.community_id', '=', query.communityId);
  if (query.teamId) q = q.where('v.team_id', '=', query.teamId);
  if (query.skill) q = q.where(sql<boolean>`${query.skill} = any (v.skills || coalesce(pp.skills, '{}'))`);
  if (query.partner) q = q.where('v.patrol_partner_id', query.partner === 'true' ? 'is not' : 'is', null);
  if (query.q) q = q.where('u.display_name', 'like', `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('v.applied_at', '<', new Date(after[0])),
        eb.and([eb('v.applied_at', '=', new Date(after[0])), eb('v.id', '<', after[1])]),
      ]),
    );
  const rows = await q
    .orderBy('v.applied_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = toPage(
    rows,
    query.limit,
    (r) => r,
    (r) => [r.applied_at.toISOString(), r.id],
  );
  return { items: await presentRows(db, page.items, actor), nextCursor: page.nextCursor };
}

async function volunteerFor(db: Db, actor: Actor, id: string, manage: boolean) {
  const row = await volunteerQuery(db).where('v.id', '=', id).executeTakeFirst();
  if (!row || (row.user_id !== actor.userId && !canReadAt(actor, row.area_path))) throw notFound('Volunteer');
  if (manage && !canManageAt(actor, row.area_path))
    throw forbidden('FORBIDDEN', 'Your roles do not allow this (volunteers.manage).');
  return row;
}

/** One volunteer; a manager sees the phone in full, and that read is audited. */
export async function getVolunteer(db: Db, actor: Actor, id: string, ip: string | null = null) {
  const row = await volunteerFor(db, actor, id, false);
  const [view] = await presentRows(db, [row], actor);
  if (row.user_id === actor.userId || !canManageAt(actor, row.area_path) || !row.phone) return view as VolunteerView;
  await recordAudit(db, {
    action: 'volunteer.read_contact',
    actorUserId: actor.userId,
    streetId: row.street_id,
    subjectType: 'volunteer',
    subjectIds: [row.id],
    ip,
  });
  return { ...(view as VolunteerView), phone: row.phone };
}

async function teamOfCommunity(db: Db, teamId: string, communityId: string) {
  const team = await db
    .selectFrom('volunteer_teams')
    .select(['community_id', 'retired_at'])
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team || team.retired_at || team.community_id !== communityId)
    throw badRequest('TEAM_NOT_FOUND', 'Choose a team of the volunteer’s community.', 'teamId');
}

async function decide(
  db: Db,
  actor: Actor,
  id: string,
  decision: { status: 'approved' | 'declined'; teamId?: string | undefined; reason?: string },
) {
  const row = await volunteerFor(db, actor, id, true);
  if (row.status !== 'applied') throw conflict('VOLUNTEER_NOT_PENDING', `This registration is ${row.status} already.`, 'status');
  if (decision.teamId) await teamOfCommunity(db, decision.teamId, row.community_id);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('volunteers')
      .set({
        status: decision.status,
        team_id: decision.teamId ?? null,
        decline_reason: decision.reason ?? null,
        decided_by: actor.userId,
        decided_at: new Date(),
      })
      .where('id', '=', id)
      .where('status', '=', 'applied')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw conflict('VOLUNTEER_NOT_PENDING', 'This registration was decided meanwhile.', 'status');
    const data = decision.status === 'approved' ? { teamId: decision.teamId ?? null } : { reason: decision.reason };
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'volunteer',
      entityId: id,
      type: `volunteer.${decision.status}`,
      actorUserId: actor.userId,
      data,
    });
    await notify(trx, [row.user_id], { kind: `volunteer.${decision.status}`, streetId: row.street_id, data });
  });
  return getVolunteer(db, actor, id);
}

export const approve = (db: Db, actor: Actor, id: string, teamId: string | undefined) =>
  decide(db, actor, id, { status: 'approved', teamId });
export const decline = (db: Db, actor: Actor, id: string, reason: string) =>
  decide(db, actor, id, { status: 'declined', reason });

export async function moveToTeam(db: Db, actor: Actor, id: string, teamId: string | null) {
  const row = await volunteerFor(db, actor, id, true);
  if (row.status !== 'approved') throw conflict('VOLUNTEER_NOT_APPROVED', 'Only approved volunteers join teams.', 'status');
  if (teamId) await teamOfCommunity(db, teamId, row.community_id);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('volunteers').set({ team_id: teamId }).where('id', '=', id).execute();
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'volunteer',
      entityId: id,
      type: 'volunteer.team_changed',
      actorUserId: actor.userId,
      data: { from: row.team_id, to: teamId },
    });
  });
  return getVolunteer(db, actor, id);
}
