/** The API contract of deliberation's topics: proposals, the five steps, supports and ratings. */
import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { SIDE_STEPS, STEPS } from './topic-steps.ts';

export const text = (min: number, max: number, message = 'Enter some text.') => z.string().trim().min(min, message).max(max);
export const isoDate = z.iso.date('Use a date like 2026-10-08.');
export const stepEnum = z.enum([...STEPS, ...SIDE_STEPS]);
export const STEP_ACTIONS = ['discuss', 'conclude', 'act', 'complete', 'close', 'send_back', 'merge', 'decline'] as const;
const photoIds = z.array(z.uuid()).max(9).default([]);

export const proposeBody = z.object({
  estateId: z.uuid().optional().describe('The estate (compound); a resident’s own when left out'),
  buildingId: z.uuid().optional().describe('A building of the estate, when the matter is that building’s'),
  title: text(2, 60, 'Give the topic a short title.'),
  description: text(5, 2000, 'Describe the matter in a sentence or two.'),
  estimatedCostFen: z.number().int().min(0).max(100_000_000_000).optional().describe('Estimated cost in fen (分)'),
  photoIds,
  sourceCaseId: z.uuid().optional().describe('Staff turn a case into a topic'),
});

export const similarQuery = z.object({
  estateId: z.uuid().optional(),
  text: z.string().trim().min(2).max(2000),
});

export const listTopicsQuery = z.object({
  ...pageQuery,
  estateId: z.uuid().optional(),
  step: stepEnum.optional(),
  open: z.enum(['true', 'false']).optional().describe('Only topics still walking the steps'),
  q: z.string().trim().max(60).optional(),
});

export const stepBody = z.object({
  action: z.enum(STEP_ACTIONS),
  conclusion: text(2, 2000).optional(),
  actionPlan: text(2, 2000).optional(),
  actionParty: text(1, 100).optional(),
  reason: text(2, 500).optional().describe('Why it is sent back or declined; a decline’s reason is public'),
  targetTopicId: z.uuid().optional().describe('The open topic of the same estate it is merged into'),
  expectedVersion: z.number().int().min(1).optional(),
});

export const rateBody = z.object({ score: z.number().int().min(1).max(5), comment: text(1, 500).optional() });

export const topicSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    estateId: z.uuid(),
    estateName: z.string(),
    buildingName: z.string().nullable(),
    title: z.string(),
    step: stepEnum,
    proposedVia: z.enum(['resident', 'grid_worker', 'case']),
    supportCount: z.number().int(),
    ratingAverage: z.number().nullable(),
    ratingCount: z.number().int(),
    estimatedCostFen: z.number().int().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'DelibTopicSummary' });

export const similarTopicSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  step: stepEnum,
  supportCount: z.number().int(),
  similarity: z.number(),
});

export const timelineEntrySchema = z.object({
  type: z.string(),
  at: z.date(),
  actorName: z.string().nullable().describe('Staff by name; residents are not named'),
  data: z.record(z.string(), z.unknown()),
});

/** A resolution with who carries it out, by when, and its follow-up case as it stands. */
export const resolutionSchema = z.object({
  id: z.uuid(),
  topicId: z.uuid().nullable(),
  text: z.string(),
  ownerParty: z.string(),
  dueOn: z.string(),
  caseId: z.uuid().nullable(),
  caseNumber: z.string().nullable(),
  caseState: z.string().nullable(),
  caseDueAt: z.date().nullable(),
});

export const topicDetailSchema = topicSummarySchema
  .extend({
    description: z.string(),
    buildingId: z.uuid().nullable(),
    communityName: z.string(),
    proposerName: z.string().nullable().describe('Masked to a surname for everyone but staff'),
    sourceCaseId: z.uuid().nullable(),
    mergedInto: z.object({ id: z.uuid(), number: z.string(), title: z.string() }).nullable(),
    publicReason: z.string().nullable(),
    conclusion: z.string().nullable(),
    actionPlan: z.string().nullable(),
    actionParty: z.string().nullable(),
    photoIds: z.array(z.uuid()),
    version: z.number().int(),
    allowedActions: z.array(z.enum(STEP_ACTIONS)),
    mySupport: z.boolean(),
    myRating: z.number().int().nullable(),
    canSupport: z.boolean(),
    canRate: z.boolean(),
    timeline: z.array(timelineEntrySchema),
    meetings: z.array(z.object({ id: z.uuid(), number: z.string(), kind: z.string(), title: z.string(), startsAt: z.date() })),
    resolutions: z.array(resolutionSchema),
    votes: z.array(
      z.object({ id: z.uuid(), number: z.string(), title: z.string(), status: z.string(), result: z.string().nullable() }),
    ),
    fundLines: z.array(
      z.object({ id: z.uuid(), source: z.string(), amountFen: z.number().int(), spentOn: z.string(), paidOn: z.string() }),
    ),
  })
  .meta({ id: 'DelibTopic' });

export const homeSchema = z.object({
  estateId: z.uuid().nullable(),
  estateName: z.string().nullable(),
  buildingId: z.uuid().nullable(),
  buildingName: z.string().nullable(),
});
