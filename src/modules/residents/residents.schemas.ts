import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { isValidIdNumber } from './id-number.ts';

/** Tags that mark residents the community looks after; codes, labelled by the client. */
export const RESIDENT_TAGS = [
  'elderly_alone',
  'elderly',
  'disabled',
  'retired_soldier',
  'in_difficulty',
  'left_behind_child',
  'party_member',
  'volunteer',
] as const;

const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'Enter an 11-digit mobile number or a landline with area code.');
const idNumber = z.string().trim().toUpperCase().refine(isValidIdNumber, 'Enter a valid 18-character identity card number.');
const localDate = z.iso.date();

export const residentSchema = z
  .object({
    id: z.uuid(),
    householdId: z.uuid(),
    householdName: z.string(),
    name: z.string(),
    gender: z.enum(['female', 'male']).nullable(),
    birthDate: z.string().nullable(),
    phone: z.string().nullable().describe('Personal data: masked (138****1234) unless the caller holds residents.read_sensitive'),
    idNumber: z.string().nullable().describe('Personal data: masked unless the caller holds residents.read_sensitive'),
    masked: z.boolean(),
    tags: z.array(z.string()),
    isHouseholdHead: z.boolean(),
    movedOutAt: z.date().nullable(),
  })
  .meta({ id: 'Resident' });

export const listResidentsQuery = z.object({
  nodeId: z.uuid().optional().describe('Residents living anywhere under this area'),
  q: z.string().trim().min(1).max(50).optional().describe('Name contains, or exact phone or ID number'),
  tag: z.enum(RESIDENT_TAGS).optional(),
  includeMovedOut: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  ...pageQuery,
});

export const createResidentBody = z.object({
  householdId: z.uuid(),
  name: z.string().trim().min(1, 'Enter a name.').max(50),
  gender: z.enum(['female', 'male']).optional(),
  birthDate: localDate.optional(),
  phone: phone.optional(),
  idNumber: idNumber.optional(),
  tags: z.array(z.enum(RESIDENT_TAGS)).max(RESIDENT_TAGS.length).default([]),
  isHouseholdHead: z.boolean().default(false),
});

export const updateResidentBody = z
  .object({
    name: z.string().trim().min(1).max(50).optional(),
    gender: z.enum(['female', 'male']).nullable().optional(),
    birthDate: localDate.nullable().optional(),
    phone: phone.nullable().optional(),
    idNumber: idNumber.nullable().optional(),
    tags: z.array(z.enum(RESIDENT_TAGS)).max(RESIDENT_TAGS.length).optional(),
    isHouseholdHead: z.boolean().optional(),
    movedOut: z.boolean().optional().describe('true records that the resident moved out'),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change.' });
