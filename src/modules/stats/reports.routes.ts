import { type App, idParams, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { sendFile } from './indicators.routes.ts';
import { reportFileParams, reportRequest, reportSchema } from './indicators.schemas.ts';
import type { IndicatorDeps } from './indicators.service.ts';
import { getReport, listReports, produceReport, reportFile } from './reports.service.ts';

const tags = ['stats'];

/** Monthly reports: produce one now, list those stored, download their PDF and xlsx. */
export function reportRoutes(app: App, deps: IndicatorDeps) {
  app.post(
    '/stats/reports',
    {
      schema: {
        tags,
        summary: 'Produce (or produce again) the monthly report of a node: PDF and xlsx, stored',
        body: reportRequest,
        response: responses({ 201: reportSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.code(201).send(await produceReport(deps, requireActor(request), request.body)),
  );

  app.get(
    '/stats/reports',
    {
      schema: {
        tags,
        summary: 'Monthly reports of the nodes in scope, newest first',
        response: responses({ 200: itemsOf(reportSchema) }, [401, 403]),
      },
    },
    async (request) => listReports(deps, requireActor(request)),
  );

  app.get(
    '/stats/reports/:id',
    {
      schema: {
        tags,
        summary: 'One monthly report',
        params: idParams,
        response: responses({ 200: reportSchema }, [400, 401, 404]),
      },
    },
    async (request) => getReport(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/stats/reports/:id/:format',
    {
      schema: {
        tags,
        summary: "A monthly report's PDF or xlsx",
        params: reportFileParams,
        produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) =>
      sendFile(reply, await reportFile(deps, requireActor(request), request.params.id, request.params.format)),
  );
}
