import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../../platform/security/password.ts';
import type { Actor } from '../access/access.policy.ts';
import { loadActor } from '../access/access.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { afterFailure, isLocked } from './lockout.ts';
import * as sessions from './sessions.repository.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

const invalidCredentials = () => new AppError(401, 'AUTH_INVALID_CREDENTIALS', 'The username or password is wrong.', 'password');

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | null;
  sessionTtlMs: number;
}

export async function login(db: Kysely<DB>, input: LoginInput): Promise<{ token: string; actor: Actor }> {
  const now = new Date();
  const user = await sessions.findUserForLogin(db, input.username);
  if (!user || user.disabled_at) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    await recordAudit(db, { action: 'auth.login_failed', actorUserId: null, ip: input.ip, detail: { username: input.username } });
    throw invalidCredentials();
  }
  const state = { failedCount: user.failed_login_count, lockedUntil: user.locked_until };
  if (isLocked(state, now)) throw lockedError(state.lockedUntil as Date, now);
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const next = afterFailure(state, now);
    await sessions.saveLoginFailure(db, user.id, next.failedCount, next.lockedUntil);
    await recordAudit(db, {
      action: next.lockedUntil ? 'auth.locked' : 'auth.login_failed',
      actorUserId: user.id,
      streetId: user.street_id,
      ip: input.ip,
    });
    if (next.lockedUntil) throw lockedError(next.lockedUntil, now);
    throw invalidCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  await sessions.createSession(db, {
    tokenHash: hashToken(token),
    userId: user.id,
    expiresAt: new Date(now.getTime() + input.sessionTtlMs),
    ip: input.ip,
    userAgent: input.userAgent,
  });
  await recordAudit(db, { action: 'auth.login', actorUserId: user.id, streetId: user.street_id, ip: input.ip });
  const actor = await loadActor(db, user.id);
  if (!actor) throw invalidCredentials();
  return { token, actor };
}

function lockedError(until: Date, now: Date) {
  const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
  return new AppError(
    429,
    'AUTH_LOCKED',
    `Too many wrong passwords: the account is locked for ${Math.ceil(seconds / 60)} more minutes.`,
    'username',
    { 'retry-after': String(seconds) },
  );
}

/** The actor behind a session token, extending the session when less than half its time is left. */
export async function resolveSession(db: Kysely<DB>, token: string, sessionTtlMs: number): Promise<Actor | undefined> {
  const now = new Date();
  const tokenHash = hashToken(token);
  const session = await sessions.findSessionActor(db, tokenHash, now);
  if (!session) return undefined;
  if (session.expiresAt.getTime() - now.getTime() < sessionTtlMs / 2) {
    await sessions.extendSession(db, tokenHash, new Date(now.getTime() + sessionTtlMs));
  }
  return session.actor;
}

export async function logout(db: Kysely<DB>, token: string): Promise<void> {
  await sessions.deleteSession(db, hashToken(token));
}

export async function changePassword(
  db: Kysely<DB>,
  actor: Actor,
  token: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { password_hash } = await sessions.findPasswordHash(db, actor.userId);
  if (!(await verifyPassword(password_hash, input.currentPassword))) {
    throw new AppError(400, 'AUTH_WRONG_PASSWORD', 'The current password is wrong.', 'currentPassword');
  }
  await sessions.replacePassword(db, actor.userId, await hashPassword(input.newPassword), hashToken(token));
  await recordAudit(db, { action: 'auth.password_changed', actorUserId: actor.userId, streetId: actor.streetId });
}
