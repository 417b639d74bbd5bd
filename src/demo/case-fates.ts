/**
 * How the demo street's cases come in and how they end, as weight tables a real street office's
 * figures suggest (seeds: 2,603 demands accepted, 2,514 handled; "small things don't leave the
 * grid, big things don't leave the community"; patrols finding e-bike flying-line charging).
 */
import type { CasesTable } from '../modules/cases/cases.tables.ts';
import type { Tier } from '../modules/cases/lifecycle.ts';
import type { ReporterKind } from './case-intake.ts';
import type { Random } from './random.ts';

type Weights<T> = readonly (readonly [T, number])[];
type Source = CasesTable['source'];
type Priority = CasesTable['priority'];

/** Residents report about half; patrol volunteers a fifth; the hotline, walk-ins and staff the rest. */
export const SOURCES: Weights<Source> = [
  ['resident', 50],
  ['patrol', 20],
  ['hotline', 12],
  ['walk_in', 10],
  ['staff', 8],
];

/** What residents, callers and staff report: the living environment, the property company and noise above all. */
export const REPORTED_CATEGORIES: Weights<string> = [
  ['ENV_GARBAGE', 12],
  ['ENV_DUMPING', 9],
  ['ENV_SEWAGE', 4],
  ['ENV_GREENERY', 3],
  ['PROPERTY_ELEVATOR', 6],
  ['PROPERTY_LEAK', 6],
  ['PROPERTY_PARKING', 6],
  ['PROPERTY_SECURITY', 3],
  ['PROPERTY_FEE', 3],
  ['NOISE_CONSTRUCTION', 5],
  ['NOISE_NEIGHBOUR', 5],
  ['NOISE_BUSINESS', 4],
  ['FIRE_EBIKE_CHARGING', 3],
  ['FIRE_EXIT_BLOCKED', 2],
  ['FIRE_EBIKE_INDOOR', 1],
  ['FIRE_EQUIPMENT', 1],
  ['FIRE_GAS', 1],
  ['ROAD_LIGHT', 4],
  ['ROAD_DAMAGE', 3],
  ['ROAD_FACILITY', 2],
  ['ROAD_MANHOLE', 1],
  ['BUILD_EXTENSION', 2],
  ['BUILD_OCCUPY', 2],
  ['BUILD_ROOFTOP', 1],
  ['NEIGHBOUR_LEAK', 2],
  ['NEIGHBOUR_PARKING', 2],
  ['NEIGHBOUR_PETS', 2],
  ['NEIGHBOUR_OTHER', 1],
  ['ORDER_STALL', 2],
  ['ORDER_SAFETY', 1],
  ['ORDER_GROUP_RENTAL', 1],
  ['ORDER_FRAUD', 1],
  ['ASSIST_ELDERLY', 2],
  ['ASSIST_POLICY', 2],
  ['ASSIST_HARDSHIP', 1],
  ['ASSIST_DISABILITY', 1],
  ['MARKET_FOOD', 1],
  ['MARKET_PRICE', 1],
  ['OTHER_SUGGESTION', 2],
  ['OTHER_MISC', 1],
];

/** What patrols find walking the compounds: charging hazards and blocked exits first, then dumping and stalls. */
export const PATROL_CATEGORIES: Weights<string> = [
  ['FIRE_EBIKE_CHARGING', 14],
  ['FIRE_EXIT_BLOCKED', 8],
  ['FIRE_EBIKE_INDOOR', 5],
  ['FIRE_EQUIPMENT', 4],
  ['FIRE_GAS', 2],
  ['ENV_DUMPING', 8],
  ['ENV_GARBAGE', 5],
  ['ORDER_STALL', 4],
  ['ORDER_SAFETY', 3],
  ['ORDER_GROUP_RENTAL', 3],
  ['BUILD_OCCUPY', 3],
  ['BUILD_EXTENSION', 2],
  ['ROAD_LIGHT', 3],
  ['ROAD_MANHOLE', 2],
  ['ROAD_DAMAGE', 2],
  ['PROPERTY_SECURITY', 2],
];

const NORMAL_PRIORITIES: Weights<Priority> = [
  ['normal', 93],
  ['low', 4],
  ['high', 3],
];
/** Gas, open manholes and charging hazards can kill: they come in high or urgent. */
const PRIORITIES: Record<string, Weights<Priority>> = {
  FIRE_GAS: [
    ['urgent', 40],
    ['high', 60],
  ],
  ROAD_MANHOLE: [
    ['urgent', 30],
    ['high', 70],
  ],
  FIRE_EBIKE_CHARGING: [
    ['high', 70],
    ['normal', 30],
  ],
  FIRE_EXIT_BLOCKED: [
    ['high', 40],
    ['normal', 60],
  ],
  ORDER_SAFETY: [
    ['high', 30],
    ['normal', 70],
  ],
};

export const priorityOf = (random: Random, code: string): Priority => random.weighted(PRIORITIES[code] ?? NORMAL_PRIORITIES);

/** Some residents report without giving their name. */
const ANONYMOUS_SHARE = 0.12;

