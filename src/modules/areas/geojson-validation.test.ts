import { describe, expect, it } from 'vitest';
import { BoundaryError, checkBoundary, checkNoOverlap, parseGridFeatures } from './geojson-validation.ts';

const ring = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
const polygon = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon' as const, coordinates: [ring(w, s, e, n)] });
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });

function reason(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof BoundaryError) return `${error.featureIndex ?? '-'}: ${error.message}`;
    throw error;
  }
  return 'accepted';
}

describe('grid boundary rules', () => {
  it('accepts a closed, simple polygon', () => {
    expect(reason(() => checkBoundary(polygon(120.23, 29.7, 120.24, 29.71)))).toBe('accepted');
  });

  it('refuses an unclosed ring, a ring of three points, a bow tie, and coordinates off the globe', () => {
    expect(reason(() => checkBoundary({ type: 'Polygon', coordinates: [ring(0, 0, 1, 1).slice(0, 4)] }))).toMatch(/not closed/);
    expect(
      reason(() =>
        checkBoundary({
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [0, 0],
            ],
          ],
        }),
      ),
    ).toMatch(/at least 4/);
    expect(
      reason(() =>
        checkBoundary({
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 1],
              [1, 0],
              [0, 1],
              [0, 0],
            ],
          ],
        }),
      ),
    ).toMatch(/crosses itself/);
    expect(reason(() => checkBoundary(polygon(170, 0, 190, 1)))).toMatch(/outside/);
    expect(reason(() => checkBoundary({ type: 'Point', coordinates: [0, 0] }))).toMatch(/Polygon/);
  });

  it('lets neighbours share an edge but not overlap beyond the tolerance', () => {
    const a = polygon(120.23, 29.7, 120.24, 29.71);
    const touching = polygon(120.24, 29.7, 120.25, 29.71);
    const overlapping = polygon(120.235, 29.7, 120.245, 29.71);
    expect(reason(() => checkNoOverlap({ label: 'new', boundary: touching }, [{ label: 'a', boundary: a }]))).toBe('accepted');
    expect(reason(() => checkNoOverlap({ label: 'new', boundary: overlapping }, [{ label: 'a', boundary: a }]))).toMatch(
      /overlaps a by/,
    );
  });

  it('tolerates a digitising sliver of a few square metres', () => {
    const a = polygon(120.23, 29.7, 120.24, 29.71);
    const sliver = polygon(120.23999, 29.7, 120.25, 29.70001); // about 1 m x 1 m inside a
    expect(reason(() => checkNoOverlap({ label: 'new', boundary: sliver }, [{ label: 'a', boundary: a }]))).toBe('accepted');
  });
});

describe('reading a grid FeatureCollection', () => {
  const good = feature({ parent: 'C01', code: 'G1', name: '一网格' }, polygon(0, 0, 0.01, 0.01));

  it('reads every feature with its parent, code, name and worker', () => {
    const [grid] = parseGridFeatures({
      type: 'FeatureCollection',
      features: [{ ...good, properties: { ...good.properties, worker: 'grid' } }],
    });
    expect(grid).toMatchObject({ index: 0, parent: 'C01', code: 'G1', name: '一网格', worker: 'grid' });
  });

  it('names the index and reason of the first bad feature', () => {
    const orphan = feature({ code: 'G2', name: '二网格' }, polygon(0.01, 0, 0.02, 0.01));
    expect(reason(() => parseGridFeatures({ type: 'FeatureCollection', features: [good, orphan] }))).toMatch(
      /^1: does not name its parent/,
    );
    expect(reason(() => parseGridFeatures({ type: 'FeatureCollection', features: [good, good] }))).toMatch(/^1: repeats code G1/);
    expect(reason(() => parseGridFeatures({ type: 'FeatureCollection', features: [] }))).toMatch(/no features/);
    expect(reason(() => parseGridFeatures({ type: 'Feature' }))).toMatch(/FeatureCollection/);
  });
});
