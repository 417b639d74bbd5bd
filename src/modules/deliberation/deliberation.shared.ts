/**
 * What every deliberation service needs: its dependencies, numbers per street and year, the
 * caller's home (household and estate), an estate and where it lies, a topic loaded with the
 * caller's rights (404 outside them), and the event every change writes.
 */
import type { Kysely } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import type { CaseDeps } from '../cases/case-view.ts';
import { canManage, canRead, type Home, livesIn } from './deliberation.policy.ts';
import './deliberation.tables.ts';

export type Db = Kysely<DB>;

export interface DelibDeps {
  db: Db;
  timeZone: string;
  /** Resolutions' follow-up tasks become cases through the cases module's intake. */
  cases: CaseDeps;
  now?: () => Date;
}

export const nowOf = (deps: Pick<DelibDeps, 'now'>) => (deps.now ? deps.now() : new Date());

/** The next number of a kind for a street and year, e.g. 2026-0042, taken inside the caller's transaction. */
export async function nextNumber(trx: Db, streetId: string, kind: 'topic' | 'meeting' | 'vote', year: number) {
  const row = await trx
    .insertInto('delib_counters')
    .values({ street_id: streetId, kind, year, last: 1 })
    .onConflict((oc) =>
      oc.columns(['street_id', 'kind', 'year']).doUpdateSet((eb) => ({ last: eb('delib_counters.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${year}-${String(row.last).padStart(4, '0')}`;
}

export const yearIn = (at: Date, timeZone: string) =>
  Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(at));

/** The caller's household and its estate, when the caller is a resident. */
export async function homeOf(db: Db, actor: Actor): Promise<Home | null> {
  let household: { id: string; path: string } | undefined;
  if (actor.residentId) {
    household = await db
      .selectFrom('residents as r')
      .innerJoin('area_nodes as hh', 'hh.id', 'r.household_id')
      .select(['hh.id', 'hh.path'])
      .where('r.id', '=', actor.residentId)
      .executeTakeFirst();
  }
  // An account given the resident role at a household lives there, registered as a person or not yet.
  const held = actor.assignments.find((a) => a.role === 'resident' && a.nodeId && a.scopeLevel === 'household');
  if (!household && held) household = { id: held.nodeId as string, path: held.scopePath };
  if (!household) return null;
  const building = await db
    .selectFrom('area_nodes')
    .select('estate_id')
    .where('id', 'in', household.path.split('/').filter(Boolean))
    .where('level', '=', 'building')
    .executeTakeFirst();
  return { householdId: household.id, householdPath: household.path, estateId: building?.estate_id ?? null };
}

export interface EstateRow {
  id: string;
  name: string;
  street_id: string;
  community_id: string;
  community_path: string;
  community_name: string;
  property_company_id: string | null;
}

export async function estateOf(db: Db, estateId: string, field = 'estateId'): Promise<EstateRow> {
  const estate = await db
    .selectFrom('estates as e')
    .innerJoin('area_nodes as c', 'c.id', 'e.community_id')
    .select([
      'e.id',
      'e.name',
      'e.street_id',
      'e.community_id',
      'c.path as community_path',
      'c.name as community_name',
      'e.property_company_id',
    ])
    .where('e.id', '=', estateId)
    .executeTakeFirst();
  if (!estate) throw badRequest('ESTATE_NOT_FOUND', 'Choose an estate.', field);
  return estate;
}

/** A building of the estate, by id; anything else is the caller's mistake. */
export async function buildingOf(db: Db, estateId: string, buildingId: string) {
  const building = await db
    .selectFrom('area_nodes')
    .select(['id', 'path', 'name'])
    .where('id', '=', buildingId)
    .where('level', '=', 'building')
    .where('estate_id', '=', estateId)
    .executeTakeFirst();
  if (!building) throw badRequest('BUILDING_NOT_IN_ESTATE', 'Choose a building of this estate.', 'buildingId');
  return building;
}

export type TopicRow = Awaited<ReturnType<typeof topicRow>>;
const topicRow = (db: Db, id: string) => db.selectFrom('delib_topics').selectAll().where('id', '=', id).executeTakeFirst();

/** A topic the caller may see: staff in scope, or a resident of its estate; anyone else is told it does not exist. */
export async function visibleTopic(db: Db, actor: Actor, id: string, home?: Home | null) {
  const topic = await topicRow(db, id);
  if (!topic) throw notFound('Topic');
  if (canRead(actor, topic.location_path)) return topic;
  if (livesIn(home === undefined ? await homeOf(db, actor) : home, topic.estate_id)) return topic;
  throw notFound('Topic');
}

/** A topic the caller may steer, locked for the change. */
export async function managedTopic(trx: Db, actor: Actor, id: string) {
  const topic = await trx.selectFrom('delib_topics').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!topic) throw notFound('Topic');
  if (canManage(actor, topic.location_path)) return topic;
  // Someone who may see the topic is told they may not steer it; anyone else that it does not exist.
  const sees = canRead(actor, topic.location_path) || livesIn(await homeOf(trx, actor), topic.estate_id);
  if (sees) throw forbidden('FORBIDDEN', 'Your role does not steer this topic.');
  throw notFound('Topic');
}

export function recordDelibEvent(
  trx: Db,
  entity: 'delib_topic' | 'delib_meeting' | 'delib_vote' | 'delib_fund_line',
  row: { id: string; street_id: string },
  event: { type: string; actorUserId: string | null; at?: Date; data?: Record<string, unknown> },
) {
  return recordEvent(trx, { streetId: row.street_id, entityType: entity, entityId: row.id, ...event });
}
