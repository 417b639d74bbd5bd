import { type App, type AppContext, idParams, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import * as menu from './menu.service.ts';
import { REQUEST_ACTIONS, type RequestAction } from './request-lifecycle.ts';
import * as requests from './requests.service.ts';
import {
  ACTION_BODIES,
  candidateSchema,
  categoryBody,
  categoryPatchBody,
  categorySchema,
  itemBody,
  itemPatchBody,
  itemSchema,
  listRequestsQuery,
  menuQuery,
  requestBody,
  requestSchema,
  requestSummarySchema,
} from './services.schemas.ts';

const tags = ['services'];

const ACTION_SUMMARIES: Record<RequestAction, string> = {
  match: 'Match a volunteer to the request (staff)',
  unmatch: 'Take the volunteer off the request, with a reason (staff or the volunteer)',
  start: 'The volunteer has begun the service',
  complete: 'The service is done: its time is credited as service hours and points',
  rate: 'The resident rates the service, 1 to 5',
  cancel: 'Cancel before the service (the resident or staff), with a reason',
  decline: 'The community cannot offer it, with a reason',
};

export const serviceDepsOf = (context: AppContext): requests.ServiceDeps => ({
  db: context.database.db,
  timeZone: context.config.timeZone,
});

/** The service menu and service requests followed from asking to rating. */
export function servicesRoutes(app: App, context: AppContext) {
  const deps = serviceDepsOf(context);
  const { db } = deps;
  app.get(
    '/services/menu',
    {
      schema: {
        tags,
        summary: 'The service menu: categories and their items',
        querystring: menuQuery,
        response: responses({ 200: itemsOf(categorySchema) }, [401]),
      },
    },
    async (request) => menu.menu(db, requireActor(request), request.query.all === 'true'),
  );
  app.post(
    '/services/categories',
    {
      schema: {
        tags,
        summary: 'Add a category (services.configure)',
        body: categoryBody,
        response: responses({ 201: categorySchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await menu.createCategory(db, requireActor(request), request.body)),
  );
  app.patch(
    '/services/categories/:id',
    {
      schema: {
        tags,
        summary: 'Rename, reorder or retire a category',
        params: idParams,
        body: categoryPatchBody,
        response: responses({ 200: categorySchema }, WRITE_ERRORS),
      },
    },
    async (request) => menu.updateCategory(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/services/items',
    {
      schema: {
        tags,
        summary: 'Add an item to a category (services.configure)',
        body: itemBody,
        response: responses({ 201: itemSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await menu.createItem(db, requireActor(request), request.body)),
  );
  app.patch(
    '/services/items/:id',
    {
      schema: {
        tags,
        summary: 'Change or retire an item',
        params: idParams,
        body: itemPatchBody,
        response: responses({ 200: itemSchema }, WRITE_ERRORS),
      },
    },
    async (request) => menu.updateItem(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/services/requests',
    {
      schema: {
        tags,
        summary: 'Ask for an item of the menu; due in the item’s working days',
        body: requestBody,
        response: responses({ 201: requestSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await requests.createRequest(deps, requireActor(request), request.body)),
  );
  app.get(
    '/services/requests',
    {
      schema: {
        tags,
        summary: 'Requests of my area (staff), that I made, or that I am matched to, latest first',
        querystring: listRequestsQuery,
        response: responses({ 200: pageSchema(requestSummarySchema) }, [400, 401]),
      },
    },
    async (request) => requests.listRequests(deps, requireActor(request), request.query),
  );
  app.get(
    '/services/requests/:id',
    {
      schema: {
        tags,
        summary: 'A request with its timeline and the moves I may make',
        params: idParams,
        response: responses({ 200: requestSchema }),
      },
    },
    async (request) => requests.getRequest(deps, requireActor(request), request.params.id, request.ip),
  );
  app.get(
    '/services/requests/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Volunteers of the request’s community ranked for matching (skills, grid, load)',
        params: idParams,
        response: responses({ 200: itemsOf(candidateSchema) }, [401, 403, 404]),
      },
    },
    async (request) => requests.candidates(deps, requireActor(request), request.params.id),
  );
  for (const action of REQUEST_ACTIONS) {
    app.post(
      `/services/requests/:id/${action}`,
      {
        schema: {
          tags,
          summary: ACTION_SUMMARIES[action],
          params: idParams,
          body: ACTION_BODIES[action],
          response: responses({ 200: requestSchema }, WRITE_ERRORS),
        },
      },
      async (request) => requests.act(deps, requireActor(request), request.params.id, action, request.body as never),
    );
  }
}
