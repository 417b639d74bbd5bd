import { randomUUID } from 'node:crypto';
import { idNumberCheckChar } from '../modules/residents/id-number.ts';
import type { AreaLevel, GeoJsonPolygon, OrganisationKind } from '../platform/db/schema.ts';
import { type Box, boxPolygon, tileBox } from './geometry.ts';
import {
  COMMUNITY_NAMES,
  ESTATE_STEMS,
  ESTATE_SUFFIXES,
  fakeMobile,
  PROPERTY_COMPANIES,
  personName,
  SOCIAL_ORGANISATIONS,
  STREET_DEPARTMENTS,
} from './names.ts';
import { Random } from './random.ts';

/** How big a street to make: the full demo, or a tiny one for tests. */
export interface DemoScale {
  /** rows x cols of grids in each community; the number of entries is the number of communities. */
  communityLayouts: [rows: number, cols: number][];
  buildingsPerGrid: [min: number, max: number];
  unitsPerBuilding: [min: number, max: number];
  floors: [min: number, max: number];
  /** Cases in the history of the last six months, those the demo accounts find waiting included. */
  cases: number;
  /** Patrol partners per community and days of patrol runs; none without. */
  patrols?: { partners: number; days: number };
  /** Dispute files opened in the year before now; no mediation history without. */
  disputes?: number;
}

export const FULL_SCALE: DemoScale = {
  communityLayouts: [
    [3, 4],
    [2, 5],
    [3, 4],
    [2, 6],
    [2, 7],
    [4, 3],
  ],
  buildingsPerGrid: [4, 6],
  unitsPerBuilding: [1, 3],
  floors: [6, 11],
  cases: 3000,
  patrols: { partners: 50, days: 180 },
  disputes: 240,
};

/** No mediation history: the mediation module's tests start from a street without files (mediation-history.db.test.ts seeds its own). */
export const TINY_SCALE: DemoScale = {
  communityLayouts: [
    [1, 3],
    [1, 2],
  ],
  buildingsPerGrid: [1, 2],
  unitsPerBuilding: [1, 1],
  floors: [2, 3],
  cases: 30,
  patrols: { partners: 8, days: 60 },
};

export interface PlanNode {
  id: string;
  parent_id: string | null;
  street_id: string | null;
  level: AreaLevel;
  name: string;
  code: string;
  path: string;
  boundary: GeoJsonPolygon | null;
  lon: number | null;
  lat: number | null;
  estate_id: string | null;
  floor_area_m2: number | null;
}

export interface PlanOrganisation {
  id: string;
  street_id: string;
  node_id: string;
  kind: OrganisationKind;
  name: string;
  code: string;
  contact_phone: string;
}

export interface PlanEstate {
  id: string;
  street_id: string;
  community_id: string;
  name: string;
  property_company_id: string;
}

export interface PlanResident {
  id: string;
  street_id: string;
  household_id: string;
  name: string;
  gender: 'female' | 'male';
  birth_date: string;
  phone: string | null;
  id_number: string;
  tags: string[];
  is_household_head: boolean;
}

export interface StreetPlan {
  district: PlanNode;
  street: PlanNode;
  nodes: PlanNode[];
  organisations: PlanOrganisation[];
  estates: PlanEstate[];
  residents: PlanResident[];
  communities: PlanNode[];
  grids: PlanNode[];
}

/** The street lies around Zhuji, Zhejiang, home of the original "Fengqiao experience". */
const STREET_BOX: Box = { west: 120.23, south: 29.7, east: 120.262, north: 29.724 };
const STREET_REGION_CODE = '330681';

