/** The rows of the demo case history, as the tables of migrations/0002_cases.sql hold them. */

import type { CasesTable } from '../modules/cases/cases.tables.ts';
import type { CaseState, Tier } from '../modules/cases/lifecycle.ts';
import type { HazardOrderRow, ReinspectionRow } from './hazard-script.ts';
import type { FindingRow } from './hazard-story.ts';

type Nullable<T> = T | null;

export interface PlannedCase {
  id: string;
  street_id: string;
  number: string;
  tracking_hash: string;
  source: CasesTable['source'];
  kind: CasesTable['kind'];
  category_id: string;
  title: string;
  description: string;
  priority: CasesTable['priority'];
  state: CaseState;
  lon: number;
  lat: number;
  address: string;
  building_id: string;
  grid_id: string;
  community_id: string;
  location_path: string;
  reporter_user_id: Nullable<string>;
  reporter_name: Nullable<string>;
  reporter_phone: Nullable<string>;
  anonymous: boolean;
  tier: Tier;
  assignee_user_id: Nullable<string>;
  assignee_org_id: Nullable<string>;
  deadline_kind: Nullable<'handle' | 'answer' | 'explain'>;
  deadline_started_at: Nullable<Date>;
  deadline_working_days: Nullable<number>;
  due_at: Nullable<Date>;
  due_date: Nullable<string>;
  due_provisional: boolean;
  warn_at: Nullable<Date>;
  warned_at: Nullable<Date>;
  overdue_at: Nullable<Date>;
  ever_overdue: boolean;
  response_due_at: Date | null;
  first_contact_at: Nullable<Date>;
  response_overdue_at: Nullable<Date>;
  suspended_from: Nullable<CaseState>;
  remaining_working_days: Nullable<number>;
  resolved_at: Nullable<Date>;
  rating_reminded_at: Nullable<Date>;
  resolution: Nullable<string>;
  solved_tier: Nullable<Tier>;
  rating: Nullable<number>;
  rating_comment: Nullable<string>;
  rated_at: Nullable<Date>;
  closed_at: Nullable<Date>;
  close_reason: Nullable<'rated' | 'not_rated' | 'closed_by_staff'>;
  /** A hazard confirmed fixed by a re-inspection. */
  rectified_at: Nullable<Date>;
  reject_reason: Nullable<string>;
  merged_into: Nullable<string>;
  returned_count: number;
  escalation_count: number;
  urge_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The columns a deadline sets. */

export interface PlannedNotice {
  audience: 'handlers' | 'reporters' | 'supervisors';
  kind: string;
  data: Record<string, unknown>;
  /** The actor is not told of their own action. */
  exclude: string | null;
}

/** Who a notice reached depends on where the case stood when it was sent. */
export interface NoticeSnapshot {
  tier: Tier;
  assigneeUserId: string | null;
  assigneeOrgId: string | null;
}

export interface PlannedEvent {
  entity_id: string;
  type: string;
  actor_user_id: string | null;
  at: Date;
  data: Record<string, unknown>;
  notices: (PlannedNotice & { snapshot: NoticeSnapshot })[];
}

export interface PlannedContact {
  street_id: string;
  case_id: string;
  by_user_id: string;
  channel: 'call' | 'visit' | 'message';
  note: string;
  at: Date;
}

export interface PlannedNotification {
  street_id: string;
  user_id: string;
  kind: string;
  case_id: string;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

export interface CaseHistory {
  cases: PlannedCase[];
  /** Every case's events, oldest first across the street, so their ids grow with time. */
  events: PlannedEvent[];
  contacts: PlannedContact[];
  orgAccess: { case_id: string; organisation_id: string }[];
  followers: { case_id: string; source_case_id: string }[];
  notifications: PlannedNotification[];
  counters: { street_id: string; year: number; last: number }[];
  /** The patrol findings behind hazard cases, their rectification orders and re-inspections. */
  hazards: {
    findings: FindingRow[];
    orders: HazardOrderRow[];
    reinspections: ReinspectionRow[];
  };
}
