import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, sessionCookie, startHarness } from '../../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describe('signing in and out', () => {
  it('a demo account signs in with its password and sees who it is', async () => {
    const response = await login('grid', 'fengqiao-demo');
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toMatch(/fq_session=.*HttpOnly.*SameSite=Lax/i);
    const me = await h.app.inject({ url: '/api/me', headers: { cookie: sessionCookie(response.headers['set-cookie']) } });
    expect(me.json()).toMatchObject({ username: 'grid', roles: [{ role: 'grid_worker', scopeLevel: 'grid' }] });
    expect(me.json().permissions).toContain('residents.read_sensitive');
  });

  it('a wrong password answers 401 with the field, and an unknown user the same', async () => {
    const wrong = await login('staff', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'AUTH_INVALID_CREDENTIALS', message: expect.any(String), field: 'password' } });
    expect((await login('nobody-here', 'x')).json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('five wrong passwords lock the account, even against the right one, and an admin can unlock it', async () => {
    for (let i = 0; i < 4; i++) expect((await login('partner', 'wrong-password')).statusCode).toBe(401);
    const fifth = await login('partner', 'wrong-password');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('AUTH_LOCKED');
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(800);
    expect((await login('partner', 'fengqiao-demo')).statusCode).toBe(429);

    const admin = await h.login('admin');
    const { items } = (await h.app.inject({ url: '/api/users?q=partner', headers: { cookie: admin } })).json();
    const unlock = await h.app.inject({
      method: 'PATCH',
      url: `/api/users/${items[0].id}`,
      headers: { cookie: admin },
      payload: { unlock: true },
    });
    expect(unlock.statusCode).toBe(200);
    expect((await login('partner', 'fengqiao-demo')).statusCode).toBe(200);
  });

  it('logout ends the session', async () => {
    const cookie = sessionCookie((await login('staff', 'fengqiao-demo')).headers['set-cookie']);
    expect((await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    const me = await h.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('AUTH_REQUIRED');
  });

  it('an expired session no longer counts', async () => {
    const cookie = sessionCookie((await login('mediator', 'fengqiao-demo')).headers['set-cookie']);
    await h.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    expect((await h.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('changing the password ends the other sessions and keeps this one', async () => {
    const first = sessionCookie((await login('leader', 'fengqiao-demo')).headers['set-cookie']);
    const second = sessionCookie((await login('leader', 'fengqiao-demo')).headers['set-cookie']);
    const short = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: second },
      payload: { currentPassword: 'fengqiao-demo', newPassword: 'short' },
    });
    expect(short.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'newPassword' });
    const changed = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: second },
      payload: { currentPassword: 'fengqiao-demo', newPassword: 'a-new-long-password' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await h.app.inject({ url: '/api/me', headers: { cookie: first } })).statusCode).toBe(401);
    expect((await h.app.inject({ url: '/api/me', headers: { cookie: second } })).statusCode).toBe(200);
    expect((await login('leader', 'a-new-long-password')).statusCode).toBe(200);
  });

  it('stores passwords as argon2id hashes', async () => {
    const { password_hash } = await h.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(password_hash).toMatch(/^\$argon2id\$/);
  });

  it('writes logins and failures to the audit log', async () => {
    const actions = await h.database.db.selectFrom('audit_log').select('action').distinct().execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed', 'auth.locked']));
  });
});

describe('cross-site request forgery', () => {
  it('refuses a write from another site and allows one from the app itself', async () => {
    const cookie = await h.login('secretary');
    const forged = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_REJECTED');
    const fetchSite = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchSite.statusCode).toBe(403);
    const own = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(own.statusCode).toBe(204);
  });

  it('refuses a login posted from another site', async () => {
    expect((await login('grid', 'fengqiao-demo', { origin: 'https://evil.example' })).statusCode).toBe(403);
  });
});

describe('login rate limit', () => {
  it('answers 429 once a client has tried too often in a minute', async () => {
    const limited = await startHarness({ LOGIN_RATE_LIMIT: '3' });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } }))
            .statusCode,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
