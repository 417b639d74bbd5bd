import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { AreaLevel, DB, GeoJsonPolygon } from '../../platform/db/schema.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { type Actor, can, pathIds, scopePathsFor } from '../access/access.policy.ts';
import { authorize } from '../access/authorize.ts';
import * as repo from './areas.repository.ts';
import { BoundaryError, checkBoundary, checkNoOverlap } from './geojson-validation.ts';
import type { GridLocator } from './grid-locator.ts';
import { BOUNDED_LEVELS, childLevelOf, parentLevelOf } from './levels.ts';

const READ = 'areas.read';
const MANAGE = 'areas.manage';

async function visibleNode(db: Kysely<DB>, actor: Actor, id: string) {
  const node = await repo.findNode(db, id);
  if (!node || !can(actor, READ, node.path)) throw notFound('Area');
  return node;
}

async function manageableNode(db: Kysely<DB>, actor: Actor, id: string, field?: string) {
  const node = await repo.findNode(db, id);
  if (!node) throw field ? badRequest('AREA_NOT_FOUND', 'That area does not exist.', field) : notFound('Area');
  authorize(actor, MANAGE, node.path, 'Area', READ);
  return node;
}

export async function getArea(db: Kysely<DB>, actor: Actor, id: string) {
  const node = await visibleNode(db, actor, id);
  const ancestors = await repo.findNodesByIds(db, pathIds(node.path).slice(0, -1));
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  // Breadcrumbs stop at what the actor may see.
  const breadcrumbs = pathIds(node.path)
    .slice(0, -1)
    .map((ancestorId) => byId.get(ancestorId))
    .filter((a) => a !== undefined && can(actor, READ, a.path))
    .map((a) => ({ id: a?.id as string, name: a?.name as string, level: a?.level as AreaLevel }));
  return { node, breadcrumbs };
}

export interface ListAreasInput {
  parentId?: string | undefined;
  level?: AreaLevel | undefined;
  q?: string | undefined;
  includeRetired: boolean;
  after?: { code: string; id: string } | undefined;
  limit: number;
}

/** Children of a node, or with no parent the nodes the actor's roles are held at (their roots). */
export async function listAreas(db: Kysely<DB>, actor: Actor, input: ListAreasInput) {
  const scopePaths = scopePathsFor(actor, READ);
  if (!input.parentId && !input.level && !input.q) {
    const roots = scopePaths.map((path) => pathIds(path).at(-1) as string);
    return repo.listNodes(db, { ...input, scopePaths, ids: roots });
  }
  if (input.parentId) await visibleNode(db, actor, input.parentId);
  return repo.listNodes(db, { ...input, scopePaths });
}

export interface CreateAreaInput {
  parentId: string;
  level: AreaLevel;
  name: string;
  code: string;
  boundary?: unknown;
  lon?: number | undefined;
  lat?: number | undefined;
  responsibleUserId?: string | undefined;
}

export async function createArea(db: Kysely<DB>, actor: Actor, input: CreateAreaInput) {
  return db.transaction().execute(async (trx) => {
    const parent = await manageableNode(trx, actor, input.parentId, 'parentId');
    if (childLevelOf(parent.level) !== input.level) {
      throw badRequest(
        'AREA_WRONG_LEVEL',
        `A ${parent.level} can only hold nodes of level ${childLevelOf(parent.level) ?? 'none'}.`,
        'level',
      );
    }
    const id = randomUUID();
    const boundary = await boundaryFor(trx, input.level, input.boundary, parent.id, id);
    await repo.insertNode(trx, {
      id,
      parentPath: parent.path,
      parent_id: parent.id,
      street_id: input.level === 'street' ? id : parent.street_id,
      level: input.level,
      name: input.name,
      code: input.code,
      boundary: boundary ? JSON.stringify(boundary) : null,
      lon: input.lon ?? null,
      lat: input.lat ?? null,
      responsible_user_id: input.responsibleUserId ?? null,
    });
    if (input.level === 'grid' && boundary) await repo.bumpBoundaryVersion(trx);
    await recordEvent(trx, {
      streetId: input.level === 'street' ? id : parent.street_id,
      entityType: 'area',
      entityId: id,
      type: 'area.created',
      actorUserId: actor.userId,
      data: { parentId: parent.id, level: input.level, name: input.name, code: input.code },
    });
    return id;
  });
}

