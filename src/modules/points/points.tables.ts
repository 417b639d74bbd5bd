/** Kysely types of the points tables (migrations/0010_volunteers.sql), merged into the shared DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type { EntryKind, Source } from './points-rules.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A local date 'YYYY-MM-DD' (the database layer reads dates as strings on both drivers). */
type DateColumn = ColumnType<string, string, string>;

export interface PointsRulesTable {
  id: Generated<string>;
  street_id: string | null;
  source: Source;
  points_per_hour: number;
  unit_minutes: number;
  max_minutes: number;
  volunteering: boolean;
  valid_days: number;
  valid_from: DateColumn;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PointsAccountsTable {
  id: Generated<string>;
  street_id: string;
  user_id: string;
  node_id: string;
  path: string;
  balance: ColumnType<number, number | undefined, number>;
  entries: ColumnType<number, number | undefined, number>;
  expiry_checked_on: DateColumn | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ServiceHoursTable {
  id: Generated<string>;
  street_id: string;
  user_id: string;
  source: Source;
  source_id: string | null;
  served_on: DateColumn;
  minutes: number;
  volunteering: boolean;
  note: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export type GoodsKind = 'goods' | 'service';
export type RedemptionStatus = 'placed' | 'collected' | 'cancelled';

export interface PointsGoodsTable {
  id: Generated<string>;
  street_id: string;
  node_id: string;
  kind: GoodsKind;
  name: string;
  description: string | null;
  price: number;
  stock: number;
  limit_per_person: number | null;
  retired_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PointsRedemptionsTable {
  id: Generated<string>;
  street_id: string;
  goods_id: string;
  account_id: string;
  user_id: string;
  code: string;
  quantity: number;
  points: number;
  status: ColumnType<RedemptionStatus, RedemptionStatus | undefined, RedemptionStatus>;
  placed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  collected_at: Timestamp | null;
  collected_by: string | null;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
}

export interface PointsEntriesTable {
  id: Generated<number>;
  street_id: string;
  account_id: string;
  seq: number;
  kind: EntryKind;
  points: number;
  balance_after: number;
  hours_id: string | null;
  expires_on: DateColumn | null;
  redemption_id: string | null;
  reason: string | null;
  actor_user_id: string | null;
  at: ColumnType<Date, Date | string | undefined, never>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    points_rules: PointsRulesTable;
    points_accounts: PointsAccountsTable;
    service_hours: ServiceHoursTable;
    points_goods: PointsGoodsTable;
    points_redemptions: PointsRedemptionsTable;
    points_entries: PointsEntriesTable;
  }
}
