/** The API contract of the service menu and service requests. */
import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { VOLUNTEER_SKILLS } from '../volunteers/volunteer-rules.ts';
import { REQUEST_ACTIONS, REQUEST_STATES } from './request-lifecycle.ts';

const text = (max: number, message = 'Enter some text.') => z.string().trim().min(1, message).max(max);
const code = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'Use capital letters, digits and underscores, starting with a letter.');

// ---- the menu ----

export const itemSchema = z
  .object({
    id: z.uuid(),
    categoryId: z.uuid(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    descriptionZh: z.string(),
    descriptionEn: z.string(),
    skills: z.array(z.enum(VOLUNTEER_SKILLS)),
    durationMinutes: z.number(),
    workingDays: z.number().describe('Working days from request to service'),
    shared: z.boolean().describe('Part of the menu every street shares'),
    retired: z.boolean(),
  })
  .meta({ id: 'ServiceItem' });

export const categorySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    sort: z.number(),
    shared: z.boolean(),
    retired: z.boolean(),
    items: z.array(itemSchema),
  })
  .meta({ id: 'ServiceCategory' });

export const menuQuery = z.object({ all: z.enum(['true', 'false']).optional().describe('Include retired categories and items') });

export const categoryBody = z.object({
  code,
  nameZh: text(40),
  nameEn: text(80),
  sort: z.number().int().min(0).max(999).default(0),
});
export const categoryPatchBody = z.object({
  nameZh: text(40).optional(),
  nameEn: text(80).optional(),
  sort: z.number().int().min(0).max(999).optional(),
  retired: z.boolean().optional(),
});

export const itemBody = z.object({
  categoryId: z.uuid(),
  code,
  nameZh: text(40),
  nameEn: text(80),
  descriptionZh: z.string().trim().max(300).default(''),
  descriptionEn: z.string().trim().max(600).default(''),
  skills: z.array(z.enum(VOLUNTEER_SKILLS)).max(VOLUNTEER_SKILLS.length).default([]),
  durationMinutes: z.number().int().min(10).max(1440).default(60),
  workingDays: z.number().int().min(1).max(60).default(5),
  sort: z.number().int().min(0).max(999).default(0),
});
export const itemPatchBody = itemBody
  .omit({ categoryId: true, code: true })
  .partial()
  .extend({ retired: z.boolean().optional() });

// ---- requests ----

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, 'Enter a phone number.');

export const requestBody = z.object({
  itemId: z.uuid(),
  description: text(1000, 'Say what you need.'),
  address: text(200).optional(),
  contactPhone: phone.optional().describe('Defaults to the phone on record'),
  preferredTime: text(100).optional().describe('When suits you, in your words'),
});

const who = z.object({ id: z.uuid(), name: z.string() });

export const requestSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    itemId: z.uuid(),
    itemNameZh: z.string(),
    itemNameEn: z.string(),
    categoryCode: z.string(),
    state: z.enum(REQUEST_STATES),
    description: z.string(),
    nodeName: z.string(),
    requester: z.string().describe('Masked unless the reader handles or serves the request'),
    volunteer: who.nullable(),
    createdAt: z.date(),
    dueDate: z.string(),
    deadline: z.enum(['open', 'overdue', 'met', 'late', 'none']),
    rating: z.number().nullable(),
  })
  .meta({ id: 'ServiceRequestSummary' });

export const timelineEntrySchema = z.object({
  type: z.string(),
  at: z.date(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const requestSchema = requestSummarySchema
  .extend({
    address: z.string().nullable(),
    contactPhone: z
      .string()
      .nullable()
      .describe('Personal data: in full to the requester, the volunteer serving and the handlers (audited)'),
    preferredTime: z.string().nullable(),
    minutesServed: z.number().nullable(),
    ratingComment: z.string().nullable(),
    closingReason: z.string().nullable(),
    allowedActions: z.array(z.enum(REQUEST_ACTIONS)),
    timeline: z.array(timelineEntrySchema),
  })
  .meta({ id: 'ServiceRequest' });

export const listRequestsQuery = z.object({
  ...pageQuery,
  state: z.enum(REQUEST_STATES).optional(),
  itemId: z.uuid().optional(),
  nodeId: z.uuid().optional(),
  overdue: z.enum(['true']).optional().describe('Only open requests past their deadline'),
  role: z
    .enum(['handler', 'requester', 'volunteer'])
    .default('handler')
    .describe('Requests of my area (staff), those I made, or those I am matched to'),
});

export const candidateSchema = z
  .object({
    volunteerId: z.uuid(),
    name: z.string(),
    gridName: z.string().nullable(),
    teamName: z.string().nullable(),
    skills: z.array(z.enum(VOLUNTEER_SKILLS)),
    matchingSkills: z.array(z.string()),
    sameGrid: z.boolean(),
    openRequests: z.number(),
    partner: z.boolean().describe('Also a Ping An Partner'),
  })
  .meta({ id: 'ServiceCandidate' });

const reason = text(500, 'Give a reason.');
const expectedVersion = z
  .number()
  .int()
  .positive()
  .optional()
  .describe('Refuse the move if the request changed since this version');

/** The body each move takes. */
export const ACTION_BODIES = {
  match: z.object({ volunteerId: z.uuid(), note: z.string().trim().max(500).optional(), expectedVersion }),
  unmatch: z.object({ reason, expectedVersion }),
  start: z.object({ expectedVersion }),
  complete: z.object({
    minutes: z.number().int().min(1).max(1440).optional().describe('Time served; defaults to the item’s usual duration'),
    note: z.string().trim().max(500).optional(),
    expectedVersion,
  }),
  rate: z.object({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(500).optional(), expectedVersion }),
  cancel: z.object({ reason, expectedVersion }),
  decline: z.object({ reason, expectedVersion }),
} as const;
