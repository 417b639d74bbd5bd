import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { DEMO_PASSWORD } from '../src/demo/seed-demo.ts';
import { GridLocator } from '../src/modules/areas/grid-locator.ts';
import type { App } from '../src/platform/http/app-types.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

export interface Harness extends TestDatabase {
  app: App;
  config: Config;
  /** Signs in a demo account and returns its cookie header. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The whole app on a fresh copy of the tiny demo street; requests go through app.inject. */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const testDatabase = await createTestDatabase(inject('databaseTemplate'));
  // Files (photos) go to a folder of this harness's own, never into the repository's ./data.
  const dataDir = await mkdtemp(path.join(tmpdir(), 'fq-harness-'));
  const config = loadConfig({ NODE_ENV: 'test', LOGIN_RATE_LIMIT: '10000', DATA_DIR: dataDir, ...env });
  const app = await buildApp({ config, database: testDatabase.database, gridLocator: new GridLocator(), version: 'test' });
  const cookies = new Map<string, string>();
  return {
    ...testDatabase,
    app,
    config,
    async login(username, password = DEMO_PASSWORD) {
      const key = `${username}\u0000${password}`;
      const known = cookies.get(key);
      if (known) return known;
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
      const cookie = sessionCookie(response.headers['set-cookie']);
      cookies.set(key, cookie);
      return cookie;
    },
    async close() {
      await app.close();
      await testDatabase.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function sessionCookie(header: string | string[] | undefined): string {
  const line = [header ?? []].flat().find((value) => value.startsWith('fq_session='));
  if (!line) throw new Error('no session cookie');
  return line.split(';')[0] as string;
}
