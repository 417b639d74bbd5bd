import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type APIRequestContext, type APIResponse, request } from 'playwright-core';
import { expect, inject } from 'vitest';
import { type Locale, PHONE, SCREENSHOTS, type Session } from './browser.ts';

/** What the browser flows share besides the browser: the app's words, API sessions and answers, settled screenshots. */
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

/** An API answer's body, or an error naming its status and body when it is not a success. */
export async function json<T>(response: Promise<APIResponse>): Promise<T> {
  const answer = await response;
  if (!answer.ok()) throw new Error(`HTTP ${answer.status()}: ${await answer.text()}`);
  return (await answer.json()) as T;
}

/**
 * The whole page as a phone shows it: the screen is made as tall as the page for the picture, so
 * the bars that stick to the bottom of the screen are drawn at the bottom of the page.
 */
export async function phoneShot(session: Session, name: string) {
  // Run in the page (this file is compiled without the DOM's types).
  const height = await session.page.evaluate<number>('window.scrollTo(0, 0), document.documentElement.scrollHeight');
  await session.page.setViewportSize({ width: PHONE.width, height: Math.max(PHONE.height, height) });
  await session.shot(name);
  await session.page.setViewportSize(PHONE);
}

/**
 * Exactly what the screen shows, for a sheet, drawer or dialog over the page, whose mask covers
 * only the screen; named by the screen's size like every other shot.
 */
export async function screenShot(session: Session, name: string) {
  const screen = session.page.viewportSize();
  if (!screen) throw new Error('a session without a screen size');
  await mkdir(SCREENSHOTS, { recursive: true });
  await session.page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.${session.locale}.${screen.width}x${screen.height}.png`),
  });
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
  await (screenOnly ? screenShot(session, name) : session.shot(name));
}
