import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../../test/databases.ts';
import { categoryId, pointInGrid } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { GridLocator } from '../../modules/areas/grid-locator.ts';
import type { App } from '../http/app-types.ts';
import { type Database, openDatabase } from './database.ts';

/**
 * A slow database: a case row held locked by another session, so every statement that needs it
 * waits. With statement_timeout the waiting requests are answered 503 DATABASE_TIMEOUT with a
 * retry hint and give their connection back; the pool of two serves again as soon as the lock
 * goes. PGlite is one connection in the process: there is no other session to wait on.
 */
let h: Harness;
let slow: Database;
let app: App;

describe.runIf(testEngine() === 'postgres')('statement timeout', () => {
  beforeAll(async () => {
    h = await startHarness();
    slow = await openDatabase({ databaseUrl: h.url, poolSize: 2, statementTimeoutMs: 300 });
    app = await buildApp({ config: h.config, database: slow, gridLocator: new GridLocator(), version: 'test' });
  });
  afterAll(async () => {
    await app.close();
    await slow.close();
    await h.close();
  });

  it('answers 503 with a code and Retry-After while a row is locked, writes nothing, and the pool is not exhausted', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'resident', password: 'fengqiao-demo' },
    });
    const resident = String(login.headers['set-cookie']).split(';')[0] as string;
    const gridLogin = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'grid', password: 'fengqiao-demo' },
    });
    const grid = String(gridLogin.headers['set-cookie']).split(';')[0] as string;
    const created = await app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: { categoryId: await categoryId(h, 'ENV_GARBAGE'), description: '锁住的案件', ...(await pointInGrid(h, 'C01G01')) },
      headers: { cookie: resident },
    });
    const id = created.json().case.id as string;

    const locker = new pg.Client({ connectionString: h.url });
    await locker.connect();
    await locker.query('begin');
    await locker.query('select id from cases where id = $1 for update', [id]);
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        app.inject({ method: 'POST', url: `/api/cases/${id}/accept`, payload: { note: '受理' }, headers: { cookie: grid } }),
      ),
    );
    const took = performance.now() - started;
    await locker.query('rollback');
    await locker.end();

    for (const answer of answers) {
      expect(answer.statusCode, answer.body).toBe(503);
      expect(answer.json().error.code).toBe('DATABASE_TIMEOUT');
      expect(answer.headers['retry-after']).toBe('5');
    }
    // Six requests through two connections, each cut off at 300 ms: about a second, not a hang.
    expect(took).toBeLessThan(10_000);
    const events = await h.database.db.selectFrom('events').select('type').where('entity_id', '=', id).execute();
    expect(events.map((e) => e.type)).toEqual(['case.reported']);

    const accepted = await app.inject({
      method: 'POST',
      url: `/api/cases/${id}/accept`,
      payload: { note: '受理' },
      headers: { cookie: grid },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });
});
