import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type App, type AppContext, idParams, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { AppError, badRequest } from '../../platform/http/errors.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { fileQuery, importSchema, runImportBody } from './imports.schemas.ts';
import * as imports from './imports.service.ts';

const tags = ['imports'];
const MAX_BYTES = 20 * 1024 * 1024;
const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

async function receiveFile(request: FastifyRequest): Promise<{ name: string; bytes: Buffer }> {
  const missing = () => badRequest('IMPORT_FILE_MISSING', 'Send the file as multipart/form-data in the field "file".', 'file');
  if (!request.isMultipart()) throw missing();
  let file: { name: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_BYTES, files: 1, fields: 5 } })) {
      if (part.type !== 'file') continue;
      if (part.fieldname === 'file') file = { name: part.filename, bytes: await part.toBuffer() };
      else part.file.resume();
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, 'IMPORT_TOO_LARGE', 'The file is larger than 20 MB; split it.', 'file');
    throw error;
  }
  if (!file?.bytes.length) throw missing();
  return file;
}

/** Population register imports: template, upload, column mapping, checking, all-or-nothing commit, error report. */
export function importsRoutes(app: App, { database, config }: AppContext) {
  const deps = { db: database.db, dataDir: config.dataDir, timeZone: config.timeZone };
  app.get(
    '/imports/register/template',
    {
      schema: { tags, summary: 'The register template to fill in (xlsx or CSV)', querystring: fileQuery },
    },
    async (request, reply) => {
      const body = await imports.template(request.query.format, request.query.lang);
      return reply
        .header('content-type', CONTENT_TYPES[request.query.format])
        .header('content-disposition', `attachment; filename="register-template.${request.query.format}"`)
        .send(body);
    },
  );
  app.get(
    '/imports/register',
    { schema: { tags, summary: 'My recent register imports', response: responses({ 200: itemsOf(importSchema) }, [401, 403]) } },
    async (request) => imports.listImports(database.db, requireActor(request)),
  );
  app.post(
    '/imports/register',
    {
      schema: {
        tags,
        summary: 'Upload a register file (xlsx, or CSV in UTF-8 or GBK); answers its headers and a suggested mapping',
        querystring: z.object({ streetId: z.uuid().optional() }),
        response: responses({ 201: importSchema }, [400, 401, 403, 413]),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await receiveFile(request);
      return reply.status(201).send(await imports.uploadRegister(deps, actor, file.name, file.bytes, request.query.streetId));
    },
  );
  app.get(
    '/imports/register/:id',
    { schema: { tags, summary: 'An import and its progress', params: idParams, response: responses({ 200: importSchema }) } },
    async (request) => imports.getImport(database.db, requireActor(request), request.params.id),
  );
  app.post(
    '/imports/register/:id/run',
    {
      schema: {
        tags,
        summary: 'Check every row under the mapping and, if none is wrong, commit them all in one transaction',
        params: idParams,
        body: runImportBody,
        response: responses({ 202: importSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) =>
      reply.status(202).send(await imports.runImport(deps, requireActor(request), request.params.id, request.body.mapping)),
  );
  app.get(
    '/imports/register/:id/errors',
    {
      schema: {
        tags,
        summary: 'The rows that failed, as uploaded, with what is wrong in each (xlsx or CSV)',
        params: idParams,
        querystring: fileQuery,
      },
    },
    async (request, reply) => {
      const { format, lang } = request.query;
      const body = await imports.errorReport(deps, requireActor(request), request.params.id, format, lang);
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="register-errors.${format}"`)
        .send(body);
    },
  );
}
