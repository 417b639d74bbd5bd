/**
 * Six months of service requests from the menu: residents of the pool ask for help (elder care
 * most of all), the community matches the best-ranked volunteer, who serves it; most are rated,
 * a few cancelled or declined, the latest still open. Deadlines in working days of the street's
 * calendar, as the live service counts them. Pure.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { addWorkingDays, type DayTable, localDate } from '../modules/calendar/working-days.ts';
import type { Source } from '../modules/points/points-rules.ts';
import { rankCandidates } from '../modules/services/request-lifecycle.ts';
import type { ServiceRequestsTable } from '../modules/services/services.tables.ts';
import { DAY_MS, HOUR_MS } from './case-time.ts';
import type { Random } from './random.ts';
import type { PoolMember, VolunteerPeople } from './volunteer-people.ts';
import type { VolunteerRecord } from './volunteer-record.ts';

export type ServiceRequestRow = Selectable<ServiceRequestsTable>;

export interface MenuItem {
  id: string;
  code: string;
  categoryCode: string;
  name_zh: string;
  name_en: string;
  skills: string[];
  duration_minutes: number;
  working_days: number;
}

/** How often each category is asked for: help for the elderly first, as in the seeds. */
const CATEGORY_WEIGHT: Record<string, number> = {
  ELDER: 10,
  HEALTH: 5,
  DIGITAL: 5,
  REPAIR: 4,
  LEGAL: 3,
  CONVENIENCE: 3,
  DISABLED: 2,
  TUTOR: 2,
  CHILD: 2,
  SAFETY: 2,
  ENV: 1,
  CULTURE: 1,
};
const NEEDS: Record<string, string[]> = {
  ELDER: ['老伴住院，家里没人做饭，想请人送几天餐', '母亲独居，希望每周有人来陪她聊聊天', '腿脚不便，想请人帮忙买些米面油'],
  HEALTH: ['血压最近不稳定，想请人上门测一测', '想咨询一下中医理疗', '孩子高考压力大，想找人聊聊'],
  DIGITAL: ['不会用手机挂号，想请人教一教', '医保要在网上认证，不会操作'],
  REPAIR: ['洗衣机不脱水了', '厨房水龙头一直滴水', '插座冒火花，不敢用'],
  LEGAL: ['单位拖欠工资，想咨询怎么维权', '想立一份遗嘱，请律师看看'],
  CONVENIENCE: ['老伴卧床，想请师傅上门理发'],
  DISABLED: ['儿子坐轮椅，下周要去医院复查，需要人陪同'],
  TUTOR: ['孩子数学跟不上，想找人辅导作业'],
  CHILD: ['放学后家里没人，孩子想去四点半课堂'],
  SAFETY: ['家里燃气灶用了十多年，想请人检查一下'],
  ENV: ['楼道里堆满杂物，想请志愿者帮忙清理'],
  CULTURE: ['想学书法，有没有人能指导'],
};
const COMMENTS = ['很耐心，谢谢！', '准时上门，服务很好', '帮了大忙', '态度很好', null, null];
const CANCEL_REASONS = ['家里人已经帮忙解决了', '时间对不上，改天再约'];
const DECLINE_REASONS = ['该项服务本月名额已满，已转介到街道社工站'];

export interface ServiceHistoryInput {
  random: Random;
  people: VolunteerPeople;
  items: MenuItem[];
  table: DayTable;
  timeZone: string;
  streetId: string;
  /** Skills of each partner's patrol registration, by volunteer id: read through the link, like the live code. */
  partnerSkills: Map<string, string[]>;
  /** Who is told of a new request: the staff of its community and the worker of its grid. */
  handlers: (member: PoolMember) => string[];
  pointsOf: (source: Source, minutes: number, servedAt: Date) => number;
  record: VolunteerRecord;
}

