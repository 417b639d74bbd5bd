/** The API contract of deliberation meetings: councils, discussion days, ad-hoc meetings, sign-in, minutes, resolutions. */
import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { isoDate, resolutionSchema, stepEnum, text } from './deliberation.schemas.ts';

export const MEETING_KINDS = ['council', 'property_day', 'ad_hoc'] as const;
export const PARTIES = [
  'party_organisation',
  'residents_committee',
  'owners_committee',
  'property_company',
  'street_department',
  'residents_representative',
] as const;

export const meetingBody = z.object({
  kind: z.enum(MEETING_KINDS),
  communityId: z.uuid().optional().describe('The community holding it; the estate’s when an estate is named'),
  estateId: z.uuid().optional().describe('A discussion day is held for an estate'),
  title: text(2, 80),
  startsAt: z.iso.datetime({ offset: true }),
  place: text(1, 100),
  topicIds: z.array(z.uuid()).max(30).default([]).describe('The agenda, in order'),
  parties: z.array(z.enum(PARTIES)).max(6).optional().describe('Parties invited; a discussion day invites all six'),
});

export const listMeetingsQuery = z.object({
  ...pageQuery,
  kind: z.enum(MEETING_KINDS).optional(),
  estateId: z.uuid().optional(),
});

export const agendaBody = z.object({ topicIds: z.array(z.uuid()).min(1).max(30) });
export const minutesBody = z.object({ minutes: text(2, 10_000), held: z.boolean().default(true) });
export const checkinBody = z.object({ code: z.string().min(8).max(64), party: z.enum(PARTIES).optional() });
export const attendanceBody = z.object({ userId: z.uuid(), party: z.enum(PARTIES) });
export const resolutionBody = z.object({
  topicId: z.uuid().optional(),
  text: text(2, 1000),
  ownerParty: text(1, 100).describe('Who carries it out, as the minutes name them'),
  dueOn: isoDate,
  followUp: z.boolean().default(true).describe('Open a follow-up case tracked with its deadline and timeline'),
});

export const meetingSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    kind: z.enum(MEETING_KINDS),
    title: z.string(),
    communityName: z.string(),
    estateName: z.string().nullable(),
    startsAt: z.date(),
    place: z.string(),
    status: z.enum(['planned', 'held', 'cancelled']),
    agendaCount: z.number().int(),
    attendanceCount: z.number().int(),
    resolutionCount: z.number().int(),
  })
  .meta({ id: 'DelibMeetingSummary' });

export const meetingSchema = meetingSummarySchema
  .extend({
    minutes: z.string().nullable(),
    canManage: z.boolean(),
    agenda: z.array(
      z.object({ topicId: z.uuid(), number: z.string(), title: z.string(), step: stepEnum, seq: z.number().int() }),
    ),
    invitations: z.array(z.object({ party: z.enum(PARTIES), organisationName: z.string().nullable() })),
    attendance: z.array(z.object({ name: z.string(), party: z.enum(PARTIES), method: z.enum(['qr', 'desk']), at: z.date() })),
    resolutions: z.array(resolutionSchema),
  })
  .meta({ id: 'DelibMeeting' });

export const checkinCodeSchema = z.object({
  meetingId: z.uuid(),
  title: z.string(),
  url: z.string(),
  attended: z.number().int(),
});
