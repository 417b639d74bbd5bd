import { describe, expect, it } from 'vitest';
import type { Boundaries } from './geo-types.ts';
import { aspectOf, mapOption } from './map-option.ts';

const boundaries = (lat: number): Boundaries => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'a',
      properties: { id: 'a', name: 'A', code: 'A', level: 'grid', parentId: null, responsibleUserId: null },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [120, lat],
            [120.1, lat],
            [120.1, lat],
            [120, lat],
          ],
        ],
      },
    },
  ],
});

describe('the map option', () => {
  it('draws a degree of longitude as cos(latitude) of a degree of latitude', () => {
    expect(aspectOf(boundaries(60))).toBeCloseTo(0.5);
    expect(aspectOf(boundaries(0))).toBeCloseTo(1);
  });

  it('colours areas by value on a scale from zero to the largest value', () => {
    const option = mapOption({
      mapName: 'm',
      areas: [
        { id: 'a', name: 'A', value: 3, tooltip: [] },
        { id: 'b', name: 'B', value: 7, tooltip: [] },
      ],
      scale: { colors: ['#fff', '#f00'], labels: ['More', 'Fewer'] },
    }) as { visualMap: { min: number; max: number }; series: { data: unknown[] }[] };
    expect(option.visualMap).toMatchObject({ min: 0, max: 7 });
    expect(option.series[0]?.data).toEqual([
      { name: 'a', value: 3 },
      { name: 'b', value: 7 },
    ]);
  });

  it('gives case points their deadline colour', () => {
    const option = mapOption({
      mapName: 'm',
      areas: [],
      points: [{ id: 'c', number: '1', title: 't', lon: 120, lat: 30, status: 'overdue', tooltip: [] }],
    }) as { series: { data: { itemStyle: { color: string } }[] }[] };
    expect(option.series[1]?.data[0]?.itemStyle.color).toBe('#f5222d');
  });
});
