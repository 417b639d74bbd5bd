import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/**
 * What the server log keeps of a request and an error. A query string can carry what a clerk
 * searched for (a phone or ID number), and a database error repeats the value that clashed
 * ("Key (id_number)=(...) already exists"): the log keeps the path, the names of the query
 * parameters and the error's code, never their values. Bodies and headers are never logged.
 */
export function safeRequest(request: FastifyRequest) {
  const [path, search] = request.url.split('?', 2);
  const keys = search ? [...new URLSearchParams(search).keys()] : [];
  return {
    method: request.method,
    url: keys.length ? `${path}?${keys.map((k) => `${k}=…`).join('&')}` : path,
    remoteAddress: request.ip,
  };
}

const REDACT = ['err.detail', 'err.where', 'err.parameters', 'err.query', 'req.headers', 'req.body'];

/** The app's logger options with these rules added to whatever level and stream the caller chose. */
export function withRedaction(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return logger;
  const base = logger === true ? {} : logger;
  return {
    ...base,
    serializers: { req: safeRequest as never, ...('serializers' in base ? base.serializers : {}) },
    redact: REDACT,
  };
}
