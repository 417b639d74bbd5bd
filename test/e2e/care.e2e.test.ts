import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, LOCALES, type Locale, launch, open, PHONE, type Session, signIn } from './browser.ts';
import { apiAs, loose, still, type Words, wordsOf } from './flow.ts';

/**
 * Care for a vulnerable resident, end to end in both languages: the community secretary enters a
 * seriously ill elderly man's care file from the paper records, whose weekly visit is already
 * overdue; the missed-visit job (run now by the administrator, as the scheduler would at night)
 * alerts the grid worker, who opens the alert on the phone, visits, logs what she saw with a
 * photo and a follow-up case for the leaking bathroom; the secretary sees the visit and the case
 * on the file; the street leader sees the coverage figures and no file.
 */
const NAMESPACES = {
  deskCare: 'desk/care/locales',
  deskCases: 'desk/cases/locales',
  care: 'mobile/care/locales',
  field: 'mobile/field/locales',
  report: 'mobile/report/locales',
};
const STORY = {
  'zh-CN': {
    situation: '患肝硬化多年，老伴行动不便，子女在外地。',
    seen: '老人气色尚可，按时服药；卫生间顶棚渗水，地面湿滑，老人险些滑倒。',
    followUp: '卫生间顶棚渗水，需物业上门查看楼上管道并维修。',
    category: ['物业服务', '房屋渗漏'],
  },
  en: {
    situation: 'Cirrhosis for years; his wife can hardly walk; the children live elsewhere.',
    seen: 'Looks well and takes his medicine; the bathroom ceiling leaks and the floor is slippery, he nearly fell.',
    followUp: 'The bathroom ceiling leaks: the property company should check the pipes upstairs and repair it.',
    category: ['Property service', 'Leaks in the building'],
  },
} as const;

let browser: Browser;
let photo: Buffer;

