import type { ColumnType, Generated, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface NotificationsTable {
  id: Generated<string>;
  street_id: string | null;
  user_id: string;
  kind: string;
  case_id: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  read_at: ColumnType<Date, Date | string, Date | string> | null;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    notifications: NotificationsTable;
  }
}

export interface NewNotification {
  kind: string;
  streetId: string | null;
  caseId?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Notifications are written in the transaction of the change that causes them, so a rolled-back
 * change notifies nobody and a committed one always does.
 */
export async function notify(trx: Kysely<DB>, userIds: Iterable<string>, notification: NewNotification): Promise<number> {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return 0;
  await trx
    .insertInto('notifications')
    .values(
      recipients.map((userId) => ({
        user_id: userId,
        street_id: notification.streetId,
        kind: notification.kind,
        case_id: notification.caseId ?? null,
        data: JSON.stringify(notification.data ?? {}),
      })),
    )
    .execute();
  return recipients.length;
}

export function listNotifications(
  db: Kysely<DB>,
  userId: string,
  query: { unread: boolean; before?: { createdAt: string; id: string } | undefined; limit: number },
) {
  let q = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'case_id', 'data', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.unread) q = q.where('read_at', 'is', null);
  if (query.before) {
    const { createdAt, id } = query.before;
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', new Date(createdAt)),
        eb.and([eb('created_at', '=', new Date(createdAt)), eb('id', '<', id)]),
      ]),
    );
  }
  return q.execute();
}

export async function unreadCount(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function markRead(db: Kysely<DB>, userId: string, ids: string[] | 'all'): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    q = q.where('id', 'in', ids);
  }
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
