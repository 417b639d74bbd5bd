import area from '@turf/area';
import { feature, featureCollection } from '@turf/helpers';
import intersect from '@turf/intersect';
import kinks from '@turf/kinks';
import type { GeoJsonPolygon } from '../../platform/db/schema.ts';
import { boundingBox } from './grid-index.ts';

/**
 * Rules for grid boundaries, pure. Sibling grids may touch along shared edges; an overlap is
 * tolerated only up to OVERLAP_TOLERANCE_RATIO of the smaller grid's area (digitising slivers),
 * and never more than OVERLAP_TOLERANCE_MAX_M2.
 */
export const OVERLAP_TOLERANCE_RATIO = 0.001;
export const OVERLAP_TOLERANCE_MAX_M2 = 50;

export class BoundaryError extends Error {
  constructor(
    message: string,
    readonly featureIndex?: number,
  ) {
    super(message);
  }
}

function checkRing(ring: unknown, where: string): void {
  if (!Array.isArray(ring) || ring.length < 4) throw new BoundaryError(`${where} needs at least 4 positions`);
  for (const position of ring) {
    if (!Array.isArray(position) || position.length < 2)
      throw new BoundaryError(`${where} has a position that is not [lon, lat]`);
    const [lon, lat] = position as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw new BoundaryError(`${where} has a position that is not two numbers`);
    }
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
      throw new BoundaryError(`${where} has a position outside lon/lat range`);
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1])
    throw new BoundaryError(`${where} is not closed (first and last positions differ)`);
}

/** Checks a Polygon or MultiPolygon: closed rings, real coordinates, no self-intersection, an area. */
export function checkBoundary(geometry: unknown): GeoJsonPolygon {
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
    throw new BoundaryError('geometry must be a Polygon or MultiPolygon');
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) throw new BoundaryError('geometry has no coordinates');
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
  polygons.forEach((polygon, p) => {
    if (!Array.isArray(polygon) || polygon.length === 0) throw new BoundaryError(`polygon ${p} has no rings`);
    polygon.forEach((ring, r) => {
      checkRing(ring, `polygon ${p} ring ${r}`);
    });
  });
  const boundary = { type: g.type, coordinates: g.coordinates } as GeoJsonPolygon;
  if (kinks(feature(boundary as never) as never).features.length > 0) throw new BoundaryError('boundary crosses itself');
  if (area(boundary as never) < 1) throw new BoundaryError('boundary encloses no area');
  return boundary;
}

export interface SiblingBoundary {
  label: string;
  boundary: GeoJsonPolygon;
}

/** The area (m²) two boundaries share. */
export function sharedArea(a: GeoJsonPolygon, b: GeoJsonPolygon): number {
  const [aMinX, aMinY, aMaxX, aMaxY] = boundingBox(a);
  const [bMinX, bMinY, bMaxX, bMaxY] = boundingBox(b);
  if (aMaxX < bMinX || bMaxX < aMinX || aMaxY < bMinY || bMaxY < aMinY) return 0;
  const overlap = intersect(featureCollection([feature(a as never), feature(b as never)]) as never);
  return overlap ? area(overlap) : 0;
}

/** Throws when a boundary overlaps any sibling beyond the tolerance. */
export function checkNoOverlap(candidate: SiblingBoundary, siblings: SiblingBoundary[]): void {
  const candidateArea = area(candidate.boundary as never);
  for (const sibling of siblings) {
    const shared = sharedArea(candidate.boundary, sibling.boundary);
    if (shared === 0) continue;
    const smaller = Math.min(candidateArea, area(sibling.boundary as never));
    const tolerance = Math.min(OVERLAP_TOLERANCE_MAX_M2, smaller * OVERLAP_TOLERANCE_RATIO);
    if (shared > tolerance) {
      throw new BoundaryError(`overlaps ${sibling.label} by ${Math.round(shared)} m² (tolerance ${tolerance.toFixed(1)} m²)`);
    }
  }
}

export interface GridFeature {
  index: number;
  parent: string;
  code: string;
  name: string;
  worker: string | undefined;
  boundary: GeoJsonPolygon;
}

const text = (value: unknown, max: number) =>
  typeof value === 'string' && value.trim().length > 0 && value.trim().length <= max ? value.trim() : undefined;

/** Reads a FeatureCollection of grids; the first bad feature rejects the whole file. */
export function parseGridFeatures(input: unknown): GridFeature[] {
  const collection = input as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new BoundaryError('the file must be a GeoJSON FeatureCollection');
  }
  if (collection.features.length === 0) throw new BoundaryError('the FeatureCollection has no features');
  const seen = new Set<string>();
  return collection.features.map((raw, index) => {
    try {
      const f = raw as { type?: unknown; properties?: Record<string, unknown> | null; geometry?: unknown };
      if (f?.type !== 'Feature') throw new BoundaryError('is not a Feature');
      const props = f.properties ?? {};
      const parent = text(props.parent, 100);
      if (!parent) throw new BoundaryError('does not name its parent (properties.parent: the community code or id)');
      const code = text(props.code, 40);
      if (!code) throw new BoundaryError('has no properties.code');
      const name = text(props.name, 100);
      if (!name) throw new BoundaryError('has no properties.name');
      const key = `${parent}\u0000${code}`;
      if (seen.has(key)) throw new BoundaryError(`repeats code ${code} under the same parent`);
      seen.add(key);
      return { index, parent, code, name, worker: text(props.worker, 40), boundary: checkBoundary(f.geometry) };
    } catch (error) {
      if (error instanceof BoundaryError) throw new BoundaryError(error.message, index);
      throw error;
    }
  });
}
