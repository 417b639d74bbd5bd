/**
 * The mediation API's shapes, taken type-only from the server's zod schemas, and the dispute
 * rules themselves (pure data: types, levels, the state machine), so the pages offer exactly the
 * moves the server allows.
 */
import type { z } from 'zod';
import type {
  agreementBody,
  agreementSchema,
  checkBody,
  disputeSchema,
  disputeSummarySchema,
  figuresSchema,
  heldBody,
  instalmentSchema,
  openDisputeBody,
  outcomeBody,
  sessionBody,
  sessionSchema,
  warningSchema,
} from '../../../src/modules/mediation/disputes.schemas.ts';
import type {
  bookingSchema,
  calendarEntrySchema,
  mediatorBody,
  mediatorSchema,
  slotSchema,
  studioBody,
  studioSchema,
} from '../../../src/modules/mediation/studios.schemas.ts';
import type { Json } from './types.ts';

export type Mediator = Json<z.infer<typeof mediatorSchema>>;
export type Studio = Json<z.infer<typeof studioSchema>>;
export type Slot = Json<z.infer<typeof slotSchema>>;
export type Booking = Json<z.infer<typeof bookingSchema>>;
export type CalendarEntry = Json<z.infer<typeof calendarEntrySchema>>;
export type DisputeSummary = Json<z.infer<typeof disputeSummarySchema>>;
export type Dispute = Json<z.infer<typeof disputeSchema>>;
export type DisputeSession = Json<z.infer<typeof sessionSchema>>;
export type Agreement = Json<z.infer<typeof agreementSchema>>;
export type Instalment = Json<z.infer<typeof instalmentSchema>>;
export type DisputeWarning = Json<z.infer<typeof warningSchema>>;
export type MediationFigures = Json<z.infer<typeof figuresSchema>>;

/** Request bodies as the client writes them. */
export type MediatorBody = z.input<typeof mediatorBody>;
export type StudioBody = z.input<typeof studioBody>;
export type OpenDisputeBody = z.input<typeof openDisputeBody>;
export type OutcomeBody = z.input<typeof outcomeBody>;
export type SessionBody = z.input<typeof sessionBody>;
export type HeldBody = z.input<typeof heldBody>;
export type AgreementBody = z.input<typeof agreementBody>;
export type CheckBody = z.input<typeof checkBody>;

export {
  CHECKABLE_STATES,
  DISPUTE_SOURCES,
  DISPUTE_STATES,
  DISPUTE_TYPES,
  type DisputeSource,
  type DisputeState,
  type DisputeType,
  DRAFTABLE_STATES,
  LEVELS,
  type Level,
  OPEN_STATES,
  OUTCOMES,
  type Outcome,
  REFERRALS,
  type Referral,
  RISK_LEVELS,
  RISK_REASONS,
  type RiskLevel,
  type RiskReason,
  TRANSITIONS,
} from '../../../src/modules/mediation/dispute-rules.ts';
export {
  MEDIATOR_KINDS,
  type MediatorKind,
  PARTY_SIDES,
  type PartySide,
} from '../../../src/modules/mediation/mediation.tables.ts';
