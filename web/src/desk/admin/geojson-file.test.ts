import { describe, expect, it } from 'vitest';
import { readGridFile } from './geojson-file.ts';

const square = [
  [
    [120, 30],
    [120.01, 30],
    [120.01, 30.01],
    [120, 30],
  ],
];

describe('reading an uploaded grid file for its preview', () => {
  it('keys each polygon by its position and lists every feature, drawable or not', () => {
    const read = readGridFile(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { parent: 'C01', code: 'G1', name: '第1网格' },
            geometry: { type: 'Polygon', coordinates: square },
          },
          { type: 'Feature', properties: { parent: 'C01', code: 'G2' }, geometry: { type: 'Point', coordinates: [120, 30] } },
        ],
      }),
    );
    expect(read?.rows).toEqual([
      { index: 0, id: 'feature-0', code: 'G1', name: '第1网格', parent: 'C01' },
      { index: 1, id: 'feature-1', code: 'G2', name: '', parent: 'C01' },
    ]);
    expect(read?.preview.features.map((f) => f.id)).toEqual(['feature-0']);
  });

  it('names a nameless polygon by its code', () => {
    const read = readGridFile(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ properties: { code: 'G9' }, geometry: { type: 'Polygon', coordinates: square } }],
      }),
    );
    expect(read?.preview.features[0]?.properties.name).toBe('G9');
  });

  it('refuses what is not JSON, or not a FeatureCollection', () => {
    expect(readGridFile('{not json')).toBeNull();
    expect(readGridFile(JSON.stringify({ type: 'Feature' }))).toBeNull();
  });
});
