/** Kysely types of activities, sessions, sign-ups and attendance (migrations/0010_volunteers.sql). */
import type { ColumnType, Generated } from 'kysely';
import type { ActivityKind, ActivityState, Eligibility, Recurrence, SignupStatus } from './activity-rules.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ActivitiesTable {
  id: Generated<string>;
  street_id: string;
  node_id: string;
  path: string;
  kind: ActivityKind;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  place: string;
  category_id: string | null;
  capacity: number;
  eligibility: ColumnType<Eligibility, string | undefined, string>;
  signup_closes_at: Timestamp | null;
  recurrence: ColumnType<Recurrence | null, string | null, string | null>;
  state: ActivityState;
  report_summary: string | null;
  reported_at: Timestamp | null;
  reported_by: string | null;
  created_by: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: UpdatedAt;
  version: ColumnType<number, number | undefined, number>;
}

export interface ActivitySessionsTable {
  id: Generated<string>;
  street_id: string;
  activity_id: string;
  seq: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  checkin_code: string;
  reminded_at: Timestamp | null;
  cancelled_at: Timestamp | null;
}

export interface ActivitySignupsTable {
  id: Generated<string>;
  street_id: string;
  activity_id: string;
  user_id: string;
  status: SignupStatus;
  signed_up_at: ColumnType<Date, Date | string | undefined, Date | string>;
  confirmed_at: Timestamp | null;
  promoted: ColumnType<boolean, boolean | undefined, boolean>;
  cancelled_at: Timestamp | null;
}

export interface ActivityAttendanceTable {
  id: Generated<string>;
  street_id: string;
  activity_id: string;
  session_id: string;
  user_id: string;
  checked_in_at: Timestamp;
  method: 'qr' | 'desk';
  recorded_by: string | null;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    activities: ActivitiesTable;
    activity_sessions: ActivitySessionsTable;
    activity_signups: ActivitySignupsTable;
    activity_attendance: ActivityAttendanceTable;
  }
}
