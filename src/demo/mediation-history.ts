/**
 * A year of people's mediation in the demo street: the studios and mediators, the year's dispute
 * files (mediation-files.ts) each lived through by mediation-script.ts under the rules of
 * dispute-rules.ts, their parties, and residents' consultation bookings. A pure plan: given the
 * street, its people and cases, its calendar, a seed and now, it returns the rows to write.
 */
import { randomUUID } from 'node:crypto';
import type { DayTable } from '../modules/calendar/working-days.ts';
import type { Level } from '../modules/mediation/dispute-rules.ts';
import type { PlannedCase } from './case-rows.ts';
import type { Clock } from './case-time.ts';
import { planBookings } from './mediation-bookings.ts';
import { type FileSpec, planFiles } from './mediation-files.ts';
import { type Party, PartyPool } from './mediation-parties.ts';
import { type MediationPeople, planMediationPeople } from './mediation-people.ts';
import type { DisputeRow, MediationHistory, PartyRow } from './mediation-rows.ts';
import { SITES } from './mediation-scenarios-money.ts';
import { FileScript, type Seat } from './mediation-script.ts';
import { DisputeStory } from './mediation-story.ts';
import { personName } from './names.ts';
import { Random } from './random.ts';
import type { HistoryUser } from './street-index.ts';
import type { PlanNode, StreetPlan } from './street-plan.ts';

export interface MediationHistoryInput {
  plan: StreetPlan;
  users: readonly HistoryUser[];
  /** The case history: some residents' reports were taken to mediation. */
  cases: readonly PlannedCase[];
  categoryCodes: ReadonlyMap<string, string>;
  table: DayTable;
  timeZone: string;
  now: Date;
  seed: number;
  /** Files opened in the year before now. */
  count: number;
}

export function planMediationHistory(input: MediationHistoryInput): MediationHistory {
  const { plan, users, now } = input;
  const random = new Random(input.seed);
  const clock: Clock = { table: input.table, timeZone: input.timeZone };
  const pool = new PartyPool(plan, random, now);
  const people = planMediationPeople(plan, users, random, () => pool.mobile(), now);
  const residentOf = new Map(users.flatMap((u) => (u.residentId ? [[u.id, u.residentId] as const] : [])));
  const residentAccounts = new Set(residentOf.keys());
  const specs = planFiles({
    plan,
    // A report taken to mediation makes its reporter the applicant: residents who reported it themselves.
    cases: input.cases.filter((c) => !c.reporter_user_id || residentAccounts.has(c.reporter_user_id)),
    clock,
    now,
    count: input.count,
    random,
    categoryCodes: input.categoryCodes,
  });
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const userOf = new Map(people.mediators.map((m) => [m.id, m.user_id]));
  const names = new Map([
    ...users.map((u) => [u.id, u.displayName] as const),
    ...people.mediators.map((m) => [m.id, m.name] as const),
  ]);
  const history: MediationHistory = {
    mediators: people.mediators,
    studios: people.studios,
    studioMediators: people.studioMediators,
    bookings: planBookings({ people, users, clock, now, random: new Random(input.seed + 1) }),
    disputes: [],
    parties: [],
    sessions: [],
    agreements: [],
    instalments: [],
    events: [],
    notices: [],
    counters: [],
  };
  const counters = new Map<number, number>();
  for (const spec of specs) {
    const r = new Random(spec.seed);
    const year = Number(spec.openedAt.toISOString().slice(0, 4));
    counters.set(year, (counters.get(year) ?? 0) + 1);
    const number = `${year}-${String(counters.get(year)).padStart(6, '0')}`;
    const community = nodes.get(spec.grid.parent_id as string) as PlanNode;
    const seats = new Map<Level, Seat>();
    const seat = (level: Level) =>
      seats.get(level) ?? (seats.set(level, seatOf(people, spec, level, community, plan.street, r)).get(level) as Seat);
    const first = seat(spec.levels[0] as Level);
    const { applicants, respondents, thirdParties, reporterUserId } = partiesOf(pool, spec, r, residentOf);
    const a = applicants[0] as Party;
    const b = respondents[0] as Party;
    const cast = { a: a.name, b: b.name, place: placeOf(spec, r, community), people: spec.people, claim: spec.claim };
    const node = spec.atStreet
      ? plan.street
      : spec.levels[0] === 'community'
        ? community
        : r.chance(0.3)
          ? spec.building
          : spec.grid;
    const row: DisputeRow = {
      id: randomUUID(),
      street_id: plan.street.id,
      number,
      node_id: node.id,
      location_path: node.path,
      handling_node_id: first.desk.nodeId,
      handling_path: first.desk.path,
      level: spec.levels[0] as Level,
      source: spec.source,
      case_id: spec.case?.id ?? null,
      referred_by: spec.referredBy,
      type: spec.scenario.type,
      title: spec.scenario.title(cast).slice(0, 100),
      facts: spec.scenario.facts(cast),
      people_involved: spec.people,
      amount_fen: spec.claim * 100,
      risk_level: spec.risk.level,
      risk_reasons: spec.risk.reasons,
      state: 'opened',
      outcome: null,
      referral: null,
      mediator_id: first.mediator.id,
      studio_id: first.studio?.id ?? null,
      opened_by: first.actor,
      opened_at: spec.openedAt,
      outcome_at: null,
      closed_at: null,
      version: 1,
      updated_at: spec.openedAt,
    };
    const story = new DisputeStory(row, first.desk, (id) => (id ? (userOf.get(id) ?? null) : null), input.timeZone);
    // A company sends someone: the attendance list names them.
    const attendees = [...applicants, ...respondents, ...thirdParties].map((p) =>
      p.kind === 'organisation' ? `${p.name}代表${personName(r, r.chance(0.5) ? 'female' : 'male')}` : p.name,
    );
    new FileScript(story, spec, r, {
      clock,
      now,
      seat,
      mediatorName: (id) => names.get(id) ?? '',
      userName: (id) => names.get(id) ?? '',
      attendees,
      a: a.name,
      b: b.name,
      facts: row.facts,
    }).play();
    history.disputes.push(row);
    history.parties.push(...partyRows(row.id, applicants, respondents, thirdParties, reporterUserId));
    history.sessions.push(...story.sessions);
    history.agreements.push(...story.agreements);
    history.instalments.push(...story.instalments);
    history.events.push(...story.events);
    history.notices.push(...story.notices);
  }
  history.events.sort((x, y) => x.at.getTime() - y.at.getTime());
  history.counters = [...counters].map(([year, last]) => ({ street_id: plan.street.id, year, last }));
  return history;
}

