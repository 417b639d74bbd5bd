import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type App, idParams, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { AppError } from '../../platform/http/errors.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import type { Actor } from '../access/access.policy.ts';
import { requirePermission } from '../access/authorize.ts';
import { createCampaign, getCampaign, listCampaigns } from './campaigns.service.ts';
import { CARE_RUN_JOBS, figureScopes, holdsAnyCare } from './care.policy.ts';
import {
  campaignBody,
  campaignDetailSchema,
  campaignSchema,
  figuresQuery,
  figuresSchema,
  putRulesBody,
  rulesQuery,
  rulesSchema,
} from './care.schemas.ts';
import type { CareDeps } from './care.shared.ts';
import { careFigures } from './figures.service.ts';
import { runMissedVisitJob } from './missed-visit-scheduler.ts';
import { getRules, putRules } from './rules.service.ts';

const tags = ['care'];

/** Rules, campaigns and figures carry no names: anyone holding a care permission reads them in their scope. */
const careHolder = (request: FastifyRequest): Actor => {
  const actor = requireActor(request);
  if (!holdsAnyCare(actor)) throw new AppError(403, 'FORBIDDEN', 'Your roles do not include care for vulnerable residents.');
  return actor;
};

/** Visit rules, festival campaigns, coverage figures and the missed-visit job's run-now for administrators. */
export function careOverviewRoutes(app: App, deps: CareDeps) {
  app.get(
    '/care/rules',
    {
      schema: {
        tags,
        summary: 'The visit rules in force for a street: every group at every risk',
        querystring: rulesQuery,
        response: responses({ 200: rulesSchema }, [400, 401, 403]),
      },
    },
    async (request) => getRules(deps, careHolder(request), request.query.streetId),
  );
  app.put(
    '/care/rules',
    {
      schema: {
        tags,
        summary: 'Set a street’s own visit rules; its active files are rescheduled at once',
        body: putRulesBody,
        response: responses({ 200: rulesSchema }, WRITE_ERRORS),
      },
    },
    async (request) => putRules(deps, careHolder(request), request.body),
  );

  app.get(
    '/care/campaigns',
    {
      schema: {
        tags,
        summary: 'Festival visit campaigns of my area, with their progress in my scope',
        response: responses({ 200: itemsOf(campaignSchema) }, [401, 403]),
      },
    },
    async (request) => listCampaigns(deps, careHolder(request)),
  );
  app.post(
    '/care/campaigns',
    {
      schema: {
        tags,
        summary: 'Start a festival visit campaign of the street or a community for some groups',
        body: campaignBody,
        response: responses({ 201: campaignDetailSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await createCampaign(deps, careHolder(request), request.body)),
  );
  app.get(
    '/care/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'A campaign with its progress by community or grid',
        params: idParams,
        response: responses({ 200: campaignDetailSchema }),
      },
    },
    async (request) => getCampaign(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/care/figures',
    {
      schema: {
        tags,
        summary: 'Visit coverage of a node and period: due, on time, late, missed, pending, by node or group',
        querystring: figuresQuery,
        response: responses({ 200: figuresSchema }, [400, 401, 403]),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (figureScopes(actor).length === 0) throw new AppError(403, 'FORBIDDEN', 'Your roles do not allow this (care.figures).');
      return careFigures(deps, actor, request.query);
    },
  );

  app.post(
    '/care/jobs/missed-visits/run',
    {
      schema: {
        tags,
        summary: 'Run the missed-visit job now (administrators): alerts each missed due date once, as the scheduler does',
        response: responses({ 200: z.object({ alerted: z.number() }) }, [401, 403]),
      },
    },
    async (request) => {
      requirePermission(requireActor(request), CARE_RUN_JOBS);
      return runMissedVisitJob(deps);
    },
  );
}
