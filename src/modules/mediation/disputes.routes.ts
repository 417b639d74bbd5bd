import { type App, idParams, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { changeState, escalateDispute, setOutcome } from './dispute-lifecycle.service.ts';
import { getDispute, listDisputes } from './dispute-views.service.ts';
import {
  disputePatchBody,
  disputeSchema,
  disputeSummarySchema,
  escalateBody,
  figuresQuery,
  figuresSchema,
  heldBody,
  listDisputesQuery,
  openDisputeBody,
  outcomeBody,
  sessionBody,
  sessionParams,
  sessionSchema,
  transitionBody,
  warningSchema,
} from './disputes.schemas.ts';
import { openDispute, updateDispute } from './disputes.service.ts';
import { figures, warnings } from './figures.service.ts';
import type { MediationDeps } from './mediation.shared.ts';
import { holdSession, listSessions, scheduleSession } from './sessions.service.ts';

const tags = ['mediation'];

/** Dispute files: open, read, change, escalate, move through their states, their sessions; early warning and figures. */
export function disputeRoutes(app: App, deps: MediationDeps) {
  const { db } = deps;
  app.get(
    '/mediation/disputes',
    {
      schema: {
        tags,
        summary: 'Dispute files in my scope',
        querystring: listDisputesQuery,
        response: responses({ 200: pageSchema(disputeSummarySchema) }, [400, 401]),
      },
    },
    async (request) => listDisputes(deps, requireActor(request), request.query),
  );
  app.post(
    '/mediation/disputes',
    {
      schema: {
        tags,
        summary: 'Open a dispute file from a case, a walk-in or a referral',
        body: openDisputeBody,
        response: responses({ 201: disputeSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await openDispute(deps, requireActor(request), request.body, request.ip)),
  );
  app.get(
    '/mediation/disputes/:id',
    {
      schema: {
        tags,
        summary: 'A dispute file with parties (masked outside the mediation role) and its timeline',
        params: idParams,
        response: responses({ 200: disputeSchema }),
      },
    },
    async (request) => getDispute(deps, requireActor(request), request.params.id, request.ip),
  );
  app.patch(
    '/mediation/disputes/:id',
    {
      schema: {
        tags,
        summary: 'Change people involved, amount, risk, mediator, studio or parties',
        params: idParams,
        body: disputePatchBody,
        response: responses({ 200: disputeSchema }, WRITE_ERRORS),
      },
    },
    async (request) => updateDispute(deps, requireActor(request), request.params.id, request.body, request.ip),
  );
  app.post(
    '/mediation/disputes/:id/escalate',
    {
      schema: {
        tags,
        summary: 'Escalate one level up (grid to community, community to street), with the reason',
        params: idParams,
        body: escalateBody,
        response: responses({ 200: disputeSchema }, WRITE_ERRORS),
      },
    },
    async (request) => escalateDispute(deps, requireActor(request), request.params.id, request.body.reason, request.ip),
  );
  app.post(
    '/mediation/disputes/:id/state',
    {
      schema: {
        tags,
        summary: 'Start mediation, start following up the agreement, or close the file',
        params: idParams,
        body: transitionBody,
        response: responses({ 200: disputeSchema }, WRITE_ERRORS),
      },
    },
    async (request) =>
      changeState(deps, requireActor(request), request.params.id, request.body.to, request.body.note, request.ip),
  );
  app.post(
    '/mediation/disputes/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Record the outcome: agreement, partial agreement, failed (with the referral) or withdrawn',
        params: idParams,
        body: outcomeBody,
        response: responses({ 200: disputeSchema }, WRITE_ERRORS),
      },
    },
    async (request) => setOutcome(deps, requireActor(request), request.params.id, request.body, request.ip),
  );

  app.get(
    '/mediation/warnings',
    {
      schema: {
        tags,
        summary: 'High-risk and long-running (over 30 days) disputes still being worked on in my scope',
        response: responses({ 200: itemsOf(warningSchema) }, [401]),
      },
    },
    async (request) => warnings(deps, requireActor(request)),
  );
  app.get(
    '/mediation/figures',
    {
      schema: {
        tags,
        summary: 'Disputes received, mediated, success rate, yuan recovered and people involved, by type, level or node',
        querystring: figuresQuery,
        response: responses({ 200: figuresSchema }, [400, 401]),
      },
    },
    async (request) => figures(deps, requireActor(request), request.query),
  );

  app.get(
    '/mediation/disputes/:id/sessions',
    {
      schema: { tags, summary: 'Sessions of a dispute', params: idParams, response: responses({ 200: itemsOf(sessionSchema) }) },
    },
    async (request) => listSessions(db, requireActor(request), request.params.id),
  );
  app.post(
    '/mediation/disputes/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Schedule a session at a studio or a place, with mediators',
        params: idParams,
        body: sessionBody,
        response: responses({ 201: sessionSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await scheduleSession(deps, requireActor(request), request.params.id, request.body)),
  );
  app.post(
    '/mediation/disputes/:id/sessions/:sessionId/held',
    {
      schema: {
        tags,
        summary: 'Record a session as held: attendees, notes, next steps, evidence photos',
        params: sessionParams,
        body: heldBody,
        response: responses({ 200: sessionSchema }, WRITE_ERRORS),
      },
    },
    async (request) => holdSession(deps, requireActor(request), request.params.id, request.params.sessionId, request.body),
  );
}
