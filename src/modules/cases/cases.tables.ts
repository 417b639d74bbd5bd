/** Kysely types of the case module's tables (migrations/0002_cases.sql), merged into the shared DB interface. */
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CaseState, Tier } from './lifecycle.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface CaseCategoriesTable {
  id: Generated<string>;
  parent_id: string | null;
  code: string;
  name_zh: string;
  name_en: string;
  kind: 'demand' | 'complaint' | 'hazard' | 'incident';
  department_code: string | null;
  sort: Generated<number>;
  retired_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface DeadlinePoliciesTable {
  id: Generated<string>;
  street_id: string | null;
  tier: Tier;
  category_id: string | null;
  working_days: number;
  kind: 'handle' | 'answer' | 'explain';
  warn_hours: number;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ResponsePoliciesTable {
  priority: 'low' | 'normal' | 'high' | 'urgent';
  hours: number | null;
  working_days: number | null;
}

export interface CaseCountersTable {
  street_id: string;
  year: number;
  last: number;
}

export interface CasesTable {
  id: Generated<string>;
  street_id: string;
  number: string;
  tracking_hash: string;
  source: 'resident' | 'patrol' | 'hotline' | 'walk_in' | 'staff';
  kind: 'demand' | 'complaint' | 'hazard' | 'incident';
  category_id: string;
  title: string;
  description: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  state: CaseState;
  lon: number | null;
  lat: number | null;
  address: string | null;
  building_id: string | null;
  grid_id: string | null;
  community_id: string | null;
  location_path: string;
  reporter_user_id: string | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  /** Set by the privacy retention job once the personal data of a finished case is removed. */
  anonymised_at: Timestamp | null;
  anonymous: Generated<boolean>;
  tier: Tier;
  assignee_user_id: string | null;
  assignee_org_id: string | null;
  deadline_kind: 'handle' | 'answer' | 'explain' | null;
  deadline_started_at: Timestamp | null;
  deadline_working_days: number | null;
  due_at: Timestamp | null;
  due_date: string | null;
  due_provisional: Generated<boolean>;
  warn_at: Timestamp | null;
  warned_at: Timestamp | null;
  overdue_at: Timestamp | null;
  ever_overdue: Generated<boolean>;
  response_due_at: Timestamp | null;
  first_contact_at: Timestamp | null;
  response_overdue_at: Timestamp | null;
  suspended_from: CaseState | null;
  remaining_working_days: number | null;
  resolved_at: Timestamp | null;
  rating_reminded_at: Timestamp | null;
  resolution: string | null;
  solved_tier: Tier | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Timestamp | null;
  closed_at: Timestamp | null;
  close_reason: 'rated' | 'not_rated' | 'closed_by_staff' | null;
  /** A hazard confirmed fixed by a re-inspection (migrations/0007_patrols.sql). */
  rectified_at: Timestamp | null;
  reject_reason: string | null;
  merged_into: string | null;
  returned_count: Generated<number>;
  escalation_count: Generated<number>;
  urge_count: Generated<number>;
  idempotency_scope: string | null;
  idempotency_key: string | null;
  version: Generated<number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CaseOrgAccessTable {
  case_id: string;
  organisation_id: string;
}

export interface CaseFollowersTable {
  case_id: string;
  source_case_id: string;
}

export interface CaseContactsTable {
  id: Generated<string>;
  street_id: string;
  case_id: string;
  by_user_id: string;
  channel: 'call' | 'visit' | 'message';
  note: string;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    case_categories: CaseCategoriesTable;
    deadline_policies: DeadlinePoliciesTable;
    response_policies: ResponsePoliciesTable;
    case_counters: CaseCountersTable;
    cases: CasesTable;
    case_org_access: CaseOrgAccessTable;
    case_followers: CaseFollowersTable;
    case_contacts: CaseContactsTable;
    server_secrets: ServerSecretsTable;
  }
}

export type CaseRecord = Selectable<CasesTable>;
