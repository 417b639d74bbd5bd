import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type App, type AppContext, responses } from '../../platform/http/app-types.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { EXPORT_LANGUAGES, EXPORT_MAX_ROWS, exportCases } from './case-export.ts';
import { caseDepsOf } from './cases.routes.ts';
import { listCasesQuery } from './cases.schemas.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const exportCasesQuery = listCasesQuery
  .omit({ limit: true, cursor: true })
  .extend({ lang: z.enum(EXPORT_LANGUAGES).default('zh-CN').describe('Language of the header row and the labels') });

const workbookBytes = z.string().meta({ content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } });

export function caseExportRoutes(app: App, context: AppContext) {
  const deps = caseDepsOf(context);

  // The reply is bytes, not the JSON the typed reply expects: the handler takes the plain reply (as photos do).
  async function sendWorkbook(request: FastifyRequest<{ Querystring: z.infer<typeof exportCasesQuery> }>, reply: FastifyReply) {
    const { lang, ...query } = request.query;
    const file = await exportCases(deps, requireActor(request), query, lang);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .header('x-export-rows', String(file.rowCount))
      .header('x-export-truncated', String(file.truncated))
      .send(file.bytes);
  }

  app.get(
    '/cases/export.xlsx',
    {
      schema: {
        tags: ['cases'],
        summary: 'The case list under the same filters as GET /cases, as an xlsx workbook',
        description:
          `At most ${EXPORT_MAX_ROWS} rows (x-export-truncated: true when more matched). Reporter contact is never exported; ` +
          'text that a spreadsheet would run as a formula is prefixed with an apostrophe.',
        querystring: exportCasesQuery,
        response: responses({ 200: workbookBytes }, [400, 401, 404]),
      },
    },
    sendWorkbook,
  );
}
