import { type App, type AppContext, idParams, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { apiKeySchema, issuedKeySchema, issueKeyBody } from './api-keys.schemas.ts';
import * as keys from './api-keys.service.ts';

const tags = ['integration'];

/** API keys of outside systems (Open311 clients, the city hotline): issued and revoked by the administrator. */
export function apiKeysRoutes(app: App, { database }: AppContext) {
  const { db } = database;
  app.get(
    '/integration/api-keys',
    {
      schema: {
        tags,
        summary: 'API keys of my streets, live ones first',
        response: responses({ 200: itemsOf(apiKeySchema) }, [401]),
      },
    },
    async (request) => keys.listKeys(db, requireActor(request)),
  );
  app.post(
    '/integration/api-keys',
    {
      schema: {
        tags,
        summary: 'Issue a key for a street; the key is answered this once',
        body: issueKeyBody,
        response: responses({ 201: issuedKeySchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await keys.issueKey(db, requireActor(request), request.body)),
  );
  app.post(
    '/integration/api-keys/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a key: it is refused from the next request on',
        params: idParams,
        response: responses({ 200: apiKeySchema }, WRITE_ERRORS),
      },
    },
    async (request) => keys.revokeKey(db, requireActor(request), request.params.id),
  );
}
