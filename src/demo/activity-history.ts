/**
 * Fifteen service activities of the last half year with over two thousand taking part (seed 002),
 * and the five courses the first community's questionnaire chose (seed 004), weekly, half of their
 * sessions still to come, full with a waitlist. Sign-ups take places in order and wait once full, a
 * place given up goes to the first waiting, everyone with a place is reminded the day before, most
 * check in by QR code, and each check-in credits the session's time. Pure.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type {
  ActivitiesTable,
  ActivityAttendanceTable,
  ActivitySessionsTable,
  ActivitySignupsTable,
} from '../modules/activities/activities.tables.ts';
import { type ActivityKind, HOURS_SOURCE } from '../modules/activities/activity-rules.ts';
import type { Source } from '../modules/points/points-rules.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './case-time.ts';
import type { Random } from './random.ts';
import type { VolunteerPeople } from './volunteer-people.ts';
import type { VolunteerRecord } from './volunteer-record.ts';

export type ActivityRow = Omit<Selectable<ActivitiesTable>, 'eligibility' | 'recurrence'> & {
  eligibility: object;
  recurrence: object | null;
};
export type SessionRow = Selectable<ActivitySessionsTable>;
export type SignupRow = Selectable<ActivitySignupsTable>;
export type AttendanceRow = Selectable<ActivityAttendanceTable>;

interface Planned {
  kind: ActivityKind;
  title: string;
  place: string;
  /** 'street' or the index of the community that runs it. */
  by: 'street' | number;
  category: string;
  capacity: number;
  hours: number;
  daysAgo: number;
  sessions?: number;
  volunteers?: boolean;
  report: string;
}

