/** Kysely types of the service menu and requests (migrations/0010_volunteers.sql), merged into the shared DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type { RequestState } from './request-lifecycle.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;

export interface ServiceCategoriesTable {
  id: Generated<string>;
  street_id: string | null;
  code: string;
  name_zh: string;
  name_en: string;
  sort: ColumnType<number, number | undefined, number>;
  retired_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface ServiceItemsTable {
  id: Generated<string>;
  street_id: string | null;
  category_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  description_zh: ColumnType<string, string | undefined, string>;
  description_en: ColumnType<string, string | undefined, string>;
  skills: ColumnType<string[], string[] | undefined, string[]>;
  duration_minutes: ColumnType<number, number | undefined, number>;
  working_days: ColumnType<number, number | undefined, number>;
  sort: ColumnType<number, number | undefined, number>;
  retired_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface ServiceRequestCountersTable {
  street_id: string;
  year: number;
  last: number;
}

export interface ServiceRequestsTable {
  id: Generated<string>;
  street_id: string;
  number: string;
  item_id: string;
  requester_user_id: string;
  node_id: string;
  path: string;
  description: string;
  address: string | null;
  contact_phone: string | null;
  preferred_time: string | null;
  state: RequestState;
  volunteer_id: string | null;
  matched_at: Timestamp | null;
  started_at: Timestamp | null;
  completed_at: Timestamp | null;
  minutes_served: number | null;
  due_date: DateColumn;
  due_at: Timestamp;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Timestamp | null;
  closing_reason: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: UpdatedAt;
  version: ColumnType<number, number | undefined, number>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    service_categories: ServiceCategoriesTable;
    service_items: ServiceItemsTable;
    service_request_counters: ServiceRequestCountersTable;
    service_requests: ServiceRequestsTable;
  }
}
