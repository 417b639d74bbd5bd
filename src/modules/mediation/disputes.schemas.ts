/** The API contract of dispute files, their sessions, agreements and follow-up, early warning and figures. */
import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import {
  DISPUTE_SOURCES,
  DISPUTE_STATES,
  DISPUTE_TYPES,
  LEVELS,
  OUTCOMES,
  REFERRALS,
  RISK_LEVELS,
  RISK_REASONS,
} from './dispute-rules.ts';
import { isoDate, phone, text, yuan } from './mediation.schemas.ts';
import { PARTY_SIDES } from './mediation.tables.ts';
import { INSTALMENT_STATUSES } from './performance.ts';

// ---- disputes ----

const partyInput = z.object({
  side: z.enum(PARTY_SIDES),
  kind: z.enum(['person', 'organisation']).default('person'),
  name: text(100),
  phone: phone.optional(),
  idNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{6,20}$/, 'Enter an ID card number or a unified credit code.')
    .optional(),
  address: text(200).optional(),
});

export const openDisputeBody = z
  .object({
    source: z.enum(DISPUTE_SOURCES),
    caseId: z.uuid().optional().describe('The case the dispute comes from; its reporter becomes a party'),
    nodeId: z.uuid().optional().describe('Where the dispute arose; defaults to the case’s grid'),
    referredBy: text(100).optional().describe('Who referred it: police station, petition office, court ...'),
    type: z.enum(DISPUTE_TYPES),
    title: text(100),
    facts: text(5000),
    parties: z.array(partyInput).max(30).default([]),
    peopleInvolved: z.number().int().min(1).max(100_000),
    amount: yuan.default(0).describe('Yuan at stake'),
    riskLevel: z.enum(RISK_LEVELS),
    riskReasons: z.array(z.enum(RISK_REASONS)).max(RISK_REASONS.length).default([]),
    mediatorId: z.uuid().optional(),
    studioId: z.uuid().optional(),
  })
  .refine((d) => d.source !== 'case' || d.caseId, { message: 'Choose the case the dispute comes from.', path: ['caseId'] })
  .refine((d) => d.source === 'case' || !d.caseId, { message: 'Only a dispute from a case names a case.', path: ['caseId'] })
  .refine((d) => d.source === 'case' || d.nodeId, { message: 'Choose where the dispute arose.', path: ['nodeId'] })
  .refine((d) => d.source !== 'referral' || d.referredBy, { message: 'Say who referred the dispute.', path: ['referredBy'] });

export const disputePatchBody = z.object({
  peopleInvolved: z.number().int().min(1).max(100_000).optional(),
  amount: yuan.optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
  riskReasons: z.array(z.enum(RISK_REASONS)).max(RISK_REASONS.length).optional(),
  mediatorId: z.uuid().nullable().optional(),
  studioId: z.uuid().nullable().optional(),
  parties: z.array(partyInput).max(30).optional().describe('Replaces the list of parties'),
});

export const partySchema = z.object({
  id: z.uuid(),
  side: z.enum(PARTY_SIDES),
  kind: z.enum(['person', 'organisation']),
  name: z.string(),
  phone: z.string().nullable().describe('Personal data: masked outside the mediation role'),
  idNumber: z.string().nullable().describe('Personal data: masked outside the mediation role'),
  address: z.string().nullable(),
});

export const disputeSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    title: z.string(),
    type: z.enum(DISPUTE_TYPES),
    source: z.enum(DISPUTE_SOURCES),
    level: z.enum(LEVELS),
    state: z.enum(DISPUTE_STATES),
    riskLevel: z.enum(RISK_LEVELS),
    riskReasons: z.array(z.enum(RISK_REASONS)),
    peopleInvolved: z.number(),
    amount: z.number().describe('Yuan'),
    nodeId: z.uuid(),
    nodeName: z.string(),
    openedAt: z.date(),
    daysOpen: z.number(),
  })
  .meta({ id: 'DisputeSummary' });

