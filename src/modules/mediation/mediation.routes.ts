import { z } from 'zod';
import { type App, type AppContext, idParams, responses } from '../../platform/http/app-types.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { registerPhotoAccess } from '../photos/photos.service.ts';
import { renderAgreementPdf } from './agreement-pdf.ts';
import { agreementDocument, checkInstalment, draftAgreement, getAgreement } from './agreements.service.ts';
import * as bookings from './bookings.service.ts';
import { changeState, escalateDispute, setOutcome } from './dispute-lifecycle.service.ts';
import { getDispute, listDisputes, openDispute, updateDispute } from './disputes.service.ts';
import { figures, warnings } from './figures.service.ts';
import {
  agreementBody,
  agreementPdfQuery,
  agreementQuery,
  agreementSchema,
  bookingBody,
  bookingSchema,
  calendarEntrySchema,
  calendarQuery,
  checkBody,
  disputePatchBody,
  disputeSchema,
  disputeSummarySchema,
  escalateBody,
  figuresQuery,
  figuresSchema,
  heldBody,
  instalmentParams,
  listDisputesQuery,
  mediatorBody,
  mediatorSchema,
  openDisputeBody,
  outcomeBody,
  sessionBody,
  sessionParams,
  sessionSchema,
  slotSchema,
  slotsQuery,
  studioBody,
  studioSchema,
  transitionBody,
  warningSchema,
} from './mediation.schemas.ts';
import { type MediationDeps, readableDispute } from './mediation.shared.ts';
import { holdSession, listSessions, scheduleSession } from './sessions.service.ts';
import * as studios from './studios.service.ts';

const tags = ['mediation'];
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const WRITE_ERRORS = [400, 401, 403, 404, 409] as const;

export function mediationRoutes(app: App, context: AppContext) {
  const deps: MediationDeps = { db: context.database.db, timeZone: context.config.timeZone };
  const { db } = deps;

  registerPhotoAccess('dispute', async (database, actor, disputeId) => {
    if (!actor) return false;
    return readableDispute(database, actor, disputeId).then(
      () => true,
      () => false,
    );
  });

  // ---- mediators, studios, slots, bookings, calendar ----
  app.get(
    '/mediation/mediators',
    {
      schema: {
        tags,
        summary: 'Mediators of my scope and the levels above it',
        response: responses({ 200: items(mediatorSchema) }, [401]),
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
    { schema: { tags, summary: 'The mediation studios of my street', response: responses({ 200: items(studioSchema) }, [401]) } },
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
        response: responses({ 200: items(slotSchema) }),
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
    { schema: { tags, summary: 'My consultation bookings', response: responses({ 200: items(bookingSchema) }, [401]) } },
    async (request) => bookings.myBookings(db, requireActor(request)),
  );
  app.post(
    '/mediation/bookings/:id/cancel',
    { schema: { tags, summary: 'Cancel my booking', params: idParams, response: responses({ 200: bookingSchema }) } },
    async (request) => bookings.cancelBooking(deps, requireActor(request), request.params.id),
  );
  app.get(
    '/mediation/calendar',
    {
      schema: {
        tags,
        summary: 'Staff calendar: sessions and consultation bookings in my scope, by local date',
        querystring: calendarQuery,
        response: responses({ 200: items(calendarEntrySchema) }, [400, 401]),
      },
    },
    async (request) => bookings.calendar(deps, requireActor(request), request.query),
  );

  // ---- disputes ----
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

  // ---- sessions ----
  app.get(
    '/mediation/disputes/:id/sessions',
    { schema: { tags, summary: 'Sessions of a dispute', params: idParams, response: responses({ 200: items(sessionSchema) }) } },
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

  // ---- agreement and follow-up ----
  app.get(
    '/mediation/disputes/:id/agreement',
    {
      schema: {
        tags,
        summary: 'The agreement, its latest version or the one asked for, with its performance schedule',
        params: idParams,
        querystring: agreementQuery,
        response: responses({ 200: agreementSchema }),
      },
    },
    async (request) => getAgreement(db, requireActor(request), request.params.id, request.query.version),
  );
  app.post(
    '/mediation/disputes/:id/agreement',
    {
      schema: {
        tags,
        summary: 'Draw up the agreement: facts, terms and performance schedule, saved as a new version',
        params: idParams,
        body: agreementBody,
        response: responses({ 201: agreementSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await draftAgreement(deps, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/mediation/disputes/:id/agreement.pdf',
    {
      schema: {
        tags,
        summary: 'The printable agreement (PDF) in Chinese or English',
        params: idParams,
        querystring: agreementPdfQuery,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const doc = await agreementDocument(deps, requireActor(request), request.params.id, request.query.version);
      const pdf = await renderAgreementPdf(doc, request.query.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="agreement-${doc.number}-v${doc.version}-${request.query.lang}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
  app.post(
    '/mediation/disputes/:id/instalments/:instalmentId/check',
    {
      schema: {
        tags,
        summary:
          'Check an instalment: paid, partly (with the amount) or not paid, and reopen the file if the agreement is broken',
        params: instalmentParams,
        body: checkBody,
        response: responses({ 200: agreementSchema }, WRITE_ERRORS),
      },
    },
    async (request) => checkInstalment(deps, requireActor(request), request.params.id, request.params.instalmentId, request.body),
  );

  // ---- early warning and figures ----
  app.get(
    '/mediation/warnings',
    {
      schema: {
        tags,
        summary: 'High-risk and long-running (over 30 days) disputes still being worked on in my scope',
        response: responses({ 200: items(warningSchema) }, [401]),
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
}
