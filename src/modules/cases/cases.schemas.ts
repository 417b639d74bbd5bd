import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { CASE_ACTIONS, CASE_STATES, TIERS } from './lifecycle.ts';

export const SOURCES = ['resident', 'patrol', 'hotline', 'walk_in', 'staff'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const KINDS = ['demand', 'complaint', 'hazard', 'incident'] as const;

const text = (max: number, message = 'Enter some text.') => z.string().trim().min(1, message).max(max);
const note = z.string().trim().max(2000).optional();
const reason = z.string().trim().min(2, 'Give a reason.').max(2000);
const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'Enter an 11-digit mobile number or a landline with area code.');

const location = {
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  buildingId: z.uuid().optional().describe('A building picked from the list instead of (or besides) a point'),
  address: z.string().trim().max(200).optional(),
};

const reportFields = {
  categoryId: z.uuid(),
  title: z.string().trim().min(1).max(100).optional().describe('Defaults to the start of the description'),
  description: text(5000, 'Describe the problem.'),
  priority: z.enum(PRIORITIES).default('normal'),
  ...location,
  photoIds: z.array(z.uuid()).max(9, 'At most 9 photos.').default([]),
  contact: z.object({ name: z.string().trim().max(50).optional(), phone: phone.optional() }).optional(),
};

const hasPlace = (body: {
  lon?: number | undefined;
  lat?: number | undefined;
  buildingId?: string | undefined;
  gridId?: string | undefined;
}) => (body.lon !== undefined && body.lat !== undefined) || body.buildingId !== undefined || body.gridId !== undefined;
const pointPair = (body: { lon?: number | undefined; lat?: number | undefined }) =>
  (body.lon === undefined) === (body.lat === undefined);
const PLACE = { message: 'Give the place: a point (lon and lat), a building, or a grid.', path: ['lon'] };
const PAIR = { message: 'A point needs both lon and lat.', path: ['lat'] };

export const createCaseBody = z
  .object({
    ...reportFields,
    source: z
      .enum(SOURCES)
      .optional()
      .describe('Staff record how the case came in; a resident’s report is always source resident'),
    gridId: z.uuid().optional().describe('Staff may name the grid when there is no point'),
    anonymous: z.boolean().default(false).describe('Hide the reporter from the people handling the case'),
  })
  .refine(pointPair, PAIR)
  .refine(hasPlace, PLACE);

export const publicCreateCaseBody = z
  .object({ ...reportFields, uploadToken: z.string().max(200).optional().describe('Token of the anonymous photo uploads') })
  .refine(pointPair, PAIR)
  .refine((body) => hasPlace(body), PLACE);

const boolish = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listCasesQuery = z.object({
  state: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(z.array(z.enum(CASE_STATES)).optional())
    .describe('One state or several, comma separated'),
  open: boolish.optional().describe('true: only cases not closed, rejected or merged'),
  categoryId: z.uuid().optional().describe('A category or a top-level category with all its subcategories'),
  deadline: z.enum(['ok', 'warning', 'overdue', 'provisional']).optional(),
  nodeId: z.uuid().optional().describe('Cases in this area (street, community or grid)'),
  gridId: z.uuid().optional(),
  source: z.enum(SOURCES).optional(),
  tier: z.enum(TIERS).optional(),
  mine: z
    .enum(['reported', 'assigned', 'inbox'])
    .optional()
    .describe('reported: cases I reported; assigned: to me or my organisation; inbox: what waits for me to act'),
  q: z.string().trim().min(1).max(100).optional().describe('Text in number, title, description or address'),
  sort: z.enum(['deadline', 'newest']).default('newest'),
  ...pageQuery,
});

export const countsQuery = listCasesQuery.omit({ state: true, limit: true, cursor: true, sort: true });

const personRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const timelineEventSchema = z.object({
  id: z.number(),
  type: z.string().describe('case.reported, case.accepted, ..., case.deadline_warning, case.overdue'),
  at: z.date(),
  actor: personRef,
  from: z.enum(CASE_STATES).nullable(),
  to: z.enum(CASE_STATES).nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

const deadlineSchema = z.object({
  kind: z.enum(['handle', 'answer', 'explain']).nullable(),
  dueAt: z.date().nullable(),
  dueDate: z.string().nullable(),
  provisional: z.boolean(),
  warnAt: z.date().nullable(),
  status: z.enum(['none', 'ok', 'warning', 'overdue']),
  everOverdue: z.boolean(),
  remainingWorkingDays: z.number().nullable().describe('Kept while the case is suspended'),
});

export const caseSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    state: z.enum(CASE_STATES),
    tier: z.enum(TIERS),
    source: z.enum(SOURCES),
    kind: z.enum(KINDS),
    priority: z.enum(PRIORITIES),
    categoryId: z.uuid(),
    categoryCode: z.string(),
    title: z.string(),
    address: z.string().nullable(),
    lon: z.number().nullable(),
    lat: z.number().nullable(),
    gridId: z.uuid().nullable(),
    gridName: z.string().nullable(),
    communityId: z.uuid().nullable(),
    assignee: z.object({ userId: z.uuid().nullable(), organisationId: z.uuid().nullable(), name: z.string().nullable() }),
    deadline: deadlineSchema,
    rating: z.number().nullable(),
    urgeCount: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'CaseSummary' });