/** Validates a boundary for a node; grids must not overlap their siblings. */
async function boundaryFor(
  trx: Kysely<DB>,
  level: AreaLevel,
  raw: unknown,
  parentId: string | null,
  selfId: string,
): Promise<GeoJsonPolygon | null | undefined> {
  if (raw === undefined || raw === null) return raw as null | undefined;
  if (!BOUNDED_LEVELS.includes(level))
    throw badRequest('AREA_BOUNDARY_NOT_ALLOWED', `A ${level} has a point, not a boundary.`, 'boundary');
  try {
    const boundary = checkBoundary(raw);
    if (level === 'grid' && parentId) {
      const siblings = (await repo.activeGridBoundaries(trx, parentId)).filter((grid) => grid.id !== selfId);
      checkNoOverlap(
        { label: 'this grid', boundary },
        siblings.map((s) => ({ label: `grid ${s.code} ${s.name}`, boundary: s.boundary as GeoJsonPolygon })),
      );
    }
    return boundary;
  } catch (error) {
    if (error instanceof BoundaryError) throw badRequest('AREA_BOUNDARY_INVALID', `The boundary ${error.message}.`, 'boundary');
    throw error;
  }
}

export interface UpdateAreaInput {
  name?: string | undefined;
  code?: string | undefined;
  parentId?: string | undefined;
  boundary?: unknown;
  lon?: number | null | undefined;
  lat?: number | null | undefined;
  responsibleUserId?: string | null | undefined;
}

export async function updateArea(db: Kysely<DB>, actor: Actor, id: string, input: UpdateAreaInput) {
  await db.transaction().execute(async (trx) => {
    const node = await manageableNode(trx, actor, id);
    if (node.retired_at) throw conflict('AREA_RETIRED', 'A retired area cannot be changed.');
    let parentId = node.parent_id;
    if (input.parentId && input.parentId !== node.parent_id) {
      const target = await manageableNode(trx, actor, input.parentId, 'parentId');
      checkMove(node, target);
      await repo.moveSubtree(trx, node, target);
      parentId = target.id;
      await recordEvent(trx, {
        streetId: node.street_id,
        entityType: 'area',
        entityId: id,
        type: 'area.moved',
        actorUserId: actor.userId,
        data: { from: node.parent_id, to: target.id },
      });
    }
    const boundary = await boundaryFor(trx, node.level, input.boundary, parentId, id);
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.code !== undefined ? { code: input.code } : {}),
      ...(boundary !== undefined ? { boundary } : {}),
      ...(input.lon !== undefined ? { lon: input.lon } : {}),
      ...(input.lat !== undefined ? { lat: input.lat } : {}),
      ...(input.responsibleUserId !== undefined ? { responsible_user_id: input.responsibleUserId } : {}),
    };
    if (Object.keys(changes).length === 0) return;
    await repo.updateNode(trx, id, changes);
    if (node.level === 'grid' && boundary !== undefined) await repo.bumpBoundaryVersion(trx);
    const { boundary: _omitted, ...logged } = changes;
    await recordEvent(trx, {
      streetId: node.street_id,
      entityType: 'area',
      entityId: id,
      type: 'area.updated',
      actorUserId: actor.userId,
      data: { ...logged, boundaryChanged: boundary !== undefined },
    });
  });
}

function checkMove(node: repo.AreaRow, target: repo.AreaRow) {
  if (target.level !== parentLevelOf(node.level)) {
    throw badRequest(
      'AREA_WRONG_LEVEL',
      `A ${node.level} can only move under a ${parentLevelOf(node.level) ?? 'nothing'}.`,
      'parentId',
    );
  }
  if (target.retired_at) throw badRequest('AREA_RETIRED', 'The new parent is retired.', 'parentId');
  // Every row carries its street id; moving across streets would rewrite every module's rows.
  if (node.level !== 'street' && target.street_id !== node.street_id) {
    throw badRequest('AREA_MOVE_ACROSS_STREETS', 'An area can only move within its own street.', 'parentId');
  }
}

export async function retireArea(db: Kysely<DB>, actor: Actor, id: string, reason: string) {
  await db.transaction().execute(async (trx) => {
    const node = await manageableNode(trx, actor, id);
    if (node.retired_at) throw conflict('AREA_RETIRED', 'This area is already retired.');
    if ((await repo.countActiveChildren(trx, id)) > 0) {
      throw conflict('AREA_HAS_CHILDREN', 'Retire or move the areas inside it first.');
    }
    await repo.updateNode(trx, id, { retired_at: new Date() });
    if (node.level === 'grid') await repo.bumpBoundaryVersion(trx);
    await recordEvent(trx, {
      streetId: node.street_id,
      entityType: 'area',
      entityId: id,
      type: 'area.retired',
      actorUserId: actor.userId,
      data: { reason },
    });
  });
}

/** The grid a point lies in, if the actor may see it. */
export async function gridAt(db: Kysely<DB>, locator: GridLocator, actor: Actor, lon: number, lat: number) {
  const grid = await locator.locate(db, lon, lat);
  if (!grid) throw new AppError(404, 'GRID_NOT_FOUND', 'No grid covers this point.');
  return visibleNode(db, actor, grid.id).catch(() => {
    throw new AppError(404, 'GRID_NOT_FOUND', 'No grid covers this point.');
  });
}

export async function boundariesOf(db: Kysely<DB>, actor: Actor, id: string, level: AreaLevel) {
  const node = await visibleNode(db, actor, id);
  return repo.boundariesUnder(db, node.path, level);
}
