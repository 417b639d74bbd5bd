/**
 * A city of streets side by side: each street is the demo street's plan (street-plan.ts) with its
 * own seed and community layout, moved to its own block of the map and hung under one district.
 * Streets' accounts carry the street's number (`s007.grid`), one administrator serves them all.
 */
import { randomUUID } from 'node:crypto';
import { boxPolygon } from '../../src/demo/geometry.ts';
import { ESTATE_STEMS } from '../../src/demo/names.ts';
import { Random } from '../../src/demo/random.ts';
import { planUsers } from '../../src/demo/seed-demo.ts';
import { type DemoScale, FULL_SCALE, type PlanNode, planStreet, type StreetPlan } from '../../src/demo/street-plan.ts';
import type { GeoJsonPolygon } from '../../src/platform/db/schema.ts';

export type CityUser = ReturnType<typeof planUsers>[number];

export interface CityLayout {
  streets: number;
  columns: number;
  /** The south-west corner of the city and the size of one street's block, in degrees. */
  west: number;
  south: number;
  width: number;
  height: number;
}

/** Where the demo street lies (street-plan.ts): every street of the city is moved from here to its block. */
const DEMO_BOX = { west: 120.23, south: 29.7, width: 0.032, height: 0.024 };
const DIRECTIONS = ['', '东', '西', '南', '北'];

export function cityLayout(streets: number): CityLayout {
  return { streets, columns: Math.ceil(Math.sqrt(streets)), ...DEMO_BOX };
}

/** The district every street hangs under, its boundary the whole city. */
export function planDistrict(layout: CityLayout): PlanNode {
  const rows = Math.ceil(layout.streets / layout.columns);
  const id = randomUUID();
  const box = {
    west: layout.west,
    south: layout.south,
    east: round(layout.west + layout.columns * layout.width),
    north: round(layout.south + rows * layout.height),
  };
  return {
    id,
    parent_id: null,
    street_id: null,
    level: 'district',
    name: '越州区',
    code: 'YZ',
    path: `/${id}/`,
    boundary: boxPolygon(box),
    lon: null,
    lat: null,
    estate_id: null,
    floor_area_m2: null,
  };
}

/** Five to eight communities of two to four rows and three to five columns of grids: about 80 grids a street. */
export function streetScale(random: Random): DemoScale {
  const communities = random.int(5, 8);
  return {
    ...FULL_SCALE,
    communityLayouts: Array.from({ length: communities }, () => [random.int(2, 4), random.int(3, 5)] as [number, number]),
    cases: 0,
  };
}

export const streetCode = (index: number) => `S${String(index + 1).padStart(3, '0')}`;
export const streetName = (index: number) =>
  `${ESTATE_STEMS[index % ESTATE_STEMS.length]}${DIRECTIONS[Math.floor(index / ESTATE_STEMS.length) % DIRECTIONS.length]}街道`;
/** The prefix of a street's accounts: `s001.grid`, `s001.gw_c01g02`. */
export const accountPrefix = (index: number) => `${streetCode(index).toLowerCase()}.`;

export interface CityStreet {
  index: number;
  plan: StreetPlan;
  /** The street's accounts, the district administrator (`admin`, shared by every street) first. */
  users: CityUser[];
}

/** One street of the city: planned as the demo street, moved to its block, its accounts renamed. */
export function planCityStreet(district: PlanNode, admin: CityUser, layout: CityLayout, index: number, seed: number): CityStreet {
  const scale = streetScale(new Random(seed));
  const plan = planStreet(scale, seed);
  const dx = (index % layout.columns) * layout.width + layout.west - DEMO_BOX.west;
  const dy = Math.floor(index / layout.columns) * layout.height + layout.south - DEMO_BOX.south;
  const demoDistrict = plan.district;
  const nodes = plan.nodes.filter((node) => node !== demoDistrict);
  for (const node of nodes) {
    node.path = node.path.replace(demoDistrict.path, district.path);
    if (node.parent_id === demoDistrict.id) node.parent_id = district.id;
    if (node.boundary) node.boundary = moved(node.boundary, dx, dy);
    if (node.lon !== null) node.lon = round(node.lon + dx);
    if (node.lat !== null) node.lat = round(node.lat + dy);
  }
  plan.street.name = streetName(index);
  plan.street.code = streetCode(index);
  const placed: StreetPlan = { ...plan, district, nodes };
  const prefix = accountPrefix(index);
  const users = planUsers(placed)
    .filter((user) => user.role !== 'admin')
    .map((user) => ({ ...user, username: `${prefix}${user.username}` }));
  return { index, plan: placed, users: [admin, ...users] };
}

/** The district administrator: `admin`, as in the demo street. */
export function planAdmin(district: PlanNode): CityUser {
  return {
    id: randomUUID(),
    username: 'admin',
    displayName: '系统管理员',
    role: 'admin',
    nodeId: district.id,
    where: district.name,
  };
}

/** How many of `total` cases each street gets: in proportion to its weight, summing to the total exactly. */
export function shareOut(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

const round = (x: number) => Number(x.toFixed(6));

function moved(geometry: GeoJsonPolygon, dx: number, dy: number): GeoJsonPolygon {
  const move = (ring: number[][]) => ring.map(([x = 0, y = 0]) => [round(x + dx), round(y + dy)]);
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: (geometry.coordinates as number[][][]).map(move) };
  return { type: 'MultiPolygon', coordinates: (geometry.coordinates as number[][][][]).map((polygon) => polygon.map(move)) };
}
