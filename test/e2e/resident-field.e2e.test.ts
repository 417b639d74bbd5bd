import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, LOCALES, type Locale, launch, open, PHONE, signIn } from './browser.ts';
import { phoneShot, screenShot, type Words, wordsOf } from './flow.ts';

/**
 * The phone app end to end, in both languages at phone size: a resident reports with a photo,
 * the grid worker accepts and resolves it in the field app, the resident rates it; and a report
 * made without network waits on the phone and reaches the server exactly once.
 */
const NAMESPACES = {
  mobile: 'mobile/locales',
  report: 'mobile/report/locales',
  caseView: 'mobile/case/locales',
  resident: 'mobile/resident/locales',
  field: 'mobile/field/locales',
};

const CATEGORY = { 'zh-CN': ['环境卫生', '垃圾清运'], en: ['Environment and sanitation', 'Garbage collection'] } as const;

let browser: Browser;
let photo: Buffer;
let building: string;

beforeAll(async () => {
  browser = await launch();
  photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 96, g: 128, b: 72 } } })
    .jpeg({ quality: 90 })
    .toBuffer();
  // A building in the grid worker's grid, where the resident lives, found as the grid worker would.
  const grid = await open(browser, 'zh-CN', PHONE);
  await signIn(grid, 'grid');
  const mine = await (await grid.context.request.get('/api/areas')).json();
  const gridId = mine.items.find((a: { level: string }) => a.level === 'grid').id;
  const buildings = await (await grid.context.request.get(`/api/areas?parentId=${gridId}&level=building`)).json();
  building = buildings.items[0].name;
  await grid.context.close();
});
afterAll(() => browser.close());

async function fillReport(page: Page, t: Words, locale: Locale, description: string) {
  const [group, detail] = CATEGORY[locale];
  await page.getByRole('radio', { name: group, exact: true }).check();
  await page.getByRole('radio', { name: detail, exact: true }).check();
  await page.getByLabel(t('report.description.label')).fill(description);
  await page.getByLabel(t('report.place.search')).fill(building);
  await page.getByRole('radio', { name: new RegExp(`^${building}`) }).check();
}

