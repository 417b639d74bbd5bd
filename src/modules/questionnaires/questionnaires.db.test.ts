import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, firstCommunity, ok, refused } from '../../../test/api-as.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';

let h: Harness;
let community: { id: string; path: string };

const VERSION_1 = {
  title: '社区课程意向调查',
  intro: '社区准备开设免费课程，请选出您最想参加的。',
  questions: [
    {
      key: 'courses',
      kind: 'multiple',
      title: '您希望社区开设哪些课程？',
      maxChoices: 2,
      options: [
        { key: 'yoga', label: '女性调理瑜伽' },
        { key: 'lego', label: '乐高AI智能课' },
      ],
    },
    { key: 'satisfaction', kind: 'rating', title: '对社区现有服务的满意度', required: false },
  ],
};
const VERSION_2 = {
  ...VERSION_1,
  changeNote: '加入插画艺术和智慧家长课堂，增加时间选择',
  questions: [
    {
      ...VERSION_1.questions[0],
      options: [
        ...(VERSION_1.questions[0]?.options ?? []),
        { key: 'art', label: '插画艺术' },
        { key: 'parents', label: '智慧家长课堂' },
      ],
    },
    {
      key: 'time',
      kind: 'single',
      title: '什么时间方便？',
      options: [
        { key: 'evening', label: '工作日晚上' },
        { key: 'weekend', label: '周末' },
      ],
    },
    VERSION_1.questions[1],
    { key: 'ideas', kind: 'text', title: '其他建议', required: false },
  ],
};

beforeAll(async () => {
  h = await startHarness();
  ({ community } = await firstCommunity(h));
});
afterAll(() => h.close());

describe('a questionnaire revised while it is answered', () => {
  let id: string;
  let v1: string;
  let v2: string;

  it('is drawn up and published to the community as version 1', async () => {
    const secretary = await as(h, 'secretary');
    const made = await ok(
      await secretary.post('/api/questionnaires', { ...VERSION_1, nodeId: community.id, answerPer: 'resident', publish: true }),
      201,
    );
    id = made.id;
    v1 = made.current.id;
    expect(made).toMatchObject({ state: 'published', currentVersion: 1, current: { version: 1, state: 'published' } });
  });

  it('is offered to the community’s residents and not to those of another', async () => {
    const open = await ok(await (await as(h, 'resident')).get('/api/questionnaires'));
    expect(open.items.map((q: { id: string }) => q.id)).toContain(id);
    expect(
      (await ok(await (await as(h, 'sec_c02')).get('/api/questionnaires'))).items.map((q: { id: string }) => q.id),
    ).not.toContain(id);
    expect(
      refused(await (await as(h, 'sec_c02')).post(`/api/questionnaires/${id}/responses`, { versionId: v1, answers: {} }), 404)
        .code,
    ).toBe('NOT_FOUND');
  });

  it('takes one answer per resident to version 1, checked against its questions', async () => {
    const resident = await as(h, 'resident');
    const missing = refused(
      await resident.post(`/api/questionnaires/${id}/responses`, { versionId: v1, answers: { satisfaction: 4 } }),
      400,
    );
    expect(missing).toMatchObject({ code: 'ANSWER_REQUIRED', field: 'answers.courses' });
    const answered = await ok(
      await resident.post(`/api/questionnaires/${id}/responses`, {
        versionId: v1,
        answers: { courses: ['yoga'], satisfaction: 4 },
      }),
    );
    expect(answered).toMatchObject({ answeredCurrent: true, myAnswers: { courses: ['yoga'], satisfaction: 4 } });
    expect(
      refused(await resident.post(`/api/questionnaires/${id}/responses`, { versionId: v1, answers: { courses: ['lego'] } }), 409)
        .code,
    ).toBe('QUESTIONNAIRE_ALREADY_ANSWERED');
    // The grid worker of the community's first grid answers too.
    await ok(
      await (await as(h, 'grid')).post(`/api/questionnaires/${id}/responses`, {
        versionId: v1,
        answers: { courses: ['lego', 'yoga'] },
      }),
    );
  });

  it('is revised as version 2 beside version 1, which is answered until version 2 is published', async () => {
    const secretary = await as(h, 'secretary');
    const drafted = await ok(await secretary.put(`/api/questionnaires/${id}/draft`, VERSION_2));
    expect(drafted).toMatchObject({
      currentVersion: 1,
      draft: { version: 2, state: 'draft', changes: { added: ['time', 'ideas'], changed: ['courses'] } },
    });
    expect((await ok(await (await as(h, 'resident')).get(`/api/questionnaires/${id}`))).draft).toBeNull();
    const published = await ok(await secretary.post(`/api/questionnaires/${id}/publish`));
    v2 = published.current.id;
    expect(published).toMatchObject({ currentVersion: 2, answeredCurrent: false, draft: null });
    expect(published.history.map((v: { version: number; state: string }) => [v.version, v.state])).toEqual([
      [1, 'superseded'],
      [2, 'published'],
    ]);
    expect(refused(await secretary.post(`/api/questionnaires/${id}/publish`), 409).code).toBe('QUESTIONNAIRE_NO_DRAFT');
  });

  it('refuses answers to the replaced version, and takes the same resident’s answer to version 2', async () => {
    const resident = await as(h, 'resident');
    const stale = refused(
      await resident.post(`/api/questionnaires/${id}/responses`, { versionId: v1, answers: { courses: ['yoga'] } }),
      409,
    );
    expect(stale).toMatchObject({ code: 'QUESTIONNAIRE_VERSION_SUPERSEDED', field: 'versionId' });
    await ok(
      await resident.post(`/api/questionnaires/${id}/responses`, {
        versionId: v2,
        answers: { courses: ['yoga', 'art'], time: 'evening', satisfaction: 5, ideas: '=HYPERLINK("http://x")' },
      }),
    );
  });

  it('shows the results of each version from its own answers only', async () => {
    const results = await ok(await (await as(h, 'secretary')).get(`/api/questionnaires/${id}/results`));
    const [first, second] = results.versions;
    expect(first).toMatchObject({ version: 1, responses: 2 });
    expect(first.results[0].options.map((o: { key: string; count: number }) => [o.key, o.count])).toEqual([
      ['yoga', 2],
      ['lego', 1],
    ]);
    expect(second).toMatchObject({ version: 2, responses: 1 });
    expect(second.results[0].options.map((o: { count: number }) => o.count)).toEqual([1, 0, 1, 0]);
    expect(second.results[2]).toMatchObject({ kind: 'rating', average: 5 });
    expect(refused(await (await as(h, 'resident')).get(`/api/questionnaires/${id}/results`), 404).code).toBe('NOT_FOUND');
  });

  it('exports both versions’ results and answers, with no one’s name and no live formula', async () => {
    const response = await (await as(h, 'secretary')).get(`/api/questionnaires/${id}/export.xlsx?lang=en`);
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['v1 results', 'v1 answers', 'v2 results', 'v2 answers']);
    const answers = book.getWorksheet('v2 answers');
    expect(answers?.getRow(2).getCell(6).value).toBe('\'=HYPERLINK("http://x")');
    expect(response.rawPayload.toString('latin1')).not.toContain('resident');
  });
});

