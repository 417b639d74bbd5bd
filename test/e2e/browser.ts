import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). Screenshots of every
 * screen land in test-results/screenshots/<name>.<locale>.<width>x<height>.png.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  locale: Locale;
  shot(name: string): Promise<void>;
}

/** A fresh browser profile in one language and one screen size, with the app's language preset. */
export async function open(browser: Browser, locale: Locale, viewport: { width: number; height: number }): Promise<Session> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale,
    viewport,
    deviceScaleFactor: 1,
    isMobile: viewport.width < 600,
    hasTouch: viewport.width < 600,
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript((value) => localStorage.setItem('fq.locale', value), locale);
  const page = await context.newPage();
  return {
    context,
    page,
    locale,
    async shot(name) {
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({
        path: path.join(SCREENSHOTS, `${name}.${locale}.${viewport.width}x${viewport.height}.png`),
        fullPage: true,
      });
    },
  };
}

/** Signs in through the API so a flow starts where it means to; the cookie lands in the context. */
export async function signIn(session: Session, username: string): Promise<void> {
  const response = await session.context.request.post('/api/auth/login', {
    data: { username, password: 'fengqiao-demo' },
    headers: { origin: inject('baseUrl') },
  });
  if (!response.ok()) throw new Error(`sign in ${username}: ${response.status()} ${await response.text()}`);
}
