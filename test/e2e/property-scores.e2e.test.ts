import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, LOCALES, type Locale, launch, open, signIn } from './browser.ts';
import { apiAs, json, loose, still, type Words, wordsOf } from './flow.ts';

/**
 * Property service evaluation in both languages: the housing department opens the month's
 * ranking computed from the demo year, exports it for filing, opens a company's scorecard with its
 * twelve months and the cases behind one figure; the company's own handler sees its scorecard and
 * no other company's.
 */
const NAMESPACES = { deskScores: 'desk/property-scores/locales' };

interface Ranking {
  month: string;
  items: { companyId: string; companyName: string; grade: string }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

describe.each(LOCALES)('property evaluation in %s', (locale: Locale) => {
  const t: Words = wordsOf(locale, NAMESPACES);

  it('the housing department reads the ranking, exports it and opens a scorecard down to its cases', async () => {
    const ranking = await json<Ranking>((await apiAs('dh_housing')).get('/api/property-scores/ranking'));
    expect(ranking.items.length).toBeGreaterThanOrEqual(4);
    expect(new Set(ranking.items.map((i) => i.grade)).size).toBeGreaterThanOrEqual(2);

    const desk = await open(browser, locale, DESKTOP);
    await signIn(desk, 'dh_housing');
    const { page } = desk;
    await page.goto('/desk/property-scores');
    await page.getByRole('heading', { name: t('deskScores.rankingTitle') }).waitFor();
    await page
      .locator('.ant-table-row')
      .nth(ranking.items.length - 1)
      .waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(ranking.items.length);
    await still(desk, 'desk-property-ranking');

    const download = page.waitForEvent('download');
    await page.getByTestId('scores-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`property-scores-${ranking.month}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readAll(await file.createReadStream())) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(2).value).toBe(t('deskScores.col.company'));
    expect(sheet?.rowCount).toBe(ranking.items.length + 1);
    await page
      .locator('.ant-message-notice')
      .filter({ hasText: String(ranking.items.length) })
      .waitFor();
    await still(desk, 'desk-property-export');
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });

    const top = ranking.items[0] as Ranking['items'][number];
    await page.getByRole('link', { name: top.companyName }).click();
    await page.getByRole('heading', { name: t('deskScores.companyTitle', { company: top.companyName }) }).waitFor();
    await page.locator('canvas').first().waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await page.waitForTimeout(600); // the chart's bars grow in
    await still(desk, 'desk-property-scorecard');

    await page.getByTestId('drill-handling').first().click();
    const drawer = page.locator('.ant-drawer');
    await drawer.locator('.ant-table-row').first().waitFor();
    expect(await drawer.textContent()).toContain(t('deskScores.component.handling'));
    await still(desk, 'desk-property-cases', true);

    await page.goto('/desk/property-weights');
    await page.getByRole('heading', { name: t('deskScores.weightsTitle') }).waitFor();
    await page.getByTestId('weights-new').click();
    await page.getByRole('dialog').waitFor();
    await still(desk, 'desk-property-weights', true);
    await desk.context.close();
  });

  it("the community secretary enters this month's discussion-day review", async () => {
    const desk = await open(browser, locale, DESKTOP);
    await signIn(desk, 'secretary');
    const { page } = desk;
    await page.goto('/desk/property-reviews');
    await page.getByRole('heading', { name: t('deskScores.reviewsTitle') }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByTestId('scores-month').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    const row = page.locator('.ant-table-row').nth(locale === 'zh-CN' ? 0 : 1);
    await row.getByRole('button', { name: loose(t('deskScores.enter')) }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByTestId('review-held-on')
      .fill(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));
    await still(desk, 'desk-property-review-form', true);
    await dialog.getByRole('button', { name: loose(t('common.save')) }).click();
    await page
      .locator('.ant-message-notice')
      .filter({ hasText: t('deskScores.reviewSaved') })
      .waitFor();
    await row.getByText(t('deskScores.reviewed')).waitFor();
    await desk.context.close();
  });

  it("the company's handler sees its own scorecard and no other company's", async () => {
    const property = await apiAs('property');
    const own = await json<Ranking>(property.get('/api/property-scores/ranking'));
    expect(own.items).toHaveLength(1);
    const all = await json<Ranking>((await apiAs('leader')).get('/api/property-scores/ranking'));
    const other = all.items.find((i) => i.companyId !== own.items[0]?.companyId) as Ranking['items'][number];
    expect((await property.get(`/api/property-scores/companies/${other.companyId}`)).status()).toBe(404);

    const desk = await open(browser, locale, DESKTOP);
    await signIn(desk, 'property');
    const { page } = desk;
    await page.goto('/desk/property-scores');
    await page.getByRole('link', { name: own.items[0]?.companyName as string }).click();
    await page.locator('.ant-table-row').first().waitFor();
    await page
      .getByRole('button', { name: loose(t('deskScores.casesBehind')) })
      .first()
      .waitFor();
    await page.waitForTimeout(600);
    await still(desk, 'desk-property-own-scorecard');
    await desk.context.close();
  });
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
