/**
 * What every mediation service needs: its dependencies, the nodes disputes and studios hang on,
 * the dispute number, a dispute loaded with the caller's rights (404 outside scope, 403 inside
 * it without the permission), the people to tell, and the event on the dispute's timeline.
 */
import { type Kysely, sql } from 'kysely';
import { type DomainEvent, recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import { type Actor, pathIds } from '../access/access.policy.ts';
import type { Level } from './dispute-rules.ts';
import { canManageDispute, canReadDispute } from './mediation.policy.ts';

export type Db = Kysely<DB>;

export interface MediationDeps {
  db: Db;
  timeZone: string;
  now?: () => Date;
}
export const nowOf = (deps: MediationDeps) => (deps.now ? deps.now() : new Date());

export interface NodeRow {
  id: string;
  path: string;
  level: string;
  name: string;
  street_id: string | null;
}

/** A node by id; a missing one is the caller's mistake, named by the field it came in. */
export async function nodeOf(db: Db, id: string, field = 'nodeId'): Promise<NodeRow> {
  const node = await db
    .selectFrom('area_nodes')
    .select(['id', 'path', 'level', 'name', 'street_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!node) throw badRequest('NODE_NOT_FOUND', 'Choose an area.', field);
  return node;
}

/** The node of a level on a path: the community a grid lies in, the street of a community. */
export async function nodeAtLevel(db: Db, path: string, level: Level): Promise<NodeRow> {
  return db
    .selectFrom('area_nodes')
    .select(['id', 'path', 'level', 'name', 'street_id'])
    .where('id', 'in', pathIds(path))
    .where('level', '=', level)
    .executeTakeFirstOrThrow();
}

/** The street a node belongs to (a street is its own). */
export const streetOf = (node: NodeRow) => (node.level === 'street' ? node.id : (node.street_id as string));

/** The next dispute number of a street and year, outside the opening transaction: a gap, never a reuse. */
export async function nextDisputeNumber(db: Db, streetId: string, year: number): Promise<string> {
  const row = await db
    .insertInto('dispute_counters')
    .values({ street_id: streetId, year, last: 1 })
    .onConflict((oc) => oc.columns(['street_id', 'year']).doUpdateSet({ last: sql`dispute_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${year}-${String(row.last).padStart(6, '0')}`;
}

export async function findDispute(db: Db, id: string, lock = false) {
  let q = db.selectFrom('disputes').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type DisputeRow = NonNullable<Awaited<ReturnType<typeof findDispute>>>;

const accessOf = (row: DisputeRow) => ({ locationPath: row.location_path, handlingPath: row.handling_path });

/** A dispute the actor may read; 404 otherwise, whether or not it exists. */
export async function readableDispute(db: Db, actor: Actor, id: string): Promise<DisputeRow> {
  const row = await findDispute(db, id);
  if (!row || !canReadDispute(actor, accessOf(row))) throw notFound('Dispute');
  return row;
}

/** A dispute the actor handles, locked for the caller's transaction: 404 outside scope, 403 without the right. */
export async function managedDispute(trx: Db, actor: Actor, id: string): Promise<DisputeRow> {
  const row = await findDispute(trx, id, true);
  if (!row || !canReadDispute(actor, accessOf(row))) throw notFound('Dispute');
  if (!canManageDispute(actor, accessOf(row))) {
    throw forbidden('MEDIATION_FORBIDDEN', `The dispute is handled at the ${row.level} level; you may follow it, not handle it.`);
  }
  return row;
}

export async function recordDisputeEvent(
  trx: Db,
  row: Pick<DisputeRow, 'id' | 'street_id'>,
  event: Omit<DomainEvent, 'entityType' | 'entityId' | 'streetId'>,
) {
  await recordEvent(trx, { ...event, entityType: 'dispute', entityId: row.id, streetId: row.street_id });
}

/** Who handles a dispute now: its mediator if a user, else the holders of mediation.manage at its handling node. */
export async function handlersOf(db: Db, row: Pick<DisputeRow, 'mediator_id' | 'handling_node_id'>): Promise<string[]> {
  if (row.mediator_id) {
    const mediator = await db.selectFrom('mediators').select('user_id').where('id', '=', row.mediator_id).executeTakeFirst();
    if (mediator?.user_id) return [mediator.user_id];
  }
  const rows = await db
    .selectFrom('role_assignments as ra')
    .innerJoin('role_permissions as rp', 'rp.role', 'ra.role')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .select('ra.user_id')
    .distinct()
    .where('ra.node_id', '=', row.handling_node_id)
    .where('rp.permission', '=', 'mediation.manage')
    .where('u.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.user_id);
}

/** Days from an instant to now, whole days. */
export const daysSince = (at: Date, now: Date) => Math.floor((now.getTime() - at.getTime()) / 86_400_000);
