import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor } from '../access/access.policy.ts';
import { assignmentsOf, toActor } from '../access/access.repository.ts';

export function findUserForLogin(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'street_id', 'password_hash', 'failed_login_count', 'locked_until', 'disabled_at'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function saveLoginFailure(db: Kysely<DB>, userId: string, failedCount: number, lockedUntil: Date | null) {
  await db
    .updateTable('users')
    .set({ failed_login_count: failedCount, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();
}

export async function createSession(
  db: Kysely<DB>,
  session: { tokenHash: string; userId: string; expiresAt: Date; ip: string; userAgent: string | null },
) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_login_count: 0, locked_until: null }).where('id', '=', session.userId).execute();
    await trx
      .insertInto('sessions')
      .values({
        token_hash: session.tokenHash,
        user_id: session.userId,
        expires_at: session.expiresAt,
        ip: session.ip,
        user_agent: session.userAgent,
      })
      .execute();
  });
}

/** The actor behind a live session and when the session expires, in one statement (it runs for every signed-in request). */
export async function findSessionActor(
  db: Kysely<DB>,
  tokenHash: string,
  now: Date,
): Promise<{ actor: Actor; expiresAt: Date } | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.expires_at', 'u.id', 'u.username', 'u.display_name', 'u.street_id', 'u.resident_id', 'u.organisation_id'])
    .select((eb) => assignmentsOf(eb.ref('u.id')).as('assignments'))
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? { actor: toActor(row), expiresAt: row.expires_at } : undefined;
}

export async function extendSession(db: Kysely<DB>, tokenHash: string, expiresAt: Date) {
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function replacePassword(db: Kysely<DB>, userId: string, passwordHash: string, keepTokenHash: string) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: new Date(), updated_at: new Date() })
      .where('id', '=', userId)
      .execute();
    // A changed password ends every other session of the account.
    await trx.deleteFrom('sessions').where('user_id', '=', userId).where('token_hash', '<>', keepTokenHash).execute();
  });
}

export function findPasswordHash(db: Kysely<DB>, userId: string) {
  return db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
}
