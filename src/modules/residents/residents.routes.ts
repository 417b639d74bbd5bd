import { z } from 'zod';
import { type App, type AppContext, idParams, responses } from '../../platform/http/app-types.ts';
import { decodeCursor, pageSchema, toPage } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { createResidentBody, listResidentsQuery, residentSchema, updateResidentBody } from './residents.schemas.ts';
import * as residents from './residents.service.ts';

const tags = ['residents'];
const afterSchema = z.object({ name: z.string(), id: z.uuid() });

export function residentsRoutes(app: App, { database }: AppContext) {
  const { db } = database;

  app.get(
    '/residents',
    {
      schema: {
        tags,
        summary: 'Residents in my scope; phone and ID numbers masked unless my role needs them',
        querystring: listResidentsQuery,
        response: responses({ 200: pageSchema(residentSchema) }),
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      const { rows, items } = await residents.listResidents(db, requireActor(request), request.ip, {
        ...query,
        after: decodeCursor(cursor, afterSchema),
      });
      const page = toPage(
        rows,
        query.limit,
        (row) => row,
        (row) => ({ name: row.name, id: row.id }),
      );
      return { items, nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/residents/:id',
    { schema: { tags, summary: 'One resident', params: idParams, response: responses({ 200: residentSchema }) } },
    async (request) => residents.getResident(db, requireActor(request), request.ip, request.params.id),
  );

  app.post(
    '/residents',
    {
      schema: {
        tags,
        summary: 'Register a resident in a household',
        body: createResidentBody,
        response: responses({ 201: residentSchema }, [400, 401, 403, 404, 409]),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await residents.createResident(db, actor, request.body);
      return reply.status(201).send(await residents.getResident(db, actor, request.ip, id));
    },
  );

  app.patch(
    '/residents/:id',
    {
      schema: {
        tags,
        summary: 'Correct a resident or record moving out',
        params: idParams,
        body: updateResidentBody,
        response: responses({ 200: residentSchema }, [400, 401, 403, 404, 409]),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await residents.updateResident(db, actor, request.params.id, request.body);
      return residents.getResident(db, actor, request.ip, request.params.id);
    },
  );
}