export function planServiceHistory(input: ServiceHistoryInput): {
  requests: ServiceRequestRow[];
  counters: { year: number; last: number }[];
} {
  const { random, people, record } = input;
  const now = record.now;
  const requests: ServiceRequestRow[] = [];
  const weighted = input.items.map((item) => [item, CATEGORY_WEIGHT[item.categoryCode] ?? 1] as const);
  const volunteersOf = new Map<string, typeof people.volunteers>();
  for (const v of people.volunteers.filter((v) => v.status === 'approved')) {
    const list = volunteersOf.get(v.community_id) ?? [];
    list.push(v);
    volunteersOf.set(v.community_id, list);
  }
  const nameOf = new Map(people.users.map((u) => [u.id, u.displayName]));
  const userOfVolunteer = new Map(people.volunteers.map((v) => [v.id, v.user_id]));

  const planned: { member: PoolMember; at: Date }[] = [];
  // The demo resident's own: one served and rated three weeks ago, one asked for yesterday and matched.
  const demo = people.demoResident;
  if (demo)
    planned.push(
      { member: demo, at: new Date(now.getTime() - 21 * DAY_MS) },
      { member: demo, at: new Date(now.getTime() - DAY_MS) },
    );
  for (const member of people.pool) {
    if (member === demo) continue;
    // The elderly ask most; each asks a few times in half a year at most.
    const asks = member.age >= 65 ? random.int(0, 3) : random.chance(0.3) ? 1 : 0;
    for (let i = 0; i < asks; i++) planned.push({ member, at: new Date(now.getTime() - random.between(0.1, 180) * DAY_MS) });
  }
  planned.sort((a, b) => a.at.getTime() - b.at.getTime());
  const counters = new Map<number, number>();

  for (const { member, at } of planned) {
    const item = random.weighted(weighted);
    const id = randomUUID();
    const year = Number(localDate(at, input.timeZone).slice(0, 4));
    counters.set(year, (counters.get(year) ?? 0) + 1);
    const due = addWorkingDays(at, item.working_days, input.table, { timeZone: input.timeZone });
    const row: ServiceRequestRow = {
      id,
      street_id: input.streetId,
      number: `FW${year}-${String(counters.get(year)).padStart(6, '0')}`,
      item_id: item.id,
      requester_user_id: member.userId,
      node_id: member.householdId,
      path: member.homePath,
      description: random.pick(NEEDS[item.categoryCode] ?? ['需要帮助']),
      address: null,
      contact_phone: member.phone,
      preferred_time: random.pick(['周六上午', '工作日下午', '尽快', null]),
      state: 'requested',
      volunteer_id: null,
      matched_at: null,
      started_at: null,
      completed_at: null,
      minutes_served: null,
      due_date: due.dueDate,
      due_at: due.dueAt,
      rating: null,
      rating_comment: null,
      rated_at: null,
      closing_reason: null,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    requests.push(row);
    const info = { requestId: id, number: row.number, itemNameZh: item.name_zh, itemNameEn: item.name_en };
    record.event('service_request', id, 'service_request.requested', member.userId, at, {
      itemId: item.id,
      dueDate: due.dueDate,
    });
    record.notify(input.handlers(member), 'service_request.requested', at, info);
    const move = (
      to: ServiceRequestRow['state'],
      when: Date,
      actor: string,
      data: Record<string, unknown>,
      tell: (string | null)[],
    ) => {
      record.event('service_request', id, `service_request.${to}`, actor, when, { from: row.state, to, ...data });
      record.notify(
        tell.filter((u) => u !== actor),
        `service_request.${to === 'in_service' ? 'start' : to === 'completed' ? 'complete' : to === 'rated' ? 'rate' : to === 'matched' ? 'match' : to === 'cancelled' ? 'cancel' : 'decline'}`,
        when,
        info,
      );
      row.state = to;
      row.updated_at = when;
      row.version += 1;
    };
    const staff = input.people.deciders.get(member.communityId) as string;
    const fate =
      member === demo
        ? 'served'
        : random.weighted([
            ['served', 88],
            ['cancelled', 7],
            ['declined', 5],
          ] as const);
    if (fate === 'declined') {
      const when = new Date(at.getTime() + random.between(2, 30) * HOUR_MS);
      if (!record.happened(when)) continue;
      row.closing_reason = random.pick(DECLINE_REASONS);
      move('declined', when, staff, { reason: row.closing_reason }, [member.userId]);
      continue;
    }
    const candidates = volunteersOf.get(member.communityId) ?? [];
    // Ties are broken by id: the candidates go in by their place in the list, so the same seed picks the same volunteer.
    const ranked = rankCandidates(
      item.skills,
      member.gridId,
      candidates.map((v, i) => ({
        id: String(i).padStart(5, '0'),
        skills: [...v.skills, ...(input.partnerSkills.get(v.id) ?? [])],
        gridId: v.grid_id,
        openRequests: 0,
      })),
    );
    const pick = ranked[random.int(0, Math.min(2, ranked.length - 1))];
    const chosen = pick && candidates[Number(pick.id)];
    const matchedAt = new Date(at.getTime() + random.between(1, 36) * HOUR_MS);
    if (!chosen || !record.happened(matchedAt)) continue;
    if (fate === 'cancelled') {
      const when = new Date(matchedAt.getTime() - random.between(0.2, 0.9) * (matchedAt.getTime() - at.getTime()));
      row.closing_reason = random.pick(CANCEL_REASONS);
      move('cancelled', when, member.userId, { reason: row.closing_reason }, []);
      continue;
    }
    const volunteerUser = userOfVolunteer.get(chosen.id) as string;
    row.volunteer_id = chosen.id;
    row.matched_at = matchedAt;
    move('matched', matchedAt, staff, { volunteerId: chosen.id, volunteerName: nameOf.get(volunteerUser) ?? null, note: null }, [
      volunteerUser,
      member.userId,
    ]);
    const startedAt = new Date(matchedAt.getTime() + random.between(4, 60) * HOUR_MS);
    if (!record.happened(startedAt)) continue;
    row.started_at = startedAt;
    move('in_service', startedAt, volunteerUser, {}, [member.userId]);
    const minutes = Math.max(20, item.duration_minutes + random.int(-2, 4) * 15);
    const completedAt = new Date(startedAt.getTime() + minutes * 60_000);
    if (!record.happened(completedAt)) continue;
    row.completed_at = completedAt;
    row.minutes_served = minutes;
    record.credit({
      userId: volunteerUser,
      source: 'service_request',
      sourceId: id,
      minutes,
      servedAt: completedAt,
      recordedBy: volunteerUser,
    });
    move(
      'completed',
      completedAt,
      volunteerUser,
      { minutes, points: input.pointsOf('service_request', minutes, completedAt), note: null },
      [member.userId],
    );
    const ratedAt = new Date(completedAt.getTime() + random.between(3, 72) * HOUR_MS);
    if (!record.happened(ratedAt) || random.chance(0.08)) continue;
    row.rating = random.weighted([
      [5, 70],
      [4, 22],
      [3, 6],
      [2, 2],
    ] as const);
    row.rating_comment = random.pick(COMMENTS);
    row.rated_at = ratedAt;
    move('rated', ratedAt, member.userId, { rating: row.rating, comment: row.rating_comment }, [volunteerUser]);
  }
  return { requests, counters: [...counters].map(([year, last]) => ({ year, last })) };
}
