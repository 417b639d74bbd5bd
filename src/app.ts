import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { activitiesRoutes } from './modules/activities/activities.routes.ts';
import { apiKeysRoutes } from './modules/api-keys/api-keys.routes.ts';
import { areasRoutes } from './modules/areas/areas.routes.ts';
import { placesRoutes } from './modules/areas/places.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { careRoutes } from './modules/care/care.routes.ts';
import { caseExportRoutes } from './modules/cases/case-export.routes.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { publicCasesRoutes } from './modules/cases/public-cases.routes.ts';
import { taxonomyRoutes } from './modules/cases/taxonomy.routes.ts';
import { deliberationRoutes } from './modules/deliberation/deliberation.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { hotlineRoutes } from './modules/hotline/hotline.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { mediationRoutes } from './modules/mediation/mediation.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { OPEN311_PREFIX, open311Routes } from './modules/open311/open311.routes.ts';
import { organisationsRoutes } from './modules/organisations/organisations.routes.ts';
import { patrolsRoutes } from './modules/patrols/patrols.routes.ts';
import { photosRoutes } from './modules/photos/photos.routes.ts';
import { pointsRoutes } from './modules/points/points.routes.ts';
import { privacyRoutes } from './modules/privacy/privacy.routes.ts';
import { propertyScoresRoutes } from './modules/property-scores/property-scores.routes.ts';
import { questionnairesRoutes } from './modules/questionnaires/questionnaires.routes.ts';
import { residentsRoutes } from './modules/residents/residents.routes.ts';
import { servicesRoutes } from './modules/services/services.routes.ts';
import { statsRoutes } from './modules/stats/stats.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { volunteersRoutes } from './modules/volunteers/volunteers.routes.ts';
import { webhooksRoutes } from './modules/webhooks/webhooks.routes.ts';
import type { App, AppContext } from './platform/http/app-types.ts';
import { AppError, handleError, handleFrameworkError } from './platform/http/errors.ts';
import { registerStrictJson } from './platform/http/json-body.ts';
import { withRedaction } from './platform/http/log-redaction.ts';
import { denyAnonymous, registerRequestContext } from './platform/http/request-context.ts';
import { registerWeb } from './platform/http/web.ts';

/** Every module's routes, mounted under /api. A new module adds one line here. */
const MODULE_ROUTES = [
  healthRoutes,
  authRoutes,
  areasRoutes,
  residentsRoutes,
  organisationsRoutes,
  usersRoutes,
  auditRoutes,
  photosRoutes,
  calendarRoutes,
  taxonomyRoutes,
  casesRoutes,
  caseExportRoutes,
  publicCasesRoutes,
  placesRoutes,
  notificationsRoutes,
  statsRoutes,
  patrolsRoutes,
  mediationRoutes,
  careRoutes,
  volunteersRoutes,
  pointsRoutes,
  servicesRoutes,
  activitiesRoutes,
  questionnairesRoutes,
  apiKeysRoutes,
  webhooksRoutes,
  hotlineRoutes,
  importsRoutes,
  deliberationRoutes,
  propertyScoresRoutes,
  privacyRoutes,
];

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(context: AppContext, logger: FastifyServerOptions['logger'] = false): Promise<App> {
  const app = Fastify({
    logger: withRedaction(logger),
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    // A caller's own request id is kept (for tracing across systems) when it looks like one.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    trustProxy: context.config.trustProxy,
    ajv: { customOptions: { removeAdditional: false } },
    // A URL the router cannot read (broken percent escapes, an overlong segment) gets the app's error shape too.
    frameworkErrors: handleFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  registerStrictJson(app);
  const page = await registerWeb(app, context.config.webDev);
  app.setNotFoundHandler((request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/');
    if (page && isPage) return page(request, reply);
    throw new AppError(404, 'ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'connect-src': ["'self'"] },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  await app.register(rateLimit, { global: false });
  // Uploads are read as streams and cut off at the limit, not held against the 1 MB JSON body limit.
  await app.register(multipart, { limits: { fileSize: context.config.photoMaxBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Fengqiao API',
        description: 'Grassroots community governance: areas, people, cases and the modules around them.',
        version: context.version,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fq_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerRequestContext(app, context.database, context.config);
  await app.register(
    async (api) => {
      denyAnonymous(api);
      for (const routes of MODULE_ROUTES) routes(api as App, context);
    },
    { prefix: '/api' },
  );
  // Open311 GeoReport v2 lives outside /api at the paths its specification names, with its own error shape.
  await app.register(async (open311) => open311Routes(open311 as App, context), { prefix: OPEN311_PREFIX });
  return app;
}
