import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, LOCALES, launch, open, signIn } from './browser.ts';
import { apiAs } from './flow.ts';

/**
 * The grid map, the wall screen and administration, in both languages: the secretary's map with
 * coloured grids and case points, the leader's wall screen, and an administrator creating a
 * community and importing its grids from a GeoJSON file after a previewed dry run.
 */
const WALL = { width: 1920, height: 1080 };
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

/** Reports an open case with a point inside the grid worker's grid; answers that grid. */
async function openCaseInGrid(): Promise<{ id: string; name: string }> {
  const grid = await apiAs('grid');
  const me = await (await grid.get('/api/me')).json();
  const role = me.roles.find((r: { role: string }) => r.role === 'grid_worker');
  const buildings = await (await grid.get(`/api/areas?parentId=${role.nodeId}`)).json();
  const building = buildings.items.find((b: { lon: number | null }) => b.lon !== null);
  const categories = await (await grid.get('/api/case-categories')).json();
  const created = await grid.post('/api/cases', {
    data: {
      categoryId: categories.items[0].children[0].id,
      description: '地图测试：楼下垃圾桶满了，需要清运。',
      lon: building.lon,
      lat: building.lat,
      source: 'staff',
    },
  });
  expect(created.status()).toBe(201);
  await grid.dispose();
  return { id: role.nodeId, name: role.scopeName };
}

/** Moves over the map like a person looking for a grid, until the tooltip names it; answers where. */
async function findOnMap(page: Page, name: string): Promise<{ x: number; y: number }> {
  const box = await page.locator('.fq-map-canvas canvas').first().boundingBox();
  if (!box) throw new Error('no map canvas');
  const tooltip = page.locator('.fq-chart-tooltip');
  for (let row = 1; row < 16; row++) {
    for (let col = 1; col < 20; col++) {
      const x = box.x + (box.width * col) / 20;
      const y = box.y + (box.height * row) / 16;
      await page.mouse.move(x, y);
      await page.waitForTimeout(25);
      if ((await tooltip.isVisible()) && ((await tooltip.textContent()) ?? '').startsWith(name)) return { x, y };
    }
  }
  throw new Error(`${name} not found on the map`);
}

function gridFile(parent: string, south: number, overlapping: boolean, gridName: (n: number) => string) {
  const box = (west: number, east: number) => [
    [
      [west, south],
      [east, south],
      [east, south + 0.006],
      [west, south + 0.006],
      [west, south],
    ],
  ];
  const feature = (code: string, name: string, west: number, east: number) => ({
    type: 'Feature',
    properties: { parent, code, name },
    geometry: { type: 'Polygon', coordinates: box(west, east) },
  });
  return {
    type: 'FeatureCollection',
    features: [
      feature(`${parent}_G1`, gridName(1), 120.264, 120.268),
      overlapping
        ? feature(`${parent}_G2`, gridName(2), 120.266, 120.272)
        : feature(`${parent}_G2`, gridName(2), 120.268, 120.272),
    ],
  };
}

const upload = (page: Page, content: object) =>
  page.locator('.ant-modal .ant-upload input[type=file]').setInputFiles({
    name: 'grids.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify(content)),
  });

