import type { ColumnType } from 'kysely';

export interface PrivacyRetentionTable {
  street_id: string;
  closed_case_months: number;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    privacy_retention: PrivacyRetentionTable;
  }
}