export function planStreet(scale: DemoScale, seed = 20_261_124, today = new Date()): StreetPlan {
  const random = new Random(seed);
  const nodes: PlanNode[] = [];
  const node = (
    parent: PlanNode | null,
    fields: Partial<PlanNode> & { level: AreaLevel; name: string; code: string },
  ): PlanNode => {
    const id = randomUUID();
    const created: PlanNode = {
      id,
      parent_id: parent?.id ?? null,
      street_id: fields.level === 'street' ? id : (parent?.street_id ?? null),
      path: `${parent?.path ?? '/'}${id}/`,
      boundary: null,
      lon: null,
      lat: null,
      estate_id: null,
      floor_area_m2: null,
      ...fields,
    };
    nodes.push(created);
    return created;
  };

  const district = node(null, { level: 'district', name: '越州区', code: 'YZ', boundary: boxPolygon(STREET_BOX) });
  const street = node(district, { level: 'street', name: '枫桥街道', code: 'FQ', boundary: boxPolygon(STREET_BOX) });
  const streetId = street.id;
  const org = (kind: OrganisationKind, code: string, name: string): PlanOrganisation => ({
    id: randomUUID(),
    street_id: streetId,
    node_id: street.id,
    kind,
    name,
    code,
    contact_phone: `0575-8${String(random.int(0, 9_999_999)).padStart(7, '0')}`,
  });
  const organisations = [
    ...STREET_DEPARTMENTS.map(([code, name]) => org('street_department', code, name)),
    ...PROPERTY_COMPANIES.map(([code, name]) => org('property_company', code, name)),
    ...SOCIAL_ORGANISATIONS.map(([code, name]) => org('social_organisation', code, name)),
  ];
  const propertyCompanies = organisations.filter((o) => o.kind === 'property_company');

  const layouts = scale.communityLayouts;
  const communityCols = Math.min(3, layouts.length);
  const communityRows = Math.ceil(layouts.length / communityCols);
  const communityBoxes = splitBox(STREET_BOX, communityRows, communityCols);
  const communities: PlanNode[] = [];
  const grids: PlanNode[] = [];
  const estates: PlanEstate[] = [];
  const residents: PlanResident[] = [];
  const usedEstateNames = new Set<string>();
  const usedIdNumbers = new Set<string>();

  layouts.forEach(([rows, cols], ci) => {
    const box = communityBoxes[ci] as Box;
    const community = node(street, {
      level: 'community',
      name: COMMUNITY_NAMES[ci] ?? `第${ci + 1}社区`,
      code: `C${String(ci + 1).padStart(2, '0')}`,
      boundary: boxPolygon(box),
    });
    communities.push(community);
    let estate: PlanEstate | undefined;
    tileBox(box, rows, cols, random).forEach((gridCell, gi) => {
      // Two neighbouring grids usually share one estate (compound).
      if (gi % 2 === 0 || !estate) {
        estate = {
          id: randomUUID(),
          street_id: streetId,
          community_id: community.id,
          name: uniqueEstateName(random, usedEstateNames),
          property_company_id: random.pick(propertyCompanies).id,
        };
        estates.push(estate);
      }
      const grid = node(community, {
        level: 'grid',
        name: `${community.name.replace('社区', '')}第${gi + 1}网格`,
        code: `${community.code}G${String(gi + 1).padStart(2, '0')}`,
        boundary: gridCell.polygon,
      });
      grids.push(grid);
      const buildingCount = random.int(...scale.buildingsPerGrid);
      for (let b = 0; b < buildingCount; b++) {
        const number = gi * 10 + b + 1;
        const building = node(grid, {
          level: 'building',
          name: `${estate.name}${number}栋`,
          code: `B${number}`,
          lon: Number(random.between(gridCell.inner.west, gridCell.inner.east).toFixed(6)),
          lat: Number(random.between(gridCell.inner.south, gridCell.inner.north).toFixed(6)),
          estate_id: estate.id,
        });
        const floors = random.int(...scale.floors);
        const unitCount = random.int(...scale.unitsPerBuilding);
        for (let u = 1; u <= unitCount; u++) {
          const unit = node(building, { level: 'unit', name: `${u}单元`, code: `U${u}` });
          for (let floor = 1; floor <= floors; floor++) {
            for (let door = 1; door <= 2; door++) {
              const room = `${floor}${String(door).padStart(2, '0')}`;
              const household = node(unit, {
                level: 'household',
                name: `${room}室`,
                code: `H${room}`,
                floor_area_m2: random.int(55, 140),
              });
              residents.push(...planHousehold(random, streetId, household.id, today, usedIdNumbers));
            }
          }
        }
      }
    });
  });

  return { district, street, nodes, organisations, estates, residents, communities, grids };
}

/** Communities are straight-edged blocks: rows from the north, columns from the west. */
function splitBox(box: Box, rows: number, cols: number): Box[] {
  const width = (box.east - box.west) / cols;
  const height = (box.north - box.south) / rows;
  const boxes: Box[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const north = Number((box.north - r * height).toFixed(6));
      const west = Number((box.west + c * width).toFixed(6));
      boxes.push({ west, north, east: Number((west + width).toFixed(6)), south: Number((north - height).toFixed(6)) });
    }
  }
  return boxes;
}

function uniqueEstateName(random: Random, used: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const name = random.pick(ESTATE_STEMS) + random.pick(ESTATE_SUFFIXES);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const name = `${random.pick(ESTATE_STEMS)}${used.size + 1}期`;
  used.add(name);
  return name;
}

/** One household: 0-5 people of plausible ages, with the tags a community keeps on them. */
function planHousehold(
  random: Random,
  streetId: string,
  householdId: string,
  today: Date,
  usedIdNumbers: Set<string>,
): PlanResident[] {
  const size = random.weighted([
    [0, 6],
    [1, 14],
    [2, 30],
    [3, 28],
    [4, 15],
    [5, 7],
  ] as const);
  const year = today.getUTCFullYear();
  const people: PlanResident[] = [];
  for (let i = 0; i < size; i++) {
    const gender = random.chance(0.5) ? 'female' : 'male';
    const age =
      i < 2
        ? random.weighted([
            [random.int(25, 45), 45],
            [random.int(46, 64), 30],
            [random.int(65, 92), 25],
          ] as const)
        : random.int(1, 30);
    const birth = `${year - age}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    let first17: string;
    do first17 = `${STREET_REGION_CODE}${birth.replaceAll('-', '')}${String(random.int(0, 999)).padStart(3, '0')}`;
    while (usedIdNumbers.has(first17));
    usedIdNumbers.add(first17);
    const tags: string[] = [];
    if (age >= 60) tags.push(size === 1 && age >= 65 ? 'elderly_alone' : 'elderly');
    if (random.chance(0.015)) tags.push('disabled');
    if (gender === 'male' && age >= 40 && random.chance(0.02)) tags.push('retired_soldier');
    if (random.chance(0.01)) tags.push('in_difficulty');
    if (age >= 18 && random.chance(0.08)) tags.push('party_member');
    people.push({
      id: randomUUID(),
      street_id: streetId,
      household_id: householdId,
      name: personName(random, gender),
      gender,
      birth_date: birth,
      phone: age >= 14 && random.chance(0.92) ? fakeMobile(random) : null,
      id_number: first17 + idNumberCheckChar(first17),
      tags,
      is_household_head: i === 0,
    });
  }
  return people;
}
