import type { APIRequestContext, Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, LOCALES, type Locale, launch, open, PHONE, type Session, signIn } from './browser.ts';
import { apiAs, json, loose, phoneShot, still, type Words, wordsOf } from './flow.ts';

/**
 * One topic through the five steps, in both languages: a resident proposes on the phone that the
 * leaking roof of their building be fixed, with a photo; neighbours support it; the weekly red
 * property discussion day puts it on its agenda, signs people in by the QR code on the room's
 * screen and resolves it (a follow-up case opens); the owners of the building vote online and on
 * paper and the vote passes its quorum; the work is done and paid (a fund line with its receipt);
 * the resident rates it; and the estate's public page, read without an account, shows the process
 * and the money without a name on it.
 */
const NAMESPACES = { mobile: 'mobile/locales', delib: 'mobile/deliberation/locales', deskDelib: 'desk/deliberation/locales' };
const STORY = {
  'zh-CN': {
    title: '屋顶漏水，顶楼天花板发霉',
    detail: '连续下雨后顶楼两户天花板渗水发霉，屋面防水层老化，希望尽快维修。',
    meeting: '红色物业议事日（屋面维修专题）',
    place: '社区党群服务中心议事厅',
    minutes: '六方议定：使用专项维修资金翻修屋面防水层，经本栋业主表决后由物业公司施工。',
    conclusion: '使用专项维修资金翻修屋面防水层，本栋业主表决通过后实施。',
    resolution: '物业公司两周内完成屋面防水翻修',
    party: '物业公司',
    plan: '铲除旧防水层，铺设SBS改性沥青卷材两道',
    spentOn: '屋面防水翻修工程款',
    supporter: ['陈志刚', '李秀英'],
  },
  en: {
    title: 'The roof leaks into the top-floor flats',
    detail: 'After days of rain two top-floor ceilings are damp and mouldy; the roof membrane is worn out.',
    meeting: 'Red property discussion day (roof repair)',
    place: 'Community centre meeting hall',
    minutes: 'The six parties agreed: re-roof from the maintenance fund once the building’s owners approve.',
    conclusion: 'Re-roof from the maintenance fund once the building’s owners approve.',
    resolution: 'The property company re-roofs within two weeks',
    party: 'Property company',
    plan: 'Strip the old membrane, lay two layers of SBS bitumen',
    spentOn: 'Roof repair works',
    supporter: ['Chen Zhigang', 'Li Xiuying'],
  },
} as const;

let browser: Browser;
let photo: Buffer;
beforeAll(async () => {
  browser = await launch();
  photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 110, g: 100, b: 95 } } })
    .jpeg()
    .toBuffer();
});
afterAll(() => browser.close());

interface Area {
  id: string;
  name: string;
}

/** The households of the demo resident's building, the resident's own first. */
async function buildingHouseholds(admin: APIRequestContext, householdId: string) {
  const home = await json<{ breadcrumbs: (Area & { level: string })[] }>(admin.get(`/api/areas/${householdId}`));
  const building = home.breadcrumbs.find((b) => b.level === 'building') as Area;
  const units = await json<{ items: Area[] }>(admin.get(`/api/areas?parentId=${building.id}&limit=100`));
  const households: Area[] = [];
  for (const unit of units.items)
    households.push(...(await json<{ items: Area[] }>(admin.get(`/api/areas?parentId=${unit.id}&limit=100`))).items);
  return [households.find((h) => h.id === householdId) as Area, ...households.filter((h) => h.id !== householdId)];
}

/** A neighbour with an account of their own, living in a household of the building. */
async function neighbour(admin: APIRequestContext, householdId: string, name: string, locale: Locale, n: number) {
  const username = `nb_${locale === 'en' ? 'en' : 'zh'}${n}_${Date.now().toString(36)}`;
  await json(
    admin.post('/api/users', {
      data: { username, displayName: name, password: 'fengqiao-demo', roles: [{ role: 'resident', nodeId: householdId }] },
    }),
  );
  return apiAs(username);
}

