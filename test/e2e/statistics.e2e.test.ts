import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, LOCALES, launch, open, signIn } from './browser.ts';
import { apiAs, json, still, wordsOf } from './flow.ts';

/**
 * Statistics in both languages: the street leader reads last month's indicators of the street, each
 * with its definition, drills down the map (coloured by on-time rate) to a community, whose grids
 * it then colours, ranks them, exports a table and produces the monthly report; the wall screen at
 * 1920x1080 carries this month's indicators and the map by on-time rate.
 */
const WALL = { width: 1920, height: 1080 };
const NAMESPACES = { stats: 'desk/stats/locales', geo: 'desk/geo/locales' };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const lastMonth = () => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
};

/** Moves over the map until the tooltip names the area; returns where. */
async function findOnMap(page: Page, name: string): Promise<{ x: number; y: number }> {
  const box = await page.locator('.fq-stats-map canvas').first().boundingBox();
  if (!box) throw new Error('no map canvas');
  const tooltip = page.locator('.fq-chart-tooltip');
  for (let row = 1; row < 14; row++) {
    for (let col = 1; col < 18; col++) {
      const x = box.x + (box.width * col) / 18;
      const y = box.y + (box.height * row) / 14;
      await page.mouse.move(x, y);
      await page.waitForTimeout(25);
      if ((await tooltip.isVisible()) && ((await tooltip.textContent()) ?? '').startsWith(name)) return { x, y };
    }
  }
  throw new Error(`${name} not found on the map`);
}

describe.each(LOCALES)('statistics in %s', (locale) => {
  const t = wordsOf(locale, NAMESPACES);
  const zh = locale === 'zh-CN';

  it('the leader reads a month of the street, drills the map down to a community, ranks its grids, exports and produces the report', async () => {
    const leader = await apiAs('leader');
    const street = (await json<{ items: { id: string; name: string; level: string }[] }>(leader.get('/api/areas?level=street')))
      .items[0];
    const community = (await json<{ items: { id: string; name: string }[] }>(leader.get(`/api/areas?parentId=${street?.id}`)))
      .items[0];
    if (!street || !community) throw new Error('no street or community');
    const expected = await json<{ indicators: { code: string; value: number | null }[] }>(
      leader.get(`/api/stats/figures?nodeId=${street.id}&period=month&at=${lastMonth()}-01`),
    );
    const received = expected.indicators.find((i) => i.code === 'received')?.value ?? 0;
    expect(received).toBeGreaterThan(0);

    const session = await open(browser, locale, DESKTOP);
    const { page } = session;
    await signIn(session, 'leader');
    await page.goto(`/desk/statistics?nodeId=${street.id}`);
    await page.getByLabel(t('stats.at')).fill(lastMonth());
    const receivedCard = page.getByTestId('kpi-received');
    await expect
      .poll(() => receivedCard.locator('.fq-stats-kpi-value').textContent())
      .toBe(new Intl.NumberFormat(locale).format(received));
    await page.getByTestId('kpi-p90_handling_days').locator('.fq-stats-kpi-value').waitFor();
    // Resident deliberation has its own group of figures, with the street's own count.
    const deliberated = expected.indicators.find((i) => i.code === 'topics_deliberated')?.value ?? 0;
    const deliberation = page.getByRole('heading', { name: t('stats.groups.deliberation') });
    await deliberation.scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.getByTestId('kpi-topics_deliberated').locator('.fq-stats-kpi-value').textContent())
      .toBe(new Intl.NumberFormat(locale).format(deliberated));
    await still(session, 'desk-statistics-deliberation', true);
    await page.evaluate('window.scrollTo(0, 0)');
    // Each indicator's definition is its tooltip.
    await page.getByTestId('kpi-response_rate').locator('.fq-stats-name').hover();
    await page.getByText(zh ? /首次联系时限内联系了诉求人/ : /first call came within the contact limit/).waitFor();
    await page.locator('.fq-stats-map canvas').first().waitFor();
    await page.waitForTimeout(600);
    await still(session, 'desk-statistics-street');

    // Drill down: the community on the street's map, then its grids coloured by on-time rate.
    await page.locator('.fq-stats-map').scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    const spot = await findOnMap(page, community.name);
    await page.mouse.click(spot.x, spot.y);
    await page.locator('.ant-breadcrumb-link', { hasText: community.name }).waitFor();
    await page.locator('.ant-card-head-title', { hasText: `${t('stats.rankings')} · ${t('stats.child.community')}` }).waitFor();
    await page.locator('.fq-stats-map canvas').first().waitFor();
    await page.waitForTimeout(800);
    await page.locator('.fq-stats-map').scrollIntoViewIfNeeded();
    await still(session, 'desk-statistics-community');

    // Export: the figures table as CSV in UTF-8 with a BOM.
    const csv = await page
      .context()
      .request.get(
        `/api/stats/export?nodeId=${community.id}&period=month&at=${lastMonth()}-01&table=child&format=csv&lang=${locale}`,
      );
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    // The monthly report of the community, produced now and listed for download.
    await page.getByRole('button', { name: t('stats.produce') }).click();
    await page.getByText(t('stats.produced', { name: community.name, month: lastMonth() })).waitFor();
    await page.locator('.ant-table-row', { hasText: community.name }).filter({ hasText: 'PDF' }).first().scrollIntoViewIfNeeded();
    await still(session, 'desk-statistics-reports');
    await session.context.close();
  });

  it("the wall screen at 1920x1080 carries this month's indicators and the map by on-time rate", async () => {
    const session = await open(browser, locale, WALL);
    const { page } = session;
    await signIn(session, 'leader');
    await page.goto('/desk/wall?map=on_time_rate');
    await page.locator('.fq-wall-month-tile').nth(7).waitFor();
    await page.locator('.fq-wall-month-label', { hasText: zh ? '响应率' : 'Response rate' }).waitFor();
    await page.locator('.fq-wall-map canvas').first().waitFor();
    await page.locator('.fq-wall-trend canvas').first().waitFor();
    await page.waitForTimeout(1000);
    await session.shot('desk-wall-statistics');
    await session.context.close();
  });
});
