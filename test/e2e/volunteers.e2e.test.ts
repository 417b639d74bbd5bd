import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, LOCALES, type Locale, launch, open, PHONE, type Session, signIn } from './browser.ts';
import { apiAs, loose, still, type Words, wordsOf } from './flow.ts';

/**
 * Volunteering in both languages, phone and desk: a resident registers as a volunteer on the phone
 * and the community approves at the desk; the resident signs up for a course that is full, waits,
 * and is moved up when a place frees; checks in by opening the QR code the desk shows, earns the
 * session's points and spends them at the points supermarket. A questionnaire is drawn up and
 * published at the desk, answered on the phone, revised as version 2 at the desk and answered
 * again, and the desk shows both versions' results side by side.
 */
const NAMESPACES = { mobile: 'mobile/locales', community: 'mobile/community/locales', deskCommunity: 'desk/community/locales' };
const STORY = {
  'zh-CN': {
    name: '黄高峰',
    course: '太极拳晨练班',
    place: '北苑社区党群服务中心三楼活动室',
    goods: '社区定制帆布包',
    survey: '第二期课程意向调查',
    question: '您希望社区开设哪些课程？',
    options: ['女性调理瑜伽', '乐高AI智能课', '插画艺术'],
    added: '智慧家长课堂',
    change: '根据居民反馈增加亲子课程',
  },
  en: {
    name: 'Huang Gaofeng',
    course: 'Tai chi at dawn',
    place: 'Activity room, 3rd floor, Beiyuan community centre',
    goods: 'Community tote bag',
    survey: 'Courses for the second term',
    question: 'Which courses would you like?',
    options: ['Yoga for women', 'Lego AI class', 'Illustration'],
    added: 'Smart parents seminar',
    change: 'A course for parents, as residents asked',
  },
} as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

async function json<T>(
  response: Promise<{ json(): Promise<unknown>; ok(): boolean; status(): number; text(): Promise<string> }>,
) {
  const answer = await response;
  if (!answer.ok()) throw new Error(`HTTP ${answer.status()}: ${await answer.text()}`);
  return (await answer.json()) as T;
}

/** A resident of the demo resident's household with an account of their own: someone who has never volunteered. */
async function newResident(locale: Locale): Promise<string> {
  const admin = await apiAs('admin');
  const resident = await apiAs('resident');
  const me = await json<{ roles: { nodeId: string }[] }>(resident.get('/api/me'));
  const username = `vol_${locale === 'en' ? 'en' : 'zh'}_${Date.now().toString(36)}`;
  await json(
    admin.post('/api/users', {
      data: {
        username,
        displayName: STORY[locale].name,
        password: 'fengqiao-demo',
        roles: [{ role: 'resident', nodeId: me.roles[0]?.nodeId }],
      },
    }),
  );
  return username;
}

/** A course of the first community with one place, its first session under way now (check-in open), taken by the demo resident. */
async function fullCourse(secretary: APIRequestContext, locale: Locale, communityId: string) {
  const now = Date.now();
  const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  const course = await json<{ id: string; sessionList: { id: string }[] }>(
    secretary.post('/api/activities', {
      data: {
        nodeId: communityId,
        kind: 'course',
        title: STORY[locale].course,
        description: locale === 'en' ? 'Gentle tai chi before work, free of charge.' : '上班前练一练，免费。',
        place: STORY[locale].place,
        capacity: 1,
        eligibility: { residentsOnly: true },
        sessions: [
          { startsAt: at(-10), endsAt: at(110) },
          { startsAt: at(7 * 24 * 60 - 10), endsAt: at(7 * 24 * 60 + 110) },
        ],
        publish: true,
      },
    }),
  );
  const first = await apiAs('resident');
  await json(first.post(`/api/activities/${course.id}/signup`, { data: {} }));
  return { ...course, first };
}

/** antd-mobile's dialogs fade in: a screenshot waits until the last one is fully shown. */
async function settled(page: Page) {
  // Runs in the page (the app's CSP forbids evaluating strings), where these globals exist.
  await page.waitForFunction(() => {
    const g = globalThis as unknown as {
      document: { querySelectorAll(selector: string): ArrayLike<object> };
      getComputedStyle(element: object): { opacity: string };
    };
    const masks = g.document.querySelectorAll('.adm-mask');
    const mask = masks[masks.length - 1];
    return mask !== undefined && g.getComputedStyle(mask).opacity === '1';
  });
}