/** An option of the open antd select list (its role=option twins are hidden, for screen readers). */
async function pick(page: Page, label: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

async function press(page: Page, name: string) {
  await page
    .getByRole('button', { name: loose(name) })
    .first()
    .click();
}

/** A desk dialog's save, once its form is filled. */
async function save(desk: Session, t: Words) {
  const dialog = desk.page.locator('.ant-modal:visible');
  await dialog.getByRole('button', { name: loose(t('common.save')) }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe.each(LOCALES)('a topic through the five steps in %s', (locale: Locale) => {
  const t: Words = wordsOf(locale, NAMESPACES);
  const p = (key: string, vars?: Record<string, string | number>) => t(`delib.${key}`, vars);
  const d = (key: string, vars?: Record<string, string | number>) => t(`deskDelib.${key}`, vars);
  const story = STORY[locale];
  let phone: Session;
  let desk: Session;
  let visitor: Session;

  beforeAll(async () => {
    phone = await open(browser, locale, PHONE);
    desk = await open(browser, locale, DESKTOP);
    visitor = await open(browser, locale, PHONE);
  });
  afterAll(async () => {
    await phone.context.close();
    await desk.context.close();
    await visitor.context.close();
  });

  it('is proposed, supported, resolved, voted, done, paid, rated and published', async () => {
    const admin = await apiAs('admin');
    const secretary = await apiAs('secretary');
    const resident = await apiAs('resident');
    const me = await json<{ roles: { nodeId: string }[] }>(resident.get('/api/me'));
    const households = await buildingHouseholds(admin, me.roles[0]?.nodeId as string);
    const home = await json<{ estateId: string; buildingName: string }>(resident.get('/api/deliberation/me'));

    // 1. The resident proposes on the phone, with a photo; similar open topics would be offered.
    await signIn(phone, 'resident');
    const page = phone.page;
    await page.goto('/');
    await page.getByRole('link', { name: new RegExp(t('mobile.deliberation.title')) }).click();
    await page.getByRole('button', { name: loose(p('propose')) }).waitFor();
    await phoneShot(phone, 'delib-estate');
    await press(page, p('propose'));
    await page.getByLabel(p('form.what')).fill(story.title);
    await page.getByLabel(p('form.detail')).fill(story.detail);
    await page.getByLabel(p('form.cost')).fill('48000');
    await page
      .locator('input[type=file]:not([capture])')
      .setInputFiles({ name: 'roof.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.locator('.fq-photo img').waitFor();
    await phoneShot(phone, 'delib-propose');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/deliberation/topics') && r.status() === 201);
    await press(page, p('form.submit'));
    const topicId = ((await (await created).json()) as { id: string }).id;
    await page.getByRole('heading', { name: story.title }).waitFor();

    // 2. Neighbours support it.
    for (const [n, name] of story.supporter.entries()) {
      const other = await neighbour(admin, (households[n + 1] as Area).id, name, locale, n);
      await json(other.post(`/api/deliberation/topics/${topicId}/support`, { data: {} }));
    }
    await page.reload();
    await page
      .getByText(p('supports', { n: 2 }))
      .first()
      .waitFor();
    await phoneShot(phone, 'delib-topic-proposed');

    // 3. The weekly discussion day: agenda, the six parties, QR sign-in, minutes, a resolution with its follow-up case.
    const meeting = await json<{ id: string }>(
      secretary.post('/api/deliberation/meetings', {
        data: {
          kind: 'property_day',
          estateId: home.estateId,
          title: story.meeting,
          startsAt: new Date().toISOString(),
          place: story.place,
          topicIds: [topicId],
        },
      }),
    );
    await signIn(desk, 'secretary');
    await desk.page.goto(`/desk/meetings/${meeting.id}`);
    await press(desk.page, d('meeting.signIn'));
    await desk.page.locator('.ant-modal:visible canvas, .ant-modal:visible svg').first().waitFor();
    await still(desk, 'desk-delib-qr', true);
    const code = await json<{ url: string }>(secretary.get(`/api/deliberation/meetings/${meeting.id}/checkin-code`));
    await page.goto(code.url);
    await page.getByText(p('checkin.done'), { exact: true }).waitFor();
    await phoneShot(phone, 'delib-checkin');
    await desk.page
      .locator('.ant-modal:visible')
      .getByText(d('meeting.signedIn', { n: 1 }))
      .waitFor({ timeout: 20_000 });
    await desk.page.keyboard.press('Escape');
    await desk.page.getByLabel(d('meeting.minutes')).fill(story.minutes);
    await press(desk.page, d('meeting.saveMinutes'));
    await desk.page.getByText(d('meetings.statusValue.held')).waitFor();
    await press(desk.page, d('meeting.addResolution'));
    const resolution = desk.page.locator('.ant-modal:visible');
    await resolution.getByLabel(d('meeting.resolutionText')).fill(story.resolution);
    await resolution.getByLabel(d('meeting.ownerParty')).fill(story.party);
    await resolution.getByLabel(d('meeting.dueOn')).fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
    await save(desk, t);
    await desk.page
      .getByRole('link', { name: new RegExp(d('topic.followUp', { number: '\\d{4}-\\d{6}' }).replace(/[()]/g, '.')) })
      .first()
      .waitFor();
    await still(desk, 'desk-delib-meeting');

    // The grid discussion concludes at the desk.
    await desk.page.goto(`/desk/topics/${topicId}`);
    await press(desk.page, d('action.conclude'));
    await desk.page.locator('.ant-modal:visible').getByLabel(d('topic.conclusion')).fill(story.conclusion);
    await save(desk, t);
    await desk.page.locator('.ant-tag', { hasText: d('step.concluded') }).waitFor();

    // 4. The owners of the building vote: one household one vote, online and on paper, with a quorum.
    await press(desk.page, d('topic.openVote'));
    const voteDialog = desk.page.locator('.ant-modal:visible');
    await voteDialog.getByLabel(d('vote.closesAt')).fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
    const opened = desk.page.waitForResponse((r) => r.url().endsWith('/api/deliberation/votes') && r.status() === 201);
    await save(desk, t);
    const voteId = ((await (await opened).json()) as { id: string }).id;
    await page.goto(`/deliberation/votes/${voteId}`);
    await press(page, p('vote.choice.yes'));
    await page.locator('.adm-dialog').getByRole('button').last().click();
    await page.getByText(p('vote.cast', { choice: p('vote.choice.yes') })).waitFor();
    await page.locator('.adm-dialog').waitFor({ state: 'detached' });
    await phoneShot(phone, 'delib-vote');
    // Paper ballots for two thirds of the building, one of them entered at the desk by hand.
    const electorate = await json<{ items: { householdId: string; label: string; votedBy: string | null }[] }>(
      secretary.get(`/api/deliberation/votes/${voteId}/households`),
    );
    const needed = Math.ceil((electorate.items.length * 2) / 3);
    const unvoted = electorate.items.filter((h) => h.votedBy === null);
    for (const h of unvoted.slice(1, needed)) {
      await json(
        secretary.post(`/api/deliberation/votes/${voteId}/paper-ballots`, {
          data: { householdId: h.householdId, choice: 'yes' },
        }),
      );
    }
    const twice = await secretary.post(`/api/deliberation/votes/${voteId}/paper-ballots`, {
      data: { householdId: households[0]?.id, choice: 'no' },
    });
    expect(twice.status()).toBe(409);
    await desk.page.goto(`/desk/votes/${voteId}`);
    await desk.page.getByRole('combobox').first().click();
    await pick(desk.page, (unvoted[0] as { label: string }).label);
    await press(desk.page, d('vote.paper'));
    await desk.page.getByText(d('vote.byChannel', { online: 1, paper: needed })).waitFor();
    await press(desk.page, d('vote.close'));
    await desk.page.locator('.ant-modal-confirm').getByRole('button').last().click();
    await desk.page
      .locator('.ant-tag', { hasText: d('result.passed') })
      .first()
      .waitFor();
    await still(desk, 'desk-delib-vote');

    // 5. The work is handed over, done and paid with a receipt.
    await desk.page.goto(`/desk/topics/${topicId}`);
    await press(desk.page, d('action.act'));
    const act = desk.page.locator('.ant-modal:visible');
    await act.getByLabel(d('topic.actionPlan')).fill(story.plan);
    await act.getByLabel(d('topic.actionParty')).fill(story.party);
    await save(desk, t);
    await press(desk.page, d('topic.addFundLine'));
    const fund = desk.page.locator('.ant-modal:visible');
    await fund.getByLabel(d('funds.source')).click();
    await pick(desk.page, d('source.maintenance_fund'));
    await fund.getByLabel(d('funds.amount')).fill('46500');
    await fund.getByLabel(d('funds.spentOn')).fill(story.spentOn);
    await fund.getByLabel(d('funds.paidOn')).fill(new Date().toISOString().slice(0, 10));
    const uploaded = desk.page.waitForResponse((r) => r.url().endsWith('/api/photos') && r.status() === 201);
    await fund.locator('input[type=file]').setInputFiles({ name: 'receipt.jpg', mimeType: 'image/jpeg', buffer: photo });
    await uploaded;
    await still(desk, 'desk-delib-fund', true);
    await save(desk, t);
    await press(desk.page, d('action.complete'));
    await save(desk, t);
    await desk.page
      .locator('.ant-tag', { hasText: d('step.evaluating') })
      .first()
      .waitFor();

    // 6. Residents rate it on the phone; the desk closes it.
    await page.goto(`/deliberation/topics/${topicId}`);
    await page.getByRole('radio', { name: p('topic.score.5') }).check();
    await press(page, p('topic.rateSubmit'));
    await page.getByText(p('topic.rated', { score: 5 })).waitFor();
    await phoneShot(phone, 'delib-rated');
    await desk.page.reload();
    await press(desk.page, d('action.close'));
    await save(desk, t);
    await desk.page
      .locator('.ant-tag', { hasText: d('step.closed') })
      .first()
      .waitFor();
    await still(desk, 'desk-delib-topic');
    // The desk's lists: topics with their steps, the year's meetings, the votes with their results.
    for (const [path, name, text] of [
      ['/desk/topics', 'desk-delib-topics', story.title],
      ['/desk/meetings', 'desk-delib-meetings', story.meeting],
      ['/desk/votes', 'desk-delib-votes', story.title],
    ] as const) {
      await desk.page.goto(path);
      if (path === '/desk/topics') await desk.page.getByText(d('topics.allSteps'), { exact: true }).click();
      await desk.page.getByRole('link', { name: text }).first().waitFor();
      await still(desk, name);
    }

    // 7. Anyone reads the estate's notice board: the process and the money, no names.
    await visitor.page.goto(`/deliberation/public/${home.estateId}`);
    await visitor.page.getByText(story.title).first().waitFor();
    await visitor.page.getByText(story.spentOn).first().waitFor();
    await visitor.page
      .getByRole('img', { name: p('public.receipt', { n: 1 }) })
      .first()
      .waitFor();
    const board = (await visitor.page.locator('main').textContent()) ?? '';
    for (const name of story.supporter) expect(board).not.toContain(name);
    await phoneShot(visitor, 'delib-public');
  });
});
