import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type App, type AppContext, idParams, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { computeMonth } from './compute.service.ts';
import {
  cardCasesQuery,
  cardCasesSchema,
  companyScorecardSchema,
  computeBody,
  computeResultSchema,
  estateSchema,
  exportQuery,
  listReviewsQuery,
  monthQuery,
  rankingSchema,
  reviewBody,
  reviewSchema,
  weightsBody,
  weightsListSchema,
  weightsSchema,
} from './property-scores.schemas.ts';
import type { ScoreDeps } from './property-scores.shared.ts';
import { listReviews, recordReview, reviewableEstates } from './reviews.service.ts';
import { exportScores } from './score-export.ts';
import { cardCases, companyScorecard, ranking } from './views.service.ts';
import { createWeights, listWeights } from './weights.service.ts';

const tags = ['property-scores'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const workbookBytes = z.string().meta({ content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } });

export const scoreDepsOf = (context: AppContext): ScoreDeps => ({ db: context.database.db, timeZone: context.config.timeZone });

/** Property service evaluation: discussion-day reviews, weights, monthly scorecards, credit grades, ranking, export. */
export function propertyScoresRoutes(app: App, context: AppContext) {
  const deps = scoreDepsOf(context);
  async function sendWorkbook(request: FastifyRequest<{ Querystring: z.infer<typeof exportQuery> }>, reply: FastifyReply) {
    const file = await exportScores(deps, requireActor(request), request.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .header('x-export-rows', String(file.rows))
      .send(file.bytes);
  }

  app.get(
    '/property-scores/ranking',
    {
      schema: {
        tags,
        summary: "A month's ranking of property companies: credit grade, score, change and six-month trend",
        querystring: monthQuery,
        response: responses({ 200: rankingSchema }),
      },
    },
    async (request) => ranking(deps, requireActor(request), request.query.month),
  );
  app.get(
    '/property-scores/companies/:id',
    {
      schema: {
        tags,
        summary: "A company's scorecard: the month's estate cards and twelve months of credit grades",
        params: idParams,
        querystring: monthQuery,
        response: responses({ 200: companyScorecardSchema }),
      },
    },
    async (request) => companyScorecard(deps, requireActor(request), request.params.id, request.query.month),
  );
  app.get(
    '/property-scores/cards/:id/cases',
    {
      schema: {
        tags,
        summary: 'The cases behind one figure of a card, each with whether and how it counted',
        params: idParams,
        querystring: cardCasesQuery,
        response: responses({ 200: cardCasesSchema }),
      },
    },
    async (request) => cardCases(deps, requireActor(request), request.params.id, request.query.component),
  );
  app.get(
    '/property-scores/export.xlsx',
    {
      schema: {
        tags,
        summary: "The month's ranking and estate cards as an xlsx workbook for the housing department",
        querystring: exportQuery,
        response: responses({ 200: workbookBytes }),
      },
    },
    sendWorkbook,
  );
  app.post(
    '/property-scores/compute',
    {
      schema: {
        tags,
        summary: 'Compute (or recompute) a month now, under the weights it was first computed with',
        body: computeBody,
        response: responses({ 200: computeResultSchema }, WRITE_ERRORS),
      },
    },
    async (request) => computeMonth(deps, requireActor(request), request.body.month),
  );

  app.get(
    '/property-scores/estates',
    {
      schema: {
        tags,
        summary: 'Estates I may record reviews for, with the company managing each',
        response: responses({ 200: itemsOf(estateSchema) }, [401]),
      },
    },
    async (request) => reviewableEstates(deps, requireActor(request)),
  );
  app.get(
    '/property-scores/reviews',
    {
      schema: {
        tags,
        summary: "A month's discussion-day reviews that I may read",
        querystring: listReviewsQuery,
        response: responses({ 200: itemsOf(reviewSchema) }),
      },
    },
    async (request) => listReviews(deps, requireActor(request), request.query),
  );
  app.put(
    '/property-scores/reviews',
    {
      schema: {
        tags,
        summary: "Record (or correct) the month's discussion-day review of a company in an estate",
        body: reviewBody,
        response: responses({ 200: reviewSchema.extend({ created: z.boolean() }) }, WRITE_ERRORS),
      },
    },
    async (request) => recordReview(deps, requireActor(request), request.body),
  );

  app.get(
    '/property-scores/weights',
    {
      schema: {
        tags,
        summary: 'Weight and grade band versions, the one in force now marked',
        response: responses({ 200: weightsListSchema }),
      },
    },
    async (request) => listWeights(deps, requireActor(request)),
  );
  app.post(
    '/property-scores/weights',
    {
      schema: {
        tags,
        summary: 'Set new weights and bands from a month on (housing department); past months keep theirs',
        body: weightsBody,
        response: responses({ 201: weightsSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await createWeights(deps, requireActor(request), request.body)),
  );
}
