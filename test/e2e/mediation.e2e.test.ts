import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, LOCALES, type Locale, launch, open, SCREENSHOTS, type Session, signIn } from './browser.ts';
import { apiAs, loose, still, type Words, wordsOf } from './flow.ts';

/**
 * Seed 004's flooded basement, end to end at the desk in both languages: a resident reports that a
 * burst pipe flooded her basement; the grid worker opens a dispute file from the case with the
 * property company as respondent and escalates it to the community; the secretary registers a
 * retired judge as mediator, holds two sessions (one with a photo of the damage), draws up the
 * agreement, records it, prints it as PDF (read back and rendered to PNG), follows up the payment
 * and closes the file; the leader's figures count it.
 */
const NAMESPACES = { deskMediation: 'desk/mediation/locales', deskCases: 'desk/cases/locales' };
const run = promisify(execFile);
const STORY = {
  'zh-CN': {
    report: '地下室水管破裂，储物被泡',
    title: '地下室漏水物品受损赔偿纠纷',
    facts:
      '清明节期间地下室水管破裂漏水，居民储存的物品受损，要求物业公司赔偿15000元；物业认为物品仍可使用，双方对赔偿数额分歧较大。',
    company: '枫林物业服务有限公司',
    judge: '贾国瑞',
    affiliation: '河北省高级人民法院（退休）',
    reason: '物业对赔偿数额分歧较大，网格调解未果，请社区邀请专业调解员。',
    attendees: ['王秀英', '物业经理张明'],
    notes: ['分别听取双方诉求。居民提到父亲留下的葫芦丝被泡坏，情感损失大。', '物业同意赔偿，双方就金额达成一致。'],
    terms: ['物业公司向申请人一次性支付赔偿款12000元。', '双方就本纠纷再无其他争议。'],
    instalment: '一次性支付赔偿款',
  },
  en: {
    report: 'Burst pipe flooded my basement storage',
    title: 'Compensation for goods damaged by a basement leak',
    facts:
      'Over the Qingming holiday a pipe burst in the basement and flooded a resident’s storage. She asks the property company for 15,000 yuan; the company holds the goods are still usable.',
    company: 'Fenglin Property Services Co.',
    judge: 'Jia Guorui',
    affiliation: 'Hebei Higher People’s Court (retired)',
    reason: 'The parties are far apart on the amount; the grid could not settle it. The community should bring in a mediator.',
    attendees: ['Wang Xiuying', 'Zhang Ming, property manager'],
    notes: [
      'Heard both sides. The resident’s father’s hulusi was ruined: the loss is also one of feeling.',
      'The company agreed to compensate; the parties agreed on the amount.',
    ],
    terms: [
      'The property company pays the applicant 12,000 yuan in one payment.',
      'Neither party has any further claim in this dispute.',
    ],
    instalment: 'Compensation in one payment',
  },
} as const;

let browser: Browser;
let photo: Buffer;

beforeAll(async () => {
  browser = await launch();
  photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 70, g: 90, b: 120 } } })
    .jpeg({ quality: 90 })
    .toBuffer();
});
afterAll(() => browser.close());

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
/** A datetime-local value some hours before now, in the street's zone (the browser's zone in these flows). */
function hoursAgo(hours: number) {
  const at = new Date(Date.now() - hours * 3_600_000 + 8 * 3_600_000);
  return at.toISOString().slice(0, 16);
}

