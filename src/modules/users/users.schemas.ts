import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';

export const roleGrant = z
  .object({
    role: z.string().min(1).max(40),
    nodeId: z.uuid().optional(),
    organisationId: z.uuid().optional(),
  })
  .refine((g) => (g.nodeId === undefined) !== (g.organisationId === undefined), {
    message: 'A role is held either at an area (nodeId) or at an organisation (organisationId).',
    path: ['nodeId'],
  });

const password = z.string().min(10, 'A password needs at least 10 characters.').max(200);

export const userSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    phone: z.string().nullable(),
    disabled: z.boolean(),
    lockedUntil: z.date().nullable(),
    roles: z.array(
      z.object({
        id: z.uuid(),
        role: z.string(),
        nodeId: z.uuid().nullable(),
        organisationId: z.uuid().nullable(),
        scopeName: z.string(),
        scopeLevel: z.string(),
      }),
    ),
  })
  .meta({ id: 'User' });

export const listUsersQuery = z.object({
  q: z.string().trim().min(1).max(40).optional(),
  role: z.string().min(1).max(40).optional(),
  ...pageQuery,
});

export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_.-]{3,40}$/, 'A username is 3-40 lower-case letters, digits, dot, dash or underscore.'),
  displayName: z.string().trim().min(1).max(50),
  password,
  phone: z
    .string()
    .regex(/^1[3-9]\d{9}$/, 'Enter an 11-digit mobile number.')
    .optional(),
  roles: z.array(roleGrant).max(20).default([]),
});

export const updateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(50).optional(),
    phone: z
      .string()
      .regex(/^1[3-9]\d{9}$/, 'Enter an 11-digit mobile number.')
      .nullable()
      .optional(),
    disabled: z.boolean().optional(),
    password: password.optional().describe('Reset the password; ends all the user’s sessions'),
    unlock: z.literal(true).optional().describe('Lift a login lockout'),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change.' });

export const roleParams = z.object({ id: z.uuid(), assignmentId: z.uuid() });
