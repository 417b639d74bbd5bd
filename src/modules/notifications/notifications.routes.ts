import { z } from 'zod';
import { type App, type AppContext, idParams, responses } from '../../platform/http/app-types.ts';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { listNotifications, markRead, unreadCount } from './notifications.repository.ts';

const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z
      .string()
      .describe('case.assigned, case.deadline_warning, case.overdue, case.urged, case.resolved, case.rating_requested, ...'),
    caseId: z.uuid().nullable(),
    data: z.record(z.string(), z.unknown()),
    createdAt: z.date(),
    readAt: z.date().nullable(),
  })
  .meta({ id: 'Notification' });

const cursorSchema = z.object({ createdAt: z.string(), id: z.uuid() });

export function notificationsRoutes(app: App, { database }: AppContext) {
  const { db } = database;
  const tags = ['notifications'];

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count',
        querystring: z.object({
          unread: z
            .enum(['true', 'false'])
            .default('false')
            .transform((v) => v === 'true'),
          ...pageQuery,
        }),
        response: responses({ 200: pageSchema(notificationSchema).extend({ unread: z.number() }) }, [400, 401]),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { cursor, limit, unread } = request.query;
      const rows = await listNotifications(db, actor.userId, { unread, limit, before: decodeCursor(cursor, cursorSchema) });
      const page = toPage(
        rows,
        limit,
        (row) => ({
          id: row.id,
          kind: row.kind,
          caseId: row.case_id,
          data: row.data,
          createdAt: row.created_at,
          readAt: row.read_at,
        }),
        (row) => ({ createdAt: row.created_at.toISOString(), id: row.id }),
      );
      return { ...page, unread: await unreadCount(db, actor.userId) };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one notification read',
        params: idParams,
        response: responses({ 200: z.object({ marked: z.number() }) }),
      },
    },
    async (request) => ({ marked: await markRead(db, requireActor(request).userId, [request.params.id]) }),
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: responses({ 200: z.object({ marked: z.number() }) }, [401]),
      },
    },
    async (request) => ({ marked: await markRead(db, requireActor(request).userId, 'all') }),
  );
}
