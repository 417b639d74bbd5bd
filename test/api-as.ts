import { expect } from 'vitest';
import type { Harness } from './harness.ts';

export type Response = Awaited<ReturnType<Harness['app']['inject']>>;

/** A demo account's requests through the whole app. */
export async function as(h: Harness, username: string) {
  const cookie = await h.login(username);
  const send =
    (method: 'POST' | 'PUT' | 'PATCH') =>
    (url: string, payload: object = {}) =>
      h.app.inject({ method, url, payload, headers: { cookie } });
  return {
    get: (url: string) => h.app.inject({ url, headers: { cookie } }),
    post: send('POST'),
    put: send('PUT'),
    patch: send('PATCH'),
  };
}
export type As = Awaited<ReturnType<typeof as>>;

/** The body of a response with the status expected, or the test fails showing what came back. */
export async function ok(response: Response, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

/** The error of a refused request, after checking its status. */
export function refused(response: Response, status: number) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json().error as { code: string; message: string; field?: string };
}

/** The first community of the tiny demo street (the secretary's) and its first grid. */
export async function firstCommunity(h: Harness) {
  const grid = await h.database.db
    .selectFrom('area_nodes')
    .select(['id', 'parent_id', 'path'])
    .where('code', '=', 'C01G01')
    .where('level', '=', 'grid')
    .executeTakeFirstOrThrow();
  const community = await h.database.db
    .selectFrom('area_nodes')
    .select(['id', 'path', 'street_id'])
    .where('id', '=', grid.parent_id as string)
    .executeTakeFirstOrThrow();
  return { community, grid };
}