async function press(page: Page, name: string) {
  await page.getByRole('button', { name: loose(name) }).click();
}

describe.each(LOCALES)('volunteering in %s', (locale: Locale) => {
  const t: Words = wordsOf(locale, NAMESPACES);
  const c = (key: string, vars?: Record<string, string | number>) => t(`community.${key}`, vars);
  const d = (key: string, vars?: Record<string, string | number>) => t(`deskCommunity.${key}`, vars);
  const story = STORY[locale];
  let phone: Session;
  let desk: Session;

  beforeAll(async () => {
    phone = await open(browser, locale, PHONE);
    desk = await open(browser, locale, DESKTOP);
  });
  afterAll(async () => {
    await phone.context.close();
    await desk.context.close();
  });

  it('a resident registers, is approved, is moved up from a full course’s waitlist, checks in by QR and spends the points', async () => {
    const username = await newResident(locale);
    const secretary = await apiAs('secretary');
    const communityId = (await json<{ roles: { nodeId: string }[] }>(secretary.get('/api/me'))).roles[0]?.nodeId as string;
    const course = await fullCourse(secretary, locale, communityId);
    await json(
      secretary.post('/api/points/goods', {
        data: { nodeId: communityId, kind: 'goods', name: story.goods, price: 10, stock: 30, limitPerPerson: 2 },
      }),
    );

    // Registering on the phone: community, skills, times.
    await signIn(phone, username);
    const page = phone.page;
    await page.goto('/');
    await page.getByRole('link', { name: t('mobile.community.volunteer') }).click();
    await page.getByRole('heading', { name: c('register.title') }).waitFor();
    await page.getByRole('radio').first().check();
    await page.getByRole('checkbox', { name: c('skill.elder_care') }).check();
    await page.getByRole('checkbox', { name: c('skill.digital') }).check();
    await page.getByRole('checkbox', { name: c('availability.weekend') }).check();
    await page.getByLabel(c('register.note')).fill(locale === 'en' ? 'Retired, free at weekends.' : '刚退休，周末有空');
    await phone.shot('volunteer-register');
    await press(page, c('register.submit'));
    await page.getByText(c('volunteerStatus.applied'), { exact: true }).waitFor();
    await phone.shot('volunteer-waiting');

    // The community approves at the desk.
    await signIn(desk, 'staff');
    await desk.page.goto('/desk/volunteers');
    const row = desk.page.getByRole('row', { name: new RegExp(story.name) }).first();
    await row.getByRole('button', { name: loose(d('volunteers.approve')) }).click();
    await desk.page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: loose(t('common.save')) })
      .click();
    await row.getByText(d('volunteerStatus.approved')).waitFor();
    await still(desk, 'desk-volunteers');

    await page.reload();
    await page.getByText(c('volunteerStatus.approved'), { exact: true }).waitFor();
    await phone.shot('volunteer-approved');

    // The course is full: the resident joins the waitlist.
    await page.getByRole('link', { name: new RegExp(c('activities.title')) }).click();
    await page
      .getByRole('link', { name: new RegExp(story.course) })
      .first()
      .click();
    await press(page, c('activities.joinWaitlist'));
    await page.getByText(c('activities.waiting', { n: 1 })).waitFor();
    await phone.shot('course-waitlist');

    // The one with the place drops out: the first on the waitlist moves up at once.
    await json(course.first.post(`/api/activities/${course.id}/signup/cancel`, { data: {} }));
    await page.reload();
    await page.getByText(c('activities.promoted')).waitFor();
    await phone.shot('course-promoted');

    // The desk shows the session's QR code; the phone opens what it carries.
    await signIn(desk, 'secretary');
    await desk.page.goto(`/desk/activities/${course.id}`);
    await desk.page
      .getByRole('button', { name: new RegExp(d('checkin.show')) })
      .first()
      .click();
    const modal = desk.page.locator('.ant-modal:visible');
    await modal.locator('canvas, svg').first().waitFor();
    await still(desk, 'desk-checkin-qr', true);
    const code = await json<{ url: string }>(secretary.get(`/api/activities/sessions/${course.sessionList[0]?.id}/checkin-code`));
    await page.goto(code.url);
    await page.getByText(c('checkin.done'), { exact: true }).waitFor();
    // Two hours of a course at 5 points an hour.
    await page.getByText(c('checkin.points', { points: 10, hours: 2 })).waitFor();
    await phone.shot('checkin');
    // The desk screen counts the arrival within its five-second refresh.
    await modal
      .locator('.ant-statistic')
      .first()
      .locator('.ant-statistic-content-value', { hasText: /^1$/ })
      .waitFor({ timeout: 30_000 });
    await still(desk, 'desk-checkin-arrived', true);
    await desk.page.keyboard.press('Escape');

    // Spending the points at the supermarket.
    await press(page, c('checkin.toPoints'));
    await page.locator('.fq-cs-big', { hasText: '10' }).waitFor();
    // A retried run put the same goods on the shelf twice: either will do.
    await page
      .getByRole('button', { name: `${c('points.redeem')}: ${story.goods}` })
      .first()
      .click();
    const dialogButton = () =>
      page
        .locator('.adm-dialog')
        .last()
        .getByRole('button', { name: t('common.confirm'), exact: true });
    await dialogButton().click();
    await page.getByText(c('points.redeemed'), { exact: true }).waitFor();
    await settled(page);
    await phone.shot('points-redeemed');
    await dialogButton().click();
    await page.getByRole('tab', { name: c('points.ledger') }).click();
    await page.locator('.fq-cs-big', { hasText: /^0$/ }).waitFor();
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await phone.shot('points-ledger');

    const points = await json<{ balance: number; recomputed: number; entries: { kind: string; points: number }[] }>(
      (await apiAs(username)).get('/api/points/me'),
    );
    expect(points).toMatchObject({ balance: 0, recomputed: 0 });
    expect(points.entries.map((e) => [e.kind, e.points])).toEqual([
      ['redeem', -10],
      ['earn', 10],
    ]);
  });

  it('a questionnaire is published, answered, revised to version 2, answered again, and both versions’ results are shown', async () => {
    // Drawn up and published at the desk.
    await signIn(desk, 'secretary');
    const dp = desk.page;
    await dp.goto('/desk/questionnaires');
    await press(dp, d('questionnaires.add'));
    const dialog = dp.locator('.ant-modal:visible');
    await dialog.getByRole('combobox', { name: d('questionnaires.area') }).click();
    await dp.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await dialog.getByLabel(d('questionnaires.name'), { exact: true }).fill(story.survey);
    await dialog.getByRole('combobox', { name: d('questions.kind') }).click();
    await dp.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: d('questionKind.multiple') }).click();
    await dialog.getByLabel(d('questions.title'), { exact: true }).fill(story.question);
    await press(dp, d('questions.addOption'));
    for (const [i, option] of story.options.entries())
      await dialog.getByRole('textbox', { name: `${d('questions.option')} ${i + 1}` }).fill(option);
    await still(desk, 'desk-questionnaire-new', true);
    await dialog.getByRole('button', { name: loose(t('common.save')) }).click();
    await dp.waitForURL(/\/desk\/questionnaires\/[0-9a-f-]{36}$/);
    const id = dp.url().split('/').at(-1) as string;

    // Answered on the phone.
    await signIn(phone, 'resident');
    const page = phone.page;
    await page.goto('/surveys');
    await page.getByRole('link', { name: story.survey }).first().click();
    await page.getByRole('checkbox', { name: story.options[0] }).check();
    await page.getByRole('checkbox', { name: story.options[2] }).check();
    await phone.shot('survey-v1');
    await press(page, c('surveys.submit'));
    await page.getByText(c('surveys.answeredVersion', { n: 1 })).waitFor();

    // Revised at the desk as version 2: an option added, with a note of what changed.
    await dp.reload();
    await press(dp, d('questionnaires.revise'));
    const draft = dp.locator('.fq-draft');
    await draft.waitFor();
    await draft.getByRole('button', { name: loose(d('questions.addOption')) }).click();
    await draft.getByRole('textbox', { name: `${d('questions.option')} 4` }).fill(story.added);
    await draft.getByLabel(d('questionnaires.changeNote')).fill(story.change);
    await still(desk, 'desk-questionnaire-draft-v2');
    await draft.getByRole('button', { name: loose(d('questionnaires.publish', { n: 2 })) }).click();
    await dp.locator('.fq-draft').waitFor({ state: 'detached' });

    // Answered again on the phone, version 2 this time.
    await page.reload();
    await page.getByText(c('surveys.revised', { n: 2 })).waitFor();
    await page.getByRole('checkbox', { name: story.added }).check();
    await phone.shot('survey-v2');
    await press(page, c('surveys.submit'));
    await page.getByText(c('surveys.answeredVersion', { n: 2 })).waitFor();
    await phone.shot('survey-v2-answered');

    // Both versions' results, each counted from its own answers.
    const secretary = await apiAs('secretary');
    const results = await json<{ versions: { version: number; responses: number }[] }>(
      secretary.get(`/api/questionnaires/${id}/results`),
    );
    expect(results.versions.map((v) => [v.version, v.responses])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    await dp.reload();
    await dp.locator('.fq-version-card').nth(1).waitFor();
    await dp.locator('.fq-version-card canvas').nth(1).waitFor();
    await still(desk, 'desk-questionnaire-results');
  });

  it('the demo street’s volunteering is there to see: requests to match, full courses, ledgers, the questionnaire in four versions', async () => {
    // Desk: a request waiting for a volunteer, with the ranked candidates.
    await signIn(desk, 'staff');
    const dp = desk.page;
    await dp.goto('/desk/service-requests');
    await dp.getByRole('combobox', { name: d('requests.state') }).click();
    await dp.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: d('requestState.requested') }).click();
    await dp.locator('.ant-table-row').first().click();
    await dp.locator('.ant-drawer').getByText(d('requests.candidates')).waitFor();
    await dp.locator('.ant-drawer .ant-table-row').first().waitFor();
    await still(desk, 'desk-request-candidates', true);
    await dp.keyboard.press('Escape');
    await dp.goto('/desk/service-requests?tab=menu');
    await dp.getByText(d('menu.summary', { categories: 12, items: 28 })).waitFor();
    await still(desk, 'desk-service-menu');

    // A course chosen by the questionnaire: full, with its waitlist.
    await dp.goto('/desk/activities');
    await dp.getByRole('row', { name: /智慧家长课堂/ }).click();
    await dp.getByText(d('activities.signups')).waitFor();
    await dp;
    // Full, with people waiting: the figures above the lists say how many.
    await dp
      .locator('.fq-figures .ant-statistic')
      .nth(1)
      .locator('.ant-statistic-content-value', { hasText: /^[1-9]/ })
      .waitFor();
    await still(desk, 'desk-course');

    // Points: the ledger of the account with the highest balance, its sum checked.
    await dp.goto('/desk/points');
    await dp.locator('.ant-table-row').first().click();
    await dp.locator('.ant-drawer').getByText(d('points.recomputed')).waitFor();
    await still(desk, 'desk-points-ledger', true);
    await dp.keyboard.press('Escape');
    await dp.goto('/desk/points?tab=goods');
    await dp.locator('.ant-table-row').first().waitFor();
    await still(desk, 'desk-points-goods');

    // The questionnaire that chose the courses, in its four versions.
    await signIn(desk, 'secretary');
    await dp.goto('/desk/questionnaires');
    await dp
      .getByRole('row', { name: /社区课程意向调查/ })
      .first()
      .click();
    await dp.locator('.fq-version-card').nth(3).waitFor();
    await dp.locator('.fq-version-card canvas').first().waitFor();
    await still(desk, 'desk-questionnaire-four-versions');

    // Phone: the demo resident's requests, a course with a place and one with a wait, the open household survey.
    await signIn(phone, 'resident');
    const page = phone.page;
    await page.goto('/services/mine');
    await page.locator('.fq-cs-list li').first().waitFor();
    await phone.shot('resident-requests');
    await page.goto('/activities');
    await page.getByRole('tab', { name: c('activities.mine') }).click();
    await page.getByText(c('signupStatus.waitlisted')).first().waitFor();
    await phone.shot('resident-activities');
    await page.goto('/surveys');
    await page.getByText(c('surveys.toAnswer')).first().waitFor();
    await phone.shot('resident-surveys');
  });
});
