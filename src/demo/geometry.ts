import type { GeoJsonPolygon } from '../platform/db/schema.ts';
import type { Random } from './random.ts';

export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * Splits a box into rows x cols cells that tile it exactly. Interior lattice corners and the
 * midpoints of interior edges are nudged at random, so cells look like hand-drawn grids; a
 * nudged point is shared by every cell that touches it, so neighbours never overlap or gap.
 */
export function tileBox(
  box: Box,
  rows: number,
  cols: number,
  random: Random,
): { row: number; col: number; polygon: GeoJsonPolygon; inner: Box }[] {
  const cellW = (box.east - box.west) / cols;
  const cellH = (box.north - box.south) / rows;
  const nudge = (interior: boolean, size: number) => (interior ? random.between(-0.18, 0.18) * size : 0);
  const corner: [number, number][][] = [];
  for (let r = 0; r <= rows; r++) {
    corner[r] = [];
    for (let c = 0; c <= cols; c++) {
      const interiorX = c > 0 && c < cols;
      const interiorY = r > 0 && r < rows;
      (corner[r] as [number, number][])[c] = [
        box.west + c * cellW + nudge(interiorX && interiorY, cellW),
        box.south + r * cellH + nudge(interiorX && interiorY, cellH),
      ];
    }
  }
  const at = (r: number, c: number) => (corner[r] as [number, number][])[c] as [number, number];
  const horizontalMid = new Map<string, [number, number]>();
  const verticalMid = new Map<string, [number, number]>();
  const midpoint = (a: [number, number], b: [number, number], interior: boolean, horizontal: boolean): [number, number] => [
    (a[0] + b[0]) / 2 + (horizontal ? 0 : nudge(interior, cellW * 0.6)),
    (a[1] + b[1]) / 2 + (horizontal ? nudge(interior, cellH * 0.6) : 0),
  ];
  // Edge r between rows (horizontal line r), column c
  const hMid = (r: number, c: number) => {
    const key = `${r}:${c}`;
    if (!horizontalMid.has(key)) horizontalMid.set(key, midpoint(at(r, c), at(r, c + 1), r > 0 && r < rows, true));
    return horizontalMid.get(key) as [number, number];
  };
  const vMid = (r: number, c: number) => {
    const key = `${r}:${c}`;
    if (!verticalMid.has(key)) verticalMid.set(key, midpoint(at(r, c), at(r + 1, c), c > 0 && c < cols, false));
    return verticalMid.get(key) as [number, number];
  };
  const round = ([x, y]: [number, number]): [number, number] => [Number(x.toFixed(6)), Number(y.toFixed(6))];
  const cells = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      // counter-clockwise: south-west, south edge, south-east, east edge, north-east, north edge, north-west, west edge
      const ring = [
        at(r, c),
        hMid(r, c),
        at(r, c + 1),
        vMid(r, c + 1),
        at(r + 1, c + 1),
        hMid(r + 1, c),
        at(r + 1, c),
        vMid(r, c),
        at(r, c),
      ].map(round);
      const west = box.west + c * cellW;
      const south = box.south + r * cellH;
      cells.push({
        row: r,
        col: c,
        polygon: { type: 'Polygon', coordinates: [ring] } as GeoJsonPolygon,
        // A box well inside the cell, whatever the nudges: buildings are placed here.
        inner: { west: west + 0.3 * cellW, south: south + 0.3 * cellH, east: west + 0.7 * cellW, north: south + 0.7 * cellH },
      });
    }
  }
  return cells;
}

export function boxPolygon(box: Box): GeoJsonPolygon {
  const { west, south, east, north } = box;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}
