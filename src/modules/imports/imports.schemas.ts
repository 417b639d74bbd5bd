import { z } from 'zod';
import { IMPORT_STATUSES } from './imports.tables.ts';
import { FIELDS } from './register-rules.ts';

const mappingSchema = z.partialRecord(z.enum(FIELDS), z.string().max(100));

export const importSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    format: z.enum(['xlsx', 'csv']),
    encoding: z.enum(['utf-8', 'gbk']).nullable(),
    headers: z.array(z.string()),
    mapping: mappingSchema.nullable(),
    suggestedMapping: mappingSchema,
    status: z.enum(IMPORT_STATUSES),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    errorCount: z.number().int(),
    errors: z
      .array(z.object({ row: z.number().int(), column: z.string(), value: z.string(), code: z.string() }))
      .describe('The first 200 row errors; the report has them all'),
    inserted: z.number().int(),
    updated: z.number().int(),
    householdsCreated: z.number().int(),
    failure: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'RegisterImport' });

export const runImportBody = z.object({
  mapping: mappingSchema.describe('The file column for each field: building, unit, room and name at least'),
});

export const fileQuery = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
});
