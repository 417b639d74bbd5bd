/**
 * Cases the demo accounts find waiting when they sign in: the `grid` worker's inbox with new,
 * running, overdue and nearly due work, escalations at the community (`staff`, `secretary`) and at
 * urban management (`dept`), dispatches to the property company (`property`), and the `resident`'s
 * own reports, one resolved and waiting for their rating. Each is placed in time so that it stands
 * in the state and deadline status given here at "now".
 */
import type { DeadlineStatus } from '../modules/cases/deadlines.ts';
import type { CaseState } from '../modules/cases/lifecycle.ts';
import type { ReporterKind } from './case-intake.ts';
import type { CaseScript } from './case-script.ts';

export interface Showcase {
  /** The demo grid, another grid of the demo community, or an estate grid of the demo property company. */
  place: 'grid' | 'community' | 'estate';
  category: string;
  reporter: ReporterKind;
  /** Days before now within which it came in. */
  age: [number, number];
  state: CaseState;
  status?: Exclude<DeadlineStatus, 'none'>;
  play: (x: CaseScript) => void;
}

const taken = (x: CaseScript) => {
  x.accept();
  x.contact(true);
};
const working = (x: CaseScript) => {
  taken(x);
  x.start();
};
const atCommunity = (x: CaseScript) => {
  taken(x);
  x.escalate('community');
};
const atDepartment = (x: CaseScript) => {
  atCommunity(x);
  x.accept();
  x.escalate('department');
};
const nothingYet = () => {};

export const SHOWCASE: readonly Showcase[] = [
  // The grid worker's inbox.
  { place: 'grid', category: 'ENV_GARBAGE', reporter: 'named', age: [0, 1], state: 'reported', status: 'ok', play: nothingYet },
  {
    place: 'grid',
    category: 'FIRE_EBIKE_CHARGING',
    reporter: 'partner',
    age: [0, 1],
    state: 'reported',
    status: 'ok',
    play: nothingYet,
  },
  {
    place: 'grid',
    category: 'NOISE_CONSTRUCTION',
    reporter: 'recorded_by_community',
    age: [0, 2],
    state: 'assigned',
    status: 'ok',
    play: (x) => x.assignToGridWorker(),
  },
  { place: 'grid', category: 'ROAD_LIGHT', reporter: 'named', age: [3, 10], state: 'accepted', status: 'warning', play: taken },
  {
    place: 'grid',
    category: 'ASSIST_ELDERLY',
    reporter: 'recorded_by_grid',
    age: [0, 3],
    state: 'accepted',
    status: 'ok',
    play: taken,
  },
  {
    place: 'grid',
    category: 'PROPERTY_ELEVATOR',
    reporter: 'named',
    age: [0, 3],
    state: 'assigned',
    status: 'ok',
    play: (x) => {
      taken(x);
      x.toProperty();
    },
  },
  {
    place: 'grid',
    category: 'FIRE_EXIT_BLOCKED',
    reporter: 'partner',
    age: [3, 10],
    state: 'assigned',
    status: 'warning',
    play: (x) => {
      taken(x);
      x.toProperty();
    },
  },
  {
    place: 'grid',
    category: 'PROPERTY_PARKING',
    reporter: 'named',
    age: [0, 4],
    state: 'in_progress',
    status: 'ok',
    play: (x) => {
      taken(x);
      x.toProperty();
      x.start();
    },
  },
  {
    place: 'grid',
    category: 'NEIGHBOUR_LEAK',
    reporter: 'named',
    age: [6, 13],
    state: 'in_progress',
    status: 'overdue',
    play: (x) => {
      working(x);
      x.urge();
    },
  },
  {
    place: 'grid',
    category: 'BUILD_OCCUPY',
    reporter: 'partner',
    age: [6, 13],
    state: 'in_progress',
    status: 'overdue',
    play: working,
  },
  {
    place: 'grid',
    category: 'ENV_DUMPING',
    reporter: 'anonymous',
    age: [3, 10],
    state: 'in_progress',
    status: 'warning',
    play: working,
  },
  {
    place: 'grid',
    category: 'NOISE_BUSINESS',
    reporter: 'account',
    age: [1, 4],
    state: 'in_progress',
    status: 'ok',
    play: working,
  },
  {
    place: 'grid',
    category: 'ENV_SEWAGE',
    reporter: 'account',
    age: [6, 14],
    state: 'returned',
    play: (x) => {
      working(x);
      x.resolve(true);
      x.rate(2);
    },
  },
  // Out of the inbox: waiting on others, or on the reporter's rating.
  {
    place: 'grid',
    category: 'PROPERTY_LEAK',
    reporter: 'named',
    age: [4, 14],
    state: 'suspended',
    play: (x) => {
      working(x);
      x.suspend();
    },
  },
  {
    place: 'grid',
    category: 'ENV_GREENERY',
    reporter: 'account',
    age: [2, 6],
    state: 'resolved',
    play: (x) => {
      working(x);
      x.resolve(true);
    },
  },
  {
    place: 'grid',
    category: 'ROAD_DAMAGE',
    reporter: 'named',
    age: [4, 9],
    state: 'resolved',
    play: (x) => {
      working(x);
      x.resolve(true);
    },
  },
  // The resident's earlier reports, long closed.
  ...(
    [
      ['ROAD_LIGHT', [50, 70], 5],
      ['PROPERTY_ELEVATOR', [110, 130], 4],
    ] as const
  ).map(
    ([category, age, rating]): Showcase => ({
      place: 'grid',
      category,
      reporter: 'account',
      age: [...age],
      state: 'closed',
      play: (x) => {
        working(x);
        x.resolve(true);
        x.rate(rating);
      },
    }),
  ),
  // The community's escalations.
  { place: 'community', category: 'BUILD_EXTENSION', reporter: 'named', age: [1, 5], state: 'escalated', play: atCommunity },
  {
    place: 'community',
    category: 'NEIGHBOUR_PARKING',
    reporter: 'named',
    age: [9, 20],
    state: 'accepted',
    status: 'overdue',
    play: (x) => {
      atCommunity(x);
      x.accept();
      x.urge();
    },
  },
  {
    place: 'community',
    category: 'ENV_SEWAGE',
    reporter: 'recorded_by_community',
    age: [5, 14],
    state: 'in_progress',
    status: 'warning',
    play: (x) => {
      atCommunity(x);
      x.accept();
      x.start();
    },
  },
  // Urban management's.
  { place: 'community', category: 'BUILD_ROOFTOP', reporter: 'named', age: [2, 8], state: 'escalated', play: atDepartment },
  {
    place: 'community',
    category: 'ENV_DUMPING',
    reporter: 'partner',
    age: [6, 16],
    state: 'accepted',
    status: 'warning',
    play: (x) => {
      atDepartment(x);
      x.accept();
    },
  },
  {
    place: 'community',
    category: 'ROAD_DAMAGE',
    reporter: 'named',
    age: [10, 20],
    state: 'in_progress',
    status: 'overdue',
    play: (x) => {
      atDepartment(x);
      x.accept();
      x.start();
    },
  },
  // The property company's, in another grid of its estates.
  {
    place: 'estate',
    category: 'PROPERTY_SECURITY',
    reporter: 'named',
    age: [0, 4],
    state: 'assigned',
    play: (x) => {
      taken(x);
      x.toProperty();
    },
  },
];
