import { describe, expect, it } from 'vitest';
import { placeFields, placeKey } from './place.ts';

const estate = {
  kind: 'estate' as const,
  id: '0f026ec8-36f4-4089-86ce-d1ee646eaa3a',
  name: '书香公寓',
  estateName: '书香公寓',
  communityName: '石井社区',
  lon: 120.2475,
  lat: 29.7026,
};

describe('the place a report names', () => {
  it('is a building by id, so the server takes its grid and position from the building', () => {
    expect(placeFields({ ...estate, kind: 'building', id: 'b1', name: '书香公寓41栋' })).toEqual({ buildingId: 'b1' });
  });

  it('is an estate by the point inside it and its name as the address', () => {
    expect(placeFields(estate)).toEqual({ lon: 120.2475, lat: 29.7026, address: '书香公寓' });
  });

  it('is the phone’s position, or for staff a whole grid', () => {
    expect(placeFields({ kind: 'point', lon: 120.1, lat: 29.7, accuracy: 12 })).toEqual({ lon: 120.1, lat: 29.7 });
    expect(placeFields({ kind: 'grid', id: 'g1', name: '北苑第1网格' })).toEqual({ gridId: 'g1' });
  });

  it('keeps a building and an estate with the same id apart in a list', () => {
    expect(placeKey(estate)).not.toBe(placeKey({ ...estate, kind: 'building' }));
  });
});
