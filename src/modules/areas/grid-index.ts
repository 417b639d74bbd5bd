import type { GeoJsonPolygon } from '../../platform/db/schema.ts';
import { containsPoint, type PreparedPolygon, preparePolygon } from './point-in-polygon.ts';

export interface IndexedGrid {
  id: string;
  code: string;
  boundary: GeoJsonPolygon;
}

/** About this many cells per grid: a cell then holds the one or two grids it falls in and a few neighbours. */
const CELLS_PER_GRID = 2;

/**
 * Point -> grid in memory. The grids' bounding boxes are filed into a uniform mesh of cells over
 * the whole area, so a point finds its few candidates by arithmetic, with nothing allocated; an
 * exact point-in-polygon test then decides. A point on an edge shared by two grids belongs to both
 * polygons; it is given to the grid with the smaller code so every instance answers alike.
 */
export class GridIndex {
  private constructor(
    private readonly grids: IndexedGrid[],
    private readonly shapes: PreparedPolygon[],
    /** minX, minY, maxX, maxY of each grid, four numbers a grid. */
    private readonly boxes: Float64Array,
    private readonly mesh: Mesh | undefined,
  ) {}

  static build(grids: IndexedGrid[]): GridIndex {
    const boxes = new Float64Array(grids.length * 4);
    for (const [i, grid] of grids.entries()) boxes.set(boundingBox(grid.boundary), i * 4);
    return new GridIndex(
      grids,
      grids.map((grid) => preparePolygon(grid.boundary)),
      boxes,
      grids.length === 0 ? undefined : Mesh.over(boxes),
    );
  }

  get size(): number {
    return this.grids.length;
  }

  lookup(lon: number, lat: number): IndexedGrid | undefined {
    const cell = this.mesh?.cellOf(lon, lat);
    if (cell === undefined || !this.mesh) return undefined;
    const { starts, items } = this.mesh;
    const { boxes } = this;
    let best: IndexedGrid | undefined;
    for (let k = starts[cell] as number, end = starts[cell + 1] as number; k < end; k++) {
      const i = items[k] as number;
      const b = i * 4;
      if (
        lon < (boxes[b] as number) ||
        lat < (boxes[b + 1] as number) ||
        lon > (boxes[b + 2] as number) ||
        lat > (boxes[b + 3] as number)
      )
        continue;
      const grid = this.grids[i] as IndexedGrid;
      if (best && compareGrids(best, grid) <= 0) continue;
      if (containsPoint(this.shapes[i] as PreparedPolygon, lon, lat)) best = grid;
    }
    return best;
  }
}

/** A uniform mesh of cells over all boxes, each cell listing the boxes that touch it (edges included). */
class Mesh {
  private constructor(
    private readonly minX: number,
    private readonly minY: number,
    private readonly maxX: number,
    private readonly maxY: number,
    private readonly nx: number,
    private readonly ny: number,
    /** Cell c lists items[starts[c]] .. items[starts[c + 1] - 1]. */
    readonly starts: Int32Array,
    readonly items: Int32Array,
  ) {}

  static over(boxes: Float64Array): Mesh {
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let b = 0; b < boxes.length; b += 4) {
      minX = Math.min(minX, boxes[b] as number);
      minY = Math.min(minY, boxes[b + 1] as number);
      maxX = Math.max(maxX, boxes[b + 2] as number);
      maxY = Math.max(maxY, boxes[b + 3] as number);
    }
    const count = boxes.length / 4;
    const width = maxX - minX || 1;
    const height = maxY - minY || 1;
    const nx = Math.max(1, Math.round(Math.sqrt((count * CELLS_PER_GRID * width) / height)));
    const ny = Math.max(1, Math.ceil((count * CELLS_PER_GRID) / nx));
    const mesh = new Mesh(minX, minY, maxX, maxY, nx, ny, new Int32Array(nx * ny + 1), new Int32Array(0));
    // Two passes: count each cell's boxes, then file them, so the lists sit in two flat arrays.
    const counts = new Int32Array(nx * ny);
    mesh.eachCellOf(boxes, (cell) => {
      counts[cell] = (counts[cell] as number) + 1;
    });
    for (let c = 0; c < counts.length; c++) mesh.starts[c + 1] = (mesh.starts[c] as number) + (counts[c] as number);
    const items = new Int32Array(mesh.starts[nx * ny] as number);
    const filled = mesh.starts.slice(0, nx * ny);
    mesh.eachCellOf(boxes, (cell, i) => {
      const at = filled[cell] as number;
      items[at] = i;
      filled[cell] = at + 1;
    });
    return new Mesh(minX, minY, maxX, maxY, nx, ny, mesh.starts, items);
  }

  /** The cell a point falls in, or undefined outside every box. */
  cellOf(x: number, y: number): number | undefined {
    if (!(x >= this.minX && x <= this.maxX && y >= this.minY && y <= this.maxY)) return undefined;
    return this.row(y) * this.nx + this.column(x);
  }

  private column(x: number): number {
    return Math.min(this.nx - 1, Math.floor(((x - this.minX) / (this.maxX - this.minX || 1)) * this.nx));
  }

  private row(y: number): number {
    return Math.min(this.ny - 1, Math.floor(((y - this.minY) / (this.maxY - this.minY || 1)) * this.ny));
  }

  /** Every (cell, box) pair where the box touches the cell, the cells found as a point's would be. */
  private eachCellOf(boxes: Float64Array, visit: (cell: number, box: number) => void) {
    for (let i = 0, b = 0; b < boxes.length; i++, b += 4) {
      const [x0, x1] = [this.column(boxes[b] as number), this.column(boxes[b + 2] as number)];
      const [y0, y1] = [this.row(boxes[b + 1] as number), this.row(boxes[b + 3] as number)];
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) visit(y * this.nx + x, i);
    }
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
