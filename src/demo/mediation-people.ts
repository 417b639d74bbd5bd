/**
 * Who mediates in the demo street and where (seeds 000, 002 and 004): the street's people's
 * mediation committee with the `mediator` account and a retired judge, a labour-dispute room with
 * two mediators every working day, a lawyer's consultation afternoon every Thursday, a veteran
 * community worker's studio in the first community, a committee room in every community with its
 * secretary and a volunteer, and every grid worker mediating in their grid. Pure: ids are random.
 */
import { randomUUID } from 'node:crypto';
import type { MediatorKind } from '../modules/mediation/mediation.tables.ts';
import type { OpeningHours } from '../modules/mediation/studio-schedule.ts';
import { DAY_MS } from './case-time.ts';
import { personName } from './names.ts';
import type { Random } from './random.ts';
import type { HistoryUser } from './street-index.ts';
import type { PlanNode, StreetPlan } from './street-plan.ts';

export interface MediatorRow {
  id: string;
  street_id: string;
  node_id: string;
  user_id: string | null;
  name: string;
  kind: MediatorKind;
  phone: string | null;
  affiliation: string | null;
  created_at: Date;
  retired_at: null;
}

export interface StudioRow {
  id: string;
  street_id: string;
  node_id: string;
  name: string;
  address: string;
  schedule: Required<OpeningHours>[];
  created_by: string;
  created_at: Date;
  retired_at: null;
}

/** What each kind of dispute needs to find its studio and its mediator at a level. */
export interface CommunityDesk {
  community: PlanNode;
  /** Secretary (and staff) accounts: they open, record and escalate the community's files. */
  handlers: string[];
  room: StudioRow;
  mediators: MediatorRow[];
  /** The veteran worker's studio in the first community. */
  veteran?: { studio: StudioRow; mediator: MediatorRow };
}

export interface MediationPeople {
  mediators: MediatorRow[];
  studios: StudioRow[];
  studioMediators: { studio_id: string; mediator_id: string }[];
  street: {
    handler: string;
    room: StudioRow;
    staff: MediatorRow;
    judge: MediatorRow;
    lawyer: MediatorRow;
    lawyerStudio: StudioRow;
    labourRoom: StudioRow;
    labourMediators: [MediatorRow, MediatorRow];
  };
  communities: Map<string, CommunityDesk>;
  /** Each grid's worker, as a mediator, by grid id. */
  grids: Map<string, { handler: string; mediator: MediatorRow }>;
}

/** Registered well before the year of files begins. */
const REGISTERED_DAYS_AGO = 420;
const VOLUNTEER_BACKGROUNDS = ['退休教师', '退休民警', '老党员、楼道长', '退休村干部', '退休工会干部'];

const hours = (
  weekday: number,
  start: string,
  end: string,
  slotMinutes: number,
  capacity = 1,
  mediatorId: string | null = null,
) => ({ weekday, start, end, slotMinutes, capacity, mediatorId }) satisfies Required<OpeningHours>;