describe.each(LOCALES)('map, wall screen and administration in %s', (locale) => {
  const zh = locale === 'zh-CN';

  it('the secretary sees the grids coloured with case points, and a click on a grid opens its cases', async () => {
    const grid = await openCaseInGrid();
    const session = await open(browser, locale, DESKTOP);
    const { page } = session;
    await signIn(session, 'secretary');
    await page.goto('/desk/map');
    await page.locator('.fq-map-canvas canvas').first().waitFor();
    await page.locator('.fq-map-side .ant-table-row', { hasText: grid.name }).waitFor();
    await page.getByText(zh ? /在办案件点位 \d+ 个/ : /\d+ open cases on the map/).waitFor();
    await page.getByText(zh ? '点击网格打开该网格的案件' : 'Click a grid to open its cases').waitFor();
    await page.mouse.move(0, 0);
    await session.shot('desk-map');

    await page.locator('.ant-segmented-item', { hasText: zh ? '已超期' : 'Overdue' }).click();
    await page.waitForURL(/metric=overdue/);
    const spot = await findOnMap(page, grid.name);
    await session.shot('desk-map-tooltip');
    await page.mouse.click(spot.x, spot.y);
    await page.waitForURL((url) => url.pathname === '/desk' && url.searchParams.get('gridId') === grid.id);
    await session.context.close();
  });

  it("the leader's wall screen shows the street's figures, map, trend and overdue list at 1920x1080", async () => {
    const session = await open(browser, locale, WALL);
    const { page } = session;
    await signIn(session, 'leader');
    await page.goto('/desk/wall');
    await page.locator('.fq-wall-kpi').nth(4).waitFor();
    for (const label of zh
      ? ['今日受理', '在办案件', '超期案件', '按期办结率', '群众满意率']
      : ['Received today', 'Open cases', 'Overdue', 'Resolved on time', 'Satisfaction']) {
      await page.locator('.fq-wall-kpi-label', { hasText: label }).waitFor();
    }
    await page.locator('.fq-wall-map canvas').first().waitFor();
    await page.locator('.fq-wall-trend canvas').first().waitFor();
    await page.getByText(zh ? /^更新于/ : /^Updated/).waitFor();
    await page.waitForTimeout(800);
    await session.shot('desk-wall');
    await session.context.close();
  });

  it('the admin creates a community, previews a GeoJSON file of its two grids, imports it and finds them in the tree', async () => {
    const session = await open(browser, locale, DESKTOP);
    const { page } = session;
    await signIn(session, 'admin');
    await page.goto('/desk/admin');
    await page.waitForURL(/\/desk\/admin\/areas$/);
    const node = (text: string) => page.locator('.ant-tree-treenode').filter({ has: page.getByText(text, { exact: true }) });
    await node('枫桥街道').locator('.ant-tree-node-content-wrapper').click();
    await page.locator('.fq-admin-split canvas').first().waitFor();
    await session.shot('desk-admin-areas');

    const code = `E2E_${zh ? 'ZH' : 'EN'}`;
    const name = zh ? '测试新社区' : 'Test Community';
    const gridName = (n: number) => (zh ? `测试新社区第${n}网格` : `Test Community Grid ${n}`);
    await page.getByRole('button', { name: zh ? '新增社区' : 'Add Community' }).click();
    await page.getByLabel(zh ? '名称' : 'Name').fill(name);
    await page.getByLabel(zh ? '编码' : 'Code').fill(code);
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: zh ? '保 存' : 'Save' })
      .click();
    await node(name).waitFor();

    await page.getByRole('button', { name: zh ? '导入网格 GeoJSON' : 'Import grids (GeoJSON)' }).click();
    const south = zh ? 29.7 : 29.71;
    await upload(page, gridFile(code, south, true, gridName));
    await page.getByText(zh ? '要素 #1 未通过检查' : 'Feature #1 did not pass the check', { exact: false }).waitFor();
    await page.locator('.ant-modal canvas').first().waitFor();
    await session.shot('desk-admin-import-rejected');

    await upload(page, gridFile(code, south, false, gridName));
    await page
      .getByText(zh ? '检查通过：将新建 2 个网格，更新 0 个网格' : 'Checked: 2 grids will be created and 0 updated')
      .waitFor();
    await page.waitForTimeout(500);
    await session.shot('desk-admin-import-preview');
    await page.getByRole('button', { name: zh ? '导入 2 个网格' : 'Import 2 grids' }).click();
    await page.getByText(zh ? '已导入：新建 2 个，更新 0 个' : 'Imported: 2 created, 0 updated').waitFor();

    await node(name).locator('.ant-tree-switcher').click();
    await node(gridName(1)).waitFor();
    await node(gridName(2)).waitFor();
    await node(name).locator('.ant-tree-node-content-wrapper').click();
    await page.locator('.fq-admin-split canvas').first().waitFor();
    await page.waitForTimeout(500);
    await session.shot('desk-admin-areas-imported');
    await session.context.close();
  });

  it('the administrator’s other tabs: users, organisations, categories, deadlines and the calendar year', async () => {
    const session = await open(browser, locale, DESKTOP);
    const { page } = session;
    await signIn(session, 'admin');
    const tabs = [
      { path: 'users', ready: page.locator('.ant-table-row', { hasText: 'admin' }) },
      { path: 'organisations', ready: page.locator('.ant-table-row', { hasText: 'URBAN_MGMT' }) },
      { path: 'categories', ready: page.locator('.ant-table-row', { hasText: 'ENV_GARBAGE' }) },
      { path: 'deadlines', ready: page.locator('.ant-table-row', { hasText: zh ? '2 个工作日' : '2 working days' }) },
      { path: 'calendar', ready: page.locator('.fq-cal-day.fq-cal-holiday') },
    ];
    for (const tab of tabs) {
      await page.goto(`/desk/admin/${tab.path}`);
      await tab.ready.first().waitFor();
      // Let the table's fade-in settle, so the picture shows the page as a person sees it.
      await page.waitForTimeout(600);
      await session.shot(`desk-admin-${tab.path}`);
    }
    await page.locator('.fq-cal-day.fq-cal-holiday').first().click();
    await page
      .locator('.ant-modal')
      .getByText(zh ? '当前：' : 'Now:')
      .waitFor();
    await page.waitForTimeout(600);
    await session.shot('desk-admin-calendar-day');
    await session.context.close();
  });
});