/** Of all cases: most are handled; a few are not the street's to take, or were already reported. */
const ENDINGS: Weights<'solved' | 'rejected' | 'duplicate'> = [
  ['solved', 94],
  ['rejected', 3],
  ['duplicate', 3],
];
/** "Small things don't leave the grid, big things don't leave the community". */
const SOLVED_AT: Weights<'grid' | 'community' | 'beyond'> = [
  ['grid', 81],
  ['community', 14.5],
  ['beyond', 4.5],
];
/** Illegal construction needs enforcement powers a grid lacks. */
const SOLVED_AT_CONSTRUCTION: Weights<'grid' | 'community' | 'beyond'> = [
  ['grid', 45],
  ['community', 30],
  ['beyond', 25],
];
/** Beyond the community, one in five is a major issue the district must explain in writing. */
const DISTRICT_SHARE_BEYOND = 0.2;
/** Nine in ten finish within their deadline. */
const LATE_SHARE = 0.1;
/** A superior urges half the cases that run late. */
const URGED_SHARE_OF_LATE = 0.5;
/** A few wait on something outside the handler's hands: an owner abroad, a test result. */
const SUSPENDED_SHARE = 0.025;
/** The reporter is called back within the response limit mostly. */
const CONTACTS: Weights<'on_time' | 'late' | 'none'> = [
  ['on_time', 88],
  ['late', 8],
  ['none', 4],
];
/** The grid worker hands estate matters to the property company managing the building. */
const PROPERTY_DISPATCH: Record<string, number> = {
  PROPERTY: 0.75,
  FIRE_EQUIPMENT: 0.6,
  FIRE_EXIT_BLOCKED: 0.5,
  FIRE_EBIKE_CHARGING: 0.4,
  FIRE_EBIKE_INDOOR: 0.4,
  ENV_DUMPING: 0.3,
  ENV_GARBAGE: 0.2,
};
/** A call taken at the community is mostly passed to the grid worker by assignment. */
const ASSIGNED_BY_COMMUNITY_SHARE = 0.6;
/** Ratings: mostly satisfied, some lukewarm, a few angry. */
const RATINGS: Weights<number> = [
  [5, 58],
  [4, 27],
  [3, 9],
  [2, 4],
  [1, 2],
];
/** After rework the reporter is usually content; a second low rating stands. */
const RATINGS_AFTER_REWORK: Weights<number> = [
  [5, 35],
  [4, 40],
  [3, 20],
  [2, 5],
];
/** One reporter in ten never rates; the case closes as not rated after seven days. */
const UNRATED_SHARE = 0.1;

export const chooseEnding = (random: Random) => random.weighted(ENDINGS);

/** How a report reached the street, by its source: patrols outside the partner's community are logged by the community. */
export function reporterKindOf(random: Random, source: Source, partnersCommunity: boolean): ReporterKind {
  switch (source) {
    case 'resident':
      return random.chance(ANONYMOUS_SHARE) ? 'anonymous' : 'named';
    case 'patrol':
      return partnersCommunity ? 'partner' : 'recorded_by_community';
    case 'hotline':
      return 'recorded_by_community';
    case 'walk_in':
      return random.chance(0.5) ? 'recorded_by_community' : 'recorded_by_grid';
    case 'staff':
      return 'staff';
  }
}

export interface Fate {
  solvedAt: Tier;
  late: boolean;
  urged: boolean;
  suspended: boolean;
  contact: 'on_time' | 'late' | 'none';
  toProperty: boolean;
  assignedByCommunity: boolean;
  /** Staff close what they found themselves once checked; nobody rates it. */
  closedByStaff: boolean;
  rating: number | null;
  ratingAfterRework: number | null;
}

interface FateInput {
  code: string;
  parentCode: string;
  source: Source;
  contactable: boolean;
  hasDepartment: boolean;
  hasProperty: boolean;
  takenByCommunity: boolean;
}

export function chooseFate(random: Random, c: FateInput): Fate {
  const tierDraw = random.weighted(c.parentCode === 'BUILD' ? SOLVED_AT_CONSTRUCTION : SOLVED_AT);
  const beyond: Tier = !c.hasDepartment || random.chance(DISTRICT_SHARE_BEYOND) ? 'district' : 'department';
  const solvedAt: Tier = tierDraw === 'beyond' ? beyond : tierDraw;
  const late = random.chance(LATE_SHARE);
  const rated = c.source !== 'staff' && !random.chance(UNRATED_SHARE);
  const dispatch = PROPERTY_DISPATCH[c.code] ?? PROPERTY_DISPATCH[c.parentCode] ?? 0;
  return {
    solvedAt,
    late,
    urged: late && random.chance(URGED_SHARE_OF_LATE),
    suspended: random.chance(SUSPENDED_SHARE),
    contact: c.contactable ? random.weighted(CONTACTS) : 'none',
    toProperty: solvedAt === 'grid' && c.hasProperty && random.chance(dispatch),
    assignedByCommunity: c.takenByCommunity && random.chance(ASSIGNED_BY_COMMUNITY_SHARE),
    closedByStaff: c.source === 'staff',
    rating: rated ? random.weighted(RATINGS) : null,
    ratingAfterRework: random.chance(UNRATED_SHARE) ? null : random.weighted(RATINGS_AFTER_REWORK),
  };
}
