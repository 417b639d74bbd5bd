import { z } from 'zod';
import type { GeoJsonPolygon } from '../../platform/db/schema.ts';
import { type App, type AppContext, idParams, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { decodeCursor, pageSchema, toPage } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { presentArea } from './areas.presenter.ts';
import {
  areaDetailSchema,
  areaSchema,
  boundariesQuery,
  createAreaBody,
  featureCollectionSchema,
  gridAtQuery,
  importGridsBody,
  importGridsQuery,
  importGridsResult,
  listAreasQuery,
  retireAreaBody,
  updateAreaBody,
} from './areas.schemas.ts';
import * as areas from './areas.service.ts';
import { importGrids } from './import-grids.ts';

const tags = ['areas'];
const afterSchema = z.object({ code: z.string(), id: z.uuid() });

export function areasRoutes(app: App, { database, gridLocator }: AppContext) {
  const { db } = database;

  app.get(
    '/areas',
    {
      schema: {
        tags,
        summary: 'List areas: children of parentId, or the areas my roles are held at',
        querystring: listAreasQuery,
        response: responses({ 200: pageSchema(areaSchema) }),
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      const rows = await areas.listAreas(db, requireActor(request), { ...query, after: decodeCursor(cursor, afterSchema) });
      return toPage(rows, query.limit, presentArea, (row) => ({ code: row.code, id: row.id }));
    },
  );

  app.get(
    '/areas/grid-at',
    { schema: { tags, summary: 'The grid a point lies in', querystring: gridAtQuery, response: responses({ 200: areaSchema }) } },
    async (request) =>
      presentArea(await areas.gridAt(db, gridLocator, requireActor(request), request.query.lon, request.query.lat)),
  );

  app.get(
    '/areas/:id',
    {
      schema: { tags, summary: 'An area with its breadcrumbs', params: idParams, response: responses({ 200: areaDetailSchema }) },
    },
    async (request) => {
      const { node, breadcrumbs } = await areas.getArea(db, requireActor(request), request.params.id);
      return { area: presentArea(node), breadcrumbs };
    },
  );

  app.get(
    '/areas/:id/boundaries',
    {
      schema: {
        tags,
        summary: 'Boundaries of the areas of one level inside an area, as a GeoJSON FeatureCollection (for maps)',
        params: idParams,
        querystring: boundariesQuery,
        response: responses({ 200: featureCollectionSchema }),
      },
    },
    async (request) => {
      const rows = await areas.boundariesOf(db, requireActor(request), request.params.id, request.query.level);
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((row) => ({
          type: 'Feature' as const,
          id: row.id,
          properties: {
            id: row.id,
            name: row.name,
            code: row.code,
            level: row.level,
            parentId: row.parent_id,
            responsibleUserId: row.responsible_user_id,
          },
          geometry: row.boundary as GeoJsonPolygon,
        })),
      };
    },
  );

  app.post(
    '/areas',
    {
      schema: {
        tags,
        summary: 'Create an area under a parent',
        body: createAreaBody,
        response: responses({ 201: areaSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await areas.createArea(db, actor, request.body);
      const { node } = await areas.getArea(db, actor, id);
      return reply.status(201).send(presentArea(node));
    },
  );

  app.patch(
    '/areas/:id',
    {
      schema: {
        tags,
        summary: 'Rename, recode, move, redraw or reassign an area',
        params: idParams,
        body: updateAreaBody,
        response: responses({ 200: areaSchema }, WRITE_ERRORS),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await areas.updateArea(db, actor, request.params.id, request.body);
      return presentArea((await areas.getArea(db, actor, request.params.id)).node);
    },
  );

  app.post(
    '/areas/:id/retire',
    {
      schema: {
        tags,
        summary: 'Retire an area that holds no active areas',
        params: idParams,
        body: retireAreaBody,
        response: responses({ 200: areaSchema }, WRITE_ERRORS),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await areas.retireArea(db, actor, request.params.id, request.body.reason);
      return presentArea((await areas.getArea(db, actor, request.params.id)).node);
    },
  );

  app.post(
    '/areas/import-grids',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Create or update grids from a GeoJSON FeatureCollection, all or nothing',
        querystring: importGridsQuery,
        body: importGridsBody,
        response: responses({ 200: importGridsResult }, [400, 401, 403, 413]),
      },
    },
    async (request) => {
      const grids = await importGrids(db, requireActor(request), request.body, request.query.dryRun);
      return {
        dryRun: request.query.dryRun,
        created: grids.filter((g) => g.action === 'created').length,
        updated: grids.filter((g) => g.action === 'updated').length,
        grids,
      };
    },
  );
}
