/**
 * Hazards as data: levels and their rectification deadlines, the parties an order goes to, the
 * rectification rate, and how far a check-in was from its point. Pure.
 */
export const HAZARD_LEVELS = ['general', 'major'] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];

export const PARTY_KINDS = ['property', 'shop', 'owner', 'department', 'other'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/**
 * Working days to rectify, by level. A general hazard (an e-bike charged from a flying line, a
 * blocked corridor) is to be put right within the grid's usual five days; a major one (a gas
 * leak, a fire door welded shut) is made safe at once and rectified within two working days, and
 * the case is raised to urgent.
 */
export const RECTIFICATION_WORKING_DAYS: Record<HazardLevel, number> = { general: 5, major: 2 };
export const PRIORITY_OF_LEVEL: Record<HazardLevel, 'high' | 'urgent'> = { general: 'high', major: 'urgent' };

/** A check-in further than this from its point is shown to staff as far away. */
export const FAR_CHECKIN_METRES = 200;

/** Rectified / found, or null when nothing was found (a rate of nothing is not 0%). */
export function rectificationRate(found: number, rectified: number): number | null {
  return found === 0 ? null : rectified / found;
}

const EARTH_RADIUS_M = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine): plenty for the few hundred metres of a compound. */
export function distanceMetres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
