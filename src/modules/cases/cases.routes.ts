import { z } from 'zod';
import { type App, type AppContext, idParams, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { decodeCursor, pageSchema, toPage } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { loadDayTable, onCalendarYearPublished } from '../calendar/calendar.service.ts';
import { registerPhotoAccess } from '../photos/photos.service.ts';
import { performActionOnce } from './case-actions.ts';
import { type CaseDeps, visibleCase } from './case-view.ts';
import {
  ACTION_BODIES,
  caseDetailSchema,
  caseSummarySchema,
  countsQuery,
  createCaseBody,
  createdCaseSchema,
  listCasesQuery,
} from './cases.schemas.ts';
import { caseCursorSchema, countCasesFor, getCaseDetail, listCasesFor, presentSummary } from './cases.service.ts';
import { takeInCase } from './intake.ts';
import { CASE_ACTIONS, type CaseAction } from './lifecycle.ts';
import { recountProvisionalDeadlines } from './provisional-deadlines.ts';

const tags = ['cases'];
const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9_.:-]+$/)
    .optional()
    .describe(
      'A retried submission with the same key returns the same case, never a second one; another body under the same key is refused (409)',
    ),
  prefer: z
    .string()
    .max(200)
    .optional()
    .describe('`return=minimal` (RFC 7240): answer only the new case’s id and number, without reading it back'),
});

const actionHeaders = z.object({
  'idempotency-key': idempotencyHeaders.shape['idempotency-key'].describe(
    'A retried action with the same key is answered with the case, not done twice; another body under it is refused (409)',
  ),
});

export function caseDepsOf({ database, gridLocator, config }: AppContext): CaseDeps {
  return { db: database.db, gridLocator, dayTables: { dayTable: loadDayTable }, timeZone: config.timeZone };
}

const ACTION_SUMMARIES: Record<CaseAction, string> = {
  accept: 'Accept the case at the current tier',
  assign: 'Dispatch to a person or an organisation (property company, social organisation)',
  start: 'Start handling',
  contact: 'Record a contact with the reporter (call, visit, message)',
  resolve: 'Resolve, with what was done and after-photos',
  rate: 'The reporter rates the result 1-5; 1-2 returns the case once for rework',
  close: 'Close a resolved or rated case',
  reject: 'Reject, with the reason',
  merge: 'Merge a duplicate into another case; its reporter follows that case',
  return: 'Return a resolved case for rework (failed check)',
  escalate: 'Escalate: grid -> community -> a street department or the district, with the reason',
  urge: 'A superior urges the case on',
  suspend: 'Suspend: the deadline clock pauses',
  resume: 'Resume a suspended case: the deadline gets its remaining working days',
};

export function casesRoutes(app: App, context: AppContext) {
  const deps = caseDepsOf(context);

  registerPhotoAccess('case', async (database, actor, caseId) => {
    if (!actor) return false;
    return visibleCase(database, actor, caseId).then(
      () => true,
      () => false,
    );
  });
  const unsubscribe = onCalendarYearPublished((trx, _year, streetId) =>
    recountProvisionalDeadlines(trx, deps, streetId, new Date()).then(() => {}),
  );
  app.addHook('onClose', async () => unsubscribe());

  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Report a case (resident or staff); the grid comes from the point or the building',
        headers: idempotencyHeaders,
        body: createCaseBody,
        response: responses({ 201: createdCaseSchema, 200: createdCaseSchema }, [400, 401, 403, 409]),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await takeInCase(deps, { actor, input: request.body, idempotencyKey: request.headers['idempotency-key'] });
      reply.status(result.replayed ? 200 : 201);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      // A phone that only shows the number, or a system handing over work, need not wait for the case to be read back.
      if (/\breturn=minimal\b/.test(request.headers.prefer ?? '')) {
        reply.header('preference-applied', 'return=minimal');
        return reply.send({ case: { id: result.caseId, number: result.number }, trackingCode: result.trackingCode });
      }
      const detail = await getCaseDetail(deps, actor, result.caseId, request.ip);
      return reply.send({ case: detail, trackingCode: result.trackingCode });
    },
  );

  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Cases I may see, filtered: the inbox of a grid worker, community, department or person',
        querystring: listCasesQuery,
        response: responses({ 200: pageSchema(caseSummarySchema) }, [400, 401, 404]),
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      const { rows, now } = await listCasesFor(
        deps,
        requireActor(request),
        request.query,
        decodeCursor(cursor, caseCursorSchema),
      );
      const atOf = (row: (typeof rows)[number]) =>
        query.sort === 'deadline' ? (row.due_at?.toISOString() ?? 'infinity') : row.created_at.toISOString();
      return toPage(
        rows,
        query.limit,
        (row) => presentSummary(row, now),
        (row) => ({ at: atOf(row), id: row.id }),
      );
    },
  );

  app.get(
    '/cases/counts',
    {
      schema: {
        tags,
        summary: 'How many cases are in each state, under the same filters as the list',
        querystring: countsQuery,
        response: responses({ 200: z.object({ counts: z.record(z.string(), z.number()), total: z.number() }) }, [400, 401, 404]),
      },
    },
    async (request) => {
      const counts = await countCasesFor(deps, requireActor(request), request.query);
      return { counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
    },
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        tags,
        summary: 'A case with its timeline, contacts, photos and the actions I may take',
        params: idParams,
        response: responses({ 200: caseDetailSchema }),
      },
    },
    async (request) => getCaseDetail(deps, requireActor(request), request.params.id, request.ip),
  );

  for (const action of CASE_ACTIONS) {
    app.post(
      `/cases/:id/${action}`,
      {
        schema: {
          tags,
          summary: ACTION_SUMMARIES[action],
          params: idParams,
          headers: actionHeaders,
          body: ACTION_BODIES[action],
          response: responses({ 200: caseDetailSchema }, WRITE_ERRORS),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const body = request.body as Record<string, unknown>;
        const { id } = request.params;
        const { replayed } = await performActionOnce(deps, actor, id, action, body, request.headers['idempotency-key']);
        if (replayed) reply.header('idempotent-replayed', 'true');
        return getCaseDetail(deps, actor, id, request.ip);
      },
    );
  }
}
