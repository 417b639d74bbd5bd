/** Kysely types of the patrol module's tables (migrations/0007_patrols.sql), merged into the shared DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type { HazardLevel, PartyKind } from './hazard-rules.ts';
import type { Frequency } from './patrol-schedule.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A date column: PostgreSQL date, read as an ISO string (the database layer normalises both drivers). */
type DateColumn = ColumnType<string, string, string>;

export interface PatrolTeamsTable {
  id: Generated<string>;
  street_id: string;
  community_id: string;
  name: string;
  leader_user_id: string | null;
  created_at: CreatedAt;
  retired_at: Timestamp | null;
}

export interface PatrolPartnersTable {
  id: Generated<string>;
  street_id: string;
  user_id: string;
  community_id: string;
  estate_id: string | null;
  skills: string[];
  availability: string[];
  note: string | null;
  status: 'applied' | 'approved' | 'declined' | 'left';
  team_id: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decline_reason: string | null;
  applied_at: CreatedAt;
}

export interface PatrolPlansTable {
  id: Generated<string>;
  street_id: string;
  community_id: string;
  team_id: string | null;
  name: string;
  frequency: Frequency;
  weekdays: number[];
  starts_on: DateColumn;
  ends_on: DateColumn | null;
  checklist: ColumnType<{ code: string; label: string }[], string, string>;
  joint: boolean;
  created_by: string | null;
  created_at: CreatedAt;
  retired_at: Timestamp | null;
}

export interface PatrolPlanOrganisationsTable {
  plan_id: string;
  organisation_id: string;
}

export interface PatrolPointsTable {
  id: Generated<string>;
  plan_id: string;
  seq: number;
  name: string;
  node_id: string | null;
  lon: number;
  lat: number;
}

export interface PatrolRunsTable {
  id: Generated<string>;
  client_id: string;
  street_id: string;
  plan_id: string;
  team_id: string | null;
  run_date: DateColumn;
  started_by: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  note: string | null;
  synced_at: Generated<Date>;
}

export interface PatrolCheckinsTable {
  id: Generated<string>;
  client_id: string;
  run_id: string;
  point_id: string;
  at: Timestamp;
  lon: number | null;
  lat: number | null;
  accuracy_m: number | null;
  distance_m: number | null;
  checklist: ColumnType<Record<string, 'ok' | 'problem' | 'na'>, string, string>;
  note: string | null;
}

export interface PatrolFindingsTable {
  id: Generated<string>;
  client_id: string;
  run_id: string;
  point_id: string | null;
  case_id: string;
  level: HazardLevel;
  created_at: Timestamp;
}

export interface HazardOrdersTable {
  id: Generated<string>;
  street_id: string;
  case_id: string;
  round: number;
  party_kind: PartyKind;
  organisation_id: string | null;
  party_name: string;
  party_phone: string | null;
  level: HazardLevel;
  requirement: string;
  due_date: DateColumn;
  issued_by: string;
  issued_at: Timestamp;
}

export interface HazardReinspectionsTable {
  id: Generated<string>;
  street_id: string;
  case_id: string;
  /** The order re-inspected; none when the grid put a hazard right without one. */
  order_id: string | null;
  result: 'rectified' | 'not_rectified';
  note: string | null;
  inspected_by: string;
  inspected_at: Timestamp;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    patrol_teams: PatrolTeamsTable;
    patrol_partners: PatrolPartnersTable;
    patrol_plans: PatrolPlansTable;
    patrol_plan_organisations: PatrolPlanOrganisationsTable;
    patrol_points: PatrolPointsTable;
    patrol_runs: PatrolRunsTable;
    patrol_checkins: PatrolCheckinsTable;
    patrol_findings: PatrolFindingsTable;
    hazard_orders: HazardOrdersTable;
    hazard_reinspections: HazardReinspectionsTable;
  }
}
