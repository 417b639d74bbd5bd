import { z } from 'zod';
import { type App, type AppContext, responses } from '../../platform/http/app-types.ts';
import { performAction } from './case-actions.ts';
import { caseDepsOf } from './cases.routes.ts';
import { publicCaseSchema, publicCreateCaseBody, publicRateBody } from './cases.schemas.ts';
import { caseByTrackingCode, publicCaseView } from './cases.service.ts';
import { takeInCase } from './intake.ts';

const tags = ['public'];
const codeParams = z.object({
  code: z.string().min(12).max(20).describe('The tracking code given at submission, e.g. 7K3M-Q9PX-2D4R'),
});

/** Reporting and following a case without an account: every route is open, and rate limited per client. */
export function publicCasesRoutes(app: App, context: AppContext) {
  const deps = caseDepsOf(context);

  app.post(
    '/public/cases',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Report a case without an account; answers the tracking code to follow and rate it',
        headers: z.object({
          'idempotency-key': z
            .string()
            .min(8)
            .max(100)
            .regex(/^[A-Za-z0-9_.:-]+$/)
            .optional(),
        }),
        body: publicCreateCaseBody,
        response: responses(
          {
            201: z.object({ case: publicCaseSchema, trackingCode: z.string() }),
            200: z.object({ case: publicCaseSchema, trackingCode: z.string() }),
          },
          [400, 429],
        ),
      },
    },
    async (request, reply) => {
      const { uploadToken, ...input } = request.body;
      const result = await takeInCase(deps, {
        actor: null,
        input,
        uploadToken,
        idempotencyKey: request.headers['idempotency-key'],
      });
      return reply
        .status(result.replayed ? 200 : 201)
        .send({ case: await publicCaseView(deps, result.trackingCode), trackingCode: result.trackingCode });
    },
  );

  app.get(
    '/public/cases/:code',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Follow a case by its tracking code',
        params: codeParams,
        response: responses({ 200: publicCaseSchema }, [404, 429]),
      },
    },
    async (request) => publicCaseView(deps, request.params.code),
  );

  app.post(
    '/public/cases/:code/rate',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Rate a resolved case by its tracking code (1-5; 1-2 sends it back once for rework)',
        params: codeParams,
        body: publicRateBody,
        response: responses({ 200: publicCaseSchema }, [400, 404, 409, 429]),
      },
    },
    async (request) => {
      const row = await caseByTrackingCode(deps, request.params.code);
      await performAction(deps, { trackingCodeHolder: true }, row.id, 'rate', request.body);
      return publicCaseView(deps, request.params.code);
    },
  );
}
