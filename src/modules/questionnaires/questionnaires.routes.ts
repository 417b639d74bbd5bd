import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type App, type AppContext, idParams, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import {
  createBody,
  draftBody,
  exportQuery,
  listQuery,
  questionnaireSchema,
  questionnaireSummarySchema,
  respondBody,
  resultsSchema,
} from './questionnaires.schemas.ts';
import * as questionnaires from './questionnaires.service.ts';
import * as results from './results.service.ts';

const tags = ['questionnaires'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const workbookBytes = z.string().meta({ content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } });

/** Questionnaires: versions, publishing to an area, answers tied to their version, results and their export. */
export function questionnairesRoutes(app: App, context: AppContext) {
  const deps = { db: context.database.db };
  const { db } = deps;
  app.get(
    '/questionnaires',
    {
      schema: {
        tags,
        summary: 'Questionnaires open to me (scope=open) or those of my area (scope=managed)',
        querystring: listQuery,
        response: responses({ 200: itemsOf(questionnaireSummarySchema) }, [400, 401]),
      },
    },
    async (request) => questionnaires.listQuestionnaires(deps, requireActor(request), request.query),
  );
  app.post(
    '/questionnaires',
    {
      schema: {
        tags,
        summary: 'Draw up a questionnaire for an area as version 1 (published at once if asked)',
        body: createBody,
        response: responses({ 201: questionnaireSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await questionnaires.createQuestionnaire(deps, requireActor(request), request.body)),
  );
  app.get(
    '/questionnaires/:id',
    {
      schema: {
        tags,
        summary: 'A questionnaire: the version being answered, the draft, the history, my answers',
        params: idParams,
        response: responses({ 200: questionnaireSchema }),
      },
    },
    async (request) => questionnaires.getQuestionnaire(deps, requireActor(request), request.params.id),
  );
  app.put(
    '/questionnaires/:id/draft',
    {
      schema: {
        tags,
        summary: 'Write the draft: version 1 before publishing, or the next version (a revision) beside the one answered',
        params: idParams,
        body: draftBody,
        response: responses({ 200: questionnaireSchema }, WRITE_ERRORS),
      },
    },
    async (request) => questionnaires.saveDraft(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/questionnaires/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish the draft: it becomes the version answered; earlier answers stay with their version',
        params: idParams,
        response: responses({ 200: questionnaireSchema }, WRITE_ERRORS),
      },
    },
    async (request) => questionnaires.publish(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/questionnaires/:id/close',
    {
      schema: {
        tags,
        summary: 'Stop taking answers',
        params: idParams,
        response: responses({ 200: questionnaireSchema }, WRITE_ERRORS),
      },
    },
    async (request) => questionnaires.close(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/questionnaires/:id/responses',
    {
      schema: {
        tags,
        summary: 'Answer the version being answered, once per resident or household and version',
        params: idParams,
        body: respondBody,
        response: responses({ 200: questionnaireSchema }, WRITE_ERRORS),
      },
    },
    async (request) => questionnaires.respond(deps, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/questionnaires/:id/results',
    {
      schema: { tags, summary: 'Results counted per version', params: idParams, response: responses({ 200: resultsSchema }) },
    },
    async (request) => results.results(db, requireActor(request), request.params.id),
  );

  async function sendWorkbook(
    request: FastifyRequest<{ Params: { id: string }; Querystring: z.infer<typeof exportQuery> }>,
    reply: FastifyReply,
  ) {
    const file = await results.exportResults(
      db,
      requireActor(request),
      request.params.id,
      request.query.lang,
      context.config.timeZone,
    );
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .send(file.bytes);
  }
  app.get(
    '/questionnaires/:id/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Results and answers per version as an xlsx workbook (no respondent’s name, phone or household)',
        params: idParams,
        querystring: exportQuery,
        response: responses({ 200: workbookBytes }),
      },
    },
    sendWorkbook,
  );
}
