/** Kysely types of the care module's tables (migrations/0011_care.sql), merged into the shared DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type { CareGroup, CareNeed, CareRisk, CloseReason, Festival, RuleUnit, VisitMethod, Wellbeing } from './care-rules.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A local date, 'YYYY-MM-DD'. */
type DateColumn = ColumnType<string, string, string>;

export interface CareVisitRulesTable {
  id: Generated<string>;
  street_id: string | null;
  care_group: CareGroup;
  risk_level: CareRisk;
  every: number;
  unit: RuleUnit;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CareCountersTable {
  street_id: string;
  year: number;
  last: number;
}

export interface CareFilesTable {
  id: Generated<string>;
  street_id: string;
  number: string;
  resident_id: string;
  household_id: string;
  grid_id: string;
  community_id: string;
  location_path: string;
  groups: ColumnType<CareGroup[], CareGroup[], CareGroup[]>;
  risk_level: CareRisk;
  risk_note: string | null;
  situation: string | null;
  guardian_name: string | null;
  guardian_phone: string | null;
  status: ColumnType<'active' | 'closed', 'active' | 'closed' | undefined, 'active' | 'closed'>;
  close_reason: CloseReason | null;
  close_note: string | null;
  opened_by: string;
  opened_at: ColumnType<Date, Date | string | undefined, Date | string>;
  start_date: DateColumn;
  last_visit_date: DateColumn | null;
  next_due_date: DateColumn | null;
  missed_alerted_for: DateColumn | null;
  closed_at: Timestamp | null;
  version: Generated<number>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CareCampaignsTable {
  id: Generated<string>;
  street_id: string;
  node_id: string;
  node_path: string;
  name: string;
  festival: Festival;
  groups: ColumnType<CareGroup[], CareGroup[], CareGroup[]>;
  starts_on: DateColumn;
  ends_on: DateColumn;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface CareVisitsTable {
  id: Generated<string>;
  street_id: string;
  file_id: string;
  client_id: string;
  visited_at: Timestamp;
  visit_date: DateColumn;
  due_date: DateColumn;
  on_time: boolean;
  method: VisitMethod;
  wellbeing: Wellbeing;
  observations: string;
  needs: ColumnType<CareNeed[], CareNeed[] | undefined, CareNeed[]>;
  needs_note: string | null;
  campaign_id: string | null;
  follow_up_case_id: string | null;
  visitor_user_id: string;
  created_at: CreatedAt;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    care_visit_rules: CareVisitRulesTable;
    care_counters: CareCountersTable;
    care_files: CareFilesTable;
    care_campaigns: CareCampaignsTable;
    care_visits: CareVisitsTable;
  }
}
