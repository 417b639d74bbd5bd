/** Kysely types of webhook subscriptions, the outbox of deliveries and their attempts (migrations/0013_integration.sql). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface WebhookSubscriptionsTable {
  id: Generated<string>;
  street_id: string;
  name: string;
  url: string;
  secret: string;
  event_types: string[];
  api_key_id: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  street_id: string;
  subscription_id: string;
  event_id: number;
  event_type: string;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_until: Timestamp | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface WebhookAttemptsTable {
  id: Generated<number>;
  street_id: string;
  delivery_id: number;
  attempt: number;
  manual: ColumnType<boolean, boolean | undefined, never>;
  at: ColumnType<Date, Date | string | undefined, never>;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    webhook_subscriptions: WebhookSubscriptionsTable;
    webhook_deliveries: WebhookDeliveriesTable;
    webhook_attempts: WebhookAttemptsTable;
  }
}
