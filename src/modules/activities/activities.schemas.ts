/** The API contract of activities and courses: sessions, sign-ups and the waitlist, check-in, attendance, the report. */
import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { photoSchema } from '../photos/photos.schemas.ts';
import { VOLUNTEER_SKILLS } from '../volunteers/volunteer-rules.ts';
import { ACTIVITY_KINDS, ACTIVITY_STATES, SIGNUP_STATUSES } from './activity-rules.ts';

const text = (max: number, message = 'Enter some text.') => z.string().trim().min(1, message).max(max);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 19:00.');
const instant = z.iso.datetime({ offset: true });

export const eligibilitySchema = z.object({
  minAge: z.number().int().min(0).max(120).nullable().optional(),
  maxAge: z.number().int().min(0).max(120).nullable().optional(),
  volunteersOnly: z.boolean().optional(),
  skills: z.array(z.enum(VOLUNTEER_SKILLS)).max(VOLUNTEER_SKILLS.length).optional(),
  residentsOnly: z.boolean().optional().describe('Only people living under the organising node'),
});

const sessionInput = z
  .object({ startsAt: instant, endsAt: instant })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { message: 'A session ends after it starts.', path: ['endsAt'] });

export const recurrenceSchema = z
  .object({
    weekdays: z.array(z.number().int().min(1).max(7)).min(1, 'Choose the weekdays of the course.').max(7),
    start: hhmm,
    end: hhmm,
    firstDate: z.iso.date(),
    count: z.number().int().min(1).max(60),
  })
  .refine((r) => r.end > r.start, { message: 'A session ends after it starts.', path: ['end'] });

export const activityBody = z
  .object({
    nodeId: z.uuid().describe('The community or street that runs it'),
    kind: z.enum(ACTIVITY_KINDS),
    title: text(80),
    description: z.string().trim().max(3000).default(''),
    place: text(200),
    categoryId: z.uuid().optional().describe('The service menu category it belongs to'),
    capacity: z.number().int().min(1).max(10_000),
    eligibility: eligibilitySchema.default({}),
    signupClosesAt: instant.optional(),
    sessions: z.array(sessionInput).max(60).optional().describe('The sessions, for a one-off activity'),
    recurrence: recurrenceSchema.optional().describe('A course’s weekly pattern, laid out as sessions in the street’s zone'),
    publish: z.boolean().default(false).describe('Publish at once rather than keep as a draft'),
  })
  .refine((a) => Boolean(a.sessions?.length) !== Boolean(a.recurrence), {
    message: 'Give the sessions, or a weekly pattern for a course.',
    path: ['sessions'],
  });

export const activityPatchBody = z.object({
  title: text(80).optional(),
  description: z.string().trim().max(3000).optional(),
  place: text(200).optional(),
  capacity: z.number().int().min(1).max(10_000).optional().describe('Raising it moves people up from the waitlist'),
  signupClosesAt: instant.nullable().optional(),
  eligibility: eligibilitySchema.optional(),
});

export const moveBody = z.object({ to: z.enum(ACTIVITY_STATES), reason: z.string().trim().max(500).optional() });

export const sessionSchema = z.object({
  id: z.uuid(),
  seq: z.number(),
  startsAt: z.date(),
  endsAt: z.date(),
  cancelled: z.boolean(),
  attended: z.number(),
});

export const mySignupSchema = z.object({
  id: z.uuid(),
  status: z.enum(SIGNUP_STATUSES),
  position: z.number().nullable().describe('Place on the waitlist, 1 = next to move up'),
  promoted: z.boolean(),
  signedUpAt: z.date(),
  attendedSessionIds: z.array(z.uuid()),
});

export const activitySummarySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(ACTIVITY_KINDS),
    title: z.string(),
    place: z.string(),
    nodeName: z.string(),
    state: z.enum(ACTIVITY_STATES),
    capacity: z.number(),
    confirmed: z.number(),
    waitlisted: z.number(),
    firstStartsAt: z.date().nullable(),
    lastEndsAt: z.date().nullable(),
    sessions: z.number(),
    mySignup: z.enum(SIGNUP_STATUSES).nullable().describe('My latest sign-up, cancelled ones included'),
  })
  .meta({ id: 'ActivitySummary' });

export const activitySchema = activitySummarySchema
  .extend({
    description: z.string(),
    categoryId: z.uuid().nullable(),
    eligibility: eligibilitySchema,
    signupClosesAt: z.date().nullable(),
    recurrence: z
      .object({ weekdays: z.array(z.number()), start: z.string(), end: z.string(), firstDate: z.string(), count: z.number() })
      .nullable(),
    sessionList: z.array(sessionSchema),
    signup: mySignupSchema.nullable(),
    canManage: z.boolean(),
    allowedMoves: z.array(z.enum(ACTIVITY_STATES)),
    figures: z.object({
      attendees: z.number().describe('People who came to at least one session'),
      attendanceRate: z.number().nullable().describe('Attendees / confirmed sign-ups'),
      minutes: z.number().describe('Service or learning time credited, in minutes'),
    }),
    report: z.object({ summary: z.string(), reportedAt: z.date(), reportedBy: z.string().nullable() }).nullable(),
    photos: z.array(photoSchema),
  })
  .meta({ id: 'Activity' });

export const listActivitiesQuery = z.object({
  ...pageQuery,
  state: z.enum(ACTIVITY_STATES).optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  nodeId: z.uuid().optional(),
  scope: z
    .enum(['street', 'managed', 'mine'])
    .default('street')
    .describe('Open to me in my street, those I run, those I signed up for'),
});

export const signupSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    name: z.string(),
    status: z.enum(SIGNUP_STATUSES),
    position: z.number().nullable(),
    promoted: z.boolean(),
    signedUpAt: z.date(),
    attended: z.number().describe('Sessions attended'),
  })
  .meta({ id: 'ActivitySignup' });

export const checkinCodeSchema = z
  .object({
    sessionId: z.uuid(),
    activityId: z.uuid(),
    title: z.string(),
    seq: z.number(),
    startsAt: z.date(),
    endsAt: z.date(),
    url: z.string().describe('What the QR code carries: the phone app’s check-in page for this session'),
    confirmed: z.number(),
    attended: z.number(),
  })
  .meta({ id: 'ActivityCheckinCode' });

export const checkinBody = z.object({ code: z.string().min(16).max(64) });
export const attendanceBody = z.object({ userId: z.uuid() });

export const checkinSchema = z
  .object({
    activityId: z.uuid(),
    title: z.string(),
    seq: z.number(),
    checkedInAt: z.date(),
    already: z.boolean().describe('Checked in before: nothing changed'),
    points: z.number().describe('Points earned by this check-in'),
    minutes: z.number(),
  })
  .meta({ id: 'ActivityCheckin' });

export const reportBody = z.object({
  summary: text(3000, 'Write a short report.'),
  photoIds: z.array(z.uuid()).max(9).default([]),
});
