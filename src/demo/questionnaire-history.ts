/**
 * The questionnaire that chose the first community's courses, revised over four versions (seed
 * 004: "ten enthusiastic residents ... a total of four versions"): ten residents answer the first
 * three drafts, then the whole pool the fourth, whose favourites became the courses; and a
 * household survey on adding a lift, open now, that the demo resident has still to answer. Pure.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Answer, Question } from '../modules/questionnaires/questionnaire-rules.ts';
import type {
  QuestionnaireResponsesTable,
  QuestionnairesTable,
  QuestionnaireVersionsTable,
} from '../modules/questionnaires/questionnaires.tables.ts';
import { DAY_MS, HOUR_MS } from './case-time.ts';
import type { Random } from './random.ts';
import type { PoolMember, VolunteerPeople } from './volunteer-people.ts';
import type { VolunteerRecord } from './volunteer-record.ts';

export type QuestionnaireRow = Selectable<QuestionnairesTable>;
export type VersionRow = Omit<Selectable<QuestionnaireVersionsTable>, 'questions'> & { questions: Question[] };
export type ResponseRow = Omit<Selectable<QuestionnaireResponsesTable>, 'answers'> & { answers: Record<string, Answer> };

const option = (key: string, label: string) => ({ key, label });
const COURSES_V2 = [
  option('yoga', '女性调理瑜伽'),
  option('fatloss', '减脂训练营'),
  option('illustration', '插画艺术'),
  option('calligraphy', '书法'),
  option('lego', '乐高AI智能课'),
];
const TIME: Question = {
  key: 'time',
  kind: 'single',
  title: '什么时间上课方便？',
  required: true,
  options: [option('evening', '工作日晚上'), option('weekend', '周末')],
};
const IDEAS: Question = { key: 'ideas', kind: 'text', title: '您还希望社区开设什么课程？', required: false };

/** The four versions: categories first, then named courses, then the parents' class and a limit of three, then a rating. */
const VERSIONS: { questions: Question[]; note: string | null }[] = [
  {
    note: null,
    questions: [
      {
        key: 'courses',
        kind: 'single',
        title: '您最想参加哪一类课程？',
        required: true,
        options: [
          option('fitness', '运动健身'),
          option('arts', '艺术兴趣'),
          option('parenting', '亲子育儿'),
          option('tech', '科技编程'),
        ],
      },
      IDEAS,
    ],
  },
  {
    note: '按十位居民的反馈把课程类别细化为具体课程，可多选；增加上课时间',
    questions: [
      { key: 'courses', kind: 'multiple', title: '您希望社区开设哪些课程？（可多选）', required: true, options: COURSES_V2 },
      TIME,
      IDEAS,
    ],
  },
  {
    note: '增加智慧家长课堂；最多选三项；增加由谁参加',
    questions: [
      {
        key: 'courses',
        kind: 'multiple',
        title: '您希望社区开设哪些课程？（最多选三项）',
        required: true,
        maxChoices: 3,
        options: [...COURSES_V2, option('parents', '智慧家长课堂')],
      },
      TIME,
      {
        key: 'who',
        kind: 'single',
        title: '由谁参加？',
        required: true,
        options: [option('self', '本人'), option('child', '孩子'), option('both', '亲子一起')],
      },
      IDEAS,
    ],
  },
  {
    note: '定稿：增加对社区服务的满意度评分',
    questions: [
      {
        key: 'courses',
        kind: 'multiple',
        title: '您希望社区开设哪些课程？（最多选三项）',
        required: true,
        maxChoices: 3,
        options: [...COURSES_V2, option('parents', '智慧家长课堂')],
      },
      TIME,
      {
        key: 'who',
        kind: 'single',
        title: '由谁参加？',
        required: true,
        options: [option('self', '本人'), option('child', '孩子'), option('both', '亲子一起')],
      },
      { key: 'satisfaction', kind: 'rating', title: '您对社区现有服务的满意度', required: false, scale: 5 },
      IDEAS,
    ],
  },
];
/** How much residents wanted each course: the five most wanted became the courses. */
const WANT: Record<string, number> = {
  yoga: 0.55,
  fatloss: 0.42,
  illustration: 0.36,
  lego: 0.4,
  parents: 0.38,
  calligraphy: 0.18,
  fitness: 0.5,
  arts: 0.25,
  parenting: 0.15,
  tech: 0.1,
};
const SAID: Record<string, string[]> = {
  ideas: ['希望有书法课', '老年人能不能开太极拳', '想学做饭', '希望周末多一些亲子活动', '舞蹈课'],
  concern: ['费用怎么分摊', '施工期间出行不便', '一楼采光会不会受影响', '以后的维护保养谁负责'],
};

export interface QuestionnaireHistory {
  questionnaires: QuestionnaireRow[];
  versions: VersionRow[];
  responses: ResponseRow[];
}

function answer(random: Random, questions: Question[]): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const q of questions) {
    if (q.kind === 'single') {
      const weights = (q.options ?? []).map((o) => [o.key, WANT[o.key] ?? 1] as const);
      out[q.key] = random.weighted(weights);
    } else if (q.kind === 'multiple') {
      let chosen = (q.options ?? []).filter((o) => random.chance(WANT[o.key] ?? 0.3)).map((o) => o.key);
      if (q.maxChoices) chosen = chosen.slice(0, q.maxChoices);
      out[q.key] = chosen.length ? chosen : [(q.options ?? [])[0]?.key as string];
    } else if (q.kind === 'rating') {
      if (random.chance(0.85))
        out[q.key] = random.weighted([
          [5, 55],
          [4, 30],
          [3, 10],
          [2, 5],
        ] as const);
    } else if (random.chance(0.25)) out[q.key] = random.pick(SAID[q.key] ?? SAID.ideas ?? []);
  }
  return out;
}

