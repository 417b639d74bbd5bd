import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../src/modules/residents/id-number.ts';
import { DESKTOP, LOCALES, launch, open, signIn } from './browser.ts';
import { apiAs, json, loose, wordsOf } from './flow.ts';

/**
 * Integrations at the desk in both languages: the administrator finds the demo key for the city
 * hotline, issues a key for a city app and sees it once, and reads the hotline callback's
 * delivery log; the community secretary imports a register file, is shown the row that is wrong
 * and nothing saved, then imports the corrected file and sees the people added.
 */
const NAMESPACES = { deskIntegration: 'desk/integration/locales' };
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const id = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;

describe.each(LOCALES)('integrations in %s', (locale) => {
  const w = wordsOf(locale, NAMESPACES);

  it('the administrator issues a key, sees it once and reads the webhook delivery log', async () => {
    const session = await open(browser, locale, DESKTOP);
    await signIn(session, 'admin');
    const { page } = session;
    await page.goto('/desk/integration');
    await page.getByText('诸暨市12345热线与城市App（演示）').waitFor();
    await session.shot('integration-keys');
    await page.getByRole('button', { name: loose(w('deskIntegration.keys.issue')) }).click();
    await page.getByLabel(w('deskIntegration.keys.name')).fill(`City app ${locale}`);
    await page.getByRole('button', { name: /OK|确\s*定/ }).click();
    await page.getByText(w('deskIntegration.keys.issuedHint')).waitFor();
    const key = await page.locator('.ant-modal code').last().textContent();
    expect(key).toMatch(/^fq_/);
    await session.shot('integration-key-issued');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: w('deskIntegration.tabs.webhooks') }).click();
    await page.getByText('12345热线工单状态回传（演示）').waitFor();
    await page
      .getByRole('button', { name: loose(w('deskIntegration.webhooks.log')) })
      .first()
      .click();
    await page.locator('.ant-drawer .ant-table').waitFor();
    // The drawer slides in: the picture waits for it to stand still.
    await page.waitForTimeout(500);
    await session.shot('integration-webhooks-log');
    await session.context.close();
  });

  it('the secretary imports a register file: a wrong row stops it, the corrected file goes in', async () => {
    const secretary = await apiAs('secretary');
    const places = await json<{ items: { kind: string; name: string; communityName: string | null }[] }>(
      secretary.get('/api/public/places?q=1栋&limit=50'),
    );
    const building = places.items.find((p) => p.kind === 'building' && p.communityName === '北苑社区')?.name as string;
    const serial = locale === 'en' ? '1' : '2';
    const header = '楼栋,单元,房号,姓名,性别,联系电话,身份证号,是否户主';
    const good = `${building},1,${serial}88,新住户${serial},男,13800008888,${id(`3306811990010100${serial === '1' ? '1' : '3'}`)},是`;
    const bad = `${building},1,${serial}88,新住户${serial}乙,女,1380000,${id(`3306811991010100${serial === '1' ? '2' : '4'}`)},否`;
    const session = await open(browser, locale, DESKTOP);
    await signIn(session, 'secretary');
    const { page } = session;
    await page.goto('/desk/register-import');
    const upload = async (name: string, text: string) => {
      await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
      await page.getByRole('button', { name: loose(w('deskIntegration.import.run')) }).waitFor();
    };
    await upload('register.csv', [header, good, bad].join('\n'));
    await session.shot('register-import-mapping');
    await page.getByRole('button', { name: loose(w('deskIntegration.import.run')) }).click();
    await page.getByText(w('deskIntegration.import.invalid', { count: 1 })).waitFor();
    await page.getByText(w('deskIntegration.codes.PHONE_FORMAT')).waitFor();
    await session.shot('register-import-errors');
    await page
      .getByRole('button', { name: loose(w('deskIntegration.import.again')) })
      .first()
      .click();
    await upload('register-fixed.csv', [header, good, bad.replace(',1380000,', ',13800007777,')].join('\n'));
    await page.getByRole('button', { name: loose(w('deskIntegration.import.run')) }).click();
    await page.getByText(w('deskIntegration.import.done', { inserted: 2, updated: 0, households: 1 })).waitFor();
    await session.shot('register-import-done');
    await session.context.close();
  });
});
