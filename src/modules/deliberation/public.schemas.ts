/** The public page of an estate: what anyone may read without signing in, with no personal data in it. */
import { z } from 'zod';
import { stepEnum } from './deliberation.schemas.ts';
import { fundLineSchema } from './funds.schemas.ts';
import { tallySchema } from './votes.schemas.ts';

export const publicEstatesQuery = z.object({ streetId: z.uuid().optional() });

export const publicEstateSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  communityName: z.string(),
  topicCount: z.number().int(),
  openTopicCount: z.number().int(),
});

export const publicEstateSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    communityName: z.string(),
    streetName: z.string(),
    topics: z.array(
      z.object({
        id: z.uuid(),
        number: z.string(),
        title: z.string().describe('Phone and ID numbers typed into it are blanked'),
        description: z.string(),
        buildingName: z.string().nullable(),
        step: stepEnum,
        supportCount: z.number().int(),
        ratingAverage: z.number().nullable(),
        ratingCount: z.number().int(),
        publicReason: z.string().nullable(),
        conclusion: z.string().nullable(),
        actionParty: z.string().nullable(),
        mergedIntoNumber: z.string().nullable(),
        proposedAt: z.date(),
        steps: z.array(z.object({ step: z.string(), at: z.date() })).describe('When each step was reached; never by whom'),
      }),
    ),
    meetings: z.array(
      z.object({ number: z.string(), kind: z.string(), title: z.string(), startsAt: z.date(), attendance: z.number().int() }),
    ),
    resolutions: z.array(
      z.object({
        id: z.uuid(),
        topicNumber: z.string().nullable(),
        text: z.string(),
        ownerParty: z.string(),
        dueOn: z.string(),
        done: z.boolean(),
      }),
    ),
    votes: z.array(
      z.object({
        number: z.string(),
        title: z.string(),
        topicNumber: z.string().nullable(),
        status: z.enum(['open', 'closed']),
        closesAt: z.date(),
        tally: tallySchema.nullable().describe('Counts only, once closed'),
      }),
    ),
    funds: z.object({
      totalFen: z.number().int(),
      lines: z.array(fundLineSchema.omit({ estateId: true, estateName: true, topicId: true })),
    }),
  })
  .meta({ id: 'DelibPublicEstate' });
