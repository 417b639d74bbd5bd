import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../platform/http/app-types.ts';
import { caseDepsOf } from '../cases/cases.routes.ts';
import { FORMATS, type Format, langOf, Open311Error, open311Error, parseForm, SPEC, splitFormat } from './georeport.ts';
import * as open311 from './open311.service.ts';
import { toXml, type XmlValue } from './xml.ts';

export const OPEN311_PREFIX = '/open311/v2';
const tags = ['open311'];

function send(reply: FastifyReply, format: Format, root: string, value: XmlValue, status = 200) {
  reply.status(status).header('content-type', `${FORMATS[format]}; charset=utf-8`);
  return reply.send(format === 'json' ? JSON.stringify(value) : toXml(root, value));
}

/** The format a URL asks for; XML, the spec's required format, when it names none we know. */
const formatOf = (url: string): Format => (/\.json(\?|$)/.test(url) ? 'json' : 'xml');

type Query = Record<string, string | undefined>;
const queryOf = (request: FastifyRequest): Query => {
  const query: Query = {};
  for (const [key, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    // An empty argument is treated as one not passed.
    if (typeof last === 'string' && last.trim() !== '') query[key] = last.trim();
  }
  return query;
};

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at /open311/v2: discovery, services,
 * service definitions, requests and tokens, each in .json and .xml. Errors are the spec's list of
 * code and description in the format asked for: 400 bad input, 403 a missing or wrong api_key,
 * 404 an unknown service, request, token or jurisdiction, 429 a key over its rate.
 */
export async function open311Routes(app: App, context: AppContext) {
  const deps = caseDepsOf(context);
  const { db } = deps;
  const timeZone = context.config.timeZone;

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  app.setErrorHandler((error, request, reply) => {
    const format = formatOf(request.url);
    if (error instanceof Open311Error) {
      if (error.headers) reply.headers(error.headers);
      return send(reply, format, 'errors', error.errors as unknown as XmlValue, error.status);
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status < 500) {
      // The refusal's own status (403 for a cross-site write, 413 for a body too large), in Open311's shape.
      return send(reply, format, 'errors', [{ code: status, description: (error as Error).message }], status);
    }
    request.log.error({ err: error }, 'open311 failed');
    return send(
      reply,
      format,
      'errors',
      [{ code: 500, description: 'The service failed while processing the request; it has been logged.' }],
      500,
    );
  });
  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      formatOf(request.url),
      'errors',
      [{ code: 404, description: `No Open311 resource at ${request.url.split('?')[0]}.` }],
      404,
    ),
  );

  for (const format of ['json', 'xml'] as const) {
    app.get(`/discovery.${format}`, { schema: { tags, summary: `Service discovery (${format})` } }, async (request, reply) => {
      const changed = await db
        .selectFrom('case_categories')
        .select((eb) => eb.fn.max('created_at').as('at'))
        .executeTakeFirst();
      const changeset = (changed?.at ? new Date(changed.at) : new Date(0)).toISOString().slice(0, 16).replace('T', ' ');
      return send(reply, format, 'discovery', {
        changeset,
        contact: 'The street office: 12345 or the desk console of your street.',
        key_service: "API keys are issued and revoked by the street's administrator (desk console, Integrations).",
        endpoints: [
          {
            specification: SPEC,
            url: `${request.protocol}://${request.host}${OPEN311_PREFIX}`,
            changeset,
            type: 'production',
            formats: [FORMATS.xml, FORMATS.json],
          },
        ],
      });
    });

    app.get(`/services.${format}`, { schema: { tags, summary: `Service list (${format})` } }, async (request, reply) => {
      const street = await open311.jurisdictionOf(db, queryOf(request).jurisdiction_id);
      const services = await open311.listServices(db, street, langOf(request.headers['accept-language']));
      return send(reply, format, 'services', services);
    });

    app.post(
      `/requests.${format}`,
      { schema: { tags, summary: `Post a service request, form-encoded with api_key (${format})` } },
      async (request, reply) => {
        if (typeof request.body !== 'string') throw open311Error(400, 'Send the request as application/x-www-form-urlencoded.');
        const created = await open311.createRequest(deps, parseForm(request.body), langOf(request.headers['accept-language']));
        return send(reply, format, 'service_requests', created, 201);
      },
    );

    app.get(`/requests.${format}`, { schema: { tags, summary: `Service requests (${format})` } }, async (request, reply) => {
      const query = queryOf(request);
      const street = await open311.jurisdictionOf(db, query.jurisdiction_id);
      const lang = langOf(request.headers['accept-language']);
      return send(reply, format, 'service_requests', await open311.listRequests(db, street, query, lang, timeZone));
    });
  }

  // services/{service_code}.{format}, requests/{id}.{format}, tokens/{token}.{format}: the id and its format in one segment.
  const one = (what: 'services' | 'requests' | 'tokens', summary: string) =>
    app.get<{ Params: { file: string } }>(`/${what}/:file`, { schema: { tags, summary } }, async (request, reply) => {
      const parsed = splitFormat(request.params.file);
      if (!parsed) throw open311Error(404, `No Open311 resource at ${request.url.split('?')[0]}: add .json or .xml.`);
      const query = queryOf(request);
      const lang = langOf(request.headers['accept-language']);
      const street = await open311.jurisdictionOf(db, query.jurisdiction_id);
      if (what === 'services')
        return send(reply, parsed.format, 'service_definition', await open311.serviceDefinition(db, parsed.id, lang));
      if (what === 'requests')
        return send(reply, parsed.format, 'service_requests', await open311.getRequest(db, street, parsed.id, lang, timeZone));
      return send(reply, parsed.format, 'service_requests', await open311.requestOfToken(db, street, parsed.id));
    });
  one('services', 'Service definition: the attributes a service asks for');
  one('requests', 'One service request');
  one('tokens', 'The service request id of a token');
}
