import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridByCode } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';

/**
 * A hand-checked January 2025 in the demo street (Shanghai time), written straight to the tables:
 *   A  C01G01 neighbour     grid       agreement          2 people   paid 1000 + 500 of v1
 *   B  C01G01 labour_wage   community  partial_agreement 22 people   v1 paid 9999 (superseded), v2 paid 3000
 *   C  C02G01 labour_wage   street     failed (court)     5 people
 *   D  C01G02 neighbour     grid       withdrawn          2 people
 *   E  C01G01 property      grid       opened             3 people
 *   F  C01G01 neighbour     opened 2025-01-31 20:00 UTC = 1 February in Shanghai: outside the month
 * Received 5, mediated 3 (A, B, C), successful 2, rate 2/3, recovered 4500 yuan, people 34.
 */
let h: Harness;
let streetId: string;
const ids: Record<string, string> = {};
const communities: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness();
  const db = h.database.db;
  const leader = await db
    .selectFrom('users')
    .select(['id', 'street_id'])
    .where('username', '=', 'leader')
    .executeTakeFirstOrThrow();
  streetId = leader.street_id as string;
  const grids = {
    C01G01: await gridByCode(h, 'C01G01'),
    C01G02: await gridByCode(h, 'C01G02'),
    C02G01: await gridByCode(h, 'C02G01'),
  };
  const parentOf = async (id: string) =>
    (await db.selectFrom('area_nodes').select('parent_id').where('id', '=', id).executeTakeFirstOrThrow()).parent_id as string;
  communities.C01 = await parentOf(grids.C01G01.id);
  communities.C02 = await parentOf(grids.C02G01.id);
  const rows = [
    ['A', 'C01G01', 'neighbour', 'agreement', 2, '2025-01-05T02:00:00Z'],
    ['B', 'C01G01', 'labour_wage', 'partial_agreement', 22, '2025-01-10T02:00:00Z'],
    ['C', 'C02G01', 'labour_wage', 'failed', 5, '2025-01-15T02:00:00Z'],
    ['D', 'C01G02', 'neighbour', 'withdrawn', 2, '2025-01-20T02:00:00Z'],
    ['E', 'C01G01', 'property', null, 3, '2025-01-31T15:59:00Z'],
    ['F', 'C01G01', 'neighbour', null, 4, '2025-01-31T20:00:00Z'],
  ] as const;
  const levels = { A: 'grid', B: 'community', C: 'street', D: 'grid', E: 'grid', F: 'grid' } as const;
  for (const [key, gridCode, type, outcome, people, openedAt] of rows) {
    const grid = grids[gridCode];
    const row = await db
      .insertInto('disputes')
      .values({
        street_id: streetId,
        number: `2025-F0000${key}`,
        node_id: grid.id,
        location_path: grid.path,
        handling_node_id: grid.id,
        handling_path: grid.path,
        level: levels[key],
        source: 'walk_in',
        type,
        title: `纠纷${key}`,
        facts: '事实',
        people_involved: people,
        amount_fen: 0,
        risk_level: 'low',
        state: outcome ?? 'opened',
        outcome,
        referral: outcome === 'failed' ? 'court' : null,
        opened_by: leader.id,
        opened_at: openedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = row.id;
  }
  const agreement = async (key: string, version: number, paid: [number, number][]) => {
    const a = await db
      .insertInto('dispute_agreements')
      .values({
        street_id: streetId,
        dispute_id: ids[key] as string,
        version,
        facts: '事实',
        terms: '["条款"]',
        created_by: leader.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [seq, [amount, paidFen]] of paid.entries()) {
      await db
        .insertInto('dispute_instalments')
        .values({
          street_id: streetId,
          agreement_id: a.id,
          dispute_id: ids[key] as string,
          seq: seq + 1,
          due_date: '2025-02-01',
          amount_fen: amount,
          what: '款项',
          status: paidFen === amount ? 'paid' : 'partly',
          paid_fen: paidFen,
        })
        .execute();
    }
  };
  await agreement('A', 1, [
    [100_000, 100_000],
    [200_000, 50_000],
  ]);
  await agreement('B', 1, [[999_900, 999_900]]);
  await agreement('B', 2, [[500_000, 300_000]]);
});
afterAll(() => h.close());

async function figures(username: string, query: string) {
  const response = await h.app.inject({ url: `/api/mediation/figures?${query}`, headers: { cookie: await h.login(username) } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('mediation figures', () => {
  it('count January’s disputes of the street by type, as checked by hand', async () => {
    const result = await figures('leader', `nodeId=${streetId}&from=2025-01-01&to=2025-01-31&by=type`);
    expect(result.totals).toEqual({
      received: 5,
      mediated: 3,
      successful: 2,
      successRate: 0.6667,
      amountRecovered: 4500,
      peopleInvolved: 34,
    });
    expect(result.rows).toEqual([
      {
        key: 'labour_wage',
        label: 'labour_wage',
        received: 2,
        mediated: 2,
        successful: 1,
        successRate: 0.5,
        amountRecovered: 3000,
        peopleInvolved: 27,
      },
      {
        key: 'neighbour',
        label: 'neighbour',
        received: 2,
        mediated: 1,
        successful: 1,
        successRate: 1,
        amountRecovered: 1500,
        peopleInvolved: 4,
      },
      {
        key: 'property',
        label: 'property',
        received: 1,
        mediated: 0,
        successful: 0,
        successRate: null,
        amountRecovered: 0,
        peopleInvolved: 3,
      },
    ]);
  });

  it('split the street by community and by level', async () => {
    const byNode = await figures('leader', `nodeId=${streetId}&from=2025-01-01&to=2025-01-31&by=node`);
    const c01 = byNode.rows.find((r: { key: string }) => r.key === communities.C01);
    const c02 = byNode.rows.find((r: { key: string }) => r.key === communities.C02);
    expect(c01).toMatchObject({ received: 4, mediated: 2, successful: 2, amountRecovered: 4500, peopleInvolved: 29 });
    expect(c02).toMatchObject({ received: 1, mediated: 1, successful: 0, successRate: 0, peopleInvolved: 5 });
    expect(c01.label).not.toBe(c01.key);
    const byLevel = await figures('leader', `nodeId=${streetId}&from=2025-01-01&to=2025-01-31&by=level`);
    expect(byLevel.rows.map((r: { key: string; received: number }) => [r.key, r.received])).toEqual([
      ['community', 1],
      ['grid', 3],
      ['street', 1],
    ]);
  });

  it('show a community secretary only their community, and refuse a node outside it', async () => {
    const mine = await figures('secretary', 'from=2025-01-01&to=2025-01-31');
    expect(mine.totals).toMatchObject({ received: 4, mediated: 2, peopleInvolved: 29 });
    const outside = await h.app.inject({
      url: `/api/mediation/figures?nodeId=${communities.C02}&from=2025-01-01&to=2025-01-31`,
      headers: { cookie: await h.login('secretary') },
    });
    expect(outside.json().error).toMatchObject({ code: 'NODE_NOT_FOUND', field: 'nodeId' });
    const backwards = await h.app.inject({
      url: '/api/mediation/figures?from=2025-02-01&to=2025-01-31',
      headers: { cookie: await h.login('secretary') },
    });
    expect(backwards.json().error.field).toBe('to');
  });

  it('warn of files open longer than 30 days', async () => {
    const response = await h.app.inject({ url: '/api/mediation/warnings', headers: { cookie: await h.login('leader') } });
    const warned = response.json().items.filter((w: { id: string }) => w.id === ids.E || w.id === ids.F);
    expect(warned.map((w: { reasons: string[] }) => w.reasons)).toEqual([['long_running'], ['long_running']]);
  });
});
