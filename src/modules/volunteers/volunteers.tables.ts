/** Kysely types of the volunteer tables (migrations/0010_volunteers.sql), merged into the shared DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type { VolunteerStatus } from './volunteer-rules.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface VolunteerTeamsTable {
  id: Generated<string>;
  street_id: string;
  community_id: string;
  name: string;
  leader_volunteer_id: string | null;
  created_at: CreatedAt;
  retired_at: Timestamp | null;
}

export interface VolunteersTable {
  id: Generated<string>;
  street_id: string;
  user_id: string;
  community_id: string;
  grid_id: string | null;
  skills: ColumnType<string[], string[] | undefined, string[]>;
  availability: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
  status: VolunteerStatus;
  team_id: string | null;
  patrol_partner_id: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decline_reason: string | null;
  applied_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    volunteer_teams: VolunteerTeamsTable;
    volunteers: VolunteersTable;
  }
}
