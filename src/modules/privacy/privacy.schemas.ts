import { z } from 'zod';

export const retentionSchema = z
  .object({
    streetId: z.uuid(),
    streetName: z.string(),
    closedCaseMonths: z
      .number()
      .int()
      .describe('Months after a case is closed, rejected or merged before its personal data is removed'),
    isDefault: z.boolean().describe('True while the street has not set its own retention'),
    updatedAt: z.date().nullable(),
    anonymisedCases: z.number().int(),
  })
  .meta({ id: 'PrivacyRetention' });

export const streetParams = z.object({ streetId: z.uuid() });
export const retentionBody = z.object({
  closedCaseMonths: z.number().int().min(1, 'At least one month.').max(120, 'At most 120 months.'),
});
export const runResult = z.object({ cases: z.number().int().describe('Cases whose personal data was removed') });