export const caseDetailSchema = caseSummarySchema
  .extend({
    description: z.string(),
    category: z.object({
      id: z.uuid(),
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      parentCode: z.string().nullable(),
    }),
    buildingId: z.uuid().nullable(),
    buildingName: z.string().nullable(),
    communityName: z.string().nullable(),
    reporter: z.object({
      name: z.string().nullable(),
      phone: z.string().nullable().describe('Personal data: masked unless the caller must call back'),
      anonymous: z.boolean(),
      isMe: z.boolean(),
      masked: z.boolean(),
    }),
    response: z.object({ dueAt: z.date().nullable(), firstContactAt: z.date().nullable(), overdue: z.boolean() }),
    resolution: z.string().nullable(),
    solvedTier: z.enum(TIERS).nullable(),
    ratingComment: z.string().nullable(),
    ratedAt: z.date().nullable(),
    closedAt: z.date().nullable(),
    closeReason: z.string().nullable(),
    rejectReason: z.string().nullable(),
    mergedInto: z.object({ id: z.uuid(), number: z.string() }).nullable(),
    returnedCount: z.number(),
    escalationCount: z.number(),
    version: z.number(),
    timeline: z.array(timelineEventSchema),
    contacts: z.array(
      z.object({ id: z.uuid(), channel: z.enum(['call', 'visit', 'message']), note: z.string(), at: z.date(), by: personRef }),
    ),
    photos: z.array(z.object({ id: z.uuid(), url: z.string(), thumbnailUrl: z.string() })),
    allowedActions: z.array(z.enum(CASE_ACTIONS)).describe('What the caller may do now: show a button for each'),
  })
  .meta({ id: 'Case' });

/** What a client that sent `Prefer: return=minimal` gets back: enough to show the reporter and follow the case. */
export const createdCaseRefSchema = z.object({ id: z.uuid(), number: z.string() }).meta({ id: 'CreatedCaseRef' });

export const createdCaseSchema = z.object({
  case: z
    .union([caseDetailSchema, createdCaseRefSchema])
    .describe('The whole case, or its id and number when the request said `Prefer: return=minimal`'),
  trackingCode: z.string().describe('Lets the reporter follow and rate the case without an account'),
});

const expectedVersion = z
  .number()
  .int()
  .positive()
  .optional()
  .describe('Refuse the action if the case changed since this version');

/** The body each action takes. */
export const ACTION_BODIES = {
  accept: z.object({ note, expectedVersion }),
  assign: z
    .object({ userId: z.uuid().optional(), organisationId: z.uuid().optional(), note, expectedVersion })
    .refine((b) => (b.userId === undefined) !== (b.organisationId === undefined), {
      message: 'Assign to one person (userId) or one organisation (organisationId).',
      path: ['userId'],
    }),
  start: z.object({ note, expectedVersion }),
  contact: z.object({ channel: z.enum(['call', 'visit', 'message']), note: text(2000, 'Note what was said.'), expectedVersion }),
  resolve: z.object({
    resolution: text(2000, 'Describe what was done.'),
    photoIds: z.array(z.uuid()).max(9).default([]),
    expectedVersion,
  }),
  rate: z.object({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(1000).optional(), expectedVersion }),
  close: z.object({ note, expectedVersion }),
  reject: z.object({ reason, expectedVersion }),
  merge: z.object({ intoCaseId: z.uuid(), note, expectedVersion }),
  return: z.object({ reason, expectedVersion }),
  escalate: z.object({
    to: z.enum(['community', 'department', 'district']),
    organisationId: z.uuid().optional().describe('The street department, when escalating to a department'),
    reason,
    expectedVersion,
  }),
  urge: z.object({ note, expectedVersion }),
  suspend: z.object({ reason, expectedVersion }),
  resume: z.object({ note, expectedVersion }),
} as const;

export const publicRateBody = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).optional(),
});

export const publicCaseSchema = z
  .object({
    number: z.string(),
    state: z.enum(CASE_STATES),
    category: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    title: z.string(),
    createdAt: z.date(),
    dueDate: z.string().nullable(),
    resolution: z.string().nullable(),
    rating: z.number().nullable(),
    canRate: z.boolean(),
    mergedInto: z.string().nullable().describe('Number of the case this one was merged into; follow that one'),
    timeline: z.array(
      z.object({ type: z.string(), at: z.date(), to: z.enum(CASE_STATES).nullable(), note: z.string().nullable() }),
    ),
  })
  .meta({ id: 'PublicCase' });
