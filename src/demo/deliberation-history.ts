/**
 * A year of the demo street's deliberation, planned without the database: topics residents
 * proposed for their estates, walked through the five steps at the weekly red-property discussion
 * day of their estate; the monthly resident council of each community reviewing them; owner votes
 * on the major repairs (ballots online from residents with an account, on paper for the rest); the
 * money spent, and residents' supports and ratings. The resident account's estate holds a topic to
 * support, a vote to cast and finished work to rate. Rows come out ready for bulk insertion.
 */
import { randomUUID } from 'node:crypto';
import { PARTIES } from '../modules/deliberation/meetings.schemas.ts';
import { searchText } from '../modules/deliberation/search-text.ts';
import { areaCm2, type Ballot, tallyVote, VOTE_PRESETS } from '../modules/deliberation/vote-tally.ts';
import { DECLINE_REASONS, MEETING_PLACES, TOPIC_TEMPLATES, type TopicTemplate } from './deliberation-texts.ts';
import { Random } from './random.ts';
import type { PlanNode, StreetPlan } from './street-plan.ts';

const DAY = 86_400_000;
const TOPICS_PER_ESTATE: [number, number] = [4, 7];

export interface DelibUser {
  id: string;
  username: string;
  role: string;
  nodeId?: string | undefined;
  organisationId?: string | undefined;
  residentId?: string | undefined;
}

type Row = Record<string, unknown>;
export interface DelibHistory {
  topics: Row[];
  supports: Row[];
  ratings: Row[];
  meetings: Row[];
  agenda: Row[];
  invitations: Row[];
  attendance: Row[];
  resolutions: Row[];
  votes: Row[];
  ballots: Row[];
  funds: Row[];
  events: Row[];
  counters: Row[];
}

