import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';

export const ORGANISATION_KINDS = [
  'street_department',
  'property_company',
  'owners_committee',
  'social_organisation',
  'co_building_unit',
] as const;

const name = z.string().trim().min(1, 'Enter a name.').max(100);
const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, 'A code holds letters, digits, dot, dash and underscore.');
const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{5,8})$/, 'Enter a phone number.');

export const organisationSchema = z
  .object({
    id: z.uuid(),
    streetId: z.uuid().nullable(),
    nodeId: z.uuid(),
    nodeName: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    name: z.string(),
    code: z.string(),
    contactPhone: z.string().nullable().describe('The organisation’s public service line'),
    estates: z.array(z.object({ id: z.uuid(), name: z.string(), communityId: z.uuid() })),
    retiredAt: z.date().nullable(),
  })
  .meta({ id: 'Organisation' });

export const listOrganisationsQuery = z.object({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  nodeId: z.uuid().optional().describe('Organisations attached anywhere under this area'),
  q: z.string().trim().min(1).max(100).optional(),
  ...pageQuery,
});

export const createOrganisationBody = z.object({
  nodeId: z.uuid().describe('The area the organisation is attached to (its street for a department)'),
  kind: z.enum(ORGANISATION_KINDS),
  name,
  code,
  contactPhone: phone.optional(),
});

export const updateOrganisationBody = z
  .object({
    name: name.optional(),
    code: code.optional(),
    contactPhone: phone.nullable().optional(),
    retired: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change.' });

export const estateSchema = z
  .object({
    id: z.uuid(),
    communityId: z.uuid(),
    name: z.string(),
    propertyCompanyId: z.uuid().nullable(),
    propertyCompanyName: z.string().nullable(),
    buildingCount: z.number(),
  })
  .meta({ id: 'Estate' });

export const listEstatesQuery = z.object({ communityId: z.uuid().optional() });

export const createEstateBody = z.object({ communityId: z.uuid(), name, propertyCompanyId: z.uuid().optional() });

export const updateEstateBody = z
  .object({ name: name.optional(), propertyCompanyId: z.uuid().nullable().optional() })
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change.' });
