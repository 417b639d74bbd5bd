/** The API contract of questionnaires: versions of questions, publishing to an area, answers and results. */
import { z } from 'zod';
import { ANSWER_PER, QUESTION_KINDS, QUESTIONNAIRE_STATES, VERSION_STATES } from './questionnaire-rules.ts';

const text = (max: number, message = 'Enter some text.') => z.string().trim().min(1, message).max(max);
const key = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,30}$/, 'Use lower-case letters, digits and underscores.');

export const optionSchema = z.object({ key, label: text(100) });

export const questionSchema = z.object({
  key,
  kind: z.enum(QUESTION_KINDS),
  title: text(300),
  required: z.boolean().default(true),
  options: z.array(optionSchema).max(30).optional(),
  maxChoices: z.number().int().min(1).max(30).nullable().optional(),
  scale: z.number().int().min(2).max(10).nullable().optional(),
});

export const draftBody = z.object({
  title: text(100),
  intro: z.string().trim().max(2000).default(''),
  questions: z.array(questionSchema).min(1, 'Add at least one question.').max(50),
  changeNote: z.string().trim().max(500).optional().describe('What this version changes, for a revision'),
});

export const createBody = draftBody.extend({
  nodeId: z.uuid().describe('The area it is published to: its residents answer'),
  answerPer: z.enum(ANSWER_PER).describe('One answer per resident, or one per household'),
  publish: z.boolean().default(false),
});

export const versionSummarySchema = z.object({
  id: z.uuid(),
  version: z.number(),
  title: z.string(),
  state: z.enum(VERSION_STATES),
  changeNote: z.string().nullable(),
  publishedAt: z.date().nullable(),
  responses: z.number(),
  changes: z
    .object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) })
    .nullable()
    .describe('Against the version before'),
});

export const versionSchema = versionSummarySchema.extend({ intro: z.string(), questions: z.array(questionSchema) });

export const questionnaireSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    nodeName: z.string(),
    answerPer: z.enum(ANSWER_PER),
    state: z.enum(QUESTIONNAIRE_STATES),
    currentVersion: z.number().nullable(),
    versions: z.number(),
    responses: z.number().describe('Answers to every version'),
    answeredCurrent: z.boolean().describe('I (or my household) answered the current version'),
    updatedAt: z.date(),
  })
  .meta({ id: 'QuestionnaireSummary' });

export const questionnaireSchema = questionnaireSummarySchema
  .extend({
    nodeId: z.uuid(),
    current: versionSchema.nullable().describe('The version being answered'),
    draft: versionSchema.nullable().describe('The version being prepared (staff)'),
    history: z.array(versionSummarySchema),
    canManage: z.boolean(),
    myAnswers: z.record(z.string(), z.unknown()).nullable().describe('What I answered to the current version'),
  })
  .meta({ id: 'Questionnaire' });

export const listQuery = z.object({
  scope: z.enum(['open', 'managed']).default('open').describe('Open to me to answer, or those of my area (staff)'),
});

export const respondBody = z.object({
  versionId: z.uuid().describe('The version answered: answers stay tied to it'),
  answers: z.record(z.string(), z.unknown()),
});

export const resultSchema = z.discriminatedUnion('kind', [
  z.object({
    key: z.string(),
    kind: z.enum(['single', 'multiple']),
    title: z.string(),
    answered: z.number(),
    options: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
  }),
  z.object({
    key: z.string(),
    kind: z.literal('rating'),
    title: z.string(),
    answered: z.number(),
    average: z.number().nullable(),
    counts: z.array(z.number()),
  }),
  z.object({ key: z.string(), kind: z.literal('text'), title: z.string(), answered: z.number(), samples: z.array(z.string()) }),
]);

export const resultsSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    versions: z.array(versionSummarySchema.extend({ results: z.array(resultSchema) })),
  })
  .meta({ id: 'QuestionnaireResults' });

export const EXPORT_LANGUAGES = ['zh-CN', 'en'] as const;
export const exportQuery = z.object({ lang: z.enum(EXPORT_LANGUAGES).default('zh-CN') });
