/** The rows of the demo mediation history, as the tables of migrations/0008_mediation.sql hold them. */
import { randomUUID } from 'node:crypto';
import type {
  DisputeSource,
  DisputeState,
  DisputeType,
  Level,
  Outcome,
  Referral,
  RiskLevel,
  RiskReason,
} from '../modules/mediation/dispute-rules.ts';
import type { PartySide } from '../modules/mediation/mediation.tables.ts';
import type { InstalmentStatus } from '../modules/mediation/performance.ts';
import type { MediatorRow, StudioRow } from './mediation-people.ts';

export interface DisputeRow {
  id: string;
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
  risk_reasons: RiskReason[];
  state: DisputeState;
  outcome: Outcome | null;
  referral: Referral | null;
  mediator_id: string | null;
  studio_id: string | null;
  opened_by: string;
  opened_at: Date;
  outcome_at: Date | null;
  closed_at: Date | null;
  version: number;
  updated_at: Date;
}

export interface PartyRow {
  id: string;
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

export interface SessionRow {
  id: string;
  street_id: string;
  dispute_id: string;
  studio_id: string | null;
  place: string | null;
  scheduled_at: Date;
  mediator_ids: string[];
  status: 'scheduled' | 'held';
  held_at: Date | null;
  attendees: string[];
  notes: string | null;
  next_steps: string | null;
  created_by: string;
  created_at: Date;
}

export interface AgreementRow {
  id: string;
  street_id: string;
  dispute_id: string;
  version: number;
  facts: string;
  terms: string[];
  created_by: string;
  created_at: Date;
}

export interface InstalmentRow {
  id: string;
  street_id: string;
  agreement_id: string;
  dispute_id: string;
  seq: number;
  due_date: string;
  amount_fen: number;
  what: string;
  status: InstalmentStatus;
  paid_fen: number;
  checked_by: string | null;
  checked_at: Date | null;
  check_note: string | null;
  due_reminded_at: Date | null;
  overdue_reminded_at: Date | null;
}

export interface BookingRow {
  id: string;
  street_id: string;
  studio_id: string;
  slot_start: Date;
  slot_end: Date;
  user_id: string;
  topic: string;
  status: 'booked' | 'cancelled';
  created_at: Date;
  cancelled_at: Date | null;
}

/** A change on a file's timeline, as recordDisputeEvent writes it. */
export interface DisputeEvent {
  entity_id: string;
  type: string;
  actor_user_id: string | null;
  at: Date;
  data: Record<string, unknown>;
}

/** A notification the services sent: its data already carries the file's id, number and title. */
export interface DisputeNotice {
  user_id: string;
  kind: string;
  at: Date;
  data: Record<string, unknown>;
}

export interface MediationHistory {
  mediators: MediatorRow[];
  studios: StudioRow[];
  studioMediators: { studio_id: string; mediator_id: string }[];
  bookings: BookingRow[];
  disputes: DisputeRow[];
  parties: PartyRow[];
  sessions: SessionRow[];
  agreements: AgreementRow[];
  instalments: InstalmentRow[];
  /** Every file's events, oldest first across the street. */
  events: DisputeEvent[];
  notices: DisputeNotice[];
  counters: { street_id: string; year: number; last: number }[];
}

/** A session as scheduleSession writes it: not held yet, nobody recorded. */
export function newSession(
  dispute: DisputeRow,
  session: Pick<SessionRow, 'studio_id' | 'place' | 'scheduled_at' | 'mediator_ids'>,
  actor: string,
  at: Date,
): SessionRow {
  return {
    id: randomUUID(),
    street_id: dispute.street_id,
    dispute_id: dispute.id,
    ...session,
    status: 'scheduled',
    held_at: null,
    attendees: [],
    notes: null,
    next_steps: null,
    created_by: actor,
    created_at: at,
  };
}

export function newAgreement(
  dispute: DisputeRow,
  version: number,
  text: Pick<AgreementRow, 'facts' | 'terms'>,
  actor: string,
  at: Date,
): AgreementRow {
  return {
    id: randomUUID(),
    street_id: dispute.street_id,
    dispute_id: dispute.id,
    version,
    ...text,
    created_by: actor,
    created_at: at,
  };
}

/** An instalment of the performance schedule, pending until it is checked. */
export function newInstalment(
  agreement: AgreementRow,
  seq: number,
  item: { dueDate: string; amountFen: number; what: string },
): InstalmentRow {
  return {
    id: randomUUID(),
    street_id: agreement.street_id,
    agreement_id: agreement.id,
    dispute_id: agreement.dispute_id,
    seq,
    due_date: item.dueDate,
    amount_fen: item.amountFen,
    what: item.what,
    status: 'pending',
    paid_fen: 0,
    checked_by: null,
    checked_at: null,
    check_note: null,
    due_reminded_at: null,
    overdue_reminded_at: null,
  };
}
