import { type App, idParams, itemsOf, responses } from '../../platform/http/app-types.ts';
import type { DelibDeps } from './deliberation.shared.ts';
import { publicEstateSchema, publicEstateSummarySchema, publicEstatesQuery } from './public.schemas.ts';
import { publicEstate, publicEstates } from './public.service.ts';

const tags = ['public'];
/** A notice board is read, not crawled. */
const PER_MINUTE = 60;

export function publicDeliberationRoutes(app: App, deps: DelibDeps) {
  app.get(
    '/public/deliberation/estates',
    {
      config: { public: true, rateLimit: { max: PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Estates with a public deliberation page, without signing in',
        querystring: publicEstatesQuery,
        response: responses({ 200: itemsOf(publicEstateSummarySchema) }, [400, 429]),
      },
    },
    async (request) => publicEstates(deps, request.query.streetId),
  );
  app.get(
    '/public/deliberation/estates/:id',
    {
      config: { public: true, rateLimit: { max: PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'An estate’s public page: topics and their steps, meetings, resolutions, votes, fund lines with receipts; no personal data',
        params: idParams,
        response: responses({ 200: publicEstateSchema }, [400, 404, 429]),
      },
    },
    async (request) => publicEstate(deps, request.params.id),
  );
}
