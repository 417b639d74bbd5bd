import { z } from 'zod';
import { type App, type AppContext, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { retentionBody, retentionSchema, runResult, streetParams } from './privacy.schemas.ts';
import { retentionFor, runAnonymisationFor, setRetention } from './privacy.service.ts';

export function privacyRoutes(app: App, { database }: AppContext) {
  const deps = { db: database.db };
  const tags = ['privacy'];

  app.get(
    '/privacy/retention',
    {
      schema: {
        tags,
        summary: 'How long each street in my scope keeps finished cases’ personal data',
        response: responses({ 200: itemsOf(retentionSchema) }, [401, 403]),
      },
    },
    async (request) => ({ items: await retentionFor(deps, requireActor(request)) }),
  );

  app.put(
    '/privacy/retention/:streetId',
    {
      schema: {
        tags,
        summary: 'Set a street’s retention of finished cases’ personal data, in months',
        params: streetParams,
        body: retentionBody,
        response: responses({ 200: retentionSchema }, WRITE_ERRORS),
      },
    },
    async (request) => setRetention(deps, requireActor(request), request.params.streetId, request.body.closedCaseMonths),
  );

  app.post(
    '/privacy/retention/run',
    {
      schema: {
        tags,
        summary: 'Run the anonymisation job now for my streets (it also runs every night)',
        body: z.object({}).optional(),
        response: responses({ 200: runResult }, [401, 403]),
      },
    },
    async (request) => runAnonymisationFor(deps, requireActor(request)),
  );
}
