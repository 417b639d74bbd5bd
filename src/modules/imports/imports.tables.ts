/** Kysely types of population register imports (migrations/0013_integration.sql). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export const IMPORT_STATUSES = ['uploaded', 'validating', 'invalid', 'committing', 'committed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface RowError {
  /** The row's number in the file, the header being row 1 as a spreadsheet counts. */
  row: number;
  column: string;
  value: string;
  code: string;
}

export interface RegisterImportsTable {
  id: Generated<string>;
  street_id: string;
  created_by: string;
  file_name: string;
  file_hash: string;
  format: 'xlsx' | 'csv';
  encoding: 'utf-8' | 'gbk' | null;
  headers: ColumnType<string[], string[] | undefined, string[]>;
  mapping: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  status: ColumnType<ImportStatus, ImportStatus | undefined, ImportStatus>;
  total_rows: ColumnType<number, number | undefined, number>;
  processed_rows: ColumnType<number, number | undefined, number>;
  error_count: ColumnType<number, number | undefined, number>;
  errors: ColumnType<RowError[], string | undefined, string>;
  inserted: ColumnType<number, number | undefined, number>;
  updated: ColumnType<number, number | undefined, number>;
  households_created: ColumnType<number, number | undefined, number>;
  failure: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  finished_at: Timestamp | null;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    register_imports: RegisterImportsTable;
  }
}
