/** The API contract of property evaluation: reviews, weights, computing a month, ranking, scorecards, the cases behind them. */
import { z } from 'zod';
import { MONTH_PATTERN } from './months.ts';
import { COMPONENTS, CRITERIA, GRADES, PARTIES } from './scoring.ts';

const month = z.string().regex(MONTH_PATTERN, 'Use a month like 2026-11.');
const isoDate = z.iso.date('Use a date like 2026-11-28.');
const score100 = z.number().min(0).max(100);
const grade = z.enum(GRADES);
const nullableScore = z.number().nullable();

export const monthQuery = z.object({ month: month.optional().describe('Default: the latest month computed') });
export const computeBody = z.object({ month });

// ---- reviews ----

const partyScores = z.object({
  party: z.enum(PARTIES),
  scores: z.object(Object.fromEntries(CRITERIA.map((c) => [c, score100])) as Record<(typeof CRITERIA)[number], typeof score100>),
});

export const reviewBody = z.object({
  companyId: z.uuid(),
  estateId: z.uuid(),
  month,
  heldOn: isoDate.describe('The discussion day that reviewed the month'),
  meetingId: z.uuid().optional().describe('The deliberation meeting, once that module records it'),
  scores: z.array(partyScores).min(1, 'At least one party scores.').max(PARTIES.length),
  comments: z.string().trim().max(2000).optional(),
});

export const listReviewsQuery = z.object({ month, companyId: z.uuid().optional() });

export const reviewSchema = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string(),
  estateId: z.uuid(),
  estateName: z.string(),
  month,
  heldOn: z.string(),
  meetingId: z.uuid().nullable(),
  scores: z.array(partyScores),
  comments: z.string().nullable(),
  updatedAt: z.string(),
});

export const estateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  companyId: z.uuid(),
  companyName: z.string(),
  communityName: z.string(),
});

// ---- weights ----

const weights = z.object(
  Object.fromEntries(COMPONENTS.map((c) => [c, z.number().int().min(0).max(100)])) as Record<
    (typeof COMPONENTS)[number],
    z.ZodNumber
  >,
);
const bands = z.object({ A: score100, B: score100, C: score100 });

export const weightsBody = z.object({
  weights,
  bands,
  effectiveFrom: month.describe('The first month these weights apply to: this month or later'),
  note: z.string().trim().max(500).optional(),
});

export const weightsSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  effectiveFrom: month,
  weights,
  bands,
  note: z.string().nullable(),
  isDefault: z.boolean(),
  createdAt: z.string(),
});
export const weightsListSchema = z.object({
  currentId: z.uuid(),
  canConfigure: z.boolean(),
  items: z.array(weightsSchema),
});

// ---- results ----

export const computeResultSchema = z.object({
  month,
  cards: z.number().int(),
  companies: z.number().int(),
  weightsVersion: z.number().int(),
});

export const rankingSchema = z.object({
  month,
  months: z.array(month),
  companiesRanked: z.number().int(),
  items: z.array(
    z.object({
      companyId: z.uuid(),
      companyName: z.string(),
      score: z.number(),
      grade,
      rank: z.number().int(),
      estates: z.number().int(),
      previousScore: nullableScore,
      previousGrade: grade.nullable(),
      change: nullableScore,
      trend: z.array(nullableScore).describe('Scores of the six months ending with this one'),
    }),
  ),
});

const components = z.object(
  Object.fromEntries(COMPONENTS.map((c) => [c, nullableScore])) as Record<(typeof COMPONENTS)[number], typeof nullableScore>,
);

export const cardSchema = z.object({
  id: z.uuid(),
  month,
  estateId: z.uuid(),
  estateName: z.string(),
  communityName: z.string(),
  score: z.number(),
  grade,
  components,
  inputs: z.object({
    reviewId: z.uuid().nullable(),
    households: z.number().int(),
    casesAssigned: z.number().int(),
    casesSettled: z.number().int(),
    casesOnTime: z.number().int(),
    complaints: z.number().int(),
    ordersIssued: z.number().int(),
    ordersDue: z.number().int(),
    ordersOnTime: z.number().int(),
    ratings: z.number().int(),
    ratingSum: z.number().int(),
  }),
  weights,
  weightsVersion: z.number().int(),
  computedAt: z.string(),
  review: z
    .object({
      id: z.uuid(),
      heldOn: z.string(),
      scores: z.array(partyScores),
      comments: z.string().nullable(),
      meetingId: z.uuid().nullable(),
    })
    .nullable(),
});

export const companyScorecardSchema = z.object({
  companyId: z.uuid(),
  companyName: z.string(),
  month,
  score: nullableScore,
  grade: grade.nullable(),
  rank: z.number().int().nullable(),
  history: z.array(
    z.object({
      month,
      score: nullableScore,
      grade: grade.nullable(),
      rank: z.number().int().nullable(),
      cards: z.number().int(),
    }),
  ),
  cards: z.array(cardSchema),
});

export const cardCasesQuery = z.object({ component: z.enum(['complaints', 'handling', 'rectification', 'ratings']) });
export const cardCasesSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      title: z.string(),
      kind: z.string(),
      state: z.string(),
      at: z.string().nullable(),
      counted: z.boolean().describe('Whether the figure counted it (a case still inside its deadline waits)'),
      onTime: z.boolean().nullable(),
      rating: z.number().int().nullable(),
      dueDate: z.string().nullable(),
    }),
  ),
});

export const exportQuery = z.object({ month: month.optional(), lang: z.enum(['zh-CN', 'en']).default('zh-CN') });
