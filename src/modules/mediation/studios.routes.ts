import { type App, idParams, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import * as bookings from './bookings.service.ts';
import type { MediationDeps } from './mediation.shared.ts';
import {
  bookingBody,
  bookingSchema,
  calendarEntrySchema,
  calendarQuery,
  mediatorBody,
  mediatorSchema,
  slotSchema,
  slotsQuery,
  studioBody,
  studioSchema,
} from './studios.schemas.ts';
import * as studios from './studios.service.ts';

const tags = ['mediation'];

/** Mediators, studios with their opening hours, consultation slots and bookings, the staff calendar. */
export function studioRoutes(app: App, deps: MediationDeps) {
  const { db } = deps;
  app.get(
    '/mediation/mediators',
    {
      schema: {
        tags,
        summary: 'Mediators of my scope and the levels above it',
        response: responses({ 200: itemsOf(mediatorSchema) }, [401]),
      },
    },
    async (request) => studios.listMediators(db, requireActor(request)),
  );
  app.post(
    '/mediation/mediators',
    {
      schema: {
        tags,
        summary: 'Register a mediator: a user with a mediation role, or an outside lawyer, retired judge or volunteer',
        body: mediatorBody,
        response: responses({ 201: mediatorSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await studios.createMediator(db, requireActor(request), request.body)),
  );
  app.get(
    '/mediation/studios',
    {
      schema: { tags, summary: 'The mediation studios of my street', response: responses({ 200: itemsOf(studioSchema) }, [401]) },
    },
    async (request) => studios.listStudios(db, requireActor(request)),
  );
  app.post(
    '/mediation/studios',
    {
      schema: {
        tags,
        summary: 'Open a studio at a node with its mediators and opening schedule',
        body: studioBody,
        response: responses({ 201: studioSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await studios.createStudio(db, requireActor(request), request.body)),
  );
  app.get(
    '/mediation/studios/:id/slots',
    {
      schema: {
        tags,
        summary: 'Consultation slots of a studio with the places still free',
        params: idParams,
        querystring: slotsQuery,
        response: responses({ 200: itemsOf(slotSchema) }),
      },
    },
    async (request) => bookings.freeSlots(deps, requireActor(request), request.params.id, request.query.from, request.query.to),
  );
  app.post(
    '/mediation/studios/:id/bookings',
    {
      schema: {
        tags,
        summary: 'Book a consultation slot (signed in); a full slot or a second booking of the same slot is refused',
        params: idParams,
        body: bookingBody,
        response: responses({ 201: bookingSchema }, [400, 401, 404, 409]),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await bookings.book(deps, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/mediation/bookings/mine',
    { schema: { tags, summary: 'My consultation bookings', response: responses({ 200: itemsOf(bookingSchema) }, [401]) } },
    async (request) => bookings.myBookings(db, requireActor(request)),
  );
  app.post(
    '/mediation/bookings/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel my booking of a slot still to come (again: answered as it is)',
        params: idParams,
        response: responses({ 200: bookingSchema }, [400, 401, 404, 409]),
      },
    },
    async (request) => bookings.cancelBooking(deps, requireActor(request), request.params.id),
  );
  app.get(
    '/mediation/calendar',
    {
      schema: {
        tags,
        summary: 'Staff calendar: sessions and consultation bookings in my scope, by local date',
        querystring: calendarQuery,
        response: responses({ 200: itemsOf(calendarEntrySchema) }, [400, 401]),
      },
    },
    async (request) => bookings.calendar(deps, requireActor(request), request.query),
  );
}