export function planMediationPeople(
  plan: StreetPlan,
  users: readonly HistoryUser[],
  random: Random,
  mobile: () => string,
  now: Date,
): MediationPeople {
  const streetId = plan.street.id;
  const registered = new Date(now.getTime() - REGISTERED_DAYS_AGO * DAY_MS);
  const mediators: MediatorRow[] = [];
  const studios: StudioRow[] = [];
  const studioMediators: { studio_id: string; mediator_id: string }[] = [];
  const mediator = (node: PlanNode, kind: MediatorKind, fields: { user?: HistoryUser; name?: string; affiliation?: string }) => {
    const row: MediatorRow = {
      id: randomUUID(),
      street_id: streetId,
      node_id: node.id,
      user_id: fields.user?.id ?? null,
      name: fields.name ?? fields.user?.displayName ?? personName(random, random.chance(0.5) ? 'female' : 'male'),
      kind,
      phone: mobile(),
      affiliation: fields.affiliation ?? null,
      created_at: registered,
      retired_at: null,
    };
    mediators.push(row);
    return row;
  };
  const studio = (
    node: PlanNode,
    name: string,
    address: string,
    schedule: StudioRow['schedule'],
    by: string,
    staff: MediatorRow[],
  ) => {
    const row: StudioRow = {
      id: randomUUID(),
      street_id: streetId,
      node_id: node.id,
      name,
      address,
      schedule,
      created_by: by,
      created_at: new Date(registered.getTime() + DAY_MS),
      retired_at: null,
    };
    studios.push(row);
    for (const m of new Set([...staff.map((s) => s.id), ...schedule.flatMap((h) => (h.mediatorId ? [h.mediatorId] : []))])) {
      studioMediators.push({ studio_id: row.id, mediator_id: m });
    }
    return row;
  };
  const account = (username: string) => users.find((u) => u.username === username) as HistoryUser;
  const streetStaff = account('mediator');
  const [first] = plan.communities as [PlanNode];

  // The street: its committee with the mediator account and a retired judge on Tuesdays (seed 004).
  const staff = mediator(plan.street, 'staff', { user: streetStaff, affiliation: `${plan.street.name}人民调解委员会` });
  const judge = mediator(plan.street, 'retired_judge', { affiliation: '诸暨市人民法院（已退休，原民事审判庭庭长）' });
  const lawyer = mediator(plan.street, 'lawyer', { affiliation: '浙江枫源律师事务所，司法局"律师进社区"' });
  const labourMediators: [MediatorRow, MediatorRow] = [
    mediator(plan.street, 'staff', { affiliation: `${plan.street.name}司法所专职人民调解员` }),
    mediator(plan.street, 'volunteer', { affiliation: '退休劳动保障监察员' }),
  ];
  const centre = `${plan.street.name}社会治理中心`;
  const room = studio(
    plan.street,
    `${plan.street.name}人民调解委员会调解室`,
    `${centre}二楼`,
    [1, 3, 5].map((d) => hours(d, '09:00', '11:30', 30, 1, staff.id)).concat(hours(2, '14:00', '17:00', 60, 1, judge.id)),
    streetStaff.id,
    [staff, judge],
  );
  // Seed 002's labour-dispute room: two mediators on duty every working day.
  const labourRoom = studio(
    plan.street,
    '劳动争议调解室',
    `${centre}一楼（人社服务窗口旁）`,
    [1, 2, 3, 4, 5].flatMap((d) => [hours(d, '09:00', '12:00', 60, 2), hours(d, '14:00', '17:00', 60, 2)]),
    streetStaff.id,
    labourMediators,
  );
  // Seed 000's lawyer comes to the community every Thursday afternoon.
  const lawyerStudio = studio(
    first,
    `${lawyer.name.slice(0, 1)}律师法律咨询工作室`,
    `${first.name}党群服务中心一楼`,
    [hours(4, '14:00', '17:00', 30, 1, lawyer.id)],
    streetStaff.id,
    [lawyer],
  );

  const communities = new Map<string, CommunityDesk>();
  for (const community of plan.communities) {
    const at = users.filter(
      (u) => u.nodeId === community.id && (u.role === 'community_secretary' || u.role === 'community_staff'),
    );
    const own = at.map((u) => mediator(community, 'staff', { user: u, affiliation: `${community.name}人民调解委员会` }));
    const volunteer = mediator(community, 'volunteer', { affiliation: random.pick(VOLUNTEER_BACKGROUNDS) });
    const desk: CommunityDesk = {
      community,
      handlers: at.map((u) => u.id),
      mediators: [...own, volunteer],
      room: studio(
        community,
        `${community.name}人民调解委员会调解室`,
        `${community.name}党群服务中心二楼`,
        [hours(2, '14:00', '17:00', 60), hours(4, '14:00', '17:00', 60)],
        at[0]?.id ?? streetStaff.id,
        [...own, volunteer],
      ),
    };
    if (community === first) {
      // Seed 000: a veteran of 26 years of community work, whom residents come to on their own.
      const veteran = mediator(community, 'volunteer', { affiliation: `${community.name}退休社区工作者，从事社区工作26年` });
      const veteranStudio = studio(
        community,
        `老${veteran.name.slice(0, 1)}调解工作室`,
        `${community.name}党群服务中心一楼东侧`,
        [1, 3, 5].map((d) => hours(d, '09:00', '11:30', 30, 1, veteran.id)),
        at[0]?.id ?? streetStaff.id,
        [veteran],
      );
      desk.veteran = { studio: veteranStudio, mediator: veteran };
    }
    communities.set(community.id, desk);
  }

  const grids = new Map<string, { handler: string; mediator: MediatorRow }>();
  for (const grid of plan.grids) {
    const worker = users.find((u) => u.role === 'grid_worker' && u.nodeId === grid.id);
    if (worker) grids.set(grid.id, { handler: worker.id, mediator: mediator(grid, 'staff', { user: worker }) });
  }

  return {
    mediators,
    studios,
    studioMediators,
    street: { handler: streetStaff.id, room, staff, judge, lawyer, lawyerStudio, labourRoom, labourMediators },
    communities,
    grids,
  };
}
