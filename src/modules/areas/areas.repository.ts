import { type Kysely, sql } from 'kysely';
import type { AreaLevel, DB, GeoJsonPolygon, NewAreaNode } from '../../platform/db/schema.ts';
import { underAnyPath } from '../../platform/db/scope.ts';

const nodeColumns = [
  'n.id',
  'n.street_id',
  'n.parent_id',
  'n.level',
  'n.name',
  'n.code',
  'n.path',
  'n.boundary',
  'n.lon',
  'n.lat',
  'n.responsible_user_id',
  'n.estate_id',
  'n.floor_area_m2',
  'n.retired_at',
  'n.created_at',
  'n.updated_at',
] as const;

function nodeQuery(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('area_nodes as n')
    .leftJoin('users as u', 'u.id', 'n.responsible_user_id')
    .select(nodeColumns)
    .select(['u.display_name as responsible_name'])
    .select((eb) =>
      eb
        .selectFrom('area_nodes as c')
        .whereRef('c.parent_id', '=', 'n.id')
        .where('c.retired_at', 'is', null)
        .select(eb.fn.countAll<number>().as('n'))
        .as('child_count'),
    )
    .where('n.id', '=', id);
}

export function findNode(db: Kysely<DB>, id: string) {
  return nodeQuery(db, id).executeTakeFirst();
}

/** A node and the boundary version in one statement: a point's grid is read and checked against a fresh index at once. */
export function findNodeAtBoundaryVersion(db: Kysely<DB>, id: string) {
  return nodeQuery(db, id)
    .select((eb) =>
      eb.selectFrom('area_index_state').select('boundary_version').where('id', '=', 1).$asScalar().as('boundary_version'),
    )
    .executeTakeFirst();
}

export type AreaRow = NonNullable<Awaited<ReturnType<typeof findNode>>>;

export interface ListQuery {
  scopePaths: string[];
  parentId?: string | undefined;
  level?: AreaLevel | undefined;
  q?: string | undefined;
  includeRetired: boolean;
  /** Only these nodes (the ones the actor's roles are held at). */
  ids?: string[] | undefined;
  after?: { code: string; id: string } | undefined;
  limit: number;
}

export function listNodes(db: Kysely<DB>, query: ListQuery) {
  let q = db
    .selectFrom('area_nodes as n')
    .leftJoin('users as u', 'u.id', 'n.responsible_user_id')
    .select(nodeColumns)
    .select(['u.display_name as responsible_name'])
    .select((eb) =>
      eb
        .selectFrom('area_nodes as c')
        .whereRef('c.parent_id', '=', 'n.id')
        .where('c.retired_at', 'is', null)
        .select(eb.fn.countAll<number>().as('n'))
        .as('child_count'),
    )
    .where((eb) => underAnyPath(eb, 'n.path', query.scopePaths))
    .orderBy('n.code')
    .orderBy('n.id')
    .limit(query.limit + 1);
  if (query.parentId) q = q.where('n.parent_id', '=', query.parentId);
  if (query.ids) q = q.where('n.id', 'in', query.ids.length ? query.ids : ['00000000-0000-0000-0000-000000000000']);
  if (query.level) q = q.where('n.level', '=', query.level);
  if (query.q)
    q = q.where((eb) =>
      eb.or([eb('n.name', 'ilike', `%${escapeLike(query.q as string)}%`), eb('n.code', '=', query.q as string)]),
    );
  if (!query.includeRetired) q = q.where('n.retired_at', 'is', null);
  if (query.after) {
    const { code, id } = query.after;
    q = q.where((eb) => eb.or([eb('n.code', '>', code), eb.and([eb('n.code', '=', code), eb('n.id', '>', id)])]));
  }
  return q.execute();
}

export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export function findNodesByIds(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('area_nodes').select(['id', 'name', 'level', 'path']).where('id', 'in', ids).execute();
}

export async function insertNode(db: Kysely<DB>, node: Omit<NewAreaNode, 'path'> & { id: string; parentPath: string }) {
  const { parentPath, ...values } = node;
  await db
    .insertInto('area_nodes')
    .values({ ...values, path: `${parentPath}${node.id}/` })
    .execute();
}

export async function updateNode(
  db: Kysely<DB>,
  id: string,
  changes: {
    name?: string;
    code?: string;
    boundary?: GeoJsonPolygon | null;
    lon?: number | null;
    lat?: number | null;
    responsible_user_id?: string | null;
    retired_at?: Date;
  },
) {
  const { boundary, ...rest } = changes;
  await db
    .updateTable('area_nodes')
    .set({
      ...rest,
      ...(boundary !== undefined ? { boundary: boundary === null ? null : JSON.stringify(boundary) } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Moves a node and its whole subtree under a new parent by rewriting their paths. */
export async function moveSubtree(db: Kysely<DB>, node: { id: string; path: string }, newParent: { id: string; path: string }) {
  const newPath = `${newParent.path}${node.id}/`;
  await db
    .updateTable('area_nodes')
    .set({
      path: sql`${newPath} || substr(path, ${node.path.length + 1})`,
      updated_at: new Date(),
    })
    .where('path', 'like', `${node.path}%`)
    .execute();
  await db.updateTable('area_nodes').set({ parent_id: newParent.id }).where('id', '=', node.id).execute();
}

export async function countActiveChildren(db: Kysely<DB>, id: string): Promise<number> {
  const row = await db
    .selectFrom('area_nodes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .where('retired_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export function activeGridBoundaries(db: Kysely<DB>, parentId?: string) {
  let q = db
    .selectFrom('area_nodes')
    .select(['id', 'code', 'name', 'parent_id', 'boundary'])
    .where('level', '=', 'grid')
    .where('retired_at', 'is', null)
    .where('boundary', 'is not', null);
  if (parentId) q = q.where('parent_id', '=', parentId);
  return q.execute();
}

export function boundariesUnder(db: Kysely<DB>, path: string, level: AreaLevel) {
  return db
    .selectFrom('area_nodes')
    .select(['id', 'code', 'name', 'parent_id', 'level', 'boundary', 'responsible_user_id'])
    .where('path', 'like', `${path}%`)
    .where('level', '=', level)
    .where('retired_at', 'is', null)
    .where('boundary', 'is not', null)
    .orderBy('code')
    .execute();
}

export async function bumpBoundaryVersion(db: Kysely<DB>): Promise<void> {
  await db
    .updateTable('area_index_state')
    .set((eb) => ({ boundary_version: eb('boundary_version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

export async function boundaryVersion(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('area_index_state').select('boundary_version').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.boundary_version;
}

export function findUserIdsByUsername(db: Kysely<DB>, usernames: string[]) {
  if (usernames.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'username']).where('username', 'in', usernames).execute();
}

export function findNodesByCodeOrId(db: Kysely<DB>, level: AreaLevel, keys: string[]) {
  const uuids = keys.filter((key) => /^[0-9a-f-]{36}$/i.test(key));
  return db
    .selectFrom('area_nodes')
    .select(['id', 'code', 'path', 'street_id', 'name'])
    .where('level', '=', level)
    .where('retired_at', 'is', null)
    .where((eb) => eb.or([eb('code', 'in', keys), ...(uuids.length ? [eb('id', 'in', uuids)] : [])]))
    .execute();
}
