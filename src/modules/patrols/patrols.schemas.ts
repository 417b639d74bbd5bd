import { z } from 'zod';
import { HAZARD_LEVELS } from './hazard-rules.ts';
import { FREQUENCIES } from './patrol-schedule.ts';

const text = (max: number, message = 'Enter some text.') => z.string().trim().min(1, message).max(max);
const isoDate = z.iso.date();
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

export const SKILLS = ['fire_safety', 'first_aid', 'electrical', 'mediation', 'photography', 'elder_care'] as const;
export const AVAILABILITY = ['weekday_day', 'weekday_evening', 'weekend', 'night'] as const;
export const PARTNER_STATUSES = ['applied', 'approved', 'declined', 'left'] as const;
export const CHECK_ANSWERS = ['ok', 'problem', 'na'] as const;

// ---- partners and teams ----

export const applyBody = z.object({
  communityId: z.uuid().describe('The community whose compounds the partner will patrol'),
  estateId: z.uuid().optional().describe('The compound they live in or prefer'),
  skills: z.array(z.enum(SKILLS)).max(SKILLS.length).default([]),
  availability: z.array(z.enum(AVAILABILITY)).min(1, 'Choose when you can patrol.').max(AVAILABILITY.length),
  note: z.string().trim().max(500).optional(),
});

export const communityChoiceSchema = z
  .object({ id: z.uuid(), name: z.string(), estates: z.array(z.object({ id: z.uuid(), name: z.string() })) })
  .meta({ id: 'PatrolCommunityChoice' });

export const partnerSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    name: z.string(),
    phone: z.string().nullable().describe('Masked unless the reader manages partners'),
    communityId: z.uuid(),
    communityName: z.string(),
    estateId: z.uuid().nullable(),
    estateName: z.string().nullable(),
    skills: z.array(z.enum(SKILLS)),
    availability: z.array(z.enum(AVAILABILITY)),
    note: z.string().nullable(),
    status: z.enum(PARTNER_STATUSES),
    teamId: z.uuid().nullable(),
    teamName: z.string().nullable(),
    declineReason: z.string().nullable(),
    appliedAt: z.date(),
    decidedAt: z.date().nullable(),
    activity: z.object({ runs: z.number(), checkins: z.number(), findings: z.number() }),
  })
  .meta({ id: 'PatrolPartner' });

export const listPartnersQuery = z.object({
  status: z.enum(PARTNER_STATUSES).optional(),
  communityId: z.uuid().optional(),
  teamId: z.uuid().optional(),
});

export const approveBody = z.object({ teamId: z.uuid().optional().describe('Put the new partner in this team at once') });
export const declineBody = z.object({ reason: text(500, 'Give a reason.') });
export const moveToTeamBody = z.object({ teamId: z.uuid().nullable() });

export const teamBody = z.object({
  communityId: z.uuid(),
  name: text(60),
  leaderUserId: z.uuid().optional().describe('An approved partner of the community'),
});
export const teamPatchBody = z.object({ name: text(60).optional(), leaderUserId: z.uuid().nullable().optional() });

export const teamSchema = z
  .object({
    id: z.uuid(),
    communityId: z.uuid(),
    communityName: z.string(),
    name: z.string(),
    leaderUserId: z.uuid().nullable(),
    leaderName: z.string().nullable(),
    members: z.number(),
  })
  .meta({ id: 'PatrolTeam' });

// ---- plans ----

const checklistItem = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Use lower-case letters, digits and _.'),
  label: text(80),
});

const pointInput = z.object({
  name: text(80),
  nodeId: z.uuid().optional().describe('The compound (estate), building or grid the point stands for'),
  lon,
  lat,
});

const planFields = {
  name: text(80),
  teamId: z.uuid().nullable().optional(),
  frequency: z.enum(FREQUENCIES),
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]).describe('ISO weekdays (1 = Monday) for weekly plans'),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  checklist: z.array(checklistItem).min(1, 'Add at least one thing to check.').max(30),
  points: z.array(pointInput).min(1, 'Add at least one point to check in at.').max(50),
  jointOrganisationIds: z
    .array(z.uuid())
    .max(10)
    .default([])
    .describe('A joint inspection: police station, urban management, fire, property company ...'),
};

const weeklyNeedsDays = (plan: { frequency?: string | undefined; weekdays?: number[] | undefined }) =>
  plan.frequency !== 'weekly' || (plan.weekdays?.length ?? 0) > 0;
const WEEKDAYS_MESSAGE = { message: 'A weekly plan needs its weekdays.', path: ['weekdays'] };
const endsAfterStart = (plan: { startsOn?: string | undefined; endsOn?: string | null | undefined }) =>
  !plan.startsOn || !plan.endsOn || plan.endsOn >= plan.startsOn;
