import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type App, type AppContext, idParams, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import type { Actor } from '../access/access.policy.ts';
import { requirePermission } from '../access/authorize.ts';
import { caseDepsOf } from '../cases/cases.routes.ts';
import { registerPhotoAccess } from '../photos/photos.service.ts';
import { CARE_READ, canReadFile } from './care.policy.ts';
import {
  closeFileBody,
  exportQuery,
  filePatchBody,
  fileSchema,
  fileSummarySchema,
  listFilesQuery,
  openFileBody,
  visitBody,
  visitSchema,
} from './care.schemas.ts';
import type { CareDeps } from './care.shared.ts';
import { CARE_EXPORT_MAX_ROWS, exportCareFiles } from './care-export.ts';
import { careOverviewRoutes } from './care-overview.routes.ts';
import { getFile, listFiles } from './file-views.service.ts';
import { closeFile, openFile, updateFile } from './files.service.ts';
import { logVisit } from './visits.service.ts';

const tags = ['care'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const workbookBytes = z.string().meta({ content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } });

export function careDepsOf(context: AppContext): CareDeps {
  return { db: context.database.db, timeZone: context.config.timeZone, cases: caseDepsOf(context) };
}

/** Lists and exports are for the roles that read care files; everyone else is told so, not shown an empty list. */
const fileReader = (request: FastifyRequest): Actor => {
  const actor = requireActor(request);
  requirePermission(actor, CARE_READ);
  return actor;
};

/** Care for vulnerable residents: files, visits, rules, festival campaigns, coverage figures, the missed-visit job. */
export function careRoutes(app: App, context: AppContext) {
  const deps = careDepsOf(context);
  // A visit's photos are seen by whoever reads its file, and nobody else.
  registerPhotoAccess('care_visit', async (database, actor, visitId) => {
    if (!actor) return false;
    const row = await database
      .selectFrom('care_visits as v')
      .innerJoin('care_files as f', 'f.id', 'v.file_id')
      .select('f.location_path')
      .where('v.id', '=', visitId)
      .executeTakeFirst();
    return row !== undefined && canReadFile(actor, row.location_path);
  });

  app.get(
    '/care/files',
    {
      schema: {
        tags,
        summary: 'Care files in my scope, masked: surname and building only, the most urgent visit first',
        querystring: listFilesQuery,
        response: responses({ 200: pageSchema(fileSummarySchema) }, [400, 401, 403]),
      },
    },
    async (request) => listFiles(deps, fileReader(request), request.query),
  );
  app.post(
    '/care/files',
    {
      schema: {
        tags,
        summary: 'Open a care file on a resident: groups, risk, situation, emergency contact',
        body: openFileBody,
        response: responses({ 201: fileSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await openFile(deps, requireActor(request), request.body, request.ip)),
  );

  async function sendWorkbook(request: FastifyRequest<{ Querystring: z.infer<typeof exportQuery> }>, reply: FastifyReply) {
    const file = await exportCareFiles(deps, fileReader(request), request.query, request.ip);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .header('x-export-rows', String(file.rowCount))
      .header('x-export-truncated', String(file.truncated))
      .send(file.bytes);
  }
  app.get(
    '/care/files/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The care file list under the same filters, as an xlsx workbook, masked as the list is (audited)',
        description: `At most ${CARE_EXPORT_MAX_ROWS} rows. No phone or ID number is ever exported; names keep the surname only.`,
        querystring: exportQuery,
        response: responses({ 200: workbookBytes }, [400, 401, 403]),
      },
    },
    sendWorkbook,
  );

  app.get(
    '/care/files/:id',
    {
      schema: {
        tags,
        summary: 'A care file whole: the person, their home, visits with photos, timeline (every read audited)',
        params: idParams,
        response: responses({ 200: fileSchema }),
      },
    },
    async (request) => getFile(deps, requireActor(request), request.params.id, request.ip),
  );
  app.patch(
    '/care/files/:id',
    {
      schema: {
        tags,
        summary: 'Change groups, risk, situation or emergency contact; the next visit is rescheduled',
        params: idParams,
        body: filePatchBody,
        response: responses({ 200: fileSchema }, WRITE_ERRORS),
      },
    },
    async (request) => updateFile(deps, requireActor(request), request.params.id, request.body, request.ip),
  );
  app.post(
    '/care/files/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a file: moved out, deceased, no longer eligible',
        params: idParams,
        body: closeFileBody,
        response: responses({ 200: fileSchema }, WRITE_ERRORS),
      },
    },
    async (request) => closeFile(deps, requireActor(request), request.params.id, request.body, request.ip),
  );
  app.post(
    '/care/files/:id/visits',
    {
      schema: {
        tags,
        summary: 'Log a visit from the field app; a follow-up opens a case in the household’s grid',
        description: 'Idempotent by clientId: the same visit sent again answers 200 with the visit already logged.',
        params: idParams,
        body: visitBody,
        response: responses({ 200: visitSchema, 201: visitSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => {
      const { visit, replayed } = await logVisit(deps, requireActor(request), request.params.id, request.body);
      return reply.status(replayed ? 200 : 201).send(visit);
    },
  );

  careOverviewRoutes(app, deps);
}
