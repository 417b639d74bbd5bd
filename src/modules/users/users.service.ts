import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { hashPassword } from '../../platform/security/password.ts';
import { type Actor, can, scopePathsFor } from '../access/access.policy.ts';
import { loadAssignments } from '../access/access.repository.ts';
import { authorize, requirePermission } from '../access/authorize.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as repo from './users.repository.ts';

const READ = 'users.read';
const MANAGE = 'users.manage';

export interface RoleGrant {
  role: string;
  nodeId?: string | undefined;
  organisationId?: string | undefined;
}

export async function getUser(db: Kysely<DB>, actor: Actor, id: string) {
  const user = await repo.findUser(db, id, scopePathsFor(actor, READ));
  if (!user) throw notFound('User');
  return { user, roles: await loadAssignments(db, id) };
}

export async function listUsers(
  db: Kysely<DB>,
  actor: Actor,
  input: { q?: string | undefined; role?: string | undefined; after?: string | undefined; limit: number },
) {
  requirePermission(actor, READ);
  const rows = await repo.listUsers(db, { ...input, scopePaths: scopePathsFor(actor, READ) });
  return Promise.all(rows.map(async (user) => ({ user, roles: await loadAssignments(db, user.id) })));
}

/** Checks that the actor may grant a role there: the target lies inside their users.manage scope. */
async function checkGrant(db: Kysely<DB>, actor: Actor, grant: RoleGrant, field: string) {
  const role = await repo.roleHeldAt(db, grant.role);
  if (!role) throw badRequest('ROLE_UNKNOWN', `There is no role ${grant.role}.`, `${field}.role`);
  const heldAtNode = grant.nodeId !== undefined;
  if ((role.held_at === 'node') !== heldAtNode) {
    const where = role.held_at === 'node' ? 'an area (nodeId)' : 'an organisation (organisationId)';
    throw badRequest(
      'ROLE_WRONG_HOLDER',
      `The role ${grant.role} is held at ${where}.`,
      `${field}.${heldAtNode ? 'nodeId' : 'organisationId'}`,
    );
  }
  const target = await repo.grantTarget(db, grant);
  const targetField = `${field}.${heldAtNode ? 'nodeId' : 'organisationId'}`;
  if (!target || !can(actor, MANAGE, target.path))
    throw badRequest('ROLE_TARGET_NOT_FOUND', 'Choose an area or organisation you manage.', targetField);
  return target;
}

export async function createUser(
  db: Kysely<DB>,
  actor: Actor,
  input: { username: string; displayName: string; password: string; phone?: string | undefined; roles: RoleGrant[] },
  ip: string,
) {
  requirePermission(actor, MANAGE);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const targets = [];
    for (const [i, grant] of input.roles.entries()) targets.push(await checkGrant(trx, actor, grant, `roles.${i}`));
    const { id } = await trx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        phone: input.phone ?? null,
        street_id: targets[0]?.street_id ?? actor.streetId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: 'user.created',
      actorUserId: actor.userId,
      streetId: actor.streetId,
      subjectType: 'user',
      subjectIds: [id],
      ip,
    });
    for (const [i, grant] of input.roles.entries()) await insertGrant(trx, actor, id, grant, targets[i]?.street_id ?? null, ip);
    return id;
  });
}

async function insertGrant(trx: Kysely<DB>, actor: Actor, userId: string, grant: RoleGrant, streetId: string | null, ip: string) {
  const { id } = await trx
    .insertInto('role_assignments')
    .values({
      user_id: userId,
      role: grant.role,
      node_id: grant.nodeId ?? null,
      organisation_id: grant.organisationId ?? null,
      street_id: streetId,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    action: 'role.granted',
    actorUserId: actor.userId,
    streetId,
    subjectType: 'user',
    subjectIds: [userId],
    ip,
    detail: { assignmentId: id, ...grant },
  });
}

export async function grantRole(db: Kysely<DB>, actor: Actor, userId: string, grant: RoleGrant, ip: string) {
  await db.transaction().execute(async (trx) => {
    await getUser(trx, actor, userId);
    const target = await checkGrant(trx, actor, grant, 'body');
    await insertGrant(trx, actor, userId, grant, target.street_id, ip);
  });
}

export async function revokeRole(db: Kysely<DB>, actor: Actor, userId: string, assignmentId: string, ip: string) {
  await db.transaction().execute(async (trx) => {
    await getUser(trx, actor, userId);
    const assignment = await repo.findAssignment(trx, userId, assignmentId);
    if (!assignment) throw notFound('Role assignment');
    authorize(actor, MANAGE, assignment.path, 'Role assignment', READ);
    await trx.deleteFrom('role_assignments').where('id', '=', assignmentId).execute();
    await recordAudit(trx, {
      action: 'role.revoked',
      actorUserId: actor.userId,
      streetId: assignment.street_id,
      subjectType: 'user',
      subjectIds: [userId],
      ip,
      detail: { assignmentId, role: assignment.role },
    });
  });
}

export async function updateUser(
  db: Kysely<DB>,
  actor: Actor,
  userId: string,
  changes: {
    displayName?: string | undefined;
    phone?: string | null | undefined;
    disabled?: boolean | undefined;
    password?: string | undefined;
    unlock?: true | undefined;
  },
  ip: string,
) {
  await getUser(db, actor, userId);
  requirePermission(actor, MANAGE);
  const passwordHash = changes.password ? await hashPassword(changes.password) : undefined;
  await db.transaction().execute(async (trx) => {
    const { roles } = await getUser(trx, actor, userId);
    // Managing an account needs users.manage over every place its roles are held.
    for (const role of roles) authorize(actor, MANAGE, role.scopePath, 'User', READ);
    await trx
      .updateTable('users')
      .set({
        ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
        ...(changes.phone !== undefined ? { phone: changes.phone } : {}),
        ...(changes.disabled !== undefined ? { disabled_at: changes.disabled ? new Date() : null } : {}),
        ...(passwordHash ? { password_hash: passwordHash, password_changed_at: new Date() } : {}),
        ...(changes.unlock ? { locked_until: null, failed_login_count: 0 } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', userId)
      .execute();
    if (passwordHash || changes.disabled) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    const { password: _secret, ...logged } = changes;
    await recordAudit(trx, {
      action: 'user.updated',
      actorUserId: actor.userId,
      streetId: actor.streetId,
      subjectType: 'user',
      subjectIds: [userId],
      ip,
      detail: { ...logged, passwordReset: passwordHash !== undefined },
    });
  });
}
