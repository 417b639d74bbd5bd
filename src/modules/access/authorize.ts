import { AppError, notFound } from '../../platform/http/errors.ts';
import { type Actor, can, canAnywhere } from './access.policy.ts';

/**
 * Lets the action through, or refuses it: 404 when the record is not even visible to the actor
 * (its existence is not revealed), 403 when they can see it but not do this.
 */
export function authorize(actor: Actor, permission: string, recordPath: string, what: string, readPermission: string): void {
  if (can(actor, permission, recordPath)) return;
  if (!can(actor, readPermission, recordPath)) throw notFound(what);
  throw forbiddenAction(permission);
}

export function requirePermission(actor: Actor, permission: string): void {
  if (!canAnywhere(actor, permission)) throw forbiddenAction(permission);
}

const forbiddenAction = (permission: string) => new AppError(403, 'FORBIDDEN', `Your roles do not allow this (${permission}).`);
