/**
 * The tables the generator fills and the columns it writes to each, in COPY order. Columns left
 * out take their defaults (generated ids, created_at).
 */
import type { PlannedCase, PlannedContact, PlannedNotification } from '../../src/demo/case-rows.ts';
import type { PlanEstate, PlanNode, PlanOrganisation, PlanResident } from '../../src/demo/street-plan.ts';
import { ROLLUP_COUNTERS } from '../../src/modules/cases/rollups.ts';
import { type CopyValue, copyLine } from './copy-text.ts';
import type { RollupRow } from './rollup-totals.ts';

export interface AreaNodeRow extends PlanNode {
  responsible_user_id: string | null;
}

export interface UserRow {
  id: string;
  street_id: string | null;
  username: string;
  display_name: string;
  password_hash: string;
  resident_id: string | null;
  organisation_id: string | null;
}

export interface RoleAssignmentRow {
  street_id: string | null;
  user_id: string;
  role: string;
  node_id: string | null;
  organisation_id: string | null;
}

export interface EventRow {
  street_id: string;
  entity_type: 'case';
  entity_id: string;
  type: string;
  actor_user_id: string | null;
  at: Date;
  data: Record<string, unknown>;
}

export interface CopyRows {
  area_nodes: AreaNodeRow;
  organisations: PlanOrganisation;
  estates: PlanEstate;
  residents: PlanResident;
  users: UserRow;
  role_assignments: RoleAssignmentRow;
  cases: PlannedCase;
  events: EventRow;
  case_contacts: PlannedContact;
  case_org_access: { case_id: string; organisation_id: string };
  case_followers: { case_id: string; source_case_id: string };
  notifications: PlannedNotification;
  case_counters: { street_id: string; year: number; last: number };
  case_daily_rollups: RollupRow;
}

export type CopyTable = keyof CopyRows;

const CASE_COLUMNS: readonly (keyof PlannedCase & string)[] = [
  'id',
  'street_id',
  'number',
  'tracking_hash',
  'source',
  'kind',
  'category_id',
  'title',
  'description',
  'priority',
  'state',
  'lon',
  'lat',
  'address',
  'building_id',
  'grid_id',
  'community_id',
  'location_path',
  'reporter_user_id',
  'reporter_name',
  'reporter_phone',
  'anonymous',
  'tier',
  'assignee_user_id',
  'assignee_org_id',
  'deadline_kind',
  'deadline_started_at',
  'deadline_working_days',
  'due_at',
  'due_date',
  'due_provisional',
  'warn_at',
  'warned_at',
  'overdue_at',
  'ever_overdue',
  'response_due_at',
  'first_contact_at',
  'response_overdue_at',
  'suspended_from',
  'remaining_working_days',
  'resolved_at',
  'rating_reminded_at',
  'resolution',
  'solved_tier',
  'rating',
  'rating_comment',
  'rated_at',
  'closed_at',
  'close_reason',
  'reject_reason',
  'merged_into',
  'returned_count',
  'escalation_count',
  'urge_count',
  'version',
  'created_at',
  'updated_at',
];

export const COPY_COLUMNS: { [T in CopyTable]: readonly (keyof CopyRows[T] & string)[] } = {
  area_nodes: [
    'id',
    'street_id',
    'parent_id',
    'level',
    'name',
    'code',
    'path',
    'boundary',
    'lon',
    'lat',
    'responsible_user_id',
    'estate_id',
    'floor_area_m2',
  ],
  organisations: ['id', 'street_id', 'node_id', 'kind', 'name', 'code', 'contact_phone'],
  estates: ['id', 'street_id', 'community_id', 'name', 'property_company_id'],
  residents: [
    'id',
    'street_id',
    'household_id',
    'name',
    'gender',
    'birth_date',
    'phone',
    'id_number',
    'tags',
    'is_household_head',
  ],
  users: ['id', 'street_id', 'username', 'display_name', 'password_hash', 'resident_id', 'organisation_id'],
  role_assignments: ['street_id', 'user_id', 'role', 'node_id', 'organisation_id'],
  cases: CASE_COLUMNS,
  events: ['street_id', 'entity_type', 'entity_id', 'type', 'actor_user_id', 'at', 'data'],
  case_contacts: ['street_id', 'case_id', 'by_user_id', 'channel', 'note', 'at'],
  case_org_access: ['case_id', 'organisation_id'],
  case_followers: ['case_id', 'source_case_id'],
  notifications: ['street_id', 'user_id', 'kind', 'case_id', 'data', 'created_at', 'read_at'],
  case_counters: ['street_id', 'year', 'last'],
  case_daily_rollups: ['street_id', 'community_id', 'grid_id', 'category_id', 'day', ...ROLLUP_COUNTERS],
};

/** Every table in the order its rows may be written; the load drops and restores their keys around it. */
export const COPY_TABLES = Object.keys(COPY_COLUMNS) as CopyTable[];

export function copyRow<T extends CopyTable>(table: T, row: CopyRows[T]): string {
  return copyLine(row as CopyRows[T] & Record<string, CopyValue>, COPY_COLUMNS[table]);
}

/** The COPY statement that reads these columns. */
export function copyStatement(table: CopyTable, freeze: boolean): string {
  return `copy ${table} (${COPY_COLUMNS[table].join(', ')}) from stdin${freeze ? ' with (freeze)' : ''}`;
}