/** Who sits for the file at a level: the grid worker, the community's committee (or the veteran), the street's. */
function seatOf(
  people: MediationPeople,
  spec: FileSpec,
  level: Level,
  community: PlanNode,
  streetNode: PlanNode,
  random: Random,
): Seat {
  const type = spec.scenario.type;
  if (level === 'grid') {
    const grid = people.grids.get(spec.grid.id);
    const desk = people.communities.get(community.id);
    if (!grid || !desk) throw new Error(`No grid worker or committee for ${spec.grid.name}`);
    return {
      desk: { nodeId: spec.grid.id, path: spec.grid.path, handlers: [grid.handler] },
      actor: grid.handler,
      mediator: grid.mediator,
      studio: null,
      helpers: desk.mediators.filter((m) => m.kind === 'volunteer'),
      place: random.pick([`${spec.building.name}楼下`, `${spec.grid.name}网格工作站`, '当事人家中']),
    };
  }
  if (level === 'community') {
    const desk = people.communities.get(community.id);
    if (!desk || desk.handlers.length === 0) throw new Error(`No committee for ${community.name}`);
    const veteran =
      desk.veteran && ['neighbour', 'marriage_family'].includes(type) && random.chance(0.5) ? desk.veteran : undefined;
    const lawyer = desk.veteran && ['compensation', 'other'].includes(type) && random.chance(0.3);
    const mediator = veteran?.mediator ?? (lawyer ? people.street.lawyer : random.pick(desk.mediators));
    return {
      desk: { nodeId: community.id, path: community.path, handlers: desk.handlers },
      actor: random.pick(desk.handlers),
      mediator,
      studio: veteran?.studio ?? (lawyer ? people.street.lawyerStudio : desk.room),
      helpers: desk.mediators.filter((m) => m !== mediator),
      place: `${community.name}党群服务中心`,
    };
  }
  const { street } = people;
  const labour = type === 'labour_wage';
  const judge = (type === 'compensation' && random.chance(0.7)) || (type === 'marriage_family' && random.chance(0.3));
  return {
    desk: { nodeId: streetNode.id, path: streetNode.path, handlers: [street.handler] },
    actor: street.handler,
    mediator: labour ? street.labourMediators[0] : judge ? street.judge : street.staff,
    studio: labour ? street.labourRoom : street.room,
    helpers: labour ? [street.labourMediators[1]] : [judge ? street.staff : street.judge],
    place: '街道社会治理中心',
  };
}

