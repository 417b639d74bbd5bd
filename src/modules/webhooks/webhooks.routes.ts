import { z } from 'zod';
import { type App, type AppContext, idParams, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { decodeCursor, pageSchema } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import {
  createSubscriptionBody,
  deliveriesQuery,
  deliveryDetailSchema,
  deliveryParams,
  deliverySchema,
  subscriptionSchema,
  subscriptionWithSecretSchema,
  updateSubscriptionBody,
} from './webhooks.schemas.ts';
import * as webhooks from './webhooks.service.ts';

const tags = ['integration'];
const cursorSchema = z.object({ before: z.number().int() });

/** Webhook subscriptions, their delivery log and manual redelivery (administration). */
export function webhooksRoutes(app: App, { database }: AppContext) {
  const { db } = database;
  app.get(
    '/integration/webhooks',
    {
      schema: {
        tags,
        summary: 'Webhook subscriptions of my streets',
        response: responses({ 200: itemsOf(subscriptionSchema) }, [401]),
      },
    },
    async (request) => webhooks.listSubscriptions(db, requireActor(request)),
  );
  app.post(
    '/integration/webhooks',
    {
      schema: {
        tags,
        summary: 'Subscribe a receiver to event types; answers the signing secret',
        body: createSubscriptionBody,
        response: responses({ 201: subscriptionWithSecretSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await webhooks.createSubscription(db, requireActor(request), request.body)),
  );
  app.patch(
    '/integration/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change, pause or resume a subscription',
        params: idParams,
        body: updateSubscriptionBody,
        response: responses({ 200: subscriptionSchema }, WRITE_ERRORS),
      },
    },
    async (request) => webhooks.updateSubscription(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/integration/webhooks/:id/rotate-secret',
    {
      schema: {
        tags,
        summary: 'Replace the signing secret; answers the new one',
        params: idParams,
        response: responses({ 200: subscriptionWithSecretSchema }, WRITE_ERRORS),
      },
    },
    async (request) => webhooks.rotateSecret(db, requireActor(request), request.params.id),
  );
  app.get(
    '/integration/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log of a subscription, newest first',
        params: idParams,
        querystring: deliveriesQuery,
        response: responses({ 200: pageSchema(deliverySchema) }),
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      const rows = await webhooks.listDeliveries(db, requireActor(request), request.params.id, {
        ...query,
        before: decodeCursor(cursor, cursorSchema)?.before,
      });
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return {
        items: items.map(webhooks.presentDelivery),
        nextCursor:
          rows.length > query.limit && last ? Buffer.from(JSON.stringify({ before: last.id })).toString('base64url') : null,
      };
    },
  );
  app.get(
    '/integration/webhook-deliveries/:id',
    {
      schema: {
        tags,
        summary: 'One delivery with every attempt and the body it sends',
        params: deliveryParams,
        response: responses({ 200: deliveryDetailSchema }),
      },
    },
    async (request) => webhooks.deliveryDetail(db, requireActor(request), request.params.id),
  );
  app.post(
    '/integration/webhook-deliveries/:id/redeliver',
    {
      schema: {
        tags,
        summary: 'Send a delivery again now; answers it with the new attempt',
        params: deliveryParams,
        response: responses({ 200: deliveryDetailSchema }, WRITE_ERRORS),
      },
    },
    async (request) => webhooks.redeliver({ db }, requireActor(request), request.params.id),
  );
}
