import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryId, pointInGrid } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';

let h: Harness;
let garbage: string;
let pointA: { lon: number; lat: number };

beforeAll(async () => {
  h = await startHarness();
  garbage = await categoryId(h, 'ENV_GARBAGE');
  pointA = await pointInGrid(h, 'C01G01');
});
afterAll(() => h.close());

async function post(username: string, url: string, payload: object, key?: string) {
  const cookie = await h.login(username);
  return h.app.inject({ method: 'POST', url, payload, headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) } });
}

const eventsOf = async (caseId: string) =>
  h.database.db.selectFrom('events').select('type').where('entity_type', '=', 'case').where('entity_id', '=', caseId).execute();

describe('idempotency keys', () => {
  it('the same key with another body is refused with 409 and creates nothing', async () => {
    const key = `intake-${Date.now()}`;
    const first = await post('resident', '/api/cases', { categoryId: garbage, description: '路灯坏了', ...pointA }, key);
    expect(first.statusCode, first.body).toBe(201);
    const other = await post('resident', '/api/cases', { categoryId: garbage, description: '井盖松动', ...pointA }, key);
    expect(other.statusCode, other.body).toBe(409);
    expect(other.json().error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotency-key' });
    const rows = await h.database.db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ operation: 'POST /cases', status: 201 });
  });

  it('a key belongs to its user: another person using the same key gets a case of their own', async () => {
    const key = `shared-${Date.now()}`;
    const body = { categoryId: garbage, description: '楼道堆物', ...pointA };
    const a = await post('resident', '/api/cases', body, key);
    const b = await post('grid', '/api/cases', body, key);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().case.id).not.toBe(b.json().case.id);
  });

  it('a retried action is answered with the case and recorded once; concurrent retries too', async () => {
    const created = await post('resident', '/api/cases', { categoryId: garbage, description: '垃圾满了', ...pointA });
    const id = created.json().case.id as string;
    const key = `accept-${Date.now()}`;
    const [first, second] = await Promise.all([
      post('grid', `/api/cases/${id}/accept`, { note: '已受理' }, key),
      post('grid', `/api/cases/${id}/accept`, { note: '已受理' }, key),
    ]);
    expect([first.statusCode, second.statusCode], `${first.body} ${second.body}`).toEqual([200, 200]);
    const third = await post('grid', `/api/cases/${id}/accept`, { note: '已受理' }, key);
    expect(third.statusCode).toBe(200);
    expect(third.headers['idempotent-replayed']).toBe('true');
    expect(third.json().state).toBe('accepted');
    const accepted = (await eventsOf(id)).filter((e) => e.type === 'case.accepted');
    expect(accepted).toHaveLength(1);
    // Without a key the same step is refused: the case is no longer waiting to be accepted.
    expect((await post('grid', `/api/cases/${id}/accept`, { note: '已受理' })).statusCode).toBe(409);
    const reused = await post('grid', `/api/cases/${id}/accept`, { note: '另一个' }, key);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('an action that failed stored no key: the retry runs again and gets the same refusal', async () => {
    const created = await post('resident', '/api/cases', { categoryId: garbage, description: '噪音扰民', ...pointA });
    const id = created.json().case.id as string;
    const key = `refused-${Date.now()}`;
    const refused = await post('grid', `/api/cases/${id}/close`, {}, key);
    expect([403, 409]).toContain(refused.statusCode);
    expect(await h.database.db.selectFrom('idempotency_keys').select('key').where('key', '=', key).execute()).toHaveLength(0);
    expect((await post('grid', `/api/cases/${id}/close`, {}, key)).statusCode).toBe(refused.statusCode);
  });
});
