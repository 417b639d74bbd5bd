/** Kysely types of the API keys and of the cases outside systems hand over (migrations/0013_integration.sql). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;

export const KEY_SCOPES = ['open311', 'hotline'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

export interface ApiKeysTable {
  id: Generated<string>;
  street_id: string;
  name: string;
  scopes: KeyScope[];
  key_hash: string;
  key_prefix: string;
  rate_limit_per_minute: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

export interface ApiKeyUsageTable {
  api_key_id: string;
  minute: Timestamp;
  count: number;
}

export interface Requester {
  email?: string;
  deviceId?: string;
  accountId?: string;
}

export interface ExternalCasesTable {
  case_id: string;
  street_id: string;
  api_key_id: string;
  channel: KeyScope;
  external_id: string | null;
  token: Generated<string>;
  attributes: ColumnType<Record<string, string | string[]>, string | undefined, string>;
  media_url: string | null;
  requester: Json<Requester>;
  created_at: CreatedAt;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    api_keys: ApiKeysTable;
    api_key_usage: ApiKeyUsageTable;
    external_cases: ExternalCasesTable;
  }
}
