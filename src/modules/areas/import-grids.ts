import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB, GeoJsonPolygon } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { type Actor, can } from '../access/access.policy.ts';
import { requirePermission } from '../access/authorize.ts';
import * as repo from './areas.repository.ts';
import {
  BoundaryError,
  checkNoOverlap,
  type GridFeature,
  parseGridFeatures,
  type SiblingBoundary,
} from './geojson-validation.ts';

export interface ImportedGrid {
  index: number;
  id: string;
  code: string;
  action: 'created' | 'updated';
}

const rejectFeature = (index: number, reason: string) =>
  badRequest('GEOJSON_INVALID', `Feature ${index} ${reason}. Nothing was imported.`, `features.${index}`);

/**
 * Creates or updates grids from a FeatureCollection, all or nothing: a grid whose code already
 * exists under the same community is updated, any other is created.
 */
export async function importGrids(db: Kysely<DB>, actor: Actor, input: unknown, dryRun: boolean): Promise<ImportedGrid[]> {
  requirePermission(actor, 'areas.manage');
  let features: GridFeature[];
  try {
    features = parseGridFeatures(input);
  } catch (error) {
    if (!(error instanceof BoundaryError)) throw error;
    if (error.featureIndex === undefined) throw badRequest('GEOJSON_INVALID', `${error.message}. Nothing was imported.`);
    throw rejectFeature(error.featureIndex, error.message);
  }
  const plan: ImportedGrid[] = [];
  await db.transaction().execute(async (trx) => {
    const parents = await resolveParents(trx, actor, features);
    const workers = await resolveWorkers(trx, features);
    for (const [parentId, group] of groupBy(features, (f) => parents.get(f.parent)?.id as string)) {
      const existing = await repo.activeGridBoundaries(trx, parentId);
      const byCode = new Map(existing.map((grid) => [grid.code, grid]));
      const inFile = new Set(group.map((f) => f.code));
      const placed: SiblingBoundary[] = existing
        .filter((grid) => !inFile.has(grid.code))
        .map((grid) => ({ label: `existing grid ${grid.code}`, boundary: grid.boundary as GeoJsonPolygon }));
      for (const f of group) {
        try {
          checkNoOverlap({ label: f.code, boundary: f.boundary }, placed);
        } catch (error) {
          if (error instanceof BoundaryError) throw rejectFeature(f.index, error.message);
          throw error;
        }
        placed.push({ label: `feature ${f.index} (${f.code})`, boundary: f.boundary });
        const current = byCode.get(f.code);
        plan.push({ index: f.index, id: current?.id ?? randomUUID(), code: f.code, action: current ? 'updated' : 'created' });
      }
    }
    if (dryRun) return;
    const byIndex = new Map(features.map((f) => [f.index, f]));
    for (const grid of plan) {
      const f = byIndex.get(grid.index) as GridFeature;
      const parent = parents.get(f.parent) as { id: string; path: string; street_id: string | null };
      const responsible = f.worker ? (workers.get(f.worker) ?? null) : undefined;
      if (grid.action === 'created') {
        await repo.insertNode(trx, {
          id: grid.id,
          parentPath: parent.path,
          parent_id: parent.id,
          street_id: parent.street_id,
          level: 'grid',
          name: f.name,
          code: f.code,
          boundary: JSON.stringify(f.boundary),
          responsible_user_id: responsible ?? null,
        });
      } else {
        await repo.updateNode(trx, grid.id, {
          name: f.name,
          boundary: f.boundary,
          ...(responsible !== undefined ? { responsible_user_id: responsible } : {}),
        });
      }
      await recordEvent(trx, {
        streetId: parent.street_id,
        entityType: 'area',
        entityId: grid.id,
        type: grid.action === 'created' ? 'area.created' : 'area.updated',
        actorUserId: actor.userId,
        data: { source: 'geojson_import', code: f.code, name: f.name, boundaryChanged: true },
      });
    }
    await repo.bumpBoundaryVersion(trx);
  });
  return plan;
}

async function resolveParents(trx: Kysely<DB>, actor: Actor, features: GridFeature[]) {
  const keys = [...new Set(features.map((f) => f.parent))];
  const candidates = (await repo.findNodesByCodeOrId(trx, 'community', keys)).filter((c) => can(actor, 'areas.manage', c.path));
  const parents = new Map<string, (typeof candidates)[number]>();
  for (const key of keys) {
    const matches = candidates.filter((c) => c.id === key || c.code === key);
    const index = features.find((f) => f.parent === key)?.index as number;
    if (matches.length === 0) throw rejectFeature(index, `names parent "${key}", which is no community you manage`);
    if (matches.length > 1) throw rejectFeature(index, `names parent "${key}", which matches several communities: use its id`);
    parents.set(key, matches[0] as (typeof candidates)[number]);
  }
  return parents;
}

async function resolveWorkers(trx: Kysely<DB>, features: GridFeature[]) {
  const usernames = [...new Set(features.flatMap((f) => (f.worker ? [f.worker] : [])))];
  const found = new Map((await repo.findUserIdsByUsername(trx, usernames)).map((u) => [u.username, u.id]));
  const missing = features.find((f) => f.worker && !found.has(f.worker));
  if (missing) throw rejectFeature(missing.index, `names worker "${missing.worker}", who has no account`);
  return found;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
