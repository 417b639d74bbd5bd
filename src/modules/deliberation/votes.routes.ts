import { z } from 'zod';
import { type App, idParams, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import type { DelibDeps } from './deliberation.shared.ts';
import { getVote, listVotes } from './vote-views.service.ts';
import { ballotBody, electorateSchema, listVotesQuery, paperBallotBody, voteBody, voteSchema } from './votes.schemas.ts';
import { castBallot, closeVote, electorateOf, enterPaperBallot, openVote } from './votes.service.ts';

const tags = ['deliberation'];

export function voteRoutes(app: App, deps: DelibDeps) {
  app.post(
    '/deliberation/votes',
    {
      schema: {
        tags,
        summary: 'Open an owner vote with its rule (weighting, quorum, pass threshold); the electorate is frozen now',
        body: voteBody,
        response: responses({ 201: z.object({ id: z.uuid(), number: z.string() }) }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await openVote(deps, requireActor(request), request.body)),
  );
  app.get(
    '/deliberation/votes',
    {
      schema: {
        tags,
        summary: 'Votes in my scope (an owner: of my estate and building)',
        querystring: listVotesQuery,
        response: responses({ 200: pageSchema(voteSchema) }, [400, 401]),
      },
    },
    async (request) => listVotes(deps, requireActor(request), request.query),
  );
  app.get(
    '/deliberation/votes/:id',
    {
      schema: { tags, summary: 'A vote with its tally and turnout', params: idParams, response: responses({ 200: voteSchema }) },
    },
    async (request) => getVote(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/deliberation/votes/:id/ballot',
    {
      schema: {
        tags,
        summary: 'An owner casts their household’s ballot online (once: 409 VOTE_ALREADY_CAST after a paper one)',
        params: idParams,
        body: ballotBody,
        response: responses({ 200: voteSchema }, WRITE_ERRORS),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await castBallot(deps, actor, request.params.id, request.body);
      return getVote(deps, actor, request.params.id);
    },
  );
  app.post(
    '/deliberation/votes/:id/paper-ballots',
    {
      schema: {
        tags,
        summary: 'Staff enter a household’s paper ballot (refused when it voted online)',
        params: idParams,
        body: paperBallotBody,
        response: responses({ 200: voteSchema }, WRITE_ERRORS),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await enterPaperBallot(deps, actor, request.params.id, request.body);
      return getVote(deps, actor, request.params.id);
    },
  );
  app.post(
    '/deliberation/votes/:id/close',
    {
      schema: {
        tags,
        summary: 'Close the vote: the result and its tally are stored',
        params: idParams,
        response: responses({ 200: voteSchema }, WRITE_ERRORS),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await closeVote(deps, actor, request.params.id);
      return getVote(deps, actor, request.params.id);
    },
  );
  app.get(
    '/deliberation/votes/:id/households',
    {
      schema: {
        tags,
        summary: 'The households voting and which have voted by which channel (not how)',
        params: idParams,
        response: responses({ 200: electorateSchema }, [400, 401, 403, 404]),
      },
    },
    async (request) => electorateOf(deps, requireActor(request), request.params.id),
  );
}
