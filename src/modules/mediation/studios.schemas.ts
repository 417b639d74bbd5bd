/** The API contract of mediators, studios, consultation slots, bookings and the staff calendar. */
import { z } from 'zod';
import { hhmm, isoDate, phone, text } from './mediation.schemas.ts';
import { MEDIATOR_KINDS } from './mediation.tables.ts';

// ---- mediators and studios ----

export const mediatorBody = z
  .object({
    nodeId: z.uuid().describe('The street, community or grid the mediator serves'),
    userId: z.uuid().optional().describe('A user holding a mediation role; leave out for an outside person'),
    name: text(50).optional().describe('Required for an outside person; defaults to the user’s name'),
    kind: z.enum(MEDIATOR_KINDS),
    phone: phone.optional(),
    affiliation: text(100).optional().describe('Law firm, court retired from, volunteer association ...'),
  })
  .refine((m) => m.userId || m.name, { message: 'Name the mediator or choose a user.', path: ['name'] });

export const mediatorSchema = z
  .object({
    id: z.uuid(),
    nodeId: z.uuid(),
    nodeName: z.string(),
    userId: z.uuid().nullable(),
    name: z.string(),
    kind: z.enum(MEDIATOR_KINDS),
    phone: z.string().nullable().describe('Masked unless the reader manages mediation there'),
    affiliation: z.string().nullable(),
  })
  .meta({ id: 'Mediator' });

const openingHours = z.object({
  weekday: z.number().int().min(1).max(7).describe('ISO weekday, 1 = Monday'),
  start: hhmm,
  end: hhmm,
  slotMinutes: z.number().int().min(10).max(240).default(30),
  capacity: z.number().int().min(1).max(50).default(1),
  mediatorId: z.uuid().nullable().optional(),
});

export const studioBody = z.object({
  nodeId: z.uuid(),
  name: text(80),
  address: text(200),
  schedule: z.array(openingHours).max(14).default([]),
  mediatorIds: z.array(z.uuid()).max(20).default([]),
});

export const studioSchema = z
  .object({
    id: z.uuid(),
    nodeId: z.uuid(),
    nodeName: z.string(),
    name: z.string(),
    address: z.string(),
    schedule: z.array(openingHours.extend({ mediatorId: z.uuid().nullable() })),
    mediators: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(MEDIATOR_KINDS) })),
  })
  .meta({ id: 'MediationStudio' });

export const slotsQuery = z
  .object({ from: isoDate, to: isoDate })
  .refine((q) => q.to >= q.from, { message: 'The period cannot end before it starts.', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 31 * 86_400_000, {
    message: 'Ask for at most 31 days of slots.',
    path: ['to'],
  });

export const slotSchema = z
  .object({
    start: z.date(),
    end: z.date(),
    capacity: z.number(),
    free: z.number(),
    mediatorName: z.string().nullable(),
  })
  .meta({ id: 'MediationSlot' });

export const bookingBody = z.object({
  slotStart: z.iso.datetime({ offset: true }).describe('The start of a slot as listed'),
  topic: text(500, 'Say briefly what the consultation is about.'),
});

export const bookingSchema = z
  .object({
    id: z.uuid(),
    studioId: z.uuid(),
    studioName: z.string(),
    slotStart: z.date(),
    slotEnd: z.date(),
    topic: z.string(),
    status: z.enum(['booked', 'cancelled']),
  })
  .meta({ id: 'MediationBooking' });

export const calendarQuery = z
  .object({ from: isoDate, to: isoDate, nodeId: z.uuid().optional() })
  .refine((q) => q.to >= q.from, { message: 'The period cannot end before it starts.', path: ['to'] });

export const calendarEntrySchema = z
  .object({
    kind: z.enum(['session', 'booking']),
    id: z.uuid(),
    at: z.date(),
    end: z.date().nullable(),
    studioName: z.string().nullable(),
    disputeId: z.uuid().nullable(),
    disputeNumber: z.string().nullable(),
    title: z.string(),
    status: z.string(),
    who: z.string().nullable().describe('The resident who booked, masked unless the reader manages mediation there'),
  })
  .meta({ id: 'MediationCalendarEntry' });
