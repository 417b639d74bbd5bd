import type { Place } from '../types.ts';
import type { ReportBody } from './submit-report.ts';

/** Where a report is: the phone's position, a compound or building from the list, or (staff) a whole grid. */
export type PickedPlace =
  | { kind: 'point'; lon: number; lat: number; accuracy: number }
  | Place
  | { kind: 'grid'; id: string; name: string };

export const placeKey = (place: PickedPlace) => (place.kind === 'point' ? 'point' : `${place.kind}:${place.id}`);

/** The body fields for a place: a building by id (its grid follows), an estate by its point and name. */
export function placeFields(place: PickedPlace): Pick<ReportBody, 'lon' | 'lat' | 'buildingId' | 'gridId' | 'address'> {
  switch (place.kind) {
    case 'point':
      return { lon: place.lon, lat: place.lat };
    case 'grid':
      return { gridId: place.id };
    case 'building':
      return { buildingId: place.id };
    case 'estate':
      return place.lon !== null && place.lat !== null ? { lon: place.lon, lat: place.lat, address: place.name } : {};
  }
}