describe('a questionnaire answered per household', () => {
  it('takes one answer from each household: a second member is told it has been answered', async () => {
    const secretary = await as(h, 'secretary');
    const made = await ok(
      await secretary.post('/api/questionnaires', {
        title: '加装电梯意愿征询',
        questions: [
          {
            key: 'agree',
            kind: 'single',
            title: '是否同意加装电梯？',
            options: [
              { key: 'yes', label: '同意' },
              { key: 'no', label: '不同意' },
            ],
          },
        ],
        nodeId: community.id,
        answerPer: 'household',
        publish: true,
      }),
      201,
    );
    const db = h.database.db;
    const demo = await db
      .selectFrom('users as u')
      .innerJoin('residents as r', 'r.id', 'u.resident_id')
      .select(['u.password_hash', 'u.street_id', 'r.household_id'])
      .where('u.username', '=', 'resident')
      .executeTakeFirstOrThrow();
    const member = await db
      .insertInto('residents')
      .values({ street_id: demo.street_id as string, household_id: demo.household_id, name: '同户成员' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('users')
      .values({
        username: 'household_member',
        display_name: '同户成员',
        password_hash: demo.password_hash,
        street_id: demo.street_id,
        resident_id: member.id,
      })
      .execute();
    const body = { versionId: made.current.id, answers: { agree: 'yes' } };
    await ok(await (await as(h, 'resident')).post(`/api/questionnaires/${made.id}/responses`, body));
    const second = await as(h, 'household_member');
    expect((await ok(await second.get(`/api/questionnaires/${made.id}`))).answeredCurrent).toBe(true);
    expect(refused(await second.post(`/api/questionnaires/${made.id}/responses`, body), 409).code).toBe(
      'QUESTIONNAIRE_ALREADY_ANSWERED',
    );
  });
});
