import { z } from 'zod';
import { type App, type AppContext, responses } from '../../platform/http/app-types.ts';
import { caseDepsOf } from '../cases/cases.routes.ts';
import { apiKeyHeaders, externalIdSchema, workOrderBody, workOrderSchema } from './hotline.schemas.ts';
import * as hotline from './hotline.service.ts';

const tags = ['hotline'];

/** The city 12345 hotline hands over work orders with its API key (no session) and reads their status. */
export function hotlineRoutes(app: App, context: AppContext) {
  const deps = caseDepsOf(context);
  app.post(
    '/hotline/work-orders',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Hand over a hotline work order with its own id; the same id twice answers 409',
        headers: apiKeyHeaders,
        body: workOrderBody,
        response: responses({ 201: workOrderSchema }, [400, 401, 403, 409, 429]),
      },
    },
    async (request, reply) => {
      const key = await hotline.hotlineKey(deps.db, request.headers['x-api-key']);
      return reply.status(201).send(await hotline.handOver(deps, key, request.body));
    },
  );
  app.get(
    '/hotline/work-orders/:externalId',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Where a handed-over work order stands',
        headers: apiKeyHeaders,
        params: z.object({ externalId: externalIdSchema }),
        response: responses({ 200: workOrderSchema }, [400, 401, 403, 404, 429]),
      },
    },
    async (request) => {
      const key = await hotline.hotlineKey(deps.db, request.headers['x-api-key']);
      return hotline.workOrderStatus(deps.db, key, request.params.externalId);
    },
  );
}
