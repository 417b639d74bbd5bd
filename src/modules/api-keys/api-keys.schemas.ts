import { z } from 'zod';
import { KEY_SCOPES } from './api-keys.tables.ts';

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    streetId: z.uuid(),
    streetName: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(KEY_SCOPES)),
    keyPrefix: z.string().describe('The first characters of the key, to recognise it'),
    rateLimitPerMinute: z.number().int(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

export const issuedKeySchema = apiKeySchema
  .extend({ key: z.string().describe('The key itself: shown this once, only its hash is kept') })
  .meta({ id: 'IssuedApiKey' });

export const issueKeyBody = z.object({
  streetId: z.uuid().optional().describe("The street the key belongs to; the caller's only street when left out"),
  name: z.string().trim().min(1, 'Name the key after the system that will use it.').max(100),
  scopes: z
    .array(z.enum(KEY_SCOPES))
    .min(1, 'Choose what the key may do: open311, hotline or both.')
    .transform((scopes) => [...new Set(scopes)]),
  rateLimitPerMinute: z.number().int().min(1).max(10_000).default(60),
});
