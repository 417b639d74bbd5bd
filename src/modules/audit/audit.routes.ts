import { z } from 'zod';
import { type App, type AppContext, responses } from '../../platform/http/app-types.ts';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { pathIds, scopePathsFor } from '../access/access.policy.ts';
import { requirePermission } from '../access/authorize.ts';
import { listAudit } from './audit.repository.ts';

const entrySchema = z
  .object({
    id: z.number(),
    at: z.date(),
    action: z.string(),
    actorUserId: z.uuid().nullable(),
    actorUsername: z.string().nullable(),
    subjectType: z.string().nullable(),
    subjectIds: z.array(z.uuid()),
    ip: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

const auditQuery = z.object({
  action: z.string().max(60).optional().describe('e.g. personal_data.read, auth.login, role.granted'),
  unmaskedReads: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Only the reads that showed personal data in full (phone, ID number, care file, contact)'),
  actorUserId: z.uuid().optional(),
  actorUsername: z.string().max(60).optional().describe('The account that acted, by username'),
  subjectId: z.uuid().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  ...pageQuery,
});

export function auditRoutes(app: App, { database }: AppContext) {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log: logins, role changes, every unmasked read of personal data',
        querystring: auditQuery,
        response: responses({ 200: pageSchema(entrySchema) }, [400, 401, 403]),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requirePermission(actor, 'audit.read');
      const paths = scopePathsFor(actor, 'audit.read');
      // A role above street level reads every street's log; a street role reads its own street's.
      const streetIds = paths.some((path) => pathIds(path).length < 2)
        ? 'all'
        : [...new Set(paths.map((path) => pathIds(path)[1] as string))];
      const { cursor, ...query } = request.query;
      const rows = await listAudit(database.db, { ...query, streetIds, beforeId: decodeCursor(cursor, z.number()) });
      return toPage(
        rows,
        query.limit,
        (row) => ({
          id: row.id,
          at: row.at,
          action: row.action,
          actorUserId: row.actor_user_id,
          actorUsername: row.username,
          subjectType: row.subject_type,
          subjectIds: row.subject_ids,
          ip: row.ip,
          detail: row.detail,
        }),
        (row) => row.id,
      );
    },
  );
}
