/** The API contract of care: files, visits, visit rules, festival campaigns and coverage figures. */
import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import {
  CARE_GROUPS,
  CARE_NEEDS,
  CARE_RISKS,
  CLOSE_REASONS,
  DUE_STATUSES,
  FESTIVALS,
  RULE_UNITS,
  VISIT_METHODS,
  WELLBEING,
} from './care-rules.ts';

const text = (max: number, message = 'Enter some text.') => z.string().trim().min(1, message).max(max);
const isoDate = z.iso.date('Use a date like 2026-10-08.');
const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'Enter an 11-digit mobile number or a landline with area code.');
const groups = z
  .array(z.enum(CARE_GROUPS))
  .min(1, 'Choose at least one group.')
  .max(CARE_GROUPS.length)
  .transform((list) => [...new Set(list)]);

// ---- files ----

export const openFileBody = z.object({
  residentId: z.uuid().describe('The resident the file is kept on; the household, grid and community follow'),
  groups,
  riskLevel: z.enum(CARE_RISKS),
  riskNote: text(500).optional(),
  situation: text(2000).optional().describe('Living conditions, health, income: what the visitor should know'),
  guardianName: text(50).optional().describe('Personal data: an emergency contact'),
  guardianPhone: phone.optional().describe('Personal data'),
  lastVisitedOn: isoDate
    .optional()
    .describe('The last visit before the file was entered here (from paper records): the next visit counts from it'),
});

export const filePatchBody = z.object({
  groups: groups.optional(),
  riskLevel: z.enum(CARE_RISKS).optional(),
  riskNote: text(500).nullable().optional(),
  situation: text(2000).nullable().optional(),
  guardianName: text(50).nullable().optional(),
  guardianPhone: phone.nullable().optional(),
  expectedVersion: z.number().int().min(1).optional().describe('Refuse the change if the file changed since it was loaded'),
});

export const closeFileBody = z.object({ reason: z.enum(CLOSE_REASONS), note: text(500).optional() });

export const listFilesQuery = z.object({
  ...pageQuery,
  nodeId: z.uuid().optional().describe('Files of households under this area'),
  group: z.enum(CARE_GROUPS).optional(),
  riskLevel: z.enum(CARE_RISKS).optional(),
  status: z.enum(['active', 'closed']).default('active'),
  due: z.enum(DUE_STATUSES).optional().describe('How the next visit stands today'),
  campaignId: z.uuid().optional().describe('Files a campaign targets that it has not visited yet'),
  q: z.string().trim().min(1).max(50).optional().describe('Name contains, or the file number'),
});

export const fileSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    name: z.string().describe('Personal data: masked in lists (张**); the file shows it in full and is audited'),
    gender: z.enum(['female', 'male']).nullable(),
    age: z.number().nullable(),
    groups: z.array(z.enum(CARE_GROUPS)),
    riskLevel: z.enum(CARE_RISKS),
    status: z.enum(['active', 'closed']),
    buildingName: z.string().describe('The building only: the room is on the file'),
    gridId: z.uuid(),
    gridName: z.string(),
    lastVisitDate: z.string().nullable(),
    nextDueDate: z.string().nullable(),
    dueStatus: z.enum(DUE_STATUSES).nullable(),
  })
  .meta({ id: 'CareFileSummary' });

export const visitSchema = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    visitedAt: z.date(),
    visitDate: z.string(),
    dueDate: z.string(),
    onTime: z.boolean(),
    method: z.enum(VISIT_METHODS),
    wellbeing: z.enum(WELLBEING),
    observations: z.string(),
    needs: z.array(z.enum(CARE_NEEDS)),
    needsNote: z.string().nullable(),
    campaignId: z.uuid().nullable(),
    campaignName: z.string().nullable(),
    followUpCaseId: z.uuid().nullable(),
    followUpCaseNumber: z.string().nullable(),
    visitorName: z.string(),
    photos: z.array(z.object({ id: z.uuid(), url: z.string(), thumbnailUrl: z.string() })),
  })
  .meta({ id: 'CareVisit' });

export const careEventSchema = z.object({
  type: z.string(),
  at: z.date(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const fileSchema = fileSummarySchema
  .extend({
    residentId: z.uuid(),
    birthDate: z.string().nullable(),
    phone: z.string().nullable().describe('Personal data'),
    idNumber: z.string().nullable().describe('Personal data: masked, the last four digits shown'),
    address: z.string().describe('Building, unit and room'),
    communityName: z.string(),
    riskNote: z.string().nullable(),
    situation: z.string().nullable(),
    guardianName: z.string().nullable(),
    guardianPhone: z.string().nullable(),
    closeReason: z.enum(CLOSE_REASONS).nullable(),
    closeNote: z.string().nullable(),
    openedAt: z.date(),
    startDate: z.string(),
    rule: z
      .object({ group: z.enum(CARE_GROUPS), every: z.number(), unit: z.enum(RULE_UNITS) })
      .nullable()
      .describe('The strictest rule of the file’s groups at its risk: the one its next due date follows'),
    visits: z.array(visitSchema),
    timeline: z.array(careEventSchema),
    canManage: z.boolean(),
    version: z.number(),
  })
  .meta({ id: 'CareFile' });

// ---- visits ----

export const FOLLOW_UP_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
/** A follow-up is a case for now; a service request of the volunteers' service menu will be a second kind. */
const followUp = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('case'),
    categoryId: z.uuid(),
    description: text(2000, 'Say what needs doing.'),
    priority: z.enum(FOLLOW_UP_PRIORITIES).default('normal'),
  }),
]);

