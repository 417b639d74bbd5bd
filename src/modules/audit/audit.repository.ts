import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface AuditEntry {
  action: string;
  actorUserId: string | null;
  streetId?: string | null;
  subjectType?: string;
  subjectIds?: string[];
  ip?: string | null;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<DB>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      action: entry.action,
      actor_user_id: entry.actorUserId,
      street_id: entry.streetId ?? null,
      subject_type: entry.subjectType ?? null,
      subject_ids: entry.subjectIds ?? [],
      ip: entry.ip ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

/** The reads that showed someone's personal data in full: what an administrator reviews for misuse. */
export const UNMASKED_READ_ACTIONS = [
  'personal_data.read',
  'care_file.read',
  'care_files.export',
  'service_request.read_contact',
  'volunteer.read_contact',
] as const;

/**
 * Writes one personal_data.read entry for the records a response shows in full (nothing when it
 * shows none): a list audited in one line, with every record's id.
 */
export async function auditUnmaskedRead(
  db: Kysely<DB>,
  actor: { userId: string; streetId: string | null },
  subjectType: string,
  subjectIds: string[],
): Promise<void> {
  if (subjectIds.length === 0) return;
  await recordAudit(db, {
    action: 'personal_data.read',
    actorUserId: actor.userId,
    streetId: actor.streetId,
    subjectType,
    subjectIds,
  });
}

export interface AuditQuery {
  streetIds: string[] | 'all';
  action?: string | undefined;
  unmaskedReads?: boolean | undefined;
  actorUsername?: string | undefined;
  actorUserId?: string | undefined;
  subjectId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: number | undefined;
  limit: number;
}

export async function listAudit(db: Kysely<DB>, query: AuditQuery) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.id', 'a.at', 'a.action', 'a.actor_user_id', 'u.username', 'a.subject_type', 'a.subject_ids', 'a.ip', 'a.detail'])
    .orderBy('a.id', 'desc')
    .limit(query.limit + 1);
  const { streetIds } = query;
  if (streetIds !== 'all') {
    if (streetIds.length === 0) return [];
    q = q.where('a.street_id', 'in', streetIds);
  }
  if (query.action) q = q.where('a.action', '=', query.action);
  if (query.unmaskedReads) q = q.where('a.action', 'in', [...UNMASKED_READ_ACTIONS]);
  if (query.actorUserId) q = q.where('a.actor_user_id', '=', query.actorUserId);
  if (query.actorUsername) q = q.where('u.username', '=', query.actorUsername);
  if (query.subjectId) q = q.where(sql<boolean>`${query.subjectId}::uuid = any(a.subject_ids)`);
  if (query.from) q = q.where('a.at', '>=', query.from);
  if (query.to) q = q.where('a.at', '<', query.to);
  if (query.beforeId) q = q.where('a.id', '<', query.beforeId);
  return q.execute();
}
