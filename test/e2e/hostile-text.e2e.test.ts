import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import privacyEn from '../../web/src/desk/privacy/locales/en.json' with { type: 'json' };
import privacyZh from '../../web/src/desk/privacy/locales/zh-CN.json' with { type: 'json' };
import { DESKTOP, LOCALES, launch, open, signIn } from './browser.ts';
import { apiAs, still } from './flow.ts';

/**
 * Markup typed into a case is shown as text on the desk, never run: the case page draws the
 * title and description literally, no element is injected and no script runs. And the privacy
 * page: the audit log of unmasked reads and the retention of finished cases, in both languages.
 */
const MARKUP = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const WORDS = { 'zh-CN': privacyZh, en: privacyEn };

let browser: Browser;
let caseId: string;
beforeAll(async () => {
  browser = await launch();
  const secretary = await apiAs('secretary');
  const me = await (await secretary.get('/api/me')).json();
  const grids = await (await secretary.get(`/api/areas?parentId=${me.roles[0].nodeId}&level=grid`)).json();
  const categories = await (await secretary.get('/api/case-categories')).json();
  const response = await secretary.post('/api/cases', {
    data: {
      categoryId: categories.items[0].children[0].id,
      title: `${MARKUP}`.slice(0, 100),
      description: `${MARKUP} '; DROP TABLE cases; --`,
      gridId: grids.items[1].id,
      source: 'walk_in',
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  caseId = (await response.json()).case.id;
  // A read of residents' numbers in full, for the audit log to show.
  expect((await secretary.get('/api/residents?limit=5')).ok()).toBe(true);
  await secretary.dispose();
});
afterAll(() => browser.close());

describe('hostile text on the desk', () => {
  it('draws markup in a case as text and runs none of it', async () => {
    const session = await open(browser, 'en', DESKTOP);
    const dialogs: string[] = [];
    session.page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await signIn(session, 'secretary');
    await session.page.goto(`/desk/cases/${caseId}`);
    await session.page.getByText("'; DROP TABLE cases; --", { exact: false }).first().waitFor();
    const body = (await session.page.locator('body').textContent()) ?? '';
    expect(body).toContain('<script>window.__pwned=2</script>');
    expect(body).toContain('<img src=x onerror=');
    expect(await session.page.locator('img[src="x"]').count()).toBe(0);
    expect(await session.page.evaluate('window.__pwned ?? null')).toBeNull();
    expect(dialogs).toEqual([]);
    await still(session, 'hostile-text-case');
    await session.context.close();
  });

  for (const locale of LOCALES) {
    it(`the privacy page shows the unmasked reads and the retention (${locale})`, async () => {
      const session = await open(browser, locale, DESKTOP);
      await signIn(session, 'admin');
      await session.page.goto('/desk/privacy');
      await session.page.getByText(WORDS[locale].audit.unmaskedOnly).waitFor();
      await session.page.locator('.ant-table-row').first().waitFor();
      await session.page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
      // The loading mask fades out over antd's 0.3 s transition, with no class to wait for.
      await session.page.waitForTimeout(600);
      await still(session, 'privacy-audit');
      await session.page.getByRole('tab', { name: WORDS[locale].tabs.retention }).click();
      await session.page.getByText(WORDS[locale].retention.run).waitFor();
      await still(session, 'privacy-retention');
      const text = (await session.page.locator('body').textContent()) ?? '';
      expect(text).not.toMatch(/deskPrivacy\.|desk\.menu\./);
      await session.context.close();
    });
  }
});
