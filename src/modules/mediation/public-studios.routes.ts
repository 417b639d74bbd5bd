import { z } from 'zod';
import { type App, idParams, itemsOf, responses } from '../../platform/http/app-types.ts';
import { freeSlots } from './bookings.service.ts';
import type { MediationDeps } from './mediation.shared.ts';
import { slotSchema, slotsQuery, studioSchema } from './studios.schemas.ts';
import { listOpenStudios } from './studios.service.ts';

const tags = ['public'];
/** A page of studios and a fortnight of slots are a few calls; crawling every studio's month is not. */
const STUDIOS_PER_MINUTE = 60;
const SLOTS_PER_MINUTE = 120;

const studiosQuery = z.object({ streetId: z.uuid().optional().describe('Only the studios of this street') });

/**
 * The mediation studios as their notice board shows them, open to anyone deciding whether to go:
 * names, addresses, hours, mediators by name and kind (never their phones), and how many places
 * each slot has left (never who took them). Booking needs an account.
 */
export function publicStudioRoutes(app: App, deps: MediationDeps) {
  app.get(
    '/public/mediation/studios',
    {
      config: { public: true, rateLimit: { max: STUDIOS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Mediation studios with their opening hours and mediators, without signing in',
        querystring: studiosQuery,
        response: responses({ 200: itemsOf(studioSchema) }, [400, 429]),
      },
    },
    async (request) => listOpenStudios(deps.db, request.query.streetId),
  );
  app.get(
    '/public/mediation/studios/:id/slots',
    {
      config: { public: true, rateLimit: { max: SLOTS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'A studio’s consultation slots still to come, with the places free in each, without signing in',
        params: idParams,
        querystring: slotsQuery,
        response: responses({ 200: itemsOf(slotSchema) }, [400, 404, 429]),
      },
    },
    async (request) => freeSlots(deps, null, request.params.id, request.query.from, request.query.to),
  );
}
