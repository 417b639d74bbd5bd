/** The hazard and figures API of the patrol module: rectification orders, re-inspections, hazard views, figures. */
import { z } from 'zod';
import { HAZARD_LEVELS, PARTY_KINDS } from './hazard-rules.ts';

const text = (max: number, message = 'Enter some text.') => z.string().trim().min(1, message).max(max);
const isoDate = z.iso.date();

// ---- hazards: rectification orders and re-inspection ----

export const orderBody = z
  .object({
    partyKind: z.enum(PARTY_KINDS),
    organisationId: z.uuid().optional().describe('The property company (or other organisation) that must act'),
    partyName: z.string().trim().min(1).max(100).optional().describe('A shop or an owner without an account'),
    partyPhone: z
      .string()
      .trim()
      .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'Enter an 11-digit mobile number or a landline with area code.')
      .optional(),
    level: z.enum(HAZARD_LEVELS),
    requirement: text(1000, 'Say what must be done.'),
  })
  .superRefine((body, ctx) => {
    if (body.organisationId) return;
    if (body.partyKind === 'property' || body.partyKind === 'department')
      ctx.addIssue({ code: 'custom', message: 'Choose the organisation that must act.', path: ['organisationId'] });
    else if (!body.partyName)
      ctx.addIssue({ code: 'custom', message: 'Name the shop or the owner that must act.', path: ['partyName'] });
  });

export const reinspectBody = z.object({
  result: z.enum(['rectified', 'not_rectified']),
  note: z.string().trim().max(1000).optional(),
  photoIds: z.array(z.uuid()).max(9).default([]),
});

export const hazardOrderSchema = z.object({
  id: z.uuid(),
  round: z.number(),
  partyKind: z.enum(PARTY_KINDS),
  organisationId: z.uuid().nullable(),
  partyName: z.string(),
  partyPhone: z.string().nullable(),
  level: z.enum(HAZARD_LEVELS),
  requirement: z.string(),
  dueDate: z.string(),
  issuedBy: z.string(),
  issuedAt: z.date(),
});

export const reinspectionSchema = z.object({
  id: z.uuid(),
  result: z.enum(['rectified', 'not_rectified']),
  note: z.string().nullable(),
  inspectedBy: z.string(),
  inspectedAt: z.date(),
});

export const hazardSchema = z
  .object({
    caseId: z.uuid(),
    number: z.string(),
    title: z.string(),
    state: z.string(),
    categoryName: z.string(),
    gridName: z.string(),
    level: z.enum(HAZARD_LEVELS).nullable(),
    createdAt: z.date(),
    dueDate: z.string().nullable(),
    overdue: z.boolean(),
    rectifiedAt: z.date().nullable(),
    fromPatrol: z.object({ runId: z.uuid(), planName: z.string(), teamName: z.string().nullable() }).nullable(),
    order: hazardOrderSchema.nullable().describe('The current rectification order'),
    stage: z
      .enum(['awaiting_order', 'rectifying', 'awaiting_reinspection', 'rectified', 'closed'])
      .describe('Where the hazard stands in its rectification'),
  })
  .meta({ id: 'Hazard' });

export const hazardDetailSchema = hazardSchema.extend({
  orders: z.array(hazardOrderSchema),
  reinspections: z.array(reinspectionSchema),
  allowed: z.object({ order: z.boolean(), reinspect: z.boolean() }),
});

export const listHazardsQuery = z.object({
  stage: z.enum(['awaiting_order', 'rectifying', 'awaiting_reinspection', 'rectified', 'closed']).optional(),
  nodeId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// ---- figures ----

export const FIGURE_DIMENSIONS = ['node', 'category', 'party', 'team'] as const;

export const figuresQuery = z
  .object({
    nodeId: z.uuid().optional().describe('Street, community or grid; default: the reader’s widest scope'),
    from: isoDate,
    to: isoDate,
    by: z.enum(FIGURE_DIMENSIONS).default('node'),
  })
  .refine((q) => q.to >= q.from, { message: 'The period cannot end before it starts.', path: ['to'] });

const hazardFigures = z.object({
  found: z.number(),
  rectified: z.number(),
  overdue: z.number().describe('Open hazards past their rectification date now'),
  rate: z.number().nullable().describe('rectified / found, 0-1; null when nothing was found'),
});

export const figuresSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    totals: hazardFigures.extend({ runs: z.number(), checkins: z.number(), missedRuns: z.number() }),
    rows: z.array(hazardFigures.extend({ key: z.string().nullable(), label: z.string() })),
    partners: z.array(
      z.object({ userId: z.uuid(), name: z.string(), runs: z.number(), checkins: z.number(), findings: z.number() }),
    ),
  })
  .meta({ id: 'PatrolFigures' });
