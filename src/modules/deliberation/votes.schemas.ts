/** The API contract of owner votes: opening one with its rule, ballots online and on paper, closing, results. */
import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { text } from './deliberation.schemas.ts';

const fraction = z
  .object({ num: z.number().int().min(0).max(1000), den: z.number().int().min(1).max(1000) })
  .refine((f) => f.num <= f.den, {
    message: 'A threshold is at most the whole.',
  });
const choice = z.enum(['yes', 'no', 'abstain']);

export const voteBody = z.object({
  topicId: z.uuid().optional(),
  estateId: z.uuid().optional().describe('The estate voting; the topic’s when a topic is named'),
  buildingId: z.uuid().optional().describe('Only this building’s owners vote'),
  title: text(2, 80),
  weighting: z.enum(['household', 'household_and_area']),
  quorum: fraction.describe('Share of households (and of floor area) that must take part'),
  pass: fraction.describe('Share that must approve'),
  passBase: z.enum(['participating', 'electorate']),
  passStrict: z.boolean().default(false).describe('More than the share, not at least'),
  opensAt: z.iso.datetime({ offset: true }).optional(),
  closesAt: z.iso.datetime({ offset: true }),
});

export const listVotesQuery = z.object({
  ...pageQuery,
  estateId: z.uuid().optional(),
  status: z.enum(['open', 'closed']).optional(),
});
export const ballotBody = z.object({ choice });
export const paperBallotBody = z.object({ householdId: z.uuid(), choice });

const measure = z.object({ households: z.number().int(), areaM2: z.number() });
export const tallySchema = z.object({
  electorate: measure,
  participating: measure,
  yes: measure,
  no: measure,
  abstain: measure,
  byChannel: z.object({ online: z.number().int(), paper: z.number().int() }),
  duplicatesIgnored: z.number().int(),
  quorumMet: z.boolean(),
  passed: z.boolean(),
  result: z.enum(['passed', 'failed', 'no_quorum']),
  turnout: z.number(),
  turnoutArea: z.number(),
});

export const voteSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    topicId: z.uuid().nullable(),
    topicTitle: z.string().nullable(),
    estateId: z.uuid(),
    estateName: z.string(),
    buildingName: z.string().nullable(),
    title: z.string(),
    weighting: z.enum(['household', 'household_and_area']),
    quorum: z.object({ num: z.number().int(), den: z.number().int() }),
    pass: z.object({ num: z.number().int(), den: z.number().int() }),
    passBase: z.enum(['participating', 'electorate']),
    passStrict: z.boolean(),
    opensAt: z.date(),
    closesAt: z.date(),
    status: z.enum(['open', 'closed']),
    result: z.enum(['passed', 'failed', 'no_quorum']).nullable(),
    tally: tallySchema.describe('Live while open (to staff), final once closed'),
    myBallot: choice.nullable().describe('What the caller’s household cast, if anything'),
    canVote: z.boolean(),
    canManage: z.boolean(),
  })
  .meta({ id: 'DelibVote' });

export const electorateSchema = z.object({
  items: z.array(
    z.object({ householdId: z.uuid(), label: z.string(), areaM2: z.number(), votedBy: z.enum(['online', 'paper']).nullable() }),
  ),
});
