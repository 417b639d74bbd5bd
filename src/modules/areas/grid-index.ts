import Flatbush from 'flatbush';
import type { GeoJsonPolygon } from '../../platform/db/schema.ts';
import { containsPoint, type PreparedPolygon, preparePolygon } from './point-in-polygon.ts';

export interface IndexedGrid {
  id: string;
  code: string;
  boundary: GeoJsonPolygon;
}

/**
 * Point -> grid in memory: a Flatbush R-tree over the grids' bounding boxes narrows the search,
 * then an exact point-in-polygon test decides. A point on an edge shared by two grids belongs to
 * both polygons; it is given to the grid with the smaller code so every instance answers alike.
 */
export class GridIndex {
  private constructor(
    private readonly grids: IndexedGrid[],
    private readonly shapes: PreparedPolygon[],
    private readonly tree: Flatbush | undefined,
  ) {}

  static build(grids: IndexedGrid[]): GridIndex {
    if (grids.length === 0) return new GridIndex([], [], undefined);
    const tree = new Flatbush(grids.length);
    for (const grid of grids) {
      const [minX, minY, maxX, maxY] = boundingBox(grid.boundary);
      tree.add(minX, minY, maxX, maxY);
    }
    tree.finish();
    return new GridIndex(
      grids,
      grids.map((grid) => preparePolygon(grid.boundary)),
      tree,
    );
  }

  get size(): number {
    return this.grids.length;
  }

  lookup(lon: number, lat: number): IndexedGrid | undefined {
    if (!this.tree) return undefined;
    let best: IndexedGrid | undefined;
    for (const i of this.tree.search(lon, lat, lon, lat)) {
      const grid = this.grids[i] as IndexedGrid;
      if (best && compareGrids(best, grid) <= 0) continue;
      if (containsPoint(this.shapes[i] as PreparedPolygon, lon, lat)) best = grid;
    }
    return best;
  }
}

/** Plain code-unit order: the same on every instance whatever its locale, and cheap. */
const compareGrids = (a: IndexedGrid, b: IndexedGrid) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function boundingBox(geometry: GeoJsonPolygon): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  for (const polygon of polygons) {
    for (const [x = 0, y = 0] of polygon[0] ?? []) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}
