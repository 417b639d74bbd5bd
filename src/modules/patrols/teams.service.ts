/** Patrol teams of a community, each with a leader who is an approved partner. */
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { communityOf } from './partners.service.ts';
import { canManage, readScopes } from './patrols.policy.ts';
import type { teamBody, teamPatchBody } from './patrols.schemas.ts';

type Db = Kysely<DB>;

function teamQuery(db: Db) {
  return db
    .selectFrom('patrol_teams as t')
    .innerJoin('area_nodes as c', 'c.id', 't.community_id')
    .leftJoin('users as l', 'l.id', 't.leader_user_id')
    .select([
      't.id',
      't.community_id',
      't.name',
      't.leader_user_id',
      'c.name as community_name',
      'c.path as community_path',
      'l.display_name as leader_name',
      sql<number>`(select count(*) from patrol_partners p where p.team_id = t.id and p.status = 'approved')`.as('members'),
    ])
    .where('t.retired_at', 'is', null);
}
type TeamRow = NonNullable<Awaited<ReturnType<ReturnType<typeof teamQuery>['executeTakeFirst']>>>;

const presentTeam = (row: TeamRow) => ({
  id: row.id,
  communityId: row.community_id,
  communityName: row.community_name,
  name: row.name,
  leaderUserId: row.leader_user_id,
  leaderName: row.leader_name,
  members: Number(row.members),
});

export async function listTeams(db: Db, actor: Actor, communityId: string | undefined) {
  const scopes = readScopes(actor);
  // A partner sees the teams of the communities they patrol.
  const own = await db
    .selectFrom('patrol_partners')
    .select('community_id')
    .where('user_id', '=', actor.userId)
    .where('status', '=', 'approved')
    .execute();
  let q = teamQuery(db).where((eb) =>
    eb.or([
      ...scopes.map((scope) => eb('c.path', 'like', `${scope}%`)),
      ...(own.length
        ? [
            eb(
              't.community_id',
              'in',
              own.map((o) => o.community_id),
            ),
          ]
        : []),
      eb.val(false),
    ]),
  );
  if (communityId) q = q.where('t.community_id', '=', communityId);
  return { items: (await q.orderBy('c.name').orderBy('t.name').execute()).map(presentTeam) };
}

async function checkLeader(db: Db, leaderUserId: string, communityId: string) {
  const partner = await db
    .selectFrom('patrol_partners')
    .select('id')
    .where('user_id', '=', leaderUserId)
    .where('community_id', '=', communityId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  if (!partner)
    throw badRequest('LEADER_NOT_PARTNER', 'The leader must be an approved partner of the community.', 'leaderUserId');
}

export async function createTeam(db: Db, actor: Actor, body: z.infer<typeof teamBody>) {
  const community = await communityOf(db, body.communityId);
  if (!canManage(actor, community.path)) throw notFound('Community');
  if (body.leaderUserId) await checkLeader(db, body.leaderUserId, community.id);
  const row = await db
    .insertInto('patrol_teams')
    .values({
      street_id: community.street_id as string,
      community_id: community.id,
      name: body.name,
      leader_user_id: body.leaderUserId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (body.leaderUserId)
    await db
      .updateTable('patrol_partners')
      .set({ team_id: row.id })
      .where('user_id', '=', body.leaderUserId)
      .where('status', '=', 'approved')
      .execute();
  return presentTeam(await teamQuery(db).where('t.id', '=', row.id).executeTakeFirstOrThrow());
}

export async function updateTeam(db: Db, actor: Actor, id: string, body: z.infer<typeof teamPatchBody>) {
  const team = await teamQuery(db).where('t.id', '=', id).executeTakeFirst();
  if (!team || !canManage(actor, team.community_path)) throw notFound('Team');
  if (body.leaderUserId) await checkLeader(db, body.leaderUserId, team.community_id);
  await db
    .updateTable('patrol_teams')
    .set({
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.leaderUserId !== undefined ? { leader_user_id: body.leaderUserId } : {}),
    })
    .where('id', '=', id)
    .execute();
  return presentTeam(await teamQuery(db).where('t.id', '=', id).executeTakeFirstOrThrow());
}
