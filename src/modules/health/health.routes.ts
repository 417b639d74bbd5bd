import { sql } from 'kysely';
import { z } from 'zod';
import type { App, AppContext } from '../../platform/http/app-types.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export function healthRoutes(app: App, { database, version }: AppContext) {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database reachability; 503 when the database cannot be reached',
        response: { 200: healthSchema, 503: healthSchema },
      },
      logLevel: 'warn',
      config: { public: true },
    },
    async (_request, reply) => {
      const body = { database: database.kind, version };
      try {
        await sql`select 1`.execute(database.db);
        return { status: 'ok' as const, ...body };
      } catch {
        reply.header('retry-after', '5');
        return reply.status(503).send({ status: 'unavailable' as const, ...body });
      }
    },
  );
}
