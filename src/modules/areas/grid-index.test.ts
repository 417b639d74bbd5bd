import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import type { GeoJsonPolygon } from '../../platform/db/schema.ts';
import { GridIndex } from './grid-index.ts';
import { containsPoint, preparePolygon } from './point-in-polygon.ts';

const square = (west: number, south: number, size = 1): GeoJsonPolygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

const lShape: GeoJsonPolygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 1],
      [2, 1],
      [2, 1.5],
      [0.5, 1.5],
      [0.5, 3],
      [0, 3],
      [0, 1],
    ],
  ],
};

// Two grids side by side sharing the edge x = 1, and an L-shaped one whose bounding box covers a gap.
const index = GridIndex.build([
  { id: 'a', code: 'G01', boundary: square(0, 0) },
  { id: 'b', code: 'G02', boundary: square(1, 0) },
  {
    id: 'l',
    code: 'G03',
    boundary: lShape,
  },
]);

describe('point to grid lookup', () => {
  it('finds the grid a point lies inside', () => {
    expect(index.lookup(0.5, 0.5)?.id).toBe('a');
    expect(index.lookup(1.5, 0.5)?.id).toBe('b');
    expect(index.lookup(0.25, 2.5)?.id).toBe('l');
  });

  it('finds nothing outside every grid, also inside a bounding box but outside the polygon', () => {
    expect(index.lookup(5, 5)).toBeUndefined();
    expect(index.lookup(1.5, 2.5)).toBeUndefined();
  });

  it('gives a point on a shared edge to the grid with the smaller code, every time', () => {
    expect(index.lookup(1, 0.5)?.id).toBe('a');
    expect(index.lookup(0.25, 1)?.id).toBe('a');
  });

  it('answers nothing when there are no grids', () => {
    expect(GridIndex.build([]).lookup(0, 0)).toBeUndefined();
  });

  it('handles MultiPolygon grids', () => {
    const multi = GridIndex.build([
      {
        id: 'm',
        code: 'M',
        boundary: { type: 'MultiPolygon', coordinates: [square(10, 10).coordinates, square(20, 20).coordinates] as never },
      },
    ]);
    expect(multi.lookup(20.5, 20.5)?.id).toBe('m');
    expect(multi.lookup(15, 15)).toBeUndefined();
  });
});

describe('point in polygon', () => {
  const holed = GridIndex.build([
    {
      id: 'h',
      code: 'H',
      boundary: { type: 'Polygon', coordinates: [square(0, 0, 4).coordinates[0], square(1, 1, 2).coordinates[0]] as never },
    },
  ]);

  it('leaves a hole out and counts the hole edge and the outer corners as the grid', () => {
    expect(holed.lookup(0.5, 0.5)?.id).toBe('h');
    expect(holed.lookup(2, 2)).toBeUndefined();
    expect(holed.lookup(1, 2)?.id).toBe('h');
    expect(holed.lookup(4, 4)?.id).toBe('h');
    expect(holed.lookup(4.001, 4)).toBeUndefined();
  });

  it('agrees with turf on a grid of points over a concave polygon, its edges and corners included', () => {
    const shape = preparePolygon(lShape);
    let differing = 0;
    for (let x = -0.5; x <= 3.5; x += 0.0625)
      for (let y = -0.5; y <= 3.5; y += 0.0625)
        if (containsPoint(shape, x, y) !== booleanPointInPolygon([x, y], lShape as never)) differing++;
    expect(differing).toBe(0);
  });
});
