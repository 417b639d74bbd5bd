/**
 * What other modules ask of volunteers, and what they tell: the patrol module links a Ping An
 * Partner it approved; eligibility and matching ask who is an approved volunteer with which skills.
 * Also the areas a resident registers in.
 */
import type { Kysely } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { skillsOf } from './volunteer-rules.ts';
import { volunteerQuery } from './volunteers.query.ts';

type Db = Kysely<DB>;

/** The communities of my street and their grids: what a resident chooses from when registering. */
export async function areasToJoin(db: Db, actor: Actor) {
  if (!actor.streetId) return { items: [] };
  const nodes = await db
    .selectFrom('area_nodes')
    .select(['id', 'name', 'level', 'parent_id'])
    .where('street_id', '=', actor.streetId)
    .where('level', 'in', ['community', 'grid'])
    .where('retired_at', 'is', null)
    .orderBy('code')
    .execute();
  return {
    items: nodes
      .filter((n) => n.level === 'community')
      .map((c) => ({
        id: c.id,
        name: c.name,
        grids: nodes.filter((g) => g.parent_id === c.id).map(({ id, name }) => ({ id, name })),
      })),
  };
}

/**
 * A Ping An Partner just approved becomes a volunteer of their community, in the patrol module's
 * transaction: a link to the partner row (its skills and times are read from it), or the link
 * added to the registration they already have.
 */
export async function linkPatrolPartner(
  trx: Db,
  partner: { id: string; userId: string; communityId: string; streetId: string; decidedBy: string; at?: Date },
) {
  const current = await trx
    .selectFrom('volunteers')
    .select(['id', 'patrol_partner_id'])
    .where('user_id', '=', partner.userId)
    .where('status', 'in', ['applied', 'approved'])
    .forUpdate()
    .executeTakeFirst();
  let volunteerId = current?.id;
  if (current) {
    await trx.updateTable('volunteers').set({ patrol_partner_id: partner.id }).where('id', '=', current.id).execute();
  } else {
    const row = await trx
      .insertInto('volunteers')
      .values({
        street_id: partner.streetId,
        user_id: partner.userId,
        community_id: partner.communityId,
        status: 'approved',
        patrol_partner_id: partner.id,
        decided_by: partner.decidedBy,
        decided_at: partner.at ?? new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    volunteerId = row.id;
  }
  await recordEvent(trx, {
    streetId: partner.streetId,
    entityType: 'volunteer',
    entityId: volunteerId as string,
    type: 'volunteer.partner_linked',
    actorUserId: partner.decidedBy,
    data: { patrolPartnerId: partner.id },
  });
}

/** An approved volunteer of a person, with every skill they bring: for eligibility and matching. */
export async function approvedVolunteerOf(db: Db, userId: string) {
  const row = await volunteerQuery(db).where('v.user_id', '=', userId).where('v.status', '=', 'approved').executeTakeFirst();
  return row
    ? {
        id: row.id,
        userId: row.user_id,
        name: row.name,
        communityId: row.community_id,
        skills: skillsOf(row.skills, row.partner_skills),
      }
    : null;
}

/** The approved volunteers of a community, for matching a request to one of them. */
export async function approvedVolunteersIn(db: Db, communityId: string) {
  const rows = await volunteerQuery(db).where('v.community_id', '=', communityId).where('v.status', '=', 'approved').execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    name: row.name,
    gridId: row.grid_id,
    gridName: row.grid_name,
    teamName: row.team_name ?? row.partner_team_name,
    skills: skillsOf(row.skills, row.partner_skills),
    partner: row.patrol_partner_id !== null,
  }));
}

/** A volunteer by id with the user behind them (404 when there is none). */
export async function volunteerById(db: Db, id: string) {
  const row = await volunteerQuery(db).where('v.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Volunteer');
  return { id: row.id, userId: row.user_id, name: row.name, communityId: row.community_id, status: row.status, phone: row.phone };
}
