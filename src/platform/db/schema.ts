import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are written as Date or ISO strings and always read back as Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar date in the street's zone, 'YYYY-MM-DD'. */
type LocalDate = string;
type Json<T> = ColumnType<T, string, string>;

export type AreaLevel = 'district' | 'street' | 'community' | 'grid' | 'building' | 'unit' | 'household';
export type OrganisationKind =
  | 'street_department'
  | 'property_company'
  | 'owners_committee'
  | 'social_organisation'
  | 'co_building_unit';

export interface GeoJsonPolygon {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}

export interface AreaNodesTable {
  id: Generated<string>;
  street_id: string | null;
  parent_id: string | null;
  level: AreaLevel;
  name: string;
  code: string;
  path: string;
  boundary: Json<GeoJsonPolygon> | null;
  lon: number | null;
  lat: number | null;
  responsible_user_id: string | null;
  estate_id: string | null;
  floor_area_m2: number | null;
  retired_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AreaIndexStateTable {
  id: number;
  boundary_version: number;
}

export interface OrganisationsTable {
  id: Generated<string>;
  street_id: string | null;
  node_id: string;
  kind: OrganisationKind;
  name: string;
  code: string;
  contact_phone: string | null;
  retired_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EstatesTable {
  id: Generated<string>;
  street_id: string;
  community_id: string;
  name: string;
  property_company_id: string | null;
  created_at: CreatedAt;
}

export interface ResidentsTable {
  id: Generated<string>;
  street_id: string;
  household_id: string;
  name: string;
  gender: 'female' | 'male' | null;
  birth_date: LocalDate | null;
  phone: string | null;
  id_number: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  is_household_head: Generated<boolean>;
  moved_out_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  street_id: string | null;
  username: string;
  display_name: string;
  password_hash: string;
  phone: string | null;
  resident_id: string | null;
  organisation_id: string | null;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  password_changed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RolesTable {
  code: string;
  held_at: 'node' | 'organisation';
}

export interface RolePermissionsTable {
  role: string;
  permission: string;
}

export interface RoleAssignmentsTable {
  id: Generated<string>;
  street_id: string | null;
  user_id: string;
  role: string;
  node_id: string | null;
  organisation_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  street_id: string | null;
  at: CreatedAt;
  actor_user_id: string | null;
  action: string;
  subject_type: string | null;
  subject_ids: ColumnType<string[], string[] | undefined, never>;
  ip: string | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface EventsTable {
  id: Generated<number>;
  street_id: string | null;
  entity_type: string;
  entity_id: string;
  type: string;
  actor_user_id: string | null;
  at: ColumnType<Date, Date | string | undefined, never>;
  data: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface DB {
  area_nodes: AreaNodesTable;
  area_index_state: AreaIndexStateTable;
  organisations: OrganisationsTable;
  estates: EstatesTable;
  residents: ResidentsTable;
  users: UsersTable;
  roles: RolesTable;
  role_permissions: RolePermissionsTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  events: EventsTable;
}

export type AreaNode = Selectable<AreaNodesTable>;
export type NewAreaNode = Insertable<AreaNodesTable>;
export type AreaNodeUpdate = Updateable<AreaNodesTable>;
export type Resident = Selectable<ResidentsTable>;
export type Organisation = Selectable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
