import { describe, expect, it } from 'vitest';
import { distanceMetres, rectificationRate } from './hazard-rules.ts';

describe('hazard rules', () => {
  it('computes the rectification rate as the seeds do: 966 of 1,093 is 88.38%', () => {
    expect(((rectificationRate(1093, 966) ?? 0) * 100).toFixed(2)).toBe('88.38');
    expect(rectificationRate(0, 0)).toBeNull();
  });

  it('measures a check-in’s distance from its point in metres', () => {
    // One thousandth of a degree of latitude is about 111 m.
    expect(distanceMetres({ lon: 116.4, lat: 39.9 }, { lon: 116.4, lat: 39.901 })).toBeCloseTo(111.2, 0);
    expect(distanceMetres({ lon: 116.4, lat: 39.9 }, { lon: 116.4, lat: 39.9 })).toBe(0);
  });
});
