import type { Generated } from 'kysely';

interface StatReportsTable {
  id: Generated<string>;
  street_id: string;
  node_id: string;
  month: string;
  lang: string;
  pdf: Buffer;
  xlsx: Buffer;
  produced_by: string | null;
  produced_at: Generated<Date>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    stat_reports: StatReportsTable;
  }
}
