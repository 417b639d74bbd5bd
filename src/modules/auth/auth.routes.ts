import { z } from 'zod';
import { type App, type AppContext, responses } from '../../platform/http/app-types.ts';
import { requireActor, SESSION_COOKIE } from '../../platform/http/request-context.ts';
import { presentMe } from './auth.presenter.ts';
import { changePasswordBody, loginBody, meSchema } from './auth.schemas.ts';
import * as auth from './auth.service.ts';

export function authRoutes(app: App, { database, config }: AppContext) {
  const { db } = database;
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure } as const;

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets the session cookie',
        body: loginBody,
        response: responses({ 200: z.object({ user: meSchema }) }, [400, 401, 403, 429]),
      },
      config: { public: true, rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, actor } = await auth.login(db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        sessionTtlMs: config.sessionTtlMs,
      });
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: Math.floor(config.sessionTtlMs / 1000) });
      return { user: presentMe(actor) };
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.sessionToken) await auth.logout(db, request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my password; ends my other sessions',
        body: changePasswordBody,
        response: responses({ 204: z.null() }, [400, 401]),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await auth.changePassword(db, actor, request.sessionToken as string, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      schema: { tags: ['auth'], summary: 'Who I am: roles, scopes, permissions', response: responses({ 200: meSchema }, [401]) },
    },
    async (request) => presentMe(requireActor(request)),
  );
}
