import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { EVENT_PATTERN } from './delivery-rules.ts';
import { DELIVERY_STATUSES } from './webhooks.tables.ts';

const eventTypes = z
  .array(z.string().trim().regex(EVENT_PATTERN, 'An event type is like case.closed, a family like case.*, or *.'))
  .min(1, 'Choose at least one event type.')
  .max(50)
  .transform((types) => [...new Set(types)]);
const url = z
  .string()
  .trim()
  .max(500)
  .refine((value) => URL.canParse(value) && /^https?:\/\//i.test(value), 'Give an http or https URL.');

export const subscriptionSchema = z
  .object({
    id: z.uuid(),
    streetId: z.uuid(),
    streetName: z.string(),
    name: z.string(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    apiKeyId: z.uuid().nullable().describe('Only the cases brought in with this key'),
    apiKeyName: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
    pending: z.number().int(),
    failed: z.number().int(),
    deliveredLastDay: z.number().int(),
  })
  .meta({ id: 'WebhookSubscription' });

export const subscriptionWithSecretSchema = subscriptionSchema
  .extend({ secret: z.string().describe('Signs every delivery (HMAC-SHA256); shown when made or rotated') })
  .meta({ id: 'WebhookSubscriptionWithSecret' });

export const createSubscriptionBody = z.object({
  streetId: z.uuid().optional(),
  name: z.string().trim().min(1, 'Name the receiver.').max(100),
  url,
  eventTypes,
  apiKeyId: z.uuid().optional(),
});

export const updateSubscriptionBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  url: url.optional(),
  eventTypes: eventTypes.optional(),
  active: z.boolean().optional(),
});

export const deliverySchema = z
  .object({
    id: z.string(),
    subscriptionId: z.uuid(),
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });

export const attemptSchema = z.object({
  attempt: z.number().int(),
  manual: z.boolean(),
  at: z.string(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});

export const deliveryDetailSchema = deliverySchema
  .extend({ attemptsLog: z.array(attemptSchema), payload: z.record(z.string(), z.unknown()) })
  .meta({ id: 'WebhookDeliveryDetail' });

export const deliveriesQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  ...pageQuery,
});

export const deliveryParams = z.object({ id: z.coerce.number().int().positive() });
