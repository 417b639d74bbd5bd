import { type App, idParams, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { renderAgreementPdf } from './agreement-pdf.ts';
import { agreementDocument, checkInstalment, draftAgreement, getAgreement } from './agreements.service.ts';
import {
  agreementBody,
  agreementPdfQuery,
  agreementQuery,
  agreementSchema,
  checkBody,
  instalmentParams,
} from './disputes.schemas.ts';
import type { MediationDeps } from './mediation.shared.ts';

const tags = ['mediation'];

/** The agreement in its versions, printed as PDF, and the follow-up of its instalments. */
export function agreementRoutes(app: App, deps: MediationDeps) {
  const { db } = deps;
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
}
