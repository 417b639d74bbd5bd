import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type App, type AppContext, idParams, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { caseDepsOf } from '../cases/cases.routes.ts';
import { patrolFigures } from './figures.service.ts';
import { orderRectification, reinspect } from './hazard-orders.service.ts';
import {
  figuresQuery,
  figuresSchema,
  hazardDetailSchema,
  hazardSchema,
  listHazardsQuery,
  orderBody,
  reinspectBody,
} from './hazards.schemas.ts';
import { getHazard, listHazards } from './hazards.service.ts';
import * as partners from './partners.service.ts';
import {
  applyBody,
  approveBody,
  communityChoiceSchema,
  declineBody,
  findingSchema,
  listPartnersQuery,
  listPlansQuery,
  listRunsQuery,
  moveToTeamBody,
  partnerSchema,
  planBody,
  planPatchBody,
  planSchema,
  runBody,
  runParams,
  runSchema,
  runSummarySchema,
  teamBody,
  teamPatchBody,
  teamSchema,
} from './patrols.schemas.ts';
import { createPlan, getPlan, listPlans, updatePlan } from './plans.service.ts';
import { getRun, getRunByClientId, listRuns, myFindings } from './run-views.service.ts';
import { syncRun } from './runs.service.ts';
import * as teams from './teams.service.ts';

const tags = ['patrols'];
const caseParams = z.object({ caseId: z.uuid() });

/** Category names in the reader's language: English when the browser asks for it first. */
const langOf = (request: FastifyRequest) => (/^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'zh-CN');