/** The applicants, respondents and third parties of a file, the case's reporter first when it came from a case. */
function partiesOf(pool: PartyPool, spec: FileSpec, random: Random, residentOf: ReadonlyMap<string, string>) {
  const s = spec.scenario;
  let reporterUserId: string | null = null;
  let a: Party;
  if (spec.case?.reporter_name) {
    // As openDispute: the case's name and phone, and for a signed-in reporter the register's phone and ID number.
    const registered = pool.registered(residentOf.get(spec.case.reporter_user_id ?? ''));
    const residentId = registered?.residentId ?? pool.residentWithPhone(spec.case.reporter_phone);
    a = {
      kind: 'person',
      name: spec.case.reporter_name,
      phone: spec.case.reporter_phone ?? registered?.phone ?? null,
      idNumber: registered?.idNumber ?? null,
      address: null,
      ...(residentId ? { residentId } : {}),
    };
    reporterUserId = spec.case.reporter_user_id;
  } else a = s.type === 'labour_wage' ? pool.migrant() : pool.resident(spec.building);
  const applicants = [a];
  const more = s.type === 'labour_wage' ? Math.min(spec.people, 3) - 1 : spec.people >= 8 ? 2 : 0;
  for (let i = 0; i < more; i++) {
    applicants.push(
      s.type === 'labour_wage'
        ? pool.migrant()
        : pool.resident(spec.building, new Set(applicants.flatMap((p) => (p.residentId ? [p.residentId] : [])))),
    );
  }
  const against: Record<string, () => Party> = {
    neighbour: () => pool.neighbour(spec.building, a),
    relative: () => pool.relative(a),
    resident: () => pool.resident(spec.building, new Set(a.residentId ? [a.residentId] : [])),
    property: () => pool.propertyCompany(spec.building),
    company: () =>
      pool.company(s.company?.(random) ?? '个体经营户', `诸暨市枫桥街道${random.pick(STREETS)}${random.int(1, 200)}号`),
    local: () => pool.local(null),
  };
  const b = (against[s.against] as () => Party)();
  const respondents = [b];
  if (s.against === 'relative' && spec.people >= 4) respondents.push(pool.relative(a));
  const thirdParties =
    s.type === 'labour_wage' && spec.people >= 5
      ? [pool.company(`浙江${random.pick(['鼎盛', '越达', '中天时代'])}建设集团有限公司（总承包）`, '杭州市滨江区')]
      : [];
  return { applicants, respondents, thirdParties, reporterUserId };
}

const STREETS = ['枫桥路', '江东路', '新街', '学勉路', '枫溪路'];

function placeOf(spec: FileSpec, random: Random, community: PlanNode): string {
  const type = spec.scenario.type;
  if (type === 'labour_wage' || (type === 'land_relocation' && spec.scenario.against === 'company')) return random.pick(SITES);
  if (type === 'land_relocation') return `${community.name.replace('社区', '')}老村`;
  return spec.building.name;
}

function partyRows(
  disputeId: string,
  applicants: Party[],
  respondents: Party[],
  thirdParties: Party[],
  reporterUserId: string | null,
): PartyRow[] {
  const sides = [
    ...applicants.map((p) => ['applicant', p] as const),
    ...respondents.map((p) => ['respondent', p] as const),
    ...thirdParties.map((p) => ['third_party', p] as const),
  ];
  return sides.map(([side, p], i) => ({
    id: randomUUID(),
    dispute_id: disputeId,
    seq: i + 1,
    side,
    kind: p.kind,
    name: p.name,
    phone: p.phone,
    id_number: p.idNumber,
    address: p.address,
    // openDispute links the case's reporter, and no one else, to their account.
    user_id: i === 0 ? reporterUserId : null,
  }));
}
