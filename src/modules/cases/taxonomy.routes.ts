import { z } from 'zod';
import { type App, type AppContext, idParams, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { KINDS, PRIORITIES } from './cases.schemas.ts';
import { TIERS } from './lifecycle.ts';
import * as taxonomy from './taxonomy.service.ts';

const categorySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.enum(KINDS),
  departmentCode: z.string().nullable(),
  retired: z.boolean(),
});
const categoryTreeSchema = z.object({ items: z.array(categorySchema.extend({ children: z.array(categorySchema) })) });

const categoryFields = {
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(80),
  kind: z.enum(KINDS).optional(),
  departmentCode: z.string().trim().max(40).optional(),
  sort: z.number().int().min(0).max(10_000).optional(),
};

const policySchema = z.object({
  id: z.uuid(),
  streetId: z.uuid().nullable(),
  tier: z.enum(TIERS),
  categoryId: z.uuid().nullable(),
  categoryCode: z.string().nullable(),
  workingDays: z.number(),
  kind: z.enum(['handle', 'answer', 'explain']),
  warnHours: z.number(),
});

export function taxonomyRoutes(app: App, { database }: AppContext) {
  const { db } = database;

  app.get(
    '/case-categories',
    {
      config: { public: true },
      schema: {
        tags: ['categories'],
        summary: 'The two-level category taxonomy (open to all: the report form needs it)',
        querystring: z.object({
          includeRetired: z
            .enum(['true', 'false'])
            .default('false')
            .transform((v) => v === 'true'),
        }),
        response: responses({ 200: categoryTreeSchema }, [400]),
      },
    },
    async (request) => ({ items: await taxonomy.categoryTree(db, request.query.includeRetired) }),
  );

  app.post(
    '/case-categories',
    {
      schema: {
        tags: ['categories'],
        summary: 'Add a category, or a subcategory under a top-level one',
        body: z.object({
          parentId: z.uuid().optional(),
          code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'Codes are upper-case letters, digits and _.'),
          ...categoryFields,
        }),
        response: responses({ 201: z.object({ id: z.uuid() }) }, WRITE_ERRORS),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await taxonomy.createCategory(db, requireActor(request), request.body) }),
  );

  app.patch(
    '/case-categories/:id',
    {
      schema: {
        tags: ['categories'],
        summary: 'Rename, re-sort or retire a category',
        params: idParams,
        body: z.object({
          ...categoryFields,
          nameZh: categoryFields.nameZh.optional(),
          nameEn: categoryFields.nameEn.optional(),
          retired: z.boolean().optional(),
        }),
        response: responses({ 200: z.object({ id: z.uuid() }) }, WRITE_ERRORS),
      },
    },
    async (request) => {
      await taxonomy.updateCategory(db, requireActor(request), request.params.id, request.body);
      return { id: request.params.id };
    },
  );

  app.get(
    '/deadline-policies',
    {
      schema: {
        tags: ['deadlines'],
        summary: 'Working days per tier and category, national and per street',
        response: responses({ 200: z.object({ items: z.array(policySchema) }) }, [401]),
      },
    },
    async () => ({
      items: (await taxonomy.deadlinePolicyRows(db)).map((row) => ({
        id: row.id,
        streetId: row.street_id,
        tier: row.tier,
        categoryId: row.category_id,
        categoryCode: row.category_code,
        workingDays: row.working_days,
        kind: row.kind,
        warnHours: row.warn_hours,
      })),
    }),
  );

  app.put(
    '/deadline-policies',
    {
      schema: {
        tags: ['deadlines'],
        summary: 'Set the working days of a tier (for a category, for a street); applies to deadlines started from now on',
        body: z.object({
          streetId: z.uuid().optional(),
          tier: z.enum(TIERS),
          categoryId: z.uuid().optional(),
          workingDays: z.number().int().min(0).max(60),
          kind: z.enum(['handle', 'answer', 'explain']),
          warnHours: z.number().int().min(0).max(720).default(24),
        }),
        response: responses({ 204: z.null() }, WRITE_ERRORS),
      },
    },
    async (request, reply) => {
      await taxonomy.upsertDeadlinePolicy(db, requireActor(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/deadline-policies/:id',
    {
      schema: {
        tags: ['deadlines'],
        summary: 'Remove a category or street policy',
        params: idParams,
        response: responses({ 204: z.null() }, WRITE_ERRORS),
      },
    },
    async (request, reply) => {
      await taxonomy.deleteDeadlinePolicy(db, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/response-policies',
    {
      schema: {
        tags: ['deadlines'],
        summary: 'How soon the reporter must first be contacted, per priority',
        response: responses(
          {
            200: z.object({
              items: z.array(
                z.object({ priority: z.enum(PRIORITIES), hours: z.number().nullable(), workingDays: z.number().nullable() }),
              ),
            }),
          },
          [401],
        ),
      },
    },
    async () => ({
      items: (await taxonomy.responsePolicyRows(db)).map((row) => ({
        priority: row.priority,
        hours: row.hours,
        workingDays: row.working_days,
      })),
    }),
  );

  app.put(
    '/response-policies/:priority',
    {
      schema: {
        tags: ['deadlines'],
        summary: 'Set the first-contact limit of a priority: elapsed hours or working days',
        params: z.object({ priority: z.enum(PRIORITIES) }),
        body: z
          .object({ hours: z.number().int().min(1).max(240).optional(), workingDays: z.number().int().min(0).max(10).optional() })
          .refine((b) => (b.hours === undefined) !== (b.workingDays === undefined), {
            message: 'Give hours or workingDays, not both.',
            path: ['hours'],
          }),
        response: responses({ 204: z.null() }, WRITE_ERRORS),
      },
    },
    async (request, reply) => {
      await taxonomy.setResponsePolicy(db, requireActor(request), request.params.priority, request.body);
      return reply.status(204).send(null);
    },
  );
}
