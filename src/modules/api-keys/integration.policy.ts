/**
 * Who runs the street's integrations: API keys and webhook subscriptions are issued, revoked and
 * read by holders of integration.manage over the street (administrators); the street leader may
 * read them (integration.read). A street outside the caller's scope answers 404.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { type Actor, can, scopePathsFor } from '../access/access.policy.ts';
import { authorize } from '../access/authorize.ts';

export const MANAGE = 'integration.manage';
export const READ = 'integration.read';

export interface StreetRef {
  id: string;
  name: string;
  code: string;
  path: string;
}

/** The streets whose integrations the actor reads. */
export async function readableStreets(db: Kysely<DB>, actor: Actor): Promise<StreetRef[]> {
  const scopes = [...scopePathsFor(actor, MANAGE), ...scopePathsFor(actor, READ)];
  if (scopes.length === 0) return [];
  const rows = await db
    .selectFrom('area_nodes')
    .select(['id', 'name', 'code', 'path'])
    .where('level', '=', 'street')
    .where('retired_at', 'is', null)
    .orderBy('name')
    .execute();
  // A role held at a street or above covers it; one held below a street (a community) does not.
  return rows.filter((street) => scopes.some((scope) => street.path.startsWith(scope)));
}

/** The street an integration write is for: the one named, or the caller's only one. */
export async function streetToManage(db: Kysely<DB>, actor: Actor, streetId: string | undefined): Promise<StreetRef> {
  const streets = await readableStreets(db, actor);
  const street = streetId ? streets.find((s) => s.id === streetId) : streets.length === 1 ? streets[0] : undefined;
  if (!street) {
    if (streetId) throw notFound('Street');
    throw badRequest('STREET_REQUIRED', 'Name the street (streetId).', 'streetId');
  }
  authorize(actor, MANAGE, street.path, 'Street', READ);
  return street;
}

export async function streetPathOf(db: Kysely<DB>, streetId: string): Promise<string> {
  const row = await db.selectFrom('area_nodes').select('path').where('id', '=', streetId).executeTakeFirstOrThrow();
  return row.path;
}

export const canReadStreet = (actor: Actor, path: string) => can(actor, READ, path) || can(actor, MANAGE, path);
