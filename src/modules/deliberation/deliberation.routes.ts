import { z } from 'zod';
import { type App, type AppContext, idParams, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { caseDepsOf } from '../cases/cases.routes.ts';
import { registerPhotoAccess } from '../photos/photos.service.ts';
import { canRead, livesIn } from './deliberation.policy.ts';
import {
  homeSchema,
  listTopicsQuery,
  proposeBody,
  rateBody,
  similarQuery,
  similarTopicSchema,
  stepBody,
  topicDetailSchema,
  topicSummarySchema,
} from './deliberation.schemas.ts';
import { type DelibDeps, homeOf } from './deliberation.shared.ts';
import { fundLineBody, fundLineSchema, listFundsQuery } from './funds.schemas.ts';
import { addFundLine, listFundLines } from './funds.service.ts';
import { meetingRoutes } from './meetings.routes.ts';
import { publicDeliberationRoutes } from './public.routes.ts';
import { getTopic, listTopics, myHome } from './topic-views.service.ts';
import { moveTopic, proposeTopic, rateTopic, similarTopics, supportTopic } from './topics.service.ts';
import { voteRoutes } from './votes.routes.ts';

const tags = ['deliberation'];
const created = z.object({ id: z.uuid(), number: z.string().optional() });

export function delibDepsOf(context: AppContext): DelibDeps {
  return { db: context.database.db, timeZone: context.config.timeZone, cases: caseDepsOf(context) };
}

/** Resident deliberation: topics through the five steps, meetings, owner votes, fund lines and the public page. */
export function deliberationRoutes(app: App, context: AppContext) {
  const deps = delibDepsOf(context);
  // A topic's photos: staff who read the topic and residents of its estate. Receipts are public by design.
  registerPhotoAccess('delib_topic', async (db, actor, topicId) => {
    if (!actor) return false;
    const topic = await db
      .selectFrom('delib_topics')
      .select(['location_path', 'estate_id'])
      .where('id', '=', topicId)
      .executeTakeFirst();
    return topic !== undefined && (canRead(actor, topic.location_path) || livesIn(await homeOf(db, actor), topic.estate_id));
  });
  registerPhotoAccess('delib_fund_line', async () => true);

  app.get(
    '/deliberation/me',
    {
      schema: {
        tags,
        summary: 'Where I live, as deliberation sees it: my estate and building',
        response: responses({ 200: homeSchema }, [401]),
      },
    },
    async (request) => myHome(deps, requireActor(request)),
  );
  app.post(
    '/deliberation/topics',
    {
      schema: {
        tags,
        summary: 'Propose a topic for an estate or one of its buildings, with photos',
        body: proposeBody,
        response: responses({ 201: created }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await proposeTopic(deps, requireActor(request), request.body)),
  );
  app.get(
    '/deliberation/topics',
    {
      schema: {
        tags,
        summary: 'Topics in my scope (a resident: of my estate), newest first',
        querystring: listTopicsQuery,
        response: responses({ 200: pageSchema(topicSummarySchema) }, [400, 401]),
      },
    },
    async (request) => listTopics(deps, requireActor(request), request.query),
  );
  app.get(
    '/deliberation/topics/similar',
    {
      schema: {
        tags,
        summary: 'Open topics of the estate that read like this text (trigram similarity over Chinese bigrams)',
        querystring: similarQuery,
        response: responses({ 200: itemsOf(similarTopicSchema) }, [400, 401]),
      },
    },
    async (request) => similarTopics(deps, requireActor(request), request.query),
  );
  app.get(
    '/deliberation/topics/:id',
    {
      schema: {
        tags,
        summary: 'A topic with its steps timeline, meetings, resolutions, votes, fund lines',
        params: idParams,
        response: responses({ 200: topicDetailSchema }),
      },
    },
    async (request) => getTopic(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/deliberation/topics/:id/step',
    {
      schema: {
        tags,
        summary: 'Move a topic: discuss, conclude, act, complete, close; send back one step; merge; decline with a public reason',
        params: idParams,
        body: stepBody,
        response: responses({ 200: topicDetailSchema }, WRITE_ERRORS),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await moveTopic(deps, actor, request.params.id, request.body);
      return getTopic(deps, actor, request.params.id);
    },
  );
  app.post(
    '/deliberation/topics/:id/support',
    {
      schema: {
        tags,
        summary: 'A resident of the estate supports the topic (once)',
        params: idParams,
        response: responses({ 200: topicDetailSchema }, WRITE_ERRORS),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await supportTopic(deps, actor, request.params.id);
      return getTopic(deps, actor, request.params.id);
    },
  );
  app.post(
    '/deliberation/topics/:id/rate',
    {
      schema: {
        tags,
        summary: 'A resident of the estate rates the finished work 1-5',
        params: idParams,
        body: rateBody,
        response: responses({ 200: topicDetailSchema }, WRITE_ERRORS),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await rateTopic(deps, actor, request.params.id, request.body);
      return getTopic(deps, actor, request.params.id);
    },
  );

  app.get(
    '/deliberation/funds',
    {
      schema: {
        tags,
        summary: 'Fund lines of estates in my scope, with receipts',
        querystring: listFundsQuery,
        response: responses({ 200: itemsOf(fundLineSchema) }, [400, 401]),
      },
    },
    async (request) => listFundLines(deps, requireActor(request), request.query),
  );
  app.post(
    '/deliberation/funds',
    {
      schema: {
        tags,
        summary: 'Record money spent (source, amount in fen, on what, receipts as photos); published at once',
        body: fundLineBody,
        response: responses({ 201: created }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await addFundLine(deps, requireActor(request), request.body)),
  );

  meetingRoutes(app, deps);
  voteRoutes(app, deps);
  publicDeliberationRoutes(app, deps);
}