export const eventSchema = z.object({
  type: z.string(),
  at: z.date(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const disputeSchema = disputeSummarySchema
  .extend({
    caseId: z.uuid().nullable(),
    referredBy: z.string().nullable(),
    facts: z.string(),
    handlingNodeId: z.uuid(),
    handlingNodeName: z.string(),
    outcome: z.enum(OUTCOMES).nullable(),
    referral: z.enum(REFERRALS).nullable(),
    mediatorId: z.uuid().nullable(),
    mediatorName: z.string().nullable(),
    studioId: z.uuid().nullable(),
    studioName: z.string().nullable(),
    parties: z.array(partySchema),
    canManage: z.boolean(),
    version: z.number(),
    timeline: z.array(eventSchema),
  })
  .meta({ id: 'Dispute' });

export const listDisputesQuery = z.object({
  ...pageQuery,
  state: z.enum(DISPUTE_STATES).optional(),
  type: z.enum(DISPUTE_TYPES).optional(),
  level: z.enum(LEVELS).optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
  nodeId: z.uuid().optional(),
});

export const escalateBody = z.object({ reason: text(1000, 'Give the reason for escalating.') });
export const transitionBody = z.object({
  to: z.enum(['in_mediation', 'following_up', 'closed']).describe('Outcomes and reopening have their own endpoints'),
  note: text(1000).optional(),
});
export const outcomeBody = z.object({
  outcome: z.enum(OUTCOMES),
  referral: z.enum(REFERRALS).optional().describe('Where a failed mediation was referred'),
  note: text(1000).optional(),
});

// ---- sessions ----

export const sessionBody = z.object({
  scheduledAt: z.iso.datetime({ offset: true }),
  studioId: z.uuid().optional(),
  place: text(200).optional(),
  mediatorIds: z.array(z.uuid()).max(10).default([]),
});

export const heldBody = z.object({
  heldAt: z.iso.datetime({ offset: true }).optional().describe('Defaults to now'),
  attendees: z.array(text(100)).min(1, 'Name who attended.').max(50),
  notes: text(5000),
  nextSteps: text(2000).optional(),
  photoIds: z.array(z.uuid()).max(9).default([]).describe('Evidence photos uploaded through /api/photos'),
});

export const sessionSchema = z
  .object({
    id: z.uuid(),
    disputeId: z.uuid(),
    scheduledAt: z.date(),
    studioId: z.uuid().nullable(),
    studioName: z.string().nullable(),
    place: z.string().nullable(),
    mediators: z.array(z.object({ id: z.uuid(), name: z.string() })),
    status: z.enum(['scheduled', 'held', 'cancelled']),
    heldAt: z.date().nullable(),
    attendees: z.array(z.string()),
    notes: z.string().nullable(),
    nextSteps: z.string().nullable(),
    photos: z.array(z.object({ id: z.uuid(), url: z.string(), thumbnailUrl: z.string() })).describe('Evidence photos'),
  })
  .meta({ id: 'DisputeSession' });

export const sessionParams = z.object({ id: z.uuid(), sessionId: z.uuid() });

// ---- agreements and follow-up ----

export const agreementBody = z.object({
  facts: text(5000),
  terms: z.array(text(1000)).min(1, 'Write at least one term.').max(30),
  schedule: z
    .array(z.object({ dueDate: isoDate, amount: yuan, what: text(200) }))
    .max(60)
    .default([])
    .describe('The performance schedule: instalments by due date'),
});

export const instalmentSchema = z.object({
  id: z.uuid(),
  seq: z.number(),
  dueDate: z.string(),
  amount: z.number().describe('Yuan'),
  what: z.string(),
  status: z.enum(INSTALMENT_STATUSES),
  paidAmount: z.number().describe('Yuan'),
  checkedAt: z.date().nullable(),
  note: z.string().nullable(),
});

export const agreementSchema = z
  .object({
    id: z.uuid(),
    disputeId: z.uuid(),
    version: z.number(),
    facts: z.string(),
    terms: z.array(z.string()),
    schedule: z.array(instalmentSchema),
    createdAt: z.date(),
  })
  .meta({ id: 'MediationAgreement' });

export const agreementQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
export const agreementPdfQuery = agreementQuery.extend({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') });

export const checkBody = z.object({
  result: z.enum(['paid', 'partly', 'not_paid']),
  paidAmount: yuan.optional().describe('Yuan paid, for a part payment'),
  note: text(1000).optional(),
  reopen: z.boolean().default(false).describe('The agreement is broken: reopen the file'),
});
export const instalmentParams = z.object({ id: z.uuid(), instalmentId: z.uuid() });

// ---- warnings and figures ----

export const warningSchema = disputeSummarySchema
  .extend({ reasons: z.array(z.enum(['high_risk', 'long_running'])) })
  .meta({ id: 'DisputeWarning' });

export const FIGURE_DIMENSIONS = ['type', 'level', 'node'] as const;
export const figuresQuery = z
  .object({
    nodeId: z.uuid().optional().describe('Street, community or grid; default: the reader’s widest scope'),
    from: isoDate,
    to: isoDate,
    by: z.enum(FIGURE_DIMENSIONS).default('type'),
  })
  .refine((q) => q.to >= q.from, { message: 'The period cannot end before it starts.', path: ['to'] });

const figures = z.object({
  received: z.number(),
  mediated: z.number().describe('Received in the period and reached an agreement, a partial agreement or a failure'),
  successful: z.number(),
  successRate: z.number().nullable().describe('(agreement + partial) / mediated, 0-1; null when none was mediated'),
  amountRecovered: z.number().describe('Yuan paid on instalments of these disputes'),
  peopleInvolved: z.number(),
});
export const figuresSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    totals: figures,
    rows: z.array(figures.extend({ key: z.string(), label: z.string() })),
  })
  .meta({ id: 'MediationFigures' });
