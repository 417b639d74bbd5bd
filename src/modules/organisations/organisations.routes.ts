import { z } from 'zod';
import { type App, type AppContext, idParams, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { decodeCursor, pageSchema, toPage } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import type { EstateRow, OrganisationRow } from './organisations.repository.ts';
import {
  createEstateBody,
  createOrganisationBody,
  estateSchema,
  listEstatesQuery,
  listOrganisationsQuery,
  organisationSchema,
  updateEstateBody,
  updateOrganisationBody,
} from './organisations.schemas.ts';
import * as organisations from './organisations.service.ts';

const afterSchema = z.object({ name: z.string(), id: z.uuid() });

const presentOrganisation = (row: OrganisationRow): z.infer<typeof organisationSchema> => ({
  id: row.id,
  streetId: row.street_id,
  nodeId: row.node_id,
  nodeName: row.node_name,
  kind: row.kind,
  name: row.name,
  code: row.code,
  contactPhone: row.contact_phone,
  estates: row.estates,
  retiredAt: row.retired_at,
});

const presentEstate = (row: EstateRow): z.infer<typeof estateSchema> => ({
  id: row.id,
  communityId: row.community_id,
  name: row.name,
  propertyCompanyId: row.property_company_id,
  propertyCompanyName: row.property_company_name,
  buildingCount: row.building_count ?? 0,
});

export function organisationsRoutes(app: App, { database }: AppContext) {
  const { db } = database;
  const tags = ['organisations'];

  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Street departments, property companies, owners’ committees and social organisations in my scope',
        querystring: listOrganisationsQuery,
        response: responses({ 200: pageSchema(organisationSchema) }),
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      const rows = await organisations.listOrganisations(db, requireActor(request), {
        ...query,
        after: decodeCursor(cursor, afterSchema),
      });
      return toPage(rows, query.limit, presentOrganisation, (row) => ({ name: row.name, id: row.id }));
    },
  );

  app.get(
    '/organisations/:id',
    { schema: { tags, summary: 'One organisation', params: idParams, response: responses({ 200: organisationSchema }) } },
    async (request) => presentOrganisation(await organisations.getOrganisation(db, requireActor(request), request.params.id)),
  );

  app.post(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Register an organisation at an area',
        body: createOrganisationBody,
        response: responses({ 201: organisationSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await organisations.createOrganisation(db, actor, request.body);
      return reply.status(201).send(presentOrganisation(await organisations.getOrganisation(db, actor, id)));
    },
  );

  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Rename, recode or retire an organisation',
        params: idParams,
        body: updateOrganisationBody,
        response: responses({ 200: organisationSchema }, WRITE_ERRORS),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await organisations.updateOrganisation(db, actor, request.params.id, request.body);
      return presentOrganisation(await organisations.getOrganisation(db, actor, request.params.id));
    },
  );

  const estateTags = ['estates'];
  app.get(
    '/estates',
    {
      schema: {
        tags: estateTags,
        summary: 'Residential estates (compounds) and the property companies that manage them',
        querystring: listEstatesQuery,
        response: responses({ 200: z.object({ items: z.array(estateSchema) }) }),
      },
    },
    async (request) => ({
      items: (await organisations.listEstates(db, requireActor(request), request.query.communityId)).map(presentEstate),
    }),
  );

  app.post(
    '/estates',
    {
      schema: {
        tags: estateTags,
        summary: 'Register an estate in a community',
        body: createEstateBody,
        response: responses({ 201: estateSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await organisations.createEstate(db, actor, request.body);
      return reply.status(201).send(presentEstate(await organisations.getEstate(db, actor, id)));
    },
  );

  app.patch(
    '/estates/:id',
    {
      schema: {
        tags: estateTags,
        summary: 'Rename an estate or change its property company',
        params: idParams,
        body: updateEstateBody,
        response: responses({ 200: estateSchema }, WRITE_ERRORS),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await organisations.updateEstate(db, actor, request.params.id, request.body);
      return presentEstate(await organisations.getEstate(db, actor, request.params.id));
    },
  );
}
