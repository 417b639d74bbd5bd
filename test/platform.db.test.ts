import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { GridLocator } from '../src/modules/areas/grid-locator.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { type Harness, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('the API platform', () => {
  it('documents every /api route in the OpenAPI document', async () => {
    const spec = (await h.app.inject({ url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    const documented = new Set(
      Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const routes = h.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((line) => line.includes('/api/'));
    expect(routes.length).toBeGreaterThan(0);
    for (const route of [
      'GET /api/health',
      'POST /api/auth/login',
      'GET /api/areas/:id',
      'POST /api/areas/import-grids',
      'GET /api/residents',
      'PATCH /api/users/:id',
      'GET /api/audit',
    ]) {
      expect(documented, route).toContain(route);
    }
    const docs = await h.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('answers health with the database kind, and echoes a request id', async () => {
    const response = await h.app.inject({ url: '/api/health', headers: { 'x-request-id': 'trace-123' } });
    expect(response.json()).toEqual({ status: 'ok', database: h.url ? 'postgres' : 'pglite', version: 'test' });
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBeTruthy();
  });

  it('answers malformed JSON, an unknown route and an oversized body with clear errors, never a 500', async () => {
    const cookie = await h.login('admin');
    const malformed = await h.app.inject({
      method: 'POST',
      url: '/api/areas',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBeTruthy();
    const unknown = await h.app.inject({ url: '/api/nothing-here', headers: { cookie } });
    expect(unknown.json().error.code).toBe('ROUTE_NOT_FOUND');
    const huge = await h.app.inject({
      method: 'POST',
      url: '/api/areas',
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2_000_000) }),
    });
    expect(huge.statusCode).toBe(413);
    const wrongType = await h.app.inject({
      method: 'POST',
      url: '/api/areas',
      headers: { cookie },
      payload: { parentId: 42, level: 'grid', name: 'x', code: 'x' },
    });
    expect(wrongType.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'parentId' });
  });
});

describe('when the database is gone', () => {
  it('health answers 503 with a retry hint, and a data route 503 rather than 500', async () => {
    // A PostgreSQL server that refuses connections: nothing listens on port 1.
    const unreachable = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', poolSize: 1 });
    const app = await buildApp({ config: h.config, database: unreachable, gridLocator: new GridLocator(), version: 'test' });
    try {
      const response = await app.inject({ url: '/api/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'unavailable', database: 'postgres' });
      expect(response.headers['retry-after']).toBe('5');
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'x' } });
      expect(login.statusCode).toBe(503);
      expect(login.json().error.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await app.close();
      await unreachable.close();
    }
  });
});