/** The resident's report, made through the API as the phone would: a building of the grid worker's grid. */
async function residentReport(text: string): Promise<{ id: string; number: string }> {
  const grid = await apiAs('grid');
  const me = await (await grid.get('/api/me')).json();
  const gridId = me.roles.find((r: { role: string }) => r.role === 'grid_worker').nodeId;
  const buildings = await (await grid.get(`/api/areas?parentId=${gridId}&level=building`)).json();
  const resident = await apiAs('resident');
  const categories = await (await resident.get('/api/case-categories')).json();
  const response = await resident.post('/api/cases', {
    data: {
      categoryId: categories.items[0].children[0].id,
      title: text,
      description: `${text}。`,
      buildingId: buildings.items[0].id,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).case;
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('dialog').getByRole('combobox', { name: label, exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  // A select of several stays open for more choices.
  if (await page.locator('.ant-select-dropdown:visible').count()) await page.keyboard.press('Escape');
  // Two lists may be fading out at once (the one just chosen from and an earlier one).
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

const saveDialog = (page: Page, t: Words, key = 'common.save') =>
  page
    .locator('.ant-modal:visible')
    .getByRole('button', { name: loose(t(key)) })
    .click();

async function closedDialog(page: Page) {
  await expect.poll(() => page.locator('.ant-modal:visible').count()).toBe(0);
}

describe.each(LOCALES)('a dispute mediated at the desk in %s', (locale: Locale) => {
  const t = wordsOf(locale, NAMESPACES);
  const story = STORY[locale];
  const m = (key: string, vars?: Record<string, string | number>) => t(`deskMediation.${key}`, vars);

  it('is opened from the resident’s case, escalated, mediated in two sessions, agreed, printed, followed up and closed', async () => {
    const reported = await residentReport(`${story.report} ${Date.now() % 100000}`);

    // The grid worker opens the file from the case and passes it up to the community.
    const grid: Session = await open(browser, locale, DESKTOP);
    await signIn(grid, 'grid');
    await grid.page.goto(`/desk/cases/${reported.id}`);
    await grid.page.getByRole('button', { name: loose(t('deskCases.detail.openDispute')) }).click();
    const drawer = grid.page.getByRole('dialog');
    await drawer.getByText(reported.number).waitFor();
    await drawer.getByRole('combobox', { name: m('form.type') }).click();
    await grid.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: m('type.compensation') }).click();
    await drawer.getByLabel(m('form.titleField')).fill(story.title);
    await drawer.getByLabel(m('form.facts')).fill(story.facts);
    await drawer.getByRole('button', { name: loose(m('form.addParty')) }).click();
    const party = drawer.getByTestId('party-0');
    await party.getByRole('combobox', { name: m('form.side') }).click();
    await grid.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: m('side.respondent') }).click();
    await party.getByRole('combobox', { name: m('form.partyKind') }).click();
    await grid.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: m('partyKind.organisation') })
      .click();
    await party.getByLabel(m('form.partyName')).fill(story.company);
    await party.getByLabel(m('form.partyPhone')).fill('0311-86001234');
    await drawer.getByLabel(m('form.amount')).fill('15000');
    await still(grid, 'mediation-open-from-case', true);
    await grid.page.getByRole('button', { name: loose(m('form.submit')) }).click();
    await grid.page.waitForURL(/\/desk\/disputes\/[0-9a-f-]{36}$/);
    const disputeUrl = new URL(grid.page.url()).pathname;
    await grid.page.getByText(story.company).waitFor();
    await still(grid, 'mediation-dispute-opened');

    await grid.page.getByRole('button', { name: loose(m('action.escalate', { level: m('level.community') })) }).click();
    await grid.page.getByLabel(m('action.reason')).fill(story.reason);
    await saveDialog(grid.page, t);
    await grid.page.getByText(m('detail.readOnly', { level: m('level.community') })).waitFor();
    await still(grid, 'mediation-escalated');
    await grid.context.close();

    // The community secretary brings in the retired judge and holds two sessions.
    const secretary: Session = await open(browser, locale, DESKTOP);
    const { page } = secretary;
    await signIn(secretary, 'secretary');
    await page.goto('/desk/studios?tab=mediators');
    await page.getByRole('button', { name: loose(m('mediators.add')) }).click();
    const community = (await (await secretary.context.request.get('/api/me')).json()).roles[0].scopeName as string;
    await page
      .getByRole('dialog')
      .getByRole('combobox', { name: m('mediators.node') })
      .click();
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: community }).first().click();
    await pick(page, m('mediators.kind'), m('mediatorKind.retired_judge'));
    await page.getByLabel(m('mediators.name'), { exact: true }).fill(story.judge);
    await page.getByLabel(m('mediators.affiliation')).fill(story.affiliation);
    await saveDialog(page, t);
    await closedDialog(page);
    await page.getByRole('cell', { name: story.affiliation }).first().waitFor();
    await still(secretary, 'mediation-mediators');

    await page.goto(disputeUrl);
    for (const [index, notes] of story.notes.entries()) {
      await page.getByRole('button', { name: loose(m('session.schedule')) }).click();
      await page.getByLabel(m('session.when')).fill(hoursAgo(26 - index * 24));
      await page.getByLabel(m('session.place')).fill(locale === 'en' ? 'Community mediation room' : '社区调解室');
      await pick(page, m('session.mediators'), story.judge);
      await saveDialog(page, t);
      await closedDialog(page);
      await page.getByRole('button', { name: loose(m('session.held')) }).click();
      const attendees = page.getByRole('dialog').getByLabel(m('session.attendees'));
      for (const name of story.attendees) {
        await attendees.fill(name);
        await attendees.press('Enter');
      }
      await page.getByLabel(m('session.notes')).fill(notes);
      if (index === 0) {
        await page.getByRole('dialog').locator('input[type=file]').setInputFiles({
          name: 'basement.jpg',
          mimeType: 'image/jpeg',
          buffer: photo,
        });
        await page.getByRole('dialog').locator('.ant-upload-list-item-done').waitFor();
        await still(secretary, 'mediation-session-held-form', true);
      }
      await saveDialog(page, t);
      await closedDialog(page);
      await expect.poll(() => page.getByTestId('dispute-session').getByText(notes).count()).toBe(1);
    }
    await page.getByText(m('state.in_mediation')).first().waitFor();

    // The agreement, its outcome, and the printed document.
    await page.getByRole('button', { name: loose(m('agreement.draft')) }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel(m('agreement.term', { n: 1 })).fill(story.terms[0]);
    await form.getByRole('button', { name: loose(m('agreement.addTerm')) }).click();
    await form.getByLabel(m('agreement.term', { n: 2 })).fill(story.terms[1]);
    await form.getByRole('button', { name: loose(m('agreement.addInstalment')) }).click();
    const row = form.getByTestId('instalment-row');
    await row.getByLabel(m('agreement.due')).fill(today());
    await row.getByLabel(m('agreement.amount')).fill('12000');
    await row.getByLabel(m('agreement.what')).fill(story.instalment);
    await still(secretary, 'mediation-agreement-form', true);
    await saveDialog(page, t);
    await closedDialog(page);
    await page.getByText(story.terms[1]).waitFor();

    await page.getByRole('button', { name: loose(m('action.outcome')) }).click();
    await page.getByRole('dialog').getByText(m('outcome.agreement'), { exact: true }).click();
    await saveDialog(page, t);
    await closedDialog(page);
    await page
      .locator('.ant-tag', { hasText: m('state.agreement') })
      .first()
      .waitFor();
    await still(secretary, 'mediation-agreement');

    for (const lang of ['zh-CN', 'en'] as const) {
      const href = await page.getByTestId(lang === 'en' ? 'agreement-pdf-en' : 'agreement-pdf-zh').getAttribute('href');
      const pdf = await secretary.context.request.get(href as string);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const bytes = await pdf.body();
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
      const flat = text.replace(/\s+/g, '');
      expect(flat).toContain(lang === 'en' ? "People'sMediationAgreement" : '人民调解协议书');
      expect(flat).toContain(story.company.replace(/\s+/g, ''));
      expect(flat).toContain(story.terms[0].replace(/\s+/g, '').slice(0, 12));
      await mkdir(SCREENSHOTS, { recursive: true });
      const file = path.join(SCREENSHOTS, `mediation-agreement-pdf.${locale}.${lang}`);
      await writeFile(`${file}.pdf`, bytes);
      // The printed page as a person sees it: rendered to PNG where poppler is installed (CI installs it).
      await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', `${file}.pdf`, file]).catch(
        () => undefined,
      );
    }

    // Follow-up: the payment is confirmed and the file closed.
    await page.getByRole('button', { name: loose(m('action.followUp')) }).click();
    await saveDialog(page, t);
    await closedDialog(page);
    await page.getByRole('button', { name: loose(m('agreement.check')) }).click();
    await page.getByRole('dialog').getByText(m('agreement.instalmentStatus.paid'), { exact: true }).click();
    await saveDialog(page, t);
    await closedDialog(page);
    await page.locator('.ant-tag', { hasText: m('agreement.instalmentStatus.paid') }).waitFor();
    await page.getByRole('button', { name: loose(m('action.close')) }).click();
    await saveDialog(page, t);
    await closedDialog(page);
    await page
      .locator('.ant-tag', { hasText: m('state.closed') })
      .first()
      .waitFor();
    await still(secretary, 'mediation-closed');

    const api = await apiAs('secretary');
    const dispute = await (await api.get(`/api/mediation${disputeUrl.replace('/desk', '')}`)).json();
    expect(dispute).toMatchObject({ state: 'closed', level: 'community', outcome: 'agreement', caseId: reported.id });
    expect(dispute.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining([
        'dispute.opened',
        'dispute.escalated',
        'dispute.agreement',
        'dispute.following_up',
        'dispute.closed',
      ]),
    );
    await api.dispose();

    await page.goto('/desk/studios');
    await page.locator('.fq-calendar-entry').first().waitFor();
    await still(secretary, 'mediation-calendar');
    await secretary.context.close();
  });

  it('the street leader sees the early warnings and the year’s figures', async () => {
    const leader = await open(browser, locale, DESKTOP);
    await signIn(leader, 'leader');
    await leader.page.goto('/desk/mediation-figures');
    await leader.page.getByTestId('kpi-received').waitFor();
    await expect.poll(async () => leader.page.getByTestId('kpi-received').textContent()).not.toContain('—');
    await leader.page.locator('canvas').first().waitFor();
    await still(leader, 'mediation-figures');
    await leader.page.goto('/desk/disputes');
    await leader.page.locator('.ant-table-row').first().waitFor();
    await still(leader, 'mediation-disputes');
    await leader.context.close();
  });
});