export const SERVICE_ACTIVITIES: Planned[] = [
  {
    kind: 'event',
    title: '中医药进社区义诊',
    place: '街道党群服务中心广场',
    by: 'street',
    category: 'HEALTH',
    capacity: 260,
    hours: 3,
    daysAgo: 170,
    report: '中医师现场把脉问诊，推拿、艾灸体验，发放养生手册。',
  },
  {
    kind: 'event',
    title: '健康知识讲座：慢病管理',
    place: '北苑社区党群服务中心',
    by: 0,
    category: 'HEALTH',
    capacity: 120,
    hours: 2,
    daysAgo: 158,
    report: '社区医生讲解高血压、糖尿病日常管理，现场测量血压。',
  },
  {
    kind: 'service',
    title: '楼道清洁日',
    place: '各小区楼道',
    by: 1,
    category: 'ENV',
    capacity: 60,
    hours: 3,
    daysAgo: 150,
    volunteers: true,
    report: '清理楼道杂物，清除小广告，张贴文明提示。',
  },
  {
    kind: 'event',
    title: '亲子跳蚤市场',
    place: '社区文化广场',
    by: 'street',
    category: 'CHILD',
    capacity: 240,
    hours: 3,
    daysAgo: 141,
    report: '60余个亲子摊位，孩子们交换玩具图书，义卖所得捐给困难家庭。',
  },
  {
    kind: 'event',
    title: '反诈宣传进小区',
    place: '各小区出入口',
    by: 2,
    category: 'SAFETY',
    capacity: 150,
    hours: 2,
    daysAgo: 130,
    report: '民警讲解常见诈骗手法，帮助居民安装国家反诈中心APP。',
  },
  {
    kind: 'event',
    title: '老年人智能手机培训班',
    place: '社区老年活动室',
    by: 0,
    category: 'DIGITAL',
    capacity: 80,
    hours: 2,
    daysAgo: 121,
    sessions: 2,
    report: '教老人用手机挂号、扫码支付、视频通话。',
  },
  {
    kind: 'service',
    title: '垃圾分类桶边督导',
    place: '各小区垃圾投放点',
    by: 3,
    category: 'ENV',
    capacity: 60,
    hours: 2,
    daysAgo: 112,
    volunteers: true,
    report: '志愿者早晚桶边值守，指导居民分类投放。',
  },
  {
    kind: 'event',
    title: '端午包粽子邻里宴',
    place: '社区食堂',
    by: 4,
    category: 'CULTURE',
    capacity: 150,
    hours: 3,
    daysAgo: 100,
    report: '邻里一起包粽子，为独居老人送去粽子和问候。',
  },
  {
    kind: 'event',
    title: '夏日成长营',
    place: '深圳技术大学志愿者服务站',
    by: 'street',
    category: 'TUTOR',
    capacity: 160,
    hours: 3,
    daysAgo: 88,
    sessions: 2,
    report: '高校志愿者带领孩子做科学实验、读书分享。',
  },
  {
    kind: 'event',
    title: '消防安全演练',
    place: '社区消防站',
    by: 5,
    category: 'SAFETY',
    capacity: 180,
    hours: 2,
    daysAgo: 76,
    report: '模拟火灾疏散，学习使用灭火器。',
  },
  {
    kind: 'event',
    title: '棋牌友谊赛',
    place: '暖心驿站',
    by: 1,
    category: 'CULTURE',
    capacity: 100,
    hours: 3,
    daysAgo: 64,
    report: '象棋、围棋、掼蛋三个项目，百余名居民参赛。',
  },
  {
    kind: 'event',
    title: '中秋游园会',
    place: '社区文化广场',
    by: 'street',
    category: 'CULTURE',
    capacity: 280,
    hours: 3,
    daysAgo: 52,
    report: '猜灯谜、做月饼、文艺演出，邻里共度中秋。',
  },
  {
    kind: 'event',
    title: '重阳敬老宴',
    place: '社区长者食堂',
    by: 2,
    category: 'ELDER',
    capacity: 140,
    hours: 2,
    daysAgo: 40,
    report: '为80岁以上老人祝寿，志愿者上门为行动不便的老人送餐。',
  },
  {
    kind: 'service',
    title: '独居老人上门探访',
    place: '辖区独居老人家中',
    by: 0,
    category: 'ELDER',
    capacity: 50,
    hours: 2,
    daysAgo: 28,
    volunteers: true,
    report: '志愿者两人一组上门探访，陪聊、测血压、检查用电安全。',
  },
  {
    kind: 'event',
    title: '社区电影放映夜',
    place: '社区文化广场',
    by: 3,
    category: 'CULTURE',
    capacity: 200,
    hours: 2,
    daysAgo: 14,
    report: '露天放映经典电影，居民自带板凳。',
  },
];

/** The courses the first community's residents chose through its questionnaire (seed 004). */
export const COURSES = [
  { key: 'yoga', title: '女性调理瑜伽', weekday: 2, start: '19:00', hours: 1.5 },
  { key: 'fatloss', title: '减脂训练营', weekday: 4, start: '19:00', hours: 1.5 },
  { key: 'illustration', title: '插画艺术', weekday: 6, start: '09:30', hours: 2 },
  { key: 'lego', title: '乐高AI智能课', weekday: 6, start: '14:00', hours: 2 },
  { key: 'parents', title: '智慧家长课堂', weekday: 3, start: '19:30', hours: 1.5 },
] as const;

export interface ActivityHistory {
  activities: ActivityRow[];
  sessions: SessionRow[];
  signups: SignupRow[];
  attendance: AttendanceRow[];
}

export interface ActivityHistoryInput {
  random: Random;
  people: VolunteerPeople;
  streetId: string;
  streetPath: string;
  communities: { id: string; path: string; name: string }[];
  categories: Map<string, string>;
  /** First session of the courses: a local date, and the instant of a local time on a local date. */
  coursesStart: string;
  at: (date: string, time: string) => Date;
  pointsOf: (source: Source, minutes: number, servedAt: Date) => number;
  record: VolunteerRecord;
}