const ENDS_MESSAGE = { message: 'The plan cannot end before it starts.', path: ['endsOn'] };

export const planBody = z
  .object({ communityId: z.uuid(), ...planFields })
  .refine(weeklyNeedsDays, WEEKDAYS_MESSAGE)
  .refine(endsAfterStart, ENDS_MESSAGE);

export const planPatchBody = z
  .object({ ...planFields, retired: z.boolean() })
  .partial()
  .refine(weeklyNeedsDays, WEEKDAYS_MESSAGE)
  .refine(endsAfterStart, ENDS_MESSAGE);

export const pointSchema = z.object({
  id: z.uuid(),
  seq: z.number(),
  name: z.string(),
  nodeId: z.uuid().nullable(),
  lon: z.number(),
  lat: z.number(),
});

export const planSchema = z
  .object({
    id: z.uuid(),
    communityId: z.uuid(),
    communityName: z.string(),
    name: z.string(),
    teamId: z.uuid().nullable(),
    teamName: z.string().nullable(),
    frequency: z.enum(FREQUENCIES),
    weekdays: z.array(z.number()),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    checklist: z.array(checklistItem),
    points: z.array(pointSchema),
    joint: z.boolean(),
    jointOrganisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
    retired: z.boolean(),
    dueToday: z.boolean().describe('A run is expected today'),
    doneToday: z.boolean(),
    missedDates: z.array(z.string()).describe('Expected run dates of the last 30 days without a run'),
  })
  .meta({ id: 'PatrolPlan' });

export const listPlansQuery = z.object({
  communityId: z.uuid().optional(),
  mine: z.enum(['true', 'false']).optional().describe('true: the plans of my team (a partner’s phone)'),
  includeRetired: z.enum(['true', 'false']).optional(),
});

// ---- runs (written whole by the phone, online or later) ----

export const checkinInput = z.object({
  clientId: z.uuid(),
  pointId: z.uuid(),
  at: z.coerce.date(),
  lon: lon.optional(),
  lat: lat.optional(),
  accuracyM: z.number().min(0).max(100_000).optional(),
  checklist: z.record(z.string().max(40), z.enum(CHECK_ANSWERS)).default({}),
  note: z.string().trim().max(500).optional(),
});

export const findingInput = z.object({
  clientId: z.uuid().describe('The phone’s id of the finding: sending it again never makes a second hazard'),
  pointId: z.uuid().optional(),
  categoryId: z.uuid().describe('The hazard type: a category of the taxonomy'),
  level: z.enum(HAZARD_LEVELS),
  description: text(2000, 'Describe what you found.'),
  lon,
  lat,
  photoIds: z.array(z.uuid()).max(9, 'At most 9 photos.').default([]),
  at: z.coerce.date(),
});

export const runBody = z.object({
  planId: z.uuid(),
  startedAt: z.coerce.date(),
  finishedAt: z.coerce.date().nullable().optional(),
  note: z.string().trim().max(1000).optional(),
  checkins: z.array(checkinInput).max(50).default([]),
  findings: z.array(findingInput).max(30).default([]),
});
export const runParams = z.object({ clientId: z.uuid() });

export const checkinSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  pointId: z.uuid(),
  pointName: z.string(),
  at: z.date(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  accuracyM: z.number().nullable(),
  distanceM: z.number().nullable().describe('Metres between the phone’s position and the point'),
  checklist: z.record(z.string(), z.enum(CHECK_ANSWERS)),
  note: z.string().nullable(),
});

export const findingSchema = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    runId: z.uuid(),
    caseId: z.uuid(),
    caseNumber: z.string(),
    title: z.string(),
    categoryId: z.uuid(),
    categoryName: z.string(),
    level: z.enum(HAZARD_LEVELS),
    createdAt: z.date(),
    caseState: z.string(),
    rectified: z.boolean(),
    rectifiedAt: z.date().nullable(),
  })
  .meta({ id: 'PatrolFinding' });

export const runSchema = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    planId: z.uuid(),
    planName: z.string(),
    teamName: z.string().nullable(),
    runDate: z.string(),
    startedBy: z.object({ id: z.uuid(), name: z.string() }),
    startedAt: z.date(),
    finishedAt: z.date().nullable(),
    note: z.string().nullable(),
    pointsTotal: z.number(),
    checkins: z.array(checkinSchema),
    findings: z.array(findingSchema),
    organisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .meta({ id: 'PatrolRun' });

export const listRunsQuery = z.object({
  planId: z.uuid().optional(),
  communityId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const runSummarySchema = runSchema.omit({ checkins: true, findings: true }).extend({
  checkinCount: z.number(),
  findingCount: z.number(),
  farCheckins: z.number().describe('Check-ins more than 200 m from their point'),
});
