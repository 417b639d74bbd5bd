/** The deliberation API's shapes, taken type-only from the server's zod schemas. */
import type { z } from 'zod';
import type {
  homeSchema,
  proposeBody,
  similarTopicSchema,
  stepBody,
  topicDetailSchema,
  topicSummarySchema,
} from '../../../src/modules/deliberation/deliberation.schemas.ts';
import type { fundLineBody, fundLineSchema } from '../../../src/modules/deliberation/funds.schemas.ts';
import type {
  meetingBody,
  meetingSchema,
  meetingSummarySchema,
  resolutionBody,
} from '../../../src/modules/deliberation/meetings.schemas.ts';
import type { publicEstateSchema, publicEstateSummarySchema } from '../../../src/modules/deliberation/public.schemas.ts';
import type { electorateSchema, voteBody, voteSchema } from '../../../src/modules/deliberation/votes.schemas.ts';
import type { Json } from './types.ts';

export type TopicSummary = Json<z.infer<typeof topicSummarySchema>>;
export type Topic = Json<z.infer<typeof topicDetailSchema>>;
export type SimilarTopic = Json<z.infer<typeof similarTopicSchema>>;
export type DelibHome = Json<z.infer<typeof homeSchema>>;
export type MeetingSummary = Json<z.infer<typeof meetingSummarySchema>>;
export type Meeting = Json<z.infer<typeof meetingSchema>>;
export type Vote = Json<z.infer<typeof voteSchema>>;
export type VoteTally = Vote['tally'];
export type Electorate = Json<z.infer<typeof electorateSchema>>;
export type FundLine = Json<z.infer<typeof fundLineSchema>>;
export type PublicEstate = Json<z.infer<typeof publicEstateSchema>>;
export type PublicEstateSummary = Json<z.infer<typeof publicEstateSummarySchema>>;

export type ProposeBody = z.input<typeof proposeBody>;
export type StepBody = z.input<typeof stepBody>;
export type MeetingBody = z.input<typeof meetingBody>;
export type ResolutionBody = z.input<typeof resolutionBody>;
export type VoteBody = z.input<typeof voteBody>;
export type FundLineBody = z.input<typeof fundLineBody>;
export type TopicStep = Topic['step'];
export type StepAction = Topic['allowedActions'][number];

/** The five steps in order, as the pages draw them. */
export const FIVE_STEPS = ['proposed', 'discussing', 'concluded', 'acting', 'evaluating'] as const;

/** Yuan from fen, for display. */
export const yuan = (fen: number) => fen / 100;
