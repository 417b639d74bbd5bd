/** What the generator's main thread and its street workers say to each other. */
import type { HistoryCategory } from '../../src/demo/street-index.ts';
import type { PlanNode } from '../../src/demo/street-plan.ts';
import type { DeadlinePolicy, ResponsePolicy } from '../../src/modules/cases/deadlines.ts';
import type { CityLayout, CityUser } from './city-plan.ts';
import type { CopyTable } from './copy-tables.ts';

/** Everything every street needs, read once from the database. */
export interface WorkerSetup {
  district: PlanNode;
  admin: CityUser;
  layout: CityLayout;
  categories: HistoryCategory[];
  policies: DeadlinePolicy[];
  responsePolicies: ResponsePolicy[];
  calendar: { holidays: string[]; makeupWorkdays: string[]; knownYears: number[] };
  timeZone: string;
  trackingSecret: string;
  passwordHash: string;
  nowMs: number;
  days: number;
}

export type ToWorker = { type: 'street'; index: number; seed: number; count: number } | { type: 'ack' };

export interface StreetSummary {
  index: number;
  grids: number;
  residents: number;
  cases: number;
  openCases: number;
  events: number;
  rollupRows: number;
  notifications: number;
}

export type FromWorker =
  /** COPY text in UTF-8, whole lines; its buffer is transferred, not copied. */
  | { type: 'rows'; table: CopyTable; bytes: Uint8Array; rows: number }
  | { type: 'done'; summary: StreetSummary }
  | { type: 'failed'; message: string };
