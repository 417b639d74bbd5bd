import { z } from 'zod';

export const loginBody = z.object({
  username: z.string().trim().toLowerCase().min(1, 'Enter a username.').max(40),
  password: z.string().min(1, 'Enter a password.').max(200),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10, 'The new password needs at least 10 characters.').max(200),
});

export const meSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    streetId: z.uuid().nullable(),
    residentId: z.uuid().nullable(),
    organisationId: z.uuid().nullable(),
    permissions: z.array(z.string()),
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
  .meta({ id: 'Me' });
