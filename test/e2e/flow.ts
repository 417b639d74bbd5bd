import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, request } from 'playwright-core';
import { expect, inject } from 'vitest';
import { DESKTOP, type Locale, SCREENSHOTS, type Session } from './browser.ts';

/** What the browser flows share besides the browser: the app's words, API sessions, settled screenshots. */
const WEB = path.resolve(import.meta.dirname, '../../web/src');
type Tree = { [key: string]: string | Tree };
export type Words = (key: string, vars?: Record<string, string | number>) => string;

/**
 * The app's own words, read from its locale files (namespace -> folder under web/src, '' for the
 * shared words at the top), so a flow finds controls as a person reading the screen would.
 */
export function wordsOf(locale: Locale, namespaces: Record<string, string>): Words {
  const read = (dir: string) => JSON.parse(readFileSync(path.join(WEB, dir, `${locale}.json`), 'utf8')) as Tree;
  const tree: Tree = read('shared/locales');
  for (const [namespace, dir] of Object.entries(namespaces)) tree[namespace] = read(dir);
  return (key, vars = {}) => {
    const found = key.split('.').reduce<Tree | string | undefined>((node, part) => (node as Tree | undefined)?.[part], tree);
    if (typeof found !== 'string') throw new Error(`no ${locale} text for ${key}`);
    return found.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
  };
}

/** antd spaces two-character Chinese button labels ("通 过"), and an icon puts its own name first. */
export const loose = (text: string) =>
  new RegExp(`^(?:[a-z-]+\\s+)?${[...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}\\s*$`);

/** An API session of a demo account, for setting the scene the way the apps would. */
export async function apiAs(username: string): Promise<APIRequestContext> {
  const baseURL = inject('baseUrl');
  const context = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const login = await context.post('/api/auth/login', { data: { username, password: 'fengqiao-demo' } });
  if (!login.ok()) throw new Error(`sign in ${username}: ${login.status()}`);
  return context;
}

/**
 * A desk screenshot once antd's opening and closing animations have finished, so no dialog is
 * caught half-faded; `screenOnly` for a drawer or dialog, whose mask covers only the screen.
 */
export async function still(session: Session, name: string, screenOnly = false) {
  // The click ripple (.ant-wave) lingers harmlessly; dialogs, menus and popovers must have settled.
  const moving = session.page.locator(
    ['appear', 'enter', 'leave'].map((phase) => `[class*="-${phase}-active"]:not(.ant-wave)`).join(', '),
  );
  await expect.poll(() => moving.count()).toBe(0);
  if (!screenOnly) return session.shot(name);
  await session.page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.${session.locale}.${DESKTOP.width}x${DESKTOP.height}.png`),
  });
}
