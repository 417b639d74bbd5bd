/** A volunteer row with their name, phone, area, team and the Ping An Partnership they are linked to, if any. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

type Db = Kysely<DB>;

export function volunteerQuery(db: Db) {
  return db
    .selectFrom('volunteers as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .leftJoin('residents as r', 'r.id', 'u.resident_id')
    .innerJoin('area_nodes as c', 'c.id', 'v.community_id')
    .leftJoin('area_nodes as g', 'g.id', 'v.grid_id')
    .leftJoin('volunteer_teams as t', 't.id', 'v.team_id')
    .leftJoin('patrol_partners as pp', 'pp.id', 'v.patrol_partner_id')
    .leftJoin('patrol_teams as pt', 'pt.id', 'pp.team_id')
    .selectAll('v')
    .select([
      'u.display_name as name',
      sql<string | null>`coalesce(r.phone, u.phone)`.as('phone'),
      'c.name as community_name',
      'c.path as community_path',
      // The volunteer's area: their grid when they chose one, else their community.
      sql<string>`coalesce(g.path, c.path)`.as('area_path'),
      'g.name as grid_name',
      't.name as team_name',
      'pp.skills as partner_skills',
      'pp.availability as partner_availability',
      'pp.status as partner_status',
      'pt.name as partner_team_name',
    ]);
}
export type VolunteerRow = NonNullable<Awaited<ReturnType<ReturnType<typeof volunteerQuery>['executeTakeFirst']>>>;