export function planQuestionnaireHistory(input: {
  random: Random;
  people: VolunteerPeople;
  streetId: string;
  community: { id: string; path: string };
  /** The courses began on this day: the questionnaire came before. */
  coursesStart: Date;
  record: VolunteerRecord;
}): QuestionnaireHistory {
  const { random, people, record, community } = input;
  const out: QuestionnaireHistory = { questionnaires: [], versions: [], responses: [] };
  const staff = people.deciders.get(community.id) as string;
  const members = people.pool.filter((p) => p.communityId === community.id);
  const ten = members.filter((p) => p !== people.demoResident).slice(0, 10);

  const questionnaire = (answerPer: 'resident' | 'household', createdAt: Date): QuestionnaireRow => {
    const row: QuestionnaireRow = {
      id: randomUUID(),
      street_id: input.streetId,
      node_id: community.id,
      path: community.path,
      answer_per: answerPer,
      state: 'published',
      current_version: 1,
      created_by: staff,
      created_at: createdAt,
      updated_at: createdAt,
      closed_at: null,
    };
    out.questionnaires.push(row);
    return row;
  };
  const version = (
    q: QuestionnaireRow,
    n: number,
    title: string,
    questions: Question[],
    note: string | null,
    publishedAt: Date,
  ): VersionRow => {
    const row: VersionRow = {
      id: randomUUID(),
      street_id: input.streetId,
      questionnaire_id: q.id,
      version: n,
      title,
      intro:
        n === 1
          ? '社区准备开设免费课程，请告诉我们您想学什么。'
          : '根据居民意见修订。社区准备开设免费课程，请告诉我们您想学什么。',
      questions,
      change_note: note,
      state: 'published',
      published_at: publishedAt,
      published_by: staff,
      created_by: staff,
      created_at: new Date(publishedAt.getTime() - DAY_MS),
    };
    out.versions.push(row);
    return row;
  };
  const respond = (q: QuestionnaireRow, v: VersionRow, who: PoolMember, at: Date) => {
    if (!record.happened(at)) return;
    const row: ResponseRow = {
      id: randomUUID(),
      street_id: input.streetId,
      questionnaire_id: q.id,
      version_id: v.id,
      version: v.version,
      user_id: who.userId,
      household_id: who.householdId,
      respondent_key: q.answer_per === 'household' ? who.householdId : who.userId,
      answers: answer(random, v.questions),
      submitted_at: at,
    };
    out.responses.push(row);
    record.event('questionnaire', q.id, 'questionnaire.answered', who.userId, at, { version: v.version, responseId: row.id });
  };

  // The course questionnaire: a version a week, the fourth answered by everyone, closed before the courses began.
  const first = new Date(input.coursesStart.getTime() - 35 * DAY_MS);
  const courses = questionnaire('resident', first);
  record.event('questionnaire', courses.id, 'questionnaire.published', staff, first, { version: 1 });
  let previous: VersionRow | undefined;
  for (const [i, plan] of VERSIONS.entries()) {
    const publishedAt = new Date(first.getTime() + i * 7 * DAY_MS);
    const v = version(courses, i + 1, '社区课程意向调查', plan.questions, plan.note, publishedAt);
    if (previous) {
      previous.state = 'superseded';
      record.event('questionnaire', courses.id, 'questionnaire.revised', staff, v.created_at, { version: i + 1 });
      record.event('questionnaire', courses.id, 'questionnaire.published', staff, publishedAt, { version: i + 1, before: i });
    }
    const who = i < VERSIONS.length - 1 ? ten : members;
    for (const member of who) respond(courses, v, member, new Date(publishedAt.getTime() + random.between(2, 6 * 24) * HOUR_MS));
    previous = v;
  }
  courses.current_version = VERSIONS.length;
  courses.state = 'closed';
  courses.closed_at = new Date(input.coursesStart.getTime() - 3 * DAY_MS);
  courses.updated_at = courses.closed_at;
  record.event('questionnaire', courses.id, 'questionnaire.closed', staff, courses.closed_at, { version: VERSIONS.length });

  // Open now, once per household: should the old buildings get lifts? The demo resident's household has not answered.
  const opened = new Date(record.now.getTime() - 6 * DAY_MS);
  const lift = questionnaire('household', opened);
  record.event('questionnaire', lift.id, 'questionnaire.published', staff, opened, { version: 1 });
  const liftVersion = version(
    lift,
    1,
    '老旧小区加装电梯意愿征询',
    [
      {
        key: 'agree',
        kind: 'single',
        title: '您家是否同意本单元加装电梯？',
        required: true,
        options: [option('yes', '同意'), option('no', '不同意'), option('unsure', '还没想好')],
      },
      {
        key: 'floor',
        kind: 'single',
        title: '您家住几楼？',
        required: true,
        options: [option('low', '1-2楼'), option('mid', '3-4楼'), option('high', '5楼及以上')],
      },
      { key: 'concern', kind: 'text', title: '您最关心的问题', required: false },
    ],
    null,
    opened,
  );
  const households = new Set<string>();
  for (const member of members) {
    if (
      member === people.demoResident ||
      member.householdId === people.demoResident?.householdId ||
      households.has(member.householdId)
    )
      continue;
    if (!random.chance(0.45)) continue;
    households.add(member.householdId);
    respond(lift, liftVersion, member, new Date(opened.getTime() + random.between(1, 140) * HOUR_MS));
  }
  return out;
}