export const visitBody = z.object({
  clientId: z.uuid().describe('The phone’s id for this visit: sending it again answers the visit already logged'),
  visitedAt: z.iso.datetime({ offset: true }).optional().describe('Defaults to now; at most 30 days ago'),
  method: z.enum(VISIT_METHODS),
  wellbeing: z.enum(WELLBEING),
  observations: text(2000, 'Say what you saw.'),
  needs: z.array(z.enum(CARE_NEEDS)).max(CARE_NEEDS.length).default([]),
  needsNote: text(1000).optional(),
  campaignId: z.uuid().optional().describe('The festival campaign this visit is part of'),
  photoIds: z.array(z.uuid()).max(9).default([]).describe('Photos uploaded through /api/photos'),
  followUp: followUp.optional().describe('What must be done after the visit, opened as a case in the household’s grid'),
});

// ---- rules ----

export const ruleSchema = z
  .object({
    group: z.enum(CARE_GROUPS),
    risk: z.enum(CARE_RISKS),
    every: z.number(),
    unit: z.enum(RULE_UNITS),
    own: z.boolean().describe('The street’s own rule; false: the default'),
  })
  .meta({ id: 'CareVisitRule' });

export const rulesQuery = z.object({ streetId: z.uuid().optional().describe('Default: the reader’s street') });
export const putRulesBody = z.object({
  streetId: z.uuid(),
  rules: z
    .array(
      z.object({
        group: z.enum(CARE_GROUPS),
        risk: z.enum(CARE_RISKS),
        every: z.number().int().min(1, 'Visit at least every 1.').max(366, 'Visit at least once a year.'),
        unit: z.enum(RULE_UNITS),
      }),
    )
    .min(1)
    .max(CARE_GROUPS.length * CARE_RISKS.length),
});
export const rulesSchema = z.object({ streetId: z.uuid(), rules: z.array(ruleSchema), filesRescheduled: z.number().optional() });

// ---- campaigns ----

export const campaignBody = z
  .object({
    nodeId: z.uuid().describe('The street or the community running it'),
    name: text(80),
    festival: z.enum(FESTIVALS),
    groups,
    startsOn: isoDate,
    endsOn: isoDate,
    note: text(1000).optional(),
  })
  .refine((c) => c.endsOn >= c.startsOn, { message: 'The campaign cannot end before it starts.', path: ['endsOn'] });

const progress = z.object({
  targets: z.number().describe('Active files of the campaign’s groups in the area (in the reader’s scope)'),
  visited: z.number().describe('Of them, visited within the campaign'),
  rate: z.number().nullable(),
});

export const campaignSchema = z
  .object({
    id: z.uuid(),
    nodeId: z.uuid(),
    nodeName: z.string(),
    name: z.string(),
    festival: z.enum(FESTIVALS),
    groups: z.array(z.enum(CARE_GROUPS)),
    startsOn: z.string(),
    endsOn: z.string(),
    note: z.string().nullable(),
    stage: z.enum(['upcoming', 'running', 'ended']),
    progress,
    createdAt: z.date(),
  })
  .meta({ id: 'CareCampaign' });

export const campaignDetailSchema = campaignSchema
  .extend({ rows: z.array(progress.extend({ nodeId: z.string(), nodeName: z.string() })) })
  .meta({ id: 'CareCampaignDetail' });

// ---- figures ----

export const figuresQuery = z
  .object({
    nodeId: z.uuid().optional().describe('Street, community or grid; default: the reader’s widest scope'),
    from: isoDate,
    to: isoDate,
    by: z.enum(['node', 'group']).default('node'),
  })
  .refine((q) => q.to >= q.from, { message: 'The period cannot end before it starts.', path: ['to'] });

const coverage = z.object({
  files: z.number().describe('Active files now'),
  due: z.number().describe('Due dates that fell in the period'),
  onTime: z.number(),
  late: z.number(),
  missed: z.number().describe('Passed without a visit, and still not visited'),
  pending: z.number().describe('Not yet passed'),
  onTimeRate: z.number().nullable().describe('onTime / (onTime + late + missed), 0-1; null when none'),
});
export const figuresSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    totals: coverage,
    rows: z.array(coverage.extend({ key: z.string(), label: z.string() })),
  })
  .meta({ id: 'CareFigures' });

export const exportQuery = listFilesQuery
  .omit({ limit: true, cursor: true })
  .extend({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') });
