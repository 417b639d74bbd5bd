/** Volunteer teams of a community, each led by one of its approved volunteers. */
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { canManageAt, readScopes } from './volunteers.policy.ts';
import type { listTeamsQuery, teamBody, teamPatchBody } from './volunteers.schemas.ts';

type Db = Kysely<DB>;

function teamQuery(db: Db) {
  return db
    .selectFrom('volunteer_teams as t')
    .innerJoin('area_nodes as c', 'c.id', 't.community_id')
    .leftJoin('volunteers as lv', 'lv.id', 't.leader_volunteer_id')
    .leftJoin('users as l', 'l.id', 'lv.user_id')
    .select([
      't.id',
      't.street_id',
      't.community_id',
      't.name',
      't.leader_volunteer_id',
      'c.name as community_name',
      'c.path as community_path',
    ])
    .select([
      'l.display_name as leader_name',
      sql<number>`(select count(*) from volunteers v where v.team_id = t.id and v.status = 'approved')`.as('members'),
    ])
    .where('t.retired_at', 'is', null);
}
type TeamRow = NonNullable<Awaited<ReturnType<ReturnType<typeof teamQuery>['executeTakeFirst']>>>;

const presentTeam = (row: TeamRow) => ({
  id: row.id,
  communityId: row.community_id,
  communityName: row.community_name,
  name: row.name,
  leaderVolunteerId: row.leader_volunteer_id,
  leaderName: row.leader_name,
  members: Number(row.members),
});

export async function listTeams(db: Db, actor: Actor, query: z.infer<typeof listTeamsQuery>) {
  const scopes = readScopes(actor);
  if (scopes.length === 0) return { items: [] };
  let q = teamQuery(db).where((eb) => eb.or(scopes.map((scope) => eb('c.path', 'like', `${scope}%`))));
  if (query.communityId) q = q.where('t.community_id', '=', query.communityId);
  return { items: (await q.orderBy('c.code').orderBy('t.name').execute()).map(presentTeam) };
}

async function leaderOf(db: Db, volunteerId: string, communityId: string) {
  const v = await db.selectFrom('volunteers').select(['community_id', 'status']).where('id', '=', volunteerId).executeTakeFirst();
  if (v?.status !== 'approved' || v.community_id !== communityId)
    throw badRequest('VOLUNTEER_NOT_FOUND', 'Choose an approved volunteer of the community.', 'leaderVolunteerId');
}

async function nameFree(db: Db, communityId: string, name: string, except?: string) {
  let q = db
    .selectFrom('volunteer_teams')
    .select('id')
    .where('community_id', '=', communityId)
    .where('name', '=', name)
    .where('retired_at', 'is', null);
  if (except) q = q.where('id', '!=', except);
  if (await q.executeTakeFirst()) throw conflict('TEAM_NAME_TAKEN', 'The community has a team of that name already.', 'name');
}

export async function createTeam(db: Db, actor: Actor, body: z.infer<typeof teamBody>) {
  const community = await db
    .selectFrom('area_nodes')
    .select(['id', 'path', 'street_id', 'level'])
    .where('id', '=', body.communityId)
    .executeTakeFirst();
  if (community?.level !== 'community') throw badRequest('COMMUNITY_NOT_FOUND', 'Choose a community.', 'communityId');
  if (!canManageAt(actor, community.path)) throw forbidden('FORBIDDEN', 'Your roles do not allow this (volunteers.manage).');
  if (body.leaderVolunteerId) await leaderOf(db, body.leaderVolunteerId, community.id);
  await nameFree(db, community.id, body.name);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('volunteer_teams')
      .values({
        street_id: community.street_id as string,
        community_id: community.id,
        name: body.name,
        leader_volunteer_id: body.leaderVolunteerId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (body.leaderVolunteerId)
      await trx.updateTable('volunteers').set({ team_id: row.id }).where('id', '=', body.leaderVolunteerId).execute();
    await recordEvent(trx, {
      streetId: community.street_id,
      entityType: 'volunteer_team',
      entityId: row.id,
      type: 'volunteer_team.created',
      actorUserId: actor.userId,
      data: { name: body.name },
    });
    return row.id;
  });
  return presentTeam(await teamQuery(db).where('t.id', '=', id).executeTakeFirstOrThrow());
}

export async function updateTeam(db: Db, actor: Actor, id: string, body: z.infer<typeof teamPatchBody>) {
  const team = await teamQuery(db).where('t.id', '=', id).executeTakeFirst();
  if (!team || !readScopes(actor).some((scope) => team.community_path.startsWith(scope))) throw notFound('Team');
  if (!canManageAt(actor, team.community_path)) throw forbidden('FORBIDDEN', 'Your roles do not allow this (volunteers.manage).');
  if (body.leaderVolunteerId) await leaderOf(db, body.leaderVolunteerId, team.community_id);
  if (body.name) await nameFree(db, team.community_id, body.name, id);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('volunteer_teams')
      .set({
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.leaderVolunteerId !== undefined ? { leader_volunteer_id: body.leaderVolunteerId } : {}),
      })
      .where('id', '=', id)
      .execute();
    if (body.leaderVolunteerId)
      await trx.updateTable('volunteers').set({ team_id: id }).where('id', '=', body.leaderVolunteerId).execute();
    await recordEvent(trx, {
      streetId: team.street_id,
      entityType: 'volunteer_team',
      entityId: id,
      type: 'volunteer_team.updated',
      actorUserId: actor.userId,
      data: body,
    });
  });
  return presentTeam(await teamQuery(db).where('t.id', '=', id).executeTakeFirstOrThrow());
}