/** A copy in random order (Fisher-Yates on the seeded source). */
function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const endOf = (start: string, hours: number) => {
  const minutes = Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5)) + hours * 60;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

export function planActivityHistory(input: ActivityHistoryInput): ActivityHistory {
  const { random, people, record } = input;
  const now = record.now;
  const out: ActivityHistory = { activities: [], sessions: [], signups: [], attendance: [] };
  // Scaled to the street: the full demo's pool of about six hundred residents fills them a little over their listed places.
  const scale = Math.min(1.2, people.pool.length / 500);
  const volunteerUsers = (communityId: string) =>
    people.volunteers.filter((v) => v.status === 'approved' && v.community_id === communityId).map((v) => v.user_id);

  const run = (
    plan: {
      kind: ActivityKind;
      title: string;
      place: string;
      node: { id: string; path: string };
      category: string;
      capacity: number;
    },
    sessions: { startsAt: Date; endsAt: Date }[],
    people: string[],
    extra: {
      recurrence?: object;
      report?: string;
      waitlist?: number;
      forced?: { userId: string; place: 'confirmed' | 'waitlisted' }[];
    },
  ) => {
    const staff = input.people.deciders.get(plan.node.id) ?? input.people.deciders.values().next().value ?? null;
    const first = sessions[0] as { startsAt: Date };
    const last = sessions.at(-1) as { endsAt: Date };
    const createdAt = new Date(first.startsAt.getTime() - random.between(10, 20) * DAY_MS);
    const finished = last.endsAt.getTime() + 2 * HOUR_MS < now.getTime();
    const row: ActivityRow = {
      id: randomUUID(),
      street_id: input.streetId,
      node_id: plan.node.id,
      path: plan.node.path,
      kind: plan.kind,
      title: plan.title,
      description: '',
      place: plan.place,
      category_id: input.categories.get(plan.category) ?? null,
      capacity: plan.capacity,
      eligibility:
        plan.kind === 'service' ? { volunteersOnly: true } : plan.node.path === input.streetPath ? {} : { residentsOnly: true },
      signup_closes_at: null,
      recurrence: extra.recurrence ?? null,
      state: finished ? 'finished' : 'published',
      report_summary: finished && extra.report ? extra.report : null,
      reported_at: finished && extra.report ? new Date(last.endsAt.getTime() + DAY_MS) : null,
      reported_by: finished && extra.report ? staff : null,
      created_by: staff as string,
      created_at: createdAt,
      updated_at: createdAt,
      version: 1,
    };
    out.activities.push(row);
    record.event('activity', row.id, 'activity.published', staff, createdAt, {
      title: row.title,
      kind: row.kind,
      capacity: row.capacity,
      sessions: sessions.length,
    });
    const sessionRows = sessions.map(
      (s, i): SessionRow => ({
        id: randomUUID(),
        street_id: input.streetId,
        activity_id: row.id,
        seq: i + 1,
        starts_at: s.startsAt,
        ends_at: s.endsAt,
        checkin_code: randomBytes(18).toString('base64url'),
        reminded_at: null,
        cancelled_at: null,
      }),
    );
    out.sessions.push(...sessionRows);

    // Sign-ups and cancellations one after another as they came: a place while there is one, then the
    // waitlist; a place given up goes at once to the first waiting, as the live service does it.
    const forced = extra.forced ?? [];
    const wanted = people
      .filter((u) => !forced.some((f) => f.userId === u))
      .slice(0, plan.capacity + (extra.waitlist ?? random.int(0, 4)));
    const span = first.startsAt.getTime() - createdAt.getTime() - HOUR_MS;
    const lastChance = Math.min(first.startsAt.getTime(), now.getTime()) - HOUR_MS;
    const moves: { at: number; kind: 'signup' | 'cancel'; userId: string }[] = forced.map((f) => ({
      at: f.place === 'confirmed' ? createdAt.getTime() + MINUTE_MS : lastChance,
      kind: 'signup' as const,
      userId: f.userId,
    }));
    for (const userId of wanted) {
      const at = createdAt.getTime() + random.next() * span;
      moves.push({ at, kind: 'signup', userId });
      if (random.chance(0.04))
        moves.push({ at: at + random.next() * (first.startsAt.getTime() - at) * 0.9, kind: 'cancel', userId });
    }
    moves.sort((a, b) => a.at - b.at);
    const signups: SignupRow[] = [];
    const byUser = new Map<string, SignupRow>();
    for (const move of moves) {
      if (move.at > now.getTime()) continue;
      const at = new Date(move.at);
      if (move.kind === 'signup') {
        const status = signups.filter((s) => s.status === 'confirmed').length < plan.capacity ? 'confirmed' : 'waitlisted';
        const signup: SignupRow = {
          id: randomUUID(),
          street_id: input.streetId,
          activity_id: row.id,
          user_id: move.userId,
          status,
          signed_up_at: at,
          confirmed_at: status === 'confirmed' ? at : null,
          promoted: false,
          cancelled_at: null,
        };
        signups.push(signup);
        byUser.set(move.userId, signup);
        record.event('activity', row.id, status === 'confirmed' ? 'activity.signed_up' : 'activity.waitlisted', move.userId, at, {
          signupId: signup.id,
          userId: move.userId,
        });
        continue;
      }
      const gone = byUser.get(move.userId);
      if (!gone || gone.status === 'cancelled') continue;
      const was = gone.status;
      gone.status = 'cancelled';
      gone.cancelled_at = at;
      record.event('activity', row.id, 'activity.signup_cancelled', move.userId, at, {
        signupId: gone.id,
        userId: move.userId,
        was,
      });
      const next = signups
        .filter((w) => w.status === 'waitlisted')
        .sort((a, b) => a.signed_up_at.getTime() - b.signed_up_at.getTime())[0];
      if (was !== 'confirmed' || !next) continue;
      next.status = 'confirmed';
      next.promoted = true;
      next.confirmed_at = at;
      record.event('activity', row.id, 'activity.promoted', move.userId, at, { signupId: next.id, userId: next.user_id });
      record.notify([next.user_id], 'activity.promoted', at, { activityId: row.id, title: row.title });
    }
    out.signups.push(...signups);

    // Reminders the day before, then check-in by QR code (a few marked at the desk) and the time credited.
    for (const session of sessionRows) {
      const remindAt = new Date(session.starts_at.getTime() - 24 * HOUR_MS + random.int(0, 9) * MINUTE_MS);
      const confirmed = signups.filter((s) => s.status === 'confirmed' && (s.confirmed_at as Date) <= remindAt);
      if (record.happened(remindAt)) {
        session.reminded_at = remindAt;
        record.notify(
          confirmed.map((s) => s.user_id),
          'activity.reminder',
          remindAt,
          { activityId: row.id, title: row.title, place: row.place, seq: session.seq, startsAt: session.starts_at },
        );
        record.event('activity', row.id, 'activity.reminded', null, remindAt, {
          sessionId: session.id,
          seq: session.seq,
          people: confirmed.length,
        });
      }
      if (!record.happened(session.ends_at)) continue;
      const minutes = Math.round((session.ends_at.getTime() - session.starts_at.getTime()) / MINUTE_MS);
      for (const s of signups.filter((s) => s.status === 'confirmed')) {
        if (!random.chance(0.88)) continue;
        const at = new Date(session.starts_at.getTime() + random.between(-25, 15) * MINUTE_MS);
        const method = random.chance(0.92) ? 'qr' : 'desk';
        const by = method === 'qr' ? s.user_id : staff;
        out.attendance.push({
          id: randomUUID(),
          street_id: input.streetId,
          activity_id: row.id,
          session_id: session.id,
          user_id: s.user_id,
          checked_in_at: at,
          method,
          recorded_by: by,
        });
        const source = HOURS_SOURCE[row.kind];
        record.credit({ userId: s.user_id, source, sourceId: session.id, minutes, servedAt: session.starts_at, recordedBy: by });
        record.event('activity', row.id, 'activity.checked_in', by, at, {
          sessionId: session.id,
          userId: s.user_id,
          method,
          points: input.pointsOf(source, minutes, session.starts_at),
        });
      }
    }
    if (finished) {
      record.event('activity', row.id, 'activity.finished', staff, new Date(last.endsAt.getTime() + 3 * HOUR_MS), {
        from: 'published',
        reason: null,
      });
      if (row.reported_at) record.event('activity', row.id, 'activity.reported', staff, row.reported_at, { photos: 0 });
    }
    return row;
  };

  const communityOf = (by: 'street' | number) =>
    by === 'street'
      ? { id: input.streetId, path: input.streetPath }
      : (input.communities[by % input.communities.length] as { id: string; path: string });
  for (const planned of SERVICE_ACTIVITIES) {
    const node = communityOf(planned.by);
    // Volunteer service is for the organising community's volunteers; everything else is open to the whole street.
    const pool = planned.volunteers ? volunteerUsers(node.id) : people.pool.map((p) => p.userId);
    const capacity = Math.max(3, Math.round(planned.capacity * scale));
    const day = new Date(now.getTime() - planned.daysAgo * DAY_MS);
    const date = day.toISOString().slice(0, 10);
    const sessions = Array.from({ length: planned.sessions ?? 1 }, (_, i) => {
      const startsAt = input.at(new Date(Date.parse(`${date}T00:00:00Z`) + i * 7 * DAY_MS).toISOString().slice(0, 10), '09:00');
      return { startsAt, endsAt: new Date(startsAt.getTime() + planned.hours * HOUR_MS) };
    });
    run({ ...planned, node, capacity }, sessions, shuffle(random, pool), { report: planned.report, waitlist: 0 });
  }

  // The courses: twelve weekly sessions from six weeks ago, full, with a waitlist; the demo resident has a place in one and waits for another.
  const [first] = input.communities;
  if (!first) return out;
  const members = people.pool.filter((p) => p.communityId === first.id && p !== people.demoResident).map((p) => p.userId);
  const demo = people.demoResident?.userId;
  for (const course of COURSES) {
    const sessions: { startsAt: Date; endsAt: Date }[] = [];
    for (let day = 0; sessions.length < 12; day++) {
      const date = new Date(Date.parse(`${input.coursesStart}T00:00:00Z`) + day * DAY_MS).toISOString().slice(0, 10);
      if ((new Date(`${date}T00:00:00Z`).getUTCDay() || 7) !== course.weekday) continue;
      const startsAt = input.at(date, course.start);
      sessions.push({ startsAt, endsAt: new Date(startsAt.getTime() + course.hours * HOUR_MS) });
    }
    const capacity = Math.max(2, Math.round(25 * Math.max(scale, 0.1)));
    const forced = demo
      ? course.key === 'parents'
        ? [{ userId: demo, place: 'confirmed' as const }]
        : course.key === 'lego'
          ? [{ userId: demo, place: 'waitlisted' as const }]
          : []
      : [];
    run(
      {
        kind: 'course',
        title: course.title,
        place: '北苑社区党群服务中心三楼活动室',
        node: first,
        category:
          course.key === 'lego' || course.key === 'illustration' ? 'TUTOR' : course.key === 'parents' ? 'CHILD' : 'HEALTH',
        capacity,
      },
      sessions,
      shuffle(random, members),
      {
        recurrence: {
          weekdays: [course.weekday],
          start: course.start,
          end: endOf(course.start, course.hours),
          firstDate: input.coursesStart,
          count: 12,
        },
        waitlist: random.int(2, 5),
        forced,
      },
    );
  }
  return out;
}
