import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, LOCALES, launch, open, PHONE } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

describe.each(LOCALES)('the two front doors in %s', (locale) => {
  it('a phone visitor lands on the residents’ page', async () => {
    const session = await open(browser, locale, PHONE);
    await session.page.goto('/');
    const report = session.page.getByRole('button', { name: locale === 'zh-CN' ? '我要反映问题' : 'Report a problem' });
    await expect(report.isVisible()).resolves.toBe(true);
    await session.shot('home');
    await session.context.close();
  });

  it('staff sign in at the desk and land on the console', async () => {
    const session = await open(browser, locale, DESKTOP);
    await session.page.goto('/desk');
    await session.page.getByLabel(locale === 'zh-CN' ? '用户名' : 'Username').fill('secretary');
    await session.page.getByLabel(locale === 'zh-CN' ? '密码' : 'Password').fill('fengqiao-demo');
    await session.shot('desk-login');
    await session.page.getByRole('button', { name: locale === 'zh-CN' ? '登 录' : 'Sign in' }).click();
    await session.page.waitForURL(/\/desk\/?$/);
    await session.page.getByText(locale === 'zh-CN' ? '超期督办' : 'Overdue').waitFor();
    await session.shot('desk-home');
    await session.context.close();
  });
});