describe.each(LOCALES)('the phone app in %s', (locale) => {
  const t = wordsOf(locale, NAMESPACES);

  it('a resident reports a garbage problem with a photo, the grid worker resolves it in the field, the resident rates it', async () => {
    const description = `${locale} ${Date.now()} 垃圾桶满了两天没人清运`;
    const resident = await open(browser, locale, PHONE);
    await signIn(resident, 'resident');
    const { page } = resident;
    await page.goto('/');
    await page.getByText(t('home.myReports')).waitFor();
    await phoneShot(resident, 'home-resident');
    await page.getByRole('button', { name: t('home.report') }).click();
    await page.getByRole('radio', { name: CATEGORY[locale][0], exact: true }).waitFor();
    await phoneShot(resident, 'report-empty');

    await fillReport(page, t, locale, description);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: t('report.photos.album') }).click();
    await (await chooser).setFiles({ name: 'bins.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('img', { name: t('report.photos.alt', { n: 1 }) }).waitFor();
    await phoneShot(resident, 'report-filled');

    await page.getByRole('button', { name: t('resident.report.submit') }).click();
    const code = page.getByTestId('tracking-code');
    await code.waitFor();
    const trackingCode = (await code.textContent())?.trim() as string;
    expect(trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await phoneShot(resident, 'report-sent');

    // The grid worker finds it in the inbox, accepts it and resolves it with a note.
    const grid = await open(browser, locale, PHONE);
    await signIn(grid, 'grid');
    await grid.page.goto('/field');
    // The inbox runs by deadline, so a fresh report sits below older ones: the "new" filter lists it first.
    await grid.page.getByRole('button', { name: new RegExp(t('field.inbox.filters.reported')) }).click();
    const card = grid.page.getByRole('link', { name: new RegExp(description.slice(0, 20)) });
    await card.waitFor();
    await phoneShot(grid, 'field-inbox');
    await card.click();
    await grid.page.getByRole('button', { name: t('case.action.accept') }).click();
    await grid.page.getByRole('button', { name: t('common.confirm') }).click();
    const resolve = grid.page.getByRole('button', { name: t('case.action.resolve'), exact: true });
    await resolve.waitFor();
    // The confirmation fades out and the "accepted" toast comes and goes before the picture.
    const toast = grid.page.locator('.adm-toast-main');
    await toast.waitFor();
    await toast.waitFor({ state: 'hidden' });
    await grid.page.locator('.adm-dialog-body').waitFor({ state: 'hidden' });
    await grid.page.getByRole('img', { name: t('caseView.detail.photoAlt', { n: 1 }) }).waitFor();
    await phoneShot(grid, 'field-case');
    await resolve.click();
    const sheet = grid.page.locator('.fq-action-form');
    await sheet.getByLabel(t('field.form.resolve.label')).fill('已联系环卫公司清运，并增加一只垃圾桶');
    await grid.page.waitForTimeout(400); // the sheet slides up
    await screenShot(grid, 'field-resolve');
    await sheet.getByRole('button', { name: t('field.form.resolve.submit') }).click();
    await grid.page.getByText(t('case.state.resolved'), { exact: true }).first().waitFor();
    await grid.page.goto('/field/notifications');
    await grid.page.locator('.fq-notice-item').first().waitFor();
    await phoneShot(grid, 'field-notifications');
    await grid.page.getByRole('link', { name: t('field.tabs.new') }).click();
    await grid.page.getByRole('radio', { name: t('report.place.grid') }).waitFor();
    await phoneShot(grid, 'field-new');
    await grid.context.close();

    // The resident sees it resolved, rates it 5 and finds it closed.
    await page.goto('/my');
    const mine = page.getByRole('link', { name: new RegExp(description.slice(0, 20)) });
    await mine.waitFor();
    await phoneShot(resident, 'my-reports');
    await mine.click();
    await page.getByRole('radio', { name: t('caseView.rate.word.5') }).check();
    await page.getByLabel(t('caseView.rate.comment')).fill('很快就清运了，谢谢');
    await phoneShot(resident, 'my-case-rating');
    await page.getByRole('button', { name: t('caseView.rate.submit') }).click();
    await page.getByText(t('resident.stateWords.closed'), { exact: true }).first().waitFor();
    await page.getByRole('img', { name: t('caseView.rate.given', { n: 5 }) }).waitFor();
    await phoneShot(resident, 'my-case-closed');

    // Anyone holding the tracking code follows the same case without signing in.
    const guest = await open(browser, locale, PHONE);
    await guest.page.goto(`/track/${trackingCode}`);
    await guest.page.getByText(t('resident.stateWords.closed'), { exact: true }).first().waitFor();
    await phoneShot(guest, 'track');
    await guest.context.close();
    await resident.context.close();
  });

  it('a report made without network, filled in by keyboard alone, waits on the phone and is sent exactly once', async () => {
    const description = `${locale} ${Date.now()} 离线上报：小区门口垃圾堆积`;
    const resident = await open(browser, locale, PHONE);
    await signIn(resident, 'resident');
    const { page, context } = resident;
    const { keyboard } = page;
    await page.goto('/report');

    // Sending it empty: the mistakes are announced and focus goes to the first one.
    const [group] = CATEGORY[locale];
    await page.getByRole('button', { name: t('resident.report.submit') }).focus();
    await keyboard.press('Enter');
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('alert').allTextContents()).toEqual([
      t('report.category.missing'),
      t('report.description.missing'),
      t('report.place.missing'),
    ]);
    expect(await page.evaluate<string>('document.activeElement.type')).toBe('radio');

    // Then by keys alone, in the order the form reads: kind, what exactly, words, (photos, location), place, send.
    await page.getByRole('radio', { name: group, exact: true }).focus();
    await keyboard.press('Space');
    await keyboard.press('Tab');
    await keyboard.press('Space');
    await keyboard.press('Tab');
    await keyboard.type(description);
    for (let i = 0; i < 4; i++) await keyboard.press('Tab'); // camera, album, my location, then the search field
    await keyboard.type(building);
    await page.getByRole('radio', { name: new RegExp(`^${building}`) }).waitFor();
    await keyboard.press('Tab');
    await keyboard.press('Space');
    expect(await page.getByRole('radio', { name: CATEGORY[locale][1], exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel(t('report.description.label')).inputValue()).toBe(description);
    expect(await page.getByRole('radio', { name: new RegExp(`^${building}`) }).isChecked()).toBe(true);

    await context.setOffline(true);
    await page.getByRole('button', { name: t('resident.report.submit') }).focus();
    await keyboard.press('Enter');
    await page.getByText(t('report.queued.title')).waitFor();
    await expect(page.getByText(description.slice(0, 40)).isVisible()).resolves.toBe(true);
    await phoneShot(resident, 'report-queued');

    // Back online: the 'online' event sends it; a tap on "send now" at the same moment must not send it twice.
    await context.setOffline(false);
    await page
      .getByRole('button', { name: t('report.queued.sendNow') })
      .click({ timeout: 2000 })
      .catch(() => undefined);
    await page.getByTestId('tracking-code').waitFor();
    await page.goto('/');
    await page.getByText(t('mobile.onThisPhone')).waitFor();
    await phoneShot(resident, 'home-after-offline');

    const search = await context.request.get(`/api/cases?mine=reported&q=${encodeURIComponent(description)}`);
    expect((await search.json()).items).toHaveLength(1);
    const grid = await open(browser, locale, PHONE);
    await signIn(grid, 'grid');
    const seen = await grid.context.request.get(`/api/cases?q=${encodeURIComponent(description)}`);
    expect((await seen.json()).items).toHaveLength(1);
    await grid.context.close();
    await context.close();
  });

  it('the residents’ pages read well on a computer screen too', async () => {
    const guest = await open(browser, locale, DESKTOP);
    await guest.page.goto('/');
    await guest.page.getByText(t('mobile.how.title')).waitFor();
    await guest.shot('home');
    await guest.page.getByRole('button', { name: t('home.report') }).click();
    await guest.page.getByText(t('resident.report.guestNote')).waitFor();
    await guest.shot('report-empty');
    await guest.page.goto('/track');
    await guest.page.getByLabel(t('resident.track.label')).waitFor();
    await guest.shot('track-form');
    await guest.context.close();
  });
});
