import { describe, expect, it } from 'vitest';
import { RollupTotals } from './rollup-totals.ts';

const facts = {
  id: 'c1',
  street_id: 's',
  community_id: 'm',
  grid_id: 'g',
  category_id: 'k',
  created_at: new Date('2026-03-02T02:00:00Z'),
  response_due_at: new Date('2026-03-03T02:00:00Z'),
};

describe('daily figures counted while generating', () => {
  it('adds each event to its local day, call backs to the day the case came in', () => {
    const totals = new RollupTotals('Asia/Shanghai');
    totals.add(facts, [
      { type: 'case.reported', at: facts.created_at, data: {} },
      { type: 'case.contacted', at: new Date('2026-03-02T17:00:00Z'), data: { first: true, onTime: true } },
      { type: 'case.resolved', at: new Date('2026-03-04T03:00:00Z'), data: { tier: 'grid', onTime: true } },
      { type: 'case.rated', at: new Date('2026-03-04T16:30:00Z'), data: { rating: 5 } },
    ]);
    totals.add({ ...facts, id: 'c2', response_due_at: null }, [{ type: 'case.reported', at: facts.created_at, data: {} }]);
    const rows = totals.sorted();
    expect(rows.map((r) => r.day)).toEqual(['2026-03-02', '2026-03-04', '2026-03-05']);
    expect(rows[0]).toMatchObject({ received: 2, contact_required: 1, contacted_on_time: 1, resolved: 0 });
    expect(rows[1]).toMatchObject({ resolved: 1, resolved_on_time: 1, solved_grid: 1 });
    expect(rows[2]).toMatchObject({ rated: 1, rating_sum: 5, satisfied: 1 });
  });

  it('skips a case without a grid, as the live upkeep does', () => {
    const totals = new RollupTotals('Asia/Shanghai');
    totals.add({ ...facts, grid_id: null }, [{ type: 'case.reported', at: facts.created_at, data: {} }]);
    expect(totals.size).toBe(0);
  });
});
