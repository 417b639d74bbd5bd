import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Actor } from '../../modules/access/access.policy.ts';
import { resolveSession } from '../../modules/auth/auth.service.ts';
import type { Database } from '../db/database.ts';
import { AppError, unauthorized } from './errors.ts';

export const SESSION_COOKIE = 'fq_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
    sessionToken: string | undefined;
  }
  interface FastifyContextConfig {
    /** Open without signing in. Every other /api route answers 401 to an anonymous caller. */
    public?: boolean;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses cross-site writes (CSRF) the way browsers allow it to be told: Sec-Fetch-Site first,
 * then the Origin header against this server's own origin and TRUSTED_ORIGINS. A request with
 * neither header does not come from a browser page and cannot ride on a victim's cookie.
 */
export function isCrossSiteWrite(request: FastifyRequest, trustedOrigins: string[]): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.origin;
  if (origin && trustedOrigins.includes(origin)) return false;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  if (!origin) return false;
  try {
    const from = new URL(origin);
    return from.host !== new URL(`${from.protocol}//${request.headers.host}`).host;
  } catch {
    return true;
  }
}

/** Attaches the signed-in actor (if any) to each request and refuses cross-site writes. */
export function registerRequestContext(app: FastifyInstance, database: Database, config: Config) {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('sessionToken', undefined);
  app.addHook('onRequest', async (request) => {
    if (isCrossSiteWrite(request, config.trustedOrigins)) {
      throw new AppError(403, 'CSRF_REJECTED', 'Cross-site requests cannot change data.');
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.actor = await resolveSession(database.db, token, config.sessionTtlMs);
    if (request.actor) request.sessionToken = token;
  });
}

/** Deny by default: before its input is even validated, an anonymous call to a non-public route is turned away. */
export function denyAnonymous(api: FastifyInstance) {
  api.addHook('preValidation', async (request) => {
    if (!request.actor && request.routeOptions.config.public !== true) throw unauthorized();
  });
}
