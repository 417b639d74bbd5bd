import type { z } from 'zod';
import { type Actor, permissionsOf } from '../access/access.policy.ts';
import type { meSchema } from './auth.schemas.ts';

export function presentMe(actor: Actor): z.infer<typeof meSchema> {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    streetId: actor.streetId,
    residentId: actor.residentId,
    organisationId: actor.organisationId,
    permissions: permissionsOf(actor),
    roles: actor.assignments.map((a) => ({
      id: a.id,
      role: a.role,
      nodeId: a.nodeId,
      organisationId: a.organisationId,
      scopeName: a.scopeName,
      scopeLevel: a.scopeLevel,
    })),
  };
}