beforeAll(async () => {
  browser = await launch();
  photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 150, g: 140, b: 120 } } })
    .jpeg({ quality: 90 })
    .toBuffer();
});
afterAll(() => browser.close());

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const daysAgo = (days: number) => new Date(Date.parse(`${today()}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
/** A local date as the app writes it in a language (its i18n formats dates so). */
const dateIn = (locale: Locale, date: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', dateStyle: 'medium' }).format(new Date(`${date}T12:00:00Z`));
const masked = (name: string) => `${[...name][0]}${'*'.repeat(Math.min([...name].length - 1, 2))}`;

interface Resident {
  id: string;
  name: string;
  phone: string | null;
  tags: string[];
}

/** An elderly resident of the grid worker's grid the register keeps no care file on yet (one per language). */
async function residentWithoutFile(locale: Locale): Promise<Resident> {
  const grid = await apiAs('grid');
  const me = await (await grid.get('/api/me')).json();
  const gridId = me.roles.find((r: { role: string }) => r.role === 'grid_worker').nodeId;
  const secretary = await apiAs('secretary');
  const { items } = await (await secretary.get(`/api/residents?nodeId=${gridId}&tag=elderly&limit=100`)).json();
  const candidates = (items as Resident[]).filter((r) => r.phone && r.tags.length === 1);
  const free: Resident[] = [];
  for (const resident of candidates) {
    const files = await (await secretary.get(`/api/care/files?q=${encodeURIComponent(resident.name)}`)).json();
    if (files.items.length === 0) free.push(resident);
    if (free.length === LOCALES.length) break;
  }
  const chosen = free[LOCALES.indexOf(locale)];
  if (!chosen) throw new Error('no elderly resident without a care file in the grid');
  return chosen;
}

async function pick(page: Page, label: string, option: string, typed?: string) {
  // A required field's label carries antd's mark: "* Groups".
  const name = new RegExp(`^(\\* )?${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const combobox = page.getByRole('dialog').getByRole('combobox', { name });
  const select = page
    .getByRole('dialog')
    .locator('.ant-select')
    .filter({ has: page.getByRole('combobox', { name }) });
  // Under load a click can land while the list is still opening: choose again until the field shows the option.
  for (let attempt = 0; attempt < 3; attempt++) {
    await combobox.click();
    if (typed) await page.keyboard.type(typed);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    if (await page.locator('.ant-select-dropdown:visible').count()) await page.keyboard.press('Escape');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    if ((await select.textContent())?.includes(option)) return;
  }
  throw new Error(`${label}: ${option} was not chosen`);
}

async function phoneShot(session: Session, name: string) {
  // Toasts and sheets settle before the picture.
  await session.page.waitForTimeout(400);
  await session.shot(name);
}

describe.each(LOCALES)('care for a vulnerable resident in %s', (locale: Locale) => {
  const t: Words = wordsOf(locale, NAMESPACES);
  const story = STORY[locale];
  let resident: Resident;
  let fileId: string;
  let fileNumber: string;

  it('the secretary enters a file from paper records whose weekly visit is already overdue', async () => {
    resident = await residentWithoutFile(locale);
    const desk = await open(browser, locale, DESKTOP);
    await signIn(desk, 'secretary');
    const { page } = desk;
    await page.goto('/desk/care');
    await page.getByRole('columnheader', { name: t('deskCare.col.nextDue') }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-table-tbody').textContent()).toMatch(/\*/);
    await still(desk, 'desk-care-files');

    await page.getByRole('button', { name: loose(t('deskCare.new')) }).click();
    await pick(page, t('deskCare.form.resident'), resident.name, resident.phone as string);
    await pick(page, t('deskCare.form.groups'), t('deskCare.group.seriously_ill'));
    await pick(page, t('deskCare.form.riskLevel'), t('deskCare.risk.medium'));
    await page.getByRole('dialog').getByLabel(t('deskCare.form.situation')).fill(story.situation);
    await page.getByRole('dialog').getByLabel(t('deskCare.form.lastVisitedOn')).fill(daysAgo(20));
    await still(desk, 'desk-care-new-file', true);
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: loose(t('common.save')) })
      .click();
    await page.waitForURL(/\/desk\/care\/[0-9a-f-]{36}$/);
    fileId = page.url().split('/').at(-1) as string;
    await page.getByRole('heading', { name: new RegExp(resident.name) }).waitFor();
    await page.getByText(t('deskCare.due.overdue')).first().waitFor();
    fileNumber = (await page.locator('.fq-case-number').textContent())?.split(' ')[0] as string;
    expect(fileNumber).toMatch(/^GA\d{4}-\d{5}$/);
    await still(desk, 'desk-care-file-overdue');
    await desk.context.close();
  });

  it('the missed-visit job alerts the grid worker, who opens the alert on the phone and logs the visit with a photo and a follow-up case', async () => {
    const admin = await apiAs('admin');
    const run = await admin.post('/api/care/jobs/missed-visits/run');
    expect(run.status()).toBe(200);
    // The scheduler of the server may have raised it first: either way, one alert for the file.
    const grid = await apiAs('grid');
    await expect
      .poll(async () => {
        const { items } = await (await grid.get('/api/notifications?limit=50')).json();
        return items.filter(
          (n: { kind: string; data: { fileId?: string } }) => n.kind === 'care.visit_missed' && n.data.fileId === fileId,
        ).length;
      })
      .toBe(1);

    const phone = await open(browser, locale, PHONE);
    await signIn(phone, 'grid');
    const { page } = phone;
    await page.goto('/field/notifications');
    const notice = page.locator('.fq-notice-item', { hasText: fileNumber });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      t('field.notices.kinds.visit_missed', {
        number: fileNumber,
        name: masked(resident.name),
        dueDate: dateIn(locale, daysAgo(13)),
      }),
    );
    await phoneShot(phone, 'phone-care-missed-alert');
    await notice.click();
    await page.waitForURL(new RegExp(`/care/files/${fileId}$`));
    await page.getByRole('heading', { name: resident.name }).waitFor();
    await page.getByText(t('care.due.overdue', { days: 13 })).waitFor();
    await phoneShot(phone, 'phone-care-file');

    await page.goto('/care');
    await page.getByRole('button', { name: t('care.filters.overdue') }).waitFor();
    await page
      .getByRole('link', { name: new RegExp(masked(resident.name).replace(/\*/g, '\\*')) })
      .first()
      .waitFor();
    await phoneShot(phone, 'phone-care-list');

    await page.goto(`/care/files/${fileId}`);
    await page.getByRole('button', { name: t('care.file.log') }).click();
    await page.getByRole('radio', { name: t('care.wellbeing.fair'), exact: true }).check();
    await page.getByLabel(t('care.visit.observations')).fill(story.seen);
    await page.getByRole('checkbox', { name: t('care.need.housing_repair'), exact: true }).check();
    await page.getByRole('checkbox', { name: t('care.need.medical'), exact: true }).check();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: t('report.photos.album') }).click();
    await (await chooser).setFiles({ name: 'bathroom.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('img', { name: t('report.photos.alt', { n: 1 }) }).waitFor();
    await page.getByRole('switch', { name: new RegExp(t('care.visit.followUp')) }).check();
    await page.getByRole('radio', { name: story.category[0], exact: true }).check();
    await page.getByRole('radio', { name: story.category[1], exact: true }).check();
    await page.getByLabel(t('care.visit.followUpText')).fill(story.followUp);
    await phoneShot(phone, 'phone-care-visit-form');
    await page.getByRole('button', { name: t('care.visit.save') }).click();
    await page.waitForURL(new RegExp(`/care/files/${fileId}$`));
    await page.getByText(story.seen).waitFor();
    await page.getByText(t('care.file.late')).first().waitFor();
    const caseLine = page.locator('.fq-care-tagline', { hasText: /\d{4}-\d{6}/ });
    await caseLine.waitFor();
    await page.locator('.adm-toast-mask').waitFor({ state: 'hidden' });
    await page.evaluate('window.scrollTo(0, 0)');
    await phoneShot(phone, 'phone-care-visit-logged');
    await phone.context.close();

    const file = await (await grid.get(`/api/care/files/${fileId}`)).json();
    expect(file.visits[0]).toMatchObject({ onTime: false, wellbeing: 'fair', needs: ['housing_repair', 'medical'] });
    expect(file.visits[0].photos).toHaveLength(1);
    expect(file.nextDueDate > today()).toBe(true);
  });

  it('the secretary sees the visit, its case and the missed alert on the file; the leader sees figures and no file', async () => {
    const desk = await open(browser, locale, DESKTOP);
    await signIn(desk, 'secretary');
    await desk.page.goto(`/desk/care/${fileId}`);
    await desk.page.getByText(story.seen).waitFor();
    await desk.page.getByRole('link', { name: new RegExp(t('deskCare.detail.followUp', { number: '' }).trim()) }).waitFor();
    await desk.page
      .getByText(
        new RegExp(t('deskCare.event.care.visit_missed', { date: dateIn(locale, daysAgo(13)) }).replace(/[()]/g, '\\$&')),
      )
      .waitFor();
    await still(desk, 'desk-care-file-visited');
    await desk.context.close();

    const leader = await open(browser, locale, DESKTOP);
    await signIn(leader, 'leader');
    await leader.page.goto('/desk/care-figures');
    await leader.page.getByTestId('kpi-onTimeRate').waitFor();
    await leader.page.locator('.ant-table-row').first().waitFor();
    await expect.poll(() => leader.page.getByTestId('kpi-files').textContent()).toMatch(/\d/);
    expect(await leader.page.getByRole('menuitem', { name: t('desk.menu.care'), exact: true }).count()).toBe(0);
    await still(leader, 'desk-care-figures');
    await leader.page.goto(`/desk/care/${fileId}`);
    await leader.page.getByText(t('deskCare.detail.notFound')).waitFor();
    expect(await leader.page.content()).not.toContain(resident.name);
    await leader.context.close();
  });
});
