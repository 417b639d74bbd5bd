import type { GeoJsonPolygon } from '../../platform/db/schema.ts';

/**
 * A polygon prepared for many point tests: each ring's coordinates in one flat Float64Array.
 * Intake asks this for every report; turf's general test spent most of a lookup on unpacking
 * GeoJSON, so the rings are unpacked once when the index is built.
 */
export type PreparedPolygon = Float64Array[][];

export function preparePolygon(geometry: GeoJsonPolygon): PreparedPolygon {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  return polygons.map((rings) => rings.map((ring) => Float64Array.from(ring.flatMap(([x = 0, y = 0]) => [x, y]))));
}

type Side = 'inside' | 'outside' | 'edge';

/** Even-odd crossing test of one closed ring, with a point lying exactly on an edge reported as such. */
function sideOfRing(ring: Float64Array, x: number, y: number): Side {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
    const xi = ring[i] as number;
    const yi = ring[i + 1] as number;
    const xj = ring[j] as number;
    const yj = ring[j + 1] as number;
    if (
      (xj - xi) * (y - yi) === (yj - yi) * (x - xi) &&
      x >= Math.min(xi, xj) &&
      x <= Math.max(xi, xj) &&
      y >= Math.min(yi, yj) &&
      y <= Math.max(yi, yj)
    )
      return 'edge';
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

/** Whether a point lies in the polygon or on its boundary (a point on a shared edge belongs to both grids). */
export function containsPoint(polygon: PreparedPolygon, x: number, y: number): boolean {
  for (const [outer, ...holes] of polygon) {
    if (!outer) continue;
    const side = sideOfRing(outer, x, y);
    if (side === 'edge') return true;
    if (side === 'outside') continue;
    let inHole = false;
    for (const hole of holes) {
      const holeSide = sideOfRing(hole, x, y);
      if (holeSide === 'edge') return true;
      if (holeSide === 'inside') inHole = true;
    }
    if (!inHole) return true;
  }
  return false;
}
