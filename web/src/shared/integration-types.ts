/** The integration API's shapes (API keys, webhooks, register imports), type-only from the server's zod schemas. */
import type { z } from 'zod';
import type { apiKeySchema, issuedKeySchema } from '../../../src/modules/api-keys/api-keys.schemas.ts';
import type { importSchema } from '../../../src/modules/imports/imports.schemas.ts';
import type {
  deliveryDetailSchema,
  deliverySchema,
  subscriptionSchema,
  subscriptionWithSecretSchema,
} from '../../../src/modules/webhooks/webhooks.schemas.ts';

export type ApiKey = z.infer<typeof apiKeySchema>;
export type IssuedKey = z.infer<typeof issuedKeySchema>;
export type Subscription = z.infer<typeof subscriptionSchema>;
export type SubscriptionWithSecret = z.infer<typeof subscriptionWithSecretSchema>;
export type Delivery = z.infer<typeof deliverySchema>;
export type DeliveryDetail = z.infer<typeof deliveryDetailSchema>;
export type RegisterImport = z.infer<typeof importSchema>;

/** The register's columns, in the template's order (the server's FIELDS). */
export const REGISTER_FIELDS = [
  'community',
  'building',
  'unit',
  'room',
  'name',
  'gender',
  'birthDate',
  'phone',
  'idNumber',
  'householdHead',
  'tags',
] as const;
export const REQUIRED_REGISTER_FIELDS = ['building', 'unit', 'room', 'name'] as const;
