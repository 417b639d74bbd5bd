/** Kysely types of the mediation module's tables (migrations/0008_mediation.sql), merged into the shared DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type {
  DisputeSource,
  DisputeState,
  DisputeType,
  Level,
  Outcome,
  Referral,
  RiskLevel,
  RiskReason,
} from './dispute-rules.ts';
import type { InstalmentStatus } from './performance.ts';
import type { OpeningHours } from './studio-schedule.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DateColumn = ColumnType<string, string, string>;

export const MEDIATOR_KINDS = ['staff', 'lawyer', 'retired_judge', 'volunteer'] as const;
export type MediatorKind = (typeof MEDIATOR_KINDS)[number];
export const PARTY_SIDES = ['applicant', 'respondent', 'third_party'] as const;
export type PartySide = (typeof PARTY_SIDES)[number];

export interface MediatorsTable {
  id: Generated<string>;
  street_id: string;
  node_id: string;
  user_id: string | null;
  name: string;
  kind: MediatorKind;
  phone: string | null;
  affiliation: string | null;
  created_at: CreatedAt;
  retired_at: Timestamp | null;
}

export interface MediationStudiosTable {
  id: Generated<string>;
  street_id: string;
  node_id: string;
  name: string;
  address: string;
  schedule: ColumnType<OpeningHours[], string, string>;
  created_by: string | null;
  created_at: CreatedAt;
  retired_at: Timestamp | null;
}

export interface MediationStudioMediatorsTable {
  studio_id: string;
  mediator_id: string;
}

export interface MediationBookingsTable {
  id: Generated<string>;
  street_id: string;
  studio_id: string;
  slot_start: Timestamp;
  slot_end: Timestamp;
  user_id: string;
  topic: string;
  status: ColumnType<'booked' | 'cancelled', 'booked' | 'cancelled' | undefined, 'booked' | 'cancelled'>;
  created_at: CreatedAt;
  cancelled_at: Timestamp | null;
}

export interface DisputeCountersTable {
  street_id: string;
  year: number;
  last: number;
}

export interface DisputesTable {
  id: Generated<string>;
  street_id: string;
  number: string;
  node_id: string;
  location_path: string;
  handling_node_id: string;
  handling_path: string;
  level: Level;
  source: DisputeSource;
  case_id: string | null;
  referred_by: string | null;
  type: DisputeType;
  title: string;
  facts: string;
  people_involved: number;
  amount_fen: number;
  risk_level: RiskLevel;
  risk_reasons: ColumnType<RiskReason[], RiskReason[] | undefined, RiskReason[]>;
  state: DisputeState;
  outcome: Outcome | null;
  referral: Referral | null;
  mediator_id: string | null;
  studio_id: string | null;
  opened_by: string;
  opened_at: ColumnType<Date, Date | string | undefined, Date | string>;
  outcome_at: Timestamp | null;
  closed_at: Timestamp | null;
  version: Generated<number>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface DisputePartiesTable {
  id: Generated<string>;
  dispute_id: string;
  seq: number;
  side: PartySide;
  kind: 'person' | 'organisation';
  name: string;
  phone: string | null;
  id_number: string | null;
  address: string | null;
  user_id: string | null;
}

export interface DisputeSessionsTable {
  id: Generated<string>;
  street_id: string;
  dispute_id: string;
  studio_id: string | null;
  place: string | null;
  scheduled_at: Timestamp;
  mediator_ids: string[];
  status: ColumnType<
    'scheduled' | 'held' | 'cancelled',
    'scheduled' | 'held' | 'cancelled' | undefined,
    'scheduled' | 'held' | 'cancelled'
  >;
  held_at: Timestamp | null;
  attendees: ColumnType<string[], string[] | undefined, string[]>;
  notes: string | null;
  next_steps: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface DisputeAgreementsTable {
  id: Generated<string>;
  street_id: string;
  dispute_id: string;
  version: number;
  facts: string;
  terms: ColumnType<string[], string, string>;
  created_by: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface DisputeInstalmentsTable {
  id: Generated<string>;
  street_id: string;
  agreement_id: string;
  dispute_id: string;
  seq: number;
  due_date: DateColumn;
  amount_fen: number;
  what: string;
  status: ColumnType<InstalmentStatus, InstalmentStatus | undefined, InstalmentStatus>;
  paid_fen: ColumnType<number, number | undefined, number>;
  checked_by: string | null;
  checked_at: Timestamp | null;
  check_note: string | null;
  due_reminded_at: Timestamp | null;
  overdue_reminded_at: Timestamp | null;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    mediators: MediatorsTable;
    mediation_studios: MediationStudiosTable;
    mediation_studio_mediators: MediationStudioMediatorsTable;
    mediation_bookings: MediationBookingsTable;
    dispute_counters: DisputeCountersTable;
    disputes: DisputesTable;
    dispute_parties: DisputePartiesTable;
    dispute_sessions: DisputeSessionsTable;
    dispute_agreements: DisputeAgreementsTable;
    dispute_instalments: DisputeInstalmentsTable;
  }
}
