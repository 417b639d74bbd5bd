/** Kysely types of the deliberation tables (migrations/0014_deliberation.sql), merged into the shared DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type { Step } from './topic-steps.ts';
import type { Channel, Choice, Tally, Weighting } from './vote-tally.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Defaulted = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;

export type MeetingKind = 'council' | 'property_day' | 'ad_hoc';
export type Party =
  | 'party_organisation'
  | 'residents_committee'
  | 'owners_committee'
  | 'property_company'
  | 'street_department'
  | 'residents_representative';
export type FundSource = 'maintenance_fund' | 'public_revenue' | 'street_budget' | 'property_company' | 'owners' | 'donation';

export interface DelibCountersTable {
  street_id: string;
  kind: 'topic' | 'meeting' | 'vote';
  year: number;
  last: number;
}

export interface DelibTopicsTable {
  id: Generated<string>;
  street_id: string;
  number: string;
  estate_id: string;
  community_id: string;
  building_id: string | null;
  location_path: string;
  title: string;
  description: string;
  search_text: string;
  estimated_cost_fen: number | null;
  step: Step;
  proposed_via: 'resident' | 'grid_worker' | 'case';
  proposer_user_id: string;
  source_case_id: string | null;
  merged_into_id: string | null;
  public_reason: string | null;
  conclusion: string | null;
  action_plan: string | null;
  action_party: string | null;
  support_count: ColumnType<number, number | undefined, number>;
  rating_count: ColumnType<number, number | undefined, number>;
  rating_sum: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Defaulted;
  updated_at: Defaulted;
  /** When it reached its conclusion and when it was closed; stamped by migration 0019's trigger as the step moves. */
  concluded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface DelibSupportsTable {
  topic_id: string;
  user_id: string;
  household_id: string | null;
  created_at: Defaulted;
}

export interface DelibRatingsTable {
  topic_id: string;
  user_id: string;
  score: number;
  comment: string | null;
  created_at: Defaulted;
}

export interface DelibMeetingsTable {
  id: Generated<string>;
  street_id: string;
  number: string;
  community_id: string;
  estate_id: string | null;
  location_path: string;
  kind: MeetingKind;
  title: string;
  starts_at: Timestamp;
  place: string;
  status: ColumnType<'planned' | 'held' | 'cancelled', 'planned' | 'held' | 'cancelled' | undefined>;
  minutes: string | null;
  checkin_code: string;
  created_by: string;
  created_at: Defaulted;
  updated_at: Defaulted;
}

export interface DelibAgendaItemsTable {
  meeting_id: string;
  topic_id: string;
  seq: number;
}

export interface DelibInvitationsTable {
  meeting_id: string;
  party: Party;
  organisation_id: string | null;
}

export interface DelibAttendanceTable {
  meeting_id: string;
  user_id: string;
  party: Party;
  method: 'qr' | 'desk';
  at: Defaulted;
}

export interface DelibResolutionsTable {
  id: Generated<string>;
  street_id: string;
  meeting_id: string;
  topic_id: string | null;
  text: string;
  owner_party: string;
  due_on: DateColumn;
  case_id: string | null;
  created_by: string;
  created_at: Defaulted;
}

export interface DelibVotesTable {
  id: Generated<string>;
  street_id: string;
  number: string;
  topic_id: string | null;
  estate_id: string;
  building_id: string | null;
  location_path: string;
  title: string;
  weighting: Weighting;
  quorum_num: number;
  quorum_den: number;
  pass_num: number;
  pass_den: number;
  pass_base: 'participating' | 'electorate';
  pass_strict: boolean;
  electorate_households: number;
  electorate_area_cm2: number;
  opens_at: Timestamp;
  closes_at: Timestamp;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined>;
  result: 'passed' | 'failed' | 'no_quorum' | null;
  tally: ColumnType<Tally | null, string | null, string | null>;
  created_by: string;
  created_at: Defaulted;
  closed_at: Timestamp | null;
}

export interface DelibBallotsTable {
  vote_id: string;
  household_id: string;
  choice: Choice;
  channel: Channel;
  area_cm2: number;
  cast_by_user_id: string;
  cast_at: Defaulted;
}

export interface DelibFundLinesTable {
  id: Generated<string>;
  street_id: string;
  estate_id: string;
  location_path: string;
  topic_id: string | null;
  source: FundSource;
  amount_fen: number;
  spent_on: string;
  paid_on: DateColumn;
  created_by: string;
  created_at: Defaulted;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    delib_counters: DelibCountersTable;
    delib_topics: DelibTopicsTable;
    delib_supports: DelibSupportsTable;
    delib_ratings: DelibRatingsTable;
    delib_meetings: DelibMeetingsTable;
    delib_agenda_items: DelibAgendaItemsTable;
    delib_invitations: DelibInvitationsTable;
    delib_attendance: DelibAttendanceTable;
    delib_resolutions: DelibResolutionsTable;
    delib_votes: DelibVotesTable;
    delib_ballots: DelibBallotsTable;
    delib_fund_lines: DelibFundLinesTable;
  }
}