export function patrolsRoutes(app: App, context: AppContext) {
  const deps = caseDepsOf(context);
  const { db } = deps;
  const clock = () => ({ now: new Date(), timeZone: context.config.timeZone });

  // ---- partners ----
  app.post(
    '/patrols/partners/apply',
    {
      schema: {
        tags,
        summary: 'A resident applies to be a Ping An patrol partner',
        body: applyBody,
        response: responses({ 201: partnerSchema }, [400, 401, 409]),
      },
    },
    async (request, reply) => reply.status(201).send(await partners.apply(db, requireActor(request), request.body)),
  );
  app.get(
    '/patrols/communities',
    {
      schema: {
        tags,
        summary: 'The communities of my street and their compounds, to apply to',
        response: responses({ 200: itemsOf(communityChoiceSchema) }, [401]),
      },
    },
    async (request) => partners.communitiesToJoin(db, requireActor(request)),
  );
  app.get(
    '/patrols/partners/me',
    {
      schema: {
        tags,
        summary: 'My application or membership',
        response: responses({ 200: z.object({ partner: partnerSchema.nullable() }) }, [401]),
      },
    },
    async (request) => partners.myPartnership(db, requireActor(request)),
  );
  app.get(
    '/patrols/partners',
    {
      schema: {
        tags,
        summary: 'Partners and applications in my scope',
        querystring: listPartnersQuery,
        response: responses({ 200: itemsOf(partnerSchema) }, [400, 401]),
      },
    },
    async (request) => partners.listPartners(db, requireActor(request), request.query),
  );
  app.post(
    '/patrols/partners/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve an application: the applicant becomes a patrol volunteer of the community',
        params: idParams,
        body: approveBody,
        response: responses({ 200: partnerSchema }, [400, 401, 404, 409]),
      },
    },
    async (request) => partners.approve(db, requireActor(request), request.params.id, request.body.teamId),
  );
  app.post(
    '/patrols/partners/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline an application, with the reason the applicant will read',
        params: idParams,
        body: declineBody,
        response: responses({ 200: partnerSchema }, [400, 401, 404, 409]),
      },
    },
    async (request) => partners.decline(db, requireActor(request), request.params.id, request.body.reason),
  );
  app.post(
    '/patrols/partners/:id/team',
    {
      schema: {
        tags,
        summary: 'Move a partner into a team (or out of any)',
        params: idParams,
        body: moveToTeamBody,
        response: responses({ 200: partnerSchema }, [400, 401, 404, 409]),
      },
    },
    async (request) => partners.moveToTeam(db, requireActor(request), request.params.id, request.body.teamId),
  );

  // ---- teams ----
  app.get(
    '/patrols/teams',
    {
      schema: {
        tags,
        summary: 'Patrol teams',
        querystring: z.object({ communityId: z.uuid().optional() }),
        response: responses({ 200: itemsOf(teamSchema) }, [400, 401]),
      },
    },
    async (request) => teams.listTeams(db, requireActor(request), request.query.communityId),
  );
  app.post(
    '/patrols/teams',
    { schema: { tags, summary: 'Form a team', body: teamBody, response: responses({ 201: teamSchema }, [400, 401, 404, 409]) } },
    async (request, reply) => reply.status(201).send(await teams.createTeam(db, requireActor(request), request.body)),
  );
  app.patch(
    '/patrols/teams/:id',
    {
      schema: {
        tags,
        summary: 'Rename a team or change its leader',
        params: idParams,
        body: teamPatchBody,
        response: responses({ 200: teamSchema }, [400, 401, 404, 409]),
      },
    },
    async (request) => teams.updateTeam(db, requireActor(request), request.params.id, request.body),
  );

  // ---- plans ----
  app.get(
    '/patrols/plans',
    {
      schema: {
        tags,
        summary: 'Patrol plans, with today’s run due, done or missed',
        querystring: listPlansQuery,
        response: responses({ 200: itemsOf(planSchema) }, [400, 401]),
      },
    },
    async (request) => listPlans(db, requireActor(request), request.query, clock()),
  );
  app.post(
    '/patrols/plans',
    {
      schema: {
        tags,
        summary: 'Create a patrol plan: points, checklist, frequency, team, joint organisations',
        body: planBody,
        response: responses({ 201: planSchema }, [400, 401, 404]),
      },
    },
    async (request, reply) => reply.status(201).send(await createPlan(db, requireActor(request), request.body, clock())),
  );
  app.get(
    '/patrols/plans/:id',
    { schema: { tags, summary: 'A patrol plan', params: idParams, response: responses({ 200: planSchema }) } },
    async (request) => getPlan(db, requireActor(request), request.params.id, clock()),
  );
  app.patch(
    '/patrols/plans/:id',
    {
      schema: {
        tags,
        summary: 'Change or retire a plan',
        params: idParams,
        body: planPatchBody,
        response: responses({ 200: planSchema }),
      },
    },
    async (request) => updatePlan(db, requireActor(request), request.params.id, request.body, clock()),
  );

  // ---- runs ----
  app.put(
    '/patrols/runs/:clientId',
    {
      schema: {
        tags,
        summary: 'Write a run as the phone holds it (idempotent): check-ins and findings already stored are skipped',
        params: runParams,
        body: runBody,
        response: responses({ 200: runSchema, 201: runSchema }, [400, 401, 404, 409]),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { created } = await syncRun(deps, actor, request.params.clientId, request.body, new Date(), context.config.timeZone);
      return reply.status(created ? 201 : 200).send(await getRunByClientId(db, actor, request.params.clientId, langOf(request)));
    },
  );
  app.get(
    '/patrols/runs',
    {
      schema: {
        tags,
        summary: 'Runs: mine, or those of my scope',
        querystring: listRunsQuery,
        response: responses({ 200: itemsOf(runSummarySchema) }, [400, 401]),
      },
    },
    async (request) => listRuns(db, requireActor(request), request.query),
  );
  app.get(
    '/patrols/runs/:id',
    {
      schema: {
        tags,
        summary: 'A run with its check-ins (and their distance from the point) and findings',
        params: idParams,
        response: responses({ 200: runSchema }),
      },
    },
    async (request) => getRun(db, requireActor(request), request.params.id, langOf(request)),
  );
  app.get(
    '/patrols/findings/mine',
    { schema: { tags, summary: 'What became of my findings', response: responses({ 200: itemsOf(findingSchema) }, [401]) } },
    async (request) => myFindings(db, requireActor(request), langOf(request)),
  );

  // ---- hazards ----
  app.get(
    '/patrols/hazards',
    {
      schema: {
        tags,
        summary: 'Hazards and where each stands in its rectification',
        querystring: listHazardsQuery,
        response: responses({ 200: itemsOf(hazardSchema) }, [400, 401]),
      },
    },
    async (request) => listHazards(db, requireActor(request), request.query, langOf(request)),
  );
  app.get(
    '/patrols/hazards/:caseId',
    {
      schema: {
        tags,
        summary: 'A hazard with its orders and re-inspections',
        params: caseParams,
        response: responses({ 200: hazardDetailSchema }),
      },
    },
    async (request) => getHazard(db, requireActor(request), request.params.caseId, langOf(request)),
  );
  app.post(
    '/patrols/hazards/:caseId/order',
    {
      schema: {
        tags,
        summary: 'Issue a rectification order to the responsible party, with a deadline in working days by hazard level',
        params: caseParams,
        body: orderBody,
        response: responses({ 200: hazardDetailSchema }, WRITE_ERRORS),
      },
    },
    async (request) => orderRectification(deps, requireActor(request), request.params.caseId, request.body, langOf(request)),
  );
  app.post(
    '/patrols/hazards/:caseId/reinspect',
    {
      schema: {
        tags,
        summary: 'Re-inspect a hazard the party reported fixed: confirm it, or return it with the next round of the order',
        params: caseParams,
        body: reinspectBody,
        response: responses({ 200: hazardDetailSchema }, [400, 401, 404, 409]),
      },
    },
    async (request) => reinspect(deps, requireActor(request), request.params.caseId, request.body, langOf(request)),
  );

  // ---- figures ----
  app.get(
    '/patrols/figures',
    {
      schema: {
        tags,
        summary: 'Hazards found, rectified, overdue and the rectification rate; runs and partner activity',
        querystring: figuresQuery,
        response: responses({ 200: figuresSchema }),
      },
    },
    async (request) =>
      patrolFigures(db, requireActor(request), request.query, langOf(request), context.config.timeZone, new Date()),
  );
}
