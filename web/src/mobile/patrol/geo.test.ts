import { describe, expect, it } from 'vitest';
import { distanceMetres, newUuid } from './geo.ts';

describe('patrol positions', () => {
  it('measures about 111 m for a thousandth of a degree of latitude', () => {
    expect(distanceMetres({ lon: 120.23, lat: 29.7 }, { lon: 120.23, lat: 29.701 })).toBeCloseTo(111.2, 0);
  });

  it('makes ids the server reads as UUIDs', () => {
    expect(newUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
