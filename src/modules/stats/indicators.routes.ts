import type { FastifyReply } from 'fastify';
import type { App, AppContext } from '../../platform/http/app-types.ts';
import { responses } from '../../platform/http/app-types.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { exportFigures } from './indicator-export.service.ts';
import { syncZone } from './indicator-rollups.ts';
import {
  breakdownQuery,
  breakdownResponse,
  exportQuery,
  figuresResponse,
  periodQuery,
  registryResponse,
  trendResponse,
} from './indicators.schemas.ts';
import { breakdown, figures, type IndicatorDeps, trend } from './indicators.service.ts';
import { INDICATORS } from './indicators.ts';
import { reportRoutes } from './reports.routes.ts';

const tags = ['stats'];

/** A download whose name may be Chinese: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function sendFile(reply: FastifyReply, file: { body: Buffer; type: string; fileName: string }) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .header('content-type', file.type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

/** Indicators of any node and period, from the rollups: the registry, the figures, trends, breakdowns, exports. */
export function indicatorRoutes(app: App, { database, config }: AppContext) {
  const deps: IndicatorDeps = { db: database.db, timeZone: config.timeZone };
  // The rollups count local days of the configured zone: a changed STREET_TIMEZONE recounts them once.
  app.addHook('onReady', async () => {
    await syncZone(database.db, config.timeZone);
  });

  app.get(
    '/stats/indicators',
    {
      schema: {
        tags,
        summary: 'The indicator registry: names, definitions, units, which way is better',
        response: responses({ 200: registryResponse }, [401]),
      },
    },
    async (request) => {
      requireActor(request);
      return { items: INDICATORS.map(({ formula: _formula, ...rest }) => rest) };
    },
  );

  app.get(
    '/stats/figures',
    {
      schema: {
        tags,
        summary: "Every indicator of a node for a period, with the previous period's value and the change",
        querystring: periodQuery,
        response: responses({ 200: figuresResponse }, [400, 401, 403, 404]),
      },
    },
    async (request) => figures(deps, requireActor(request), request.query),
  );

  app.get(
    '/stats/trend',
    {
      schema: {
        tags,
        summary: 'Every indicator per day (periods up to 62 days) or per month',
        querystring: periodQuery,
        response: responses({ 200: trendResponse }, [400, 401, 403, 404]),
      },
    },
    async (request) => trend(deps, requireActor(request), request.query),
  );

  app.get(
    '/stats/breakdown',
    {
      schema: {
        tags,
        summary: 'Every indicator per case category, per child node (rankings, the map) or per organisation',
        querystring: breakdownQuery,
        response: responses({ 200: breakdownResponse }, [400, 401, 403, 404]),
      },
    },
    async (request) => breakdown(deps, requireActor(request), request.query),
  );

  app.get(
    '/stats/export',
    {
      schema: {
        tags,
        summary: 'A table of figures (indicators, trend or a breakdown) as xlsx or CSV (UTF-8 with BOM)',
        querystring: exportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
      },
    },
    async (request, reply) => sendFile(reply, await exportFigures(deps, requireActor(request), request.query)),
  );

  reportRoutes(app, deps);
}
