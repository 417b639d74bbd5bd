/** The API contract of volunteers: registration, the desk's list and decisions, teams and the profile. */
import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { VOLUNTEER_AVAILABILITY, VOLUNTEER_SKILLS, VOLUNTEER_STATUSES } from './volunteer-rules.ts';

const text = (max: number, message = 'Enter some text.') => z.string().trim().min(1, message).max(max);

export const registerBody = z.object({
  communityId: z.uuid().describe('The community the volunteer serves'),
  gridId: z.uuid().optional().describe('A grid of that community they prefer to serve'),
  skills: z.array(z.enum(VOLUNTEER_SKILLS)).max(VOLUNTEER_SKILLS.length).default([]),
  availability: z.array(z.enum(VOLUNTEER_AVAILABILITY)).min(1, 'Choose when you can help.').max(VOLUNTEER_AVAILABILITY.length),
  note: z.string().trim().max(500).optional(),
});

export const areaChoiceSchema = z
  .object({ id: z.uuid(), name: z.string(), grids: z.array(z.object({ id: z.uuid(), name: z.string() })) })
  .meta({ id: 'VolunteerAreaChoice' });

export const volunteerSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    name: z.string(),
    phone: z.string().nullable().describe('Personal data: masked unless the reader manages volunteers there or is the volunteer'),
    communityId: z.uuid(),
    communityName: z.string(),
    gridId: z.uuid().nullable(),
    gridName: z.string().nullable(),
    skills: z.array(z.enum(VOLUNTEER_SKILLS)).describe('Registered here and, for a Ping An Partner, in the partnership'),
    availability: z.array(z.enum(VOLUNTEER_AVAILABILITY)),
    note: z.string().nullable(),
    status: z.enum(VOLUNTEER_STATUSES),
    teamId: z.uuid().nullable(),
    teamName: z.string().nullable(),
    declineReason: z.string().nullable(),
    appliedAt: z.date(),
    decidedAt: z.date().nullable(),
    patrolPartner: z
      .object({ id: z.uuid(), teamName: z.string().nullable(), status: z.string() })
      .nullable()
      .describe('The linked Ping An Partner registration, read from the patrol module'),
    volunteerMinutes: z.number().describe('Service hours that count as volunteering, in minutes'),
    points: z.number().describe('Points balance in the street'),
  })
  .meta({ id: 'Volunteer' });

export const listVolunteersQuery = z.object({
  ...pageQuery,
  status: z.enum(VOLUNTEER_STATUSES).optional(),
  communityId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  skill: z.enum(VOLUNTEER_SKILLS).optional(),
  partner: z.enum(['true', 'false']).optional().describe('Only Ping An Partners, or only the others'),
  q: z.string().trim().max(50).optional().describe('Part of the name'),
});

export const approveBody = z.object({ teamId: z.uuid().optional().describe('Put the volunteer in this team at once') });
export const declineBody = z.object({ reason: text(500, 'Give a reason.') });
export const moveToTeamBody = z.object({ teamId: z.uuid().nullable() });

export const teamBody = z.object({
  communityId: z.uuid(),
  name: text(60),
  leaderVolunteerId: z.uuid().optional().describe('An approved volunteer of the community'),
});
export const teamPatchBody = z.object({ name: text(60).optional(), leaderVolunteerId: z.uuid().nullable().optional() });
export const listTeamsQuery = z.object({ communityId: z.uuid().optional() });

export const teamSchema = z
  .object({
    id: z.uuid(),
    communityId: z.uuid(),
    communityName: z.string(),
    name: z.string(),
    leaderVolunteerId: z.uuid().nullable(),
    leaderName: z.string().nullable(),
    members: z.number(),
  })
  .meta({ id: 'VolunteerTeam' });

export const profileSchema = z
  .object({
    volunteer: volunteerSchema.nullable(),
    volunteerMinutes: z.number(),
    otherMinutes: z.number().describe('Courses and events attended'),
    points: z.number(),
    services: z.number().describe('Service requests served'),
    attended: z.number().describe('Activity sessions attended'),
  })
  .meta({ id: 'VolunteerProfile' });
