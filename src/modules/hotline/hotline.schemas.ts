import { z } from 'zod';
import { PRIORITIES } from '../cases/cases.schemas.ts';

export const externalIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'A work-order id is letters, digits and _ . : -')
  .describe("The hotline's own work-order number, e.g. 12345-20260501-0001");

export const workOrderBody = z
  .object({
    externalId: externalIdSchema,
    categoryCode: z.string().trim().min(2).max(40).describe('A category code, e.g. ENV_GARBAGE (see /open311/v2/services.json)'),
    title: z.string().trim().min(1).max(100).optional(),
    description: z.string().trim().min(1, 'Describe the work order.').max(5000),
    priority: z.enum(PRIORITIES).default('normal'),
    lon: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
    buildingId: z.uuid().optional(),
    address: z.string().trim().max(200).optional(),
    caller: z
      .object({
        name: z.string().trim().min(1).max(50).optional(),
        phone: z
          .string()
          .trim()
          .regex(/^\+?[0-9][0-9-]{5,19}$/, 'A phone number is digits, optionally with + and -.')
          .optional(),
      })
      .optional()
      .describe("The caller's contact, shown only to those who call back"),
  })
  .refine((body) => (body.lon === undefined) === (body.lat === undefined), {
    message: 'Send lon and lat together.',
    path: ['lat'],
  })
  .refine((body) => body.lon !== undefined || body.buildingId !== undefined, {
    message: 'Place the work order: lon and lat, or buildingId.',
    path: ['lon'],
  });

export const workOrderSchema = z
  .object({
    externalId: z.string(),
    number: z.string().describe("The street's case number"),
    state: z.string().describe("The case's state in the street's lifecycle"),
    status: z.enum(['open', 'closed']),
    dueAt: z.string().nullable(),
    resolution: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'HotlineWorkOrder' });

export const apiKeyHeaders = z.object({
  'x-api-key': z.string().min(1).max(200).optional().describe('The key the administrator issued to the hotline'),
});