/** 14:30 on a local (UTC+8) day that is `days` from the date of `at`. */
const localAt = (at: Date, days: number, hour: number, minute = 0) => {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, hour - 8, minute));
};
const isoDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export function planDeliberationHistory(input: {
  plan: StreetPlan;
  users: readonly DelibUser[];
  now: Date;
  seed: number;
}): DelibHistory {
  const { plan, users, now } = input;
  const random = new Random(input.seed);
  const streetId = plan.street.id;
  const out: DelibHistory = {
    topics: [],
    supports: [],
    ratings: [],
    meetings: [],
    agenda: [],
    invitations: [],
    attendance: [],
    resolutions: [],
    votes: [],
    ballots: [],
    funds: [],
    events: [],
    counters: [],
  };
  const counters = new Map<string, number>();
  /** Numbers by year in the order things happened, as the services would have handed them out. */
  const renumber = (rows: Row[], kind: string, column: string) => {
    for (const key of [...counters.keys()]) if (key.startsWith(`${kind}:`)) counters.delete(key);
    rows.sort((a, b) => (a[column] as Date).getTime() - (b[column] as Date).getTime());
    for (const row of rows) row.number = number(kind, row[column] as Date);
  };
  const number = (kind: string, at: Date) => {
    const year = Number(isoDay(at).slice(0, 4));
    const key = `${kind}:${year}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return `${year}-${String(n).padStart(4, '0')}`;
  };
  const event = (entity: string, id: string, type: string, at: Date, actor: string | null, data: Row = {}) =>
    out.events.push({ street_id: streetId, entity_type: entity, entity_id: id, type, actor_user_id: actor, at, data });

  const nodeById = new Map(plan.nodes.map((n) => [n.id, n]));
  const buildings = plan.nodes.filter((n) => n.level === 'building' && n.estate_id);
  const households = plan.nodes.filter((n) => n.level === 'household');
  const buildingOf = (household: PlanNode) => household.path.split('/').filter(Boolean)[4] as string;
  const householdsOf = new Map<string, PlanNode[]>();
  for (const hh of households) householdsOf.set(buildingOf(hh), [...(householdsOf.get(buildingOf(hh)) ?? []), hh]);
  const residentsUsers = users.filter((u) => u.role === 'resident' && u.nodeId);
  const userOfHousehold = new Map(residentsUsers.map((u) => [u.nodeId as string, u]));
  const estateOfBuilding = new Map(buildings.map((b) => [b.id, b.estate_id as string]));
  const byEstate = new Map<string, DelibUser[]>();
  for (const u of residentsUsers) {
    const estateId = estateOfBuilding.get(buildingOf(nodeById.get(u.nodeId as string) as PlanNode));
    if (estateId) byEstate.set(estateId, [...(byEstate.get(estateId) ?? []), u]);
  }
  const residentsOfEstate = (estateId: string) => byEstate.get(estateId) ?? [];
  const agendaLength = new Map<string, number>();
  const nextSeq = (meetingId: string) => {
    const seq = (agendaLength.get(meetingId) ?? 0) + 1;
    agendaLength.set(meetingId, seq);
    return seq;
  };
  const secretaryOf = (communityId: string) =>
    users.find((u) => u.role === 'community_secretary' && u.nodeId === communityId) as DelibUser;
  const gridWorkerOf = (gridId: string) => users.find((u) => u.role === 'grid_worker' && u.nodeId === gridId);
  const handlerOf = (companyId: string) => users.find((u) => u.role === 'property_handler' && u.organisationId === companyId);
  const resident = users.find((u) => u.username === 'resident');
  const residentEstate = resident
    ? estateOfBuilding.get(buildingOf(nodeById.get(resident.nodeId as string) as PlanNode))
    : undefined;
  const start = now.getTime() - 365 * DAY;

  // Meetings first: each estate's weekly discussion day (Tuesday afternoons, estates of a community by turns) and each community's monthly council.
  type MeetingSlot = { id: string; estateId: string | null; communityId: string; at: Date };
  const propertyDays = new Map<string, MeetingSlot[]>();
  const councils = new Map<string, MeetingSlot[]>();
  for (const community of plan.communities) {
    const estates = plan.estates.filter((e) => e.community_id === community.id);
    const secretary = secretaryOf(community.id);
    const firstTuesday = localAt(new Date(start), (9 - new Date(start + 8 * 3_600_000).getUTCDay()) % 7, 14, 30);
    for (let week = 0, at = firstTuesday; at.getTime() < now.getTime() + 8 * DAY; week++, at = new Date(at.getTime() + 7 * DAY)) {
      const estate = estates[week % estates.length];
      if (!estate) continue;
      const slot = { id: randomUUID(), estateId: estate.id, communityId: community.id, at };
      propertyDays.set(community.id, [...(propertyDays.get(community.id) ?? []), slot]);
      addMeeting(slot, 'property_day', `${estate.name}红色物业议事日`, secretary, estate.property_company_id);
    }
    for (let month = 11; month >= 0; month--) {
      const local = new Date(now.getTime() + 8 * 3_600_000);
      const at = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - month, 25, 11));
      if (at.getTime() > now.getTime() + 30 * DAY) continue;
      const slot = { id: randomUUID(), estateId: null, communityId: community.id, at };
      councils.set(community.id, [...(councils.get(community.id) ?? []), slot]);
      addMeeting(slot, 'council', `${community.name}${isoDay(at).slice(5, 7)}月居民议事会`, secretary, null);
    }
  }

  function addMeeting(
    slot: MeetingSlot,
    kind: 'property_day' | 'council',
    title: string,
    secretary: DelibUser,
    companyId: string | null,
  ) {
    const community = nodeById.get(slot.communityId) as PlanNode;
    const held = slot.at.getTime() < now.getTime();
    out.meetings.push({
      id: slot.id,
      street_id: streetId,
      number: number('meeting', slot.at),
      community_id: slot.communityId,
      estate_id: slot.estateId,
      location_path: community.path,
      kind,
      title,
      starts_at: slot.at,
      place: kind === 'council' ? (MEETING_PLACES[0] as string) : random.pick(MEETING_PLACES),
      status: held ? 'held' : 'planned',
      minutes: held
        ? kind === 'council'
          ? '通报本月议题办理情况，逐项听取居民代表意见，形成决议如下。'
          : '六方围绕议程逐项协商，物业公司当场认领整改事项。'
        : null,
      checkin_code: randomUUID().replaceAll('-', ''),
      created_by: secretary.id,
      created_at: new Date(slot.at.getTime() - 6 * DAY),
      updated_at: held ? slot.at : new Date(slot.at.getTime() - 6 * DAY),
    });
    const parties = kind === 'property_day' ? PARTIES : ['party_organisation', 'residents_committee', 'residents_representative'];
    for (const party of parties) {
      out.invitations.push({ meeting_id: slot.id, party, organisation_id: party === 'property_company' ? companyId : null });
    }
    event('delib_meeting', slot.id, 'delib.meeting_called', new Date(slot.at.getTime() - 6 * DAY), secretary.id, { kind });
    if (!held) return;
    const people: [DelibUser | undefined, string][] = [[secretary, 'residents_committee']];
    const grids = plan.grids.filter((g) => g.parent_id === slot.communityId);
    for (const grid of random.chance(0.5) ? grids.slice(0, 2) : grids.slice(0, 1))
      people.push([gridWorkerOf(grid.id), 'residents_committee']);
    if (companyId) people.push([handlerOf(companyId), 'property_company']);
    const neighbours = slot.estateId
      ? residentsOfEstate(slot.estateId)
      : residentsUsers.filter((u) => (nodeById.get(u.nodeId as string) as PlanNode).path.startsWith(community.path));
    for (let i = 0; i < random.int(kind === 'council' ? 4 : 2, kind === 'council' ? 8 : 4) && neighbours.length; i++) {
      people.push([random.pick(neighbours), 'residents_representative']);
    }
    const seen = new Set<string>();
    for (const [person, party] of people) {
      if (!person || seen.has(person.id)) continue;
      seen.add(person.id);
      out.attendance.push({
        meeting_id: slot.id,
        user_id: person.id,
        party,
        method: random.chance(0.85) ? 'qr' : 'desk',
        at: new Date(slot.at.getTime() - random.int(0, 20) * 60_000),
      });
    }
    event('delib_meeting', slot.id, 'delib.meeting_held', new Date(slot.at.getTime() + 2 * 3_600_000), secretary.id);
  }

  // Topics: a few per estate over the year, each walked as far as time has carried it.
  for (const estate of plan.estates) {
    const estateBuildings = buildings.filter((b) => b.estate_id === estate.id);
    // The community's weekly discussion day takes up the topics of all its estates, hosted by each estate in turn.
    const days = propertyDays.get(estate.community_id) ?? [];
    const community = nodeById.get(estate.community_id) as PlanNode;
    const secretary = secretaryOf(estate.community_id);
    const neighbours = residentsOfEstate(estate.id);
    const count = random.int(...TOPICS_PER_ESTATE);
    const templates = [...TOPIC_TEMPLATES].sort(() => random.next() - 0.5).slice(0, count);
    for (const template of templates) {
      const proposedAt = new Date(start + random.between(0.02, 0.97) * 365 * DAY);
      addTopic({ template, estate, estateBuildings, days, community, secretary, neighbours, proposedAt });
    }
    if (estate.id === residentEstate) {
      // The resident's own estate: something to support now, a vote to cast, finished work to rate.
      const here = { estate, estateBuildings, days, community, secretary, neighbours };
      const fresh = (title: string) => TOPIC_TEMPLATES.find((t) => t.title.includes(title)) as TopicTemplate;
      addTopic({
        ...here,
        template: fresh('屋顶漏水'),
        proposedAt: new Date(now.getTime() - 2 * DAY),
        skipResident: true,
        stopAt: 'proposed',
      });
      addTopic({
        ...here,
        template: fresh('外墙瓷砖'),
        proposedAt: new Date(now.getTime() - 12 * DAY),
        building: resident?.nodeId,
        skipResident: true,
        openVote: true,
      });
      addTopic({
        ...here,
        template: fresh('健身器材'),
        proposedAt: new Date(now.getTime() - 60 * DAY),
        skipResident: true,
        stopAt: 'evaluating',
      });
    }
  }

  function addTopic(t: {
    template: TopicTemplate;
    estate: StreetPlan['estates'][number];
    estateBuildings: PlanNode[];
    days: MeetingSlot[];
    community: PlanNode;
    secretary: DelibUser;
    neighbours: DelibUser[];
    proposedAt: Date;
    building?: string | undefined;
    skipResident?: boolean;
    openVote?: boolean;
    stopAt?: 'proposed' | 'evaluating';
  }) {
    const { template, estate, secretary } = t;
    const building =
      template.scope === 'building'
        ? t.building
          ? (nodeById.get(buildingOf(nodeById.get(t.building) as PlanNode)) as PlanNode)
          : random.pick(t.estateBuildings)
        : null;
    if (template.scope === 'building' && !building) return;
    const anyBuilding = building ?? random.pick(t.estateBuildings);
    const neighbours = t.neighbours.filter((u) => !(t.skipResident && u.username === 'resident'));
    const proposer =
      neighbours.length && random.chance(0.75)
        ? random.pick(neighbours)
        : (gridWorkerOf(anyBuilding?.parent_id as string) ?? secretary);
    const id = randomUUID();
    const title = template.title.replace('{b}', building?.name ?? anyBuilding?.name ?? '');
    const description = template.description.replace('{b}', building?.name ?? anyBuilding?.name ?? '');
    const cost = template.cost ? random.int(template.cost[0] / 100, template.cost[1] / 100) * 10_000 : null;
    const steps: { step: string; at: Date; action?: string }[] = [{ step: 'proposed', at: t.proposedAt }];
    const meeting = t.days.find((d) => d.at.getTime() > t.proposedAt.getTime() + DAY);
    const row: Row = {
      id,
      street_id: streetId,
      number: number('topic', t.proposedAt),
      estate_id: estate.id,
      community_id: estate.community_id,
      building_id: building?.id ?? null,
      location_path: building?.path ?? t.community.path,
      title,
      description,
      search_text: searchText(title, description),
      estimated_cost_fen: cost,
      step: 'proposed',
      proposed_via: proposer.role === 'resident' ? 'resident' : 'grid_worker',
      proposer_user_id: proposer.id,
      source_case_id: null,
      merged_into_id: null,
      public_reason: null,
      conclusion: null,
      action_plan: null,
      action_party: null,
      support_count: 0,
      rating_count: 0,
      rating_sum: 0,
      version: 1,
      created_at: t.proposedAt,
      updated_at: t.proposedAt,
      concluded_at: null,
      closed_at: null,
    };
    out.topics.push(row);
    event('delib_topic', id, 'delib.topic_proposed', t.proposedAt, proposer.id, {
      to: 'proposed',
      estateId: estate.id,
      buildingId: building?.id ?? null,
    });
    const supporters = [...neighbours].sort(() => random.next() - 0.5).slice(0, random.int(0, Math.min(12, neighbours.length)));
    for (const s of supporters) {
      if (s.id === proposer.id) continue;
      const at = new Date(t.proposedAt.getTime() + random.between(0.1, 5) * DAY);
      if (at > now) continue;
      out.supports.push({ topic_id: id, user_id: s.id, household_id: s.nodeId, created_at: at });
      event('delib_topic', id, 'delib.topic_supported', at, s.id);
      row.support_count = (row.support_count as number) + 1;
    }
    const move = (step: string, at: Date, action: string, data: Row = {}) => {
      steps.push({ step, at, action });
      row.step = step;
      row.updated_at = at;
      // The moments the statistics count on (migration 0019), as the step moves would stamp them.
      if (step === 'concluded') row.concluded_at = at;
      if (step === 'closed') row.closed_at = at;
      row.version = (row.version as number) + 1;
      event('delib_topic', id, action === 'agenda' ? 'delib.topic_on_agenda' : 'delib.topic_step', at, secretary.id, {
        action,
        from: steps.at(-2)?.step,
        to: step,
        ...data,
      });
    };
    if (!meeting || meeting.at > now || t.stopAt === 'proposed') return;
    out.agenda.push({
      meeting_id: meeting.id,
      topic_id: id,
      seq: out.agenda.filter((a) => a.meeting_id === meeting.id).length + 1,
    });
    move('discussing', meeting.at, 'agenda', { meetingId: meeting.id });
    if (!t.openVote && random.chance(0.06)) {
      const reason = random.pick(DECLINE_REASONS);
      row.public_reason = reason;
      move('declined', new Date(meeting.at.getTime() + 3_600_000), 'decline', { note: reason });
      return;
    }
    const concludedAt = new Date(meeting.at.getTime() + 3_600_000);
    row.conclusion = template.conclusion;
    move('concluded', concludedAt, 'conclude', { note: template.conclusion });
    const resolutionId = randomUUID();
    const dueOn = isoDay(new Date(concludedAt.getTime() + 30 * DAY));
    out.resolutions.push({
      id: resolutionId,
      street_id: streetId,
      meeting_id: meeting.id,
      topic_id: id,
      text: template.conclusion,
      owner_party: template.party,
      due_on: dueOn,
      case_id: null,
      created_by: secretary.id,
      created_at: concludedAt,
    });
    event('delib_topic', id, 'delib.topic_resolution', concludedAt, secretary.id, {
      resolutionId,
      meetingId: meeting.id,
      ownerParty: template.party,
      dueOn,
      text: template.conclusion,
    });
    let actFrom = new Date(concludedAt.getTime() + random.int(1, 4) * DAY);
    if (template.vote || t.openVote) {
      const closesAt = t.openVote ? new Date(now.getTime() + 7 * DAY) : new Date(concludedAt.getTime() + 15 * DAY);
      const passed = addVote({
        topicId: id,
        title: `${title}：表决`,
        estateId: estate.id,
        building,
        opensAt: new Date(concludedAt.getTime() + 2 * DAY),
        closesAt,
        secretary,
        keepOpenFor: t.openVote ? 'resident' : undefined,
      });
      if (closesAt > now) return;
      if (!passed) {
        row.public_reason = '业主表决未达到法定通过比例，暂缓实施。';
        move('declined', closesAt, 'decline', { note: row.public_reason });
        return;
      }
      actFrom = new Date(closesAt.getTime() + DAY);
    }
    if (actFrom > now) return;
    row.action_plan = template.conclusion;
    row.action_party = template.party;
    move('acting', actFrom, 'act', { note: template.conclusion, party: template.party });
    const doneAt = new Date(actFrom.getTime() + random.int(7, 40) * DAY);
    if (doneAt > now && t.stopAt !== 'evaluating') return;
    const evaluatingAt = t.stopAt === 'evaluating' ? new Date(Math.min(doneAt.getTime(), now.getTime() - 3 * DAY)) : doneAt;
    if (cost) {
      const lineId = randomUUID();
      const amount = Math.round((cost * random.between(0.85, 1.05)) / 100) * 100;
      const spentOn = `${title}工程款`;
      out.funds.push({
        id: lineId,
        street_id: streetId,
        estate_id: estate.id,
        location_path: t.community.path,
        topic_id: id,
        source: template.source,
        amount_fen: amount,
        spent_on: spentOn,
        paid_on: isoDay(evaluatingAt),
        created_by: secretary.id,
        created_at: evaluatingAt,
      });
      event('delib_fund_line', lineId, 'delib.fund_line_added', evaluatingAt, secretary.id, {
        source: template.source,
        amountFen: amount,
        topicId: id,
      });
      event('delib_topic', id, 'delib.topic_fund_line', evaluatingAt, secretary.id, {
        source: template.source,
        amountFen: amount,
        spentOn,
        fundLineId: lineId,
      });
    }
    move('evaluating', evaluatingAt, 'complete');
    for (const s of supporters.filter(() => random.chance(0.5))) {
      const at = new Date(evaluatingAt.getTime() + random.between(0.5, 6) * DAY);
      if (at > now || s.id === proposer.id) continue;
      const score = random.weighted([
        [5, 6],
        [4, 3],
        [3, 1],
      ] as const);
      out.ratings.push({ topic_id: id, user_id: s.id, score, comment: null, created_at: at });
      event('delib_topic', id, 'delib.topic_rated', at, s.id, { score });
      row.rating_count = (row.rating_count as number) + 1;
      row.rating_sum = (row.rating_sum as number) + score;
    }
    const closedAt = new Date(evaluatingAt.getTime() + 10 * DAY);
    if (t.stopAt || closedAt > now) return;
    move('closed', closedAt, 'close');
  }

  function addVote(v: {
    topicId: string;
    title: string;
    estateId: string;
    building: PlanNode | null;
    opensAt: Date;
    closesAt: Date;
    secretary: DelibUser;
    keepOpenFor?: 'resident' | undefined;
  }) {
    const rule = v.building ? VOTE_PRESETS.building : VOTE_PRESETS.major;
    const voters = v.building
      ? (householdsOf.get(v.building.id) ?? [])
      : buildings.filter((b) => b.estate_id === v.estateId).flatMap((b) => householdsOf.get(b.id) ?? []);
    const electorate = { households: voters.length, areaCm2: voters.reduce((sum, h) => sum + areaCm2(h.floor_area_m2), 0) };
    const id = randomUUID();
    const open = v.closesAt > now;
    const turnout = random.between(0.8, 0.97);
    const ballots: Ballot[] = [];
    for (const hh of voters) {
      const owner = userOfHousehold.get(hh.id);
      if (v.keepOpenFor && owner?.username === 'resident') continue;
      if (!random.chance(turnout)) continue;
      const castAt = new Date(
        v.opensAt.getTime() +
          random.between(0.1, (Math.min(v.closesAt.getTime(), now.getTime()) - v.opensAt.getTime()) / DAY) * DAY,
      );
      const choice = random.weighted([
        ['yes', 86],
        ['no', 9],
        ['abstain', 5],
      ] as const);
      ballots.push({
        householdId: hh.id,
        choice,
        channel: owner ? 'online' : 'paper',
        areaCm2: areaCm2(hh.floor_area_m2),
        castAt,
      });
      out.ballots.push({
        vote_id: id,
        household_id: hh.id,
        choice,
        channel: owner ? 'online' : 'paper',
        area_cm2: areaCm2(hh.floor_area_m2),
        cast_by_user_id: owner?.id ?? v.secretary.id,
        cast_at: castAt,
      });
    }
    const tally = tallyVote(rule, electorate, ballots);
    out.votes.push({
      id,
      street_id: streetId,
      number: number('vote', v.opensAt),
      topic_id: v.topicId,
      estate_id: v.estateId,
      building_id: v.building?.id ?? null,
      location_path:
        v.building?.path ??
        (nodeById.get(plan.estates.find((e) => e.id === v.estateId)?.community_id as string) as PlanNode).path,
      title: v.title.slice(0, 80),
      weighting: rule.weighting,
      quorum_num: rule.quorum.num,
      quorum_den: rule.quorum.den,
      pass_num: rule.pass.num,
      pass_den: rule.pass.den,
      pass_base: rule.passBase,
      pass_strict: rule.passStrict,
      electorate_households: electorate.households,
      electorate_area_cm2: electorate.areaCm2,
      opens_at: v.opensAt,
      closes_at: v.closesAt,
      status: open ? 'open' : 'closed',
      result: open ? null : tally.result,
      tally: open ? null : tally,
      created_by: v.secretary.id,
      created_at: v.opensAt,
      closed_at: open ? null : v.closesAt,
    });
    event('delib_topic', v.topicId, 'delib.topic_vote_opened', v.opensAt, v.secretary.id, { voteId: id, title: v.title });
    if (!open) {
      event('delib_topic', v.topicId, 'delib.topic_vote_closed', v.closesAt, v.secretary.id, {
        voteId: id,
        result: tally.result,
        turnout: tally.turnout,
      });
    }
    return !open && tally.passed;
  }

  // Each council reviews the community's topics proposed in the month before it.
  for (const [communityId, slots] of councils) {
    for (const slot of slots) {
      if (slot.at > now) continue;
      const monthAgo = slot.at.getTime() - 31 * DAY;
      const recent = out.topics
        .filter(
          (t) =>
            t.community_id === communityId && (t.created_at as Date).getTime() > monthAgo && (t.created_at as Date) < slot.at,
        )
        .slice(0, 6);
      for (const t of recent) out.agenda.push({ meeting_id: slot.id, topic_id: t.id, seq: nextSeq(slot.id) });
    }
  }
  renumber(out.topics, 'topic', 'created_at');
  renumber(out.meetings, 'meeting', 'starts_at');
  renumber(out.votes, 'vote', 'opens_at');
  for (const [key, last] of counters) {
    const [kind, year] = key.split(':');
    out.counters.push({ street_id: streetId, kind, year: Number(year), last });
  }
  out.events.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  return out;
}
