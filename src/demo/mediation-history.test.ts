import { describe, expect, it } from 'vitest';
import { slotAt } from '../modules/mediation/studio-schedule.ts';
import { isValidIdNumber } from '../modules/residents/id-number.ts';
import { DAY_MS, demoHistory, NOW, rules, table, timeZone } from './case-history.fixture.ts';
import { planMediationHistory } from './mediation-history.ts';
import { isValidCreditCode } from './mediation-parties.ts';
import { namedTotal, replayProblems } from './mediation-replay.ts';
import { planPatrolPeople } from './patrol-plan.ts';
import { FULL_SCALE } from './street-plan.ts';

const { plan, users, cases } = demoHistory(FULL_SCALE);
const partners = planPatrolPeople({ plan, users, scale: { partners: 50, days: 180 }, now: NOW, seed: 53 });
const everyone = [...users, ...partners.users];
const m = planMediationHistory({
  plan,
  users: everyone,
  cases,
  categoryCodes: new Map(rules.categories.map((c) => [c.id, c.code])),
  table,
  timeZone,
  now: NOW,
  seed: 8,
  count: FULL_SCALE.disputes as number,
});
const of = <T extends { dispute_id: string }>(rows: T[], id: string) => rows.filter((r) => r.dispute_id === id);
const count = <T>(rows: T[], key: (row: T) => string) => {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
  return counts;
};
const isOpen = (state: string) => state === 'opened' || state === 'in_mediation' || state === 'reopened';

describe('the demo street’s year of mediation', () => {
  it('holds the seven types, most between neighbours, over property and in families, and seed 002’s 22 wage files of 120 people and 2.5 million yuan', () => {
    const types = count(m.disputes, (d) => d.type);
    expect(Object.keys(types).sort()).toEqual([
      'compensation',
      'labour_wage',
      'land_relocation',
      'marriage_family',
      'neighbour',
      'other',
      'property',
    ]);
    expect(((types.neighbour ?? 0) + (types.property ?? 0) + (types.marriage_family ?? 0)) / m.disputes.length).toBeGreaterThan(
      0.6,
    );
    const labour = m.disputes.filter((d) => d.type === 'labour_wage');
    expect(labour).toHaveLength(22);
    expect(labour.reduce((sum, d) => sum + d.people_involved, 0)).toBe(120);
    expect(labour.reduce((sum, d) => sum + d.amount_fen, 0)).toBe(250_000_000);
    const opened = m.disputes.map((d) => d.opened_at.getTime());
    expect(Math.min(...opened)).toBeGreaterThan(NOW.getTime() - 366 * DAY_MS);
    expect(Math.max(...opened)).toBeLessThan(NOW.getTime());
  });

  it('lives every file under the state machine, one level up at a time, its version counting each change', () => {
    const events = new Map<string, (typeof m.events)[number][]>();
    for (const e of m.events) events.set(e.entity_id, [...(events.get(e.entity_id) ?? []), e]);
    expect(m.disputes.flatMap((d) => replayProblems(d, events.get(d.id) ?? []))).toEqual([]);
    expect(m.events.every((e) => e.at <= NOW)).toBe(true);
    expect(count(m.disputes, (d) => d.level)).toMatchObject({
      grid: expect.any(Number),
      community: expect.any(Number),
      street: expect.any(Number),
    });
    expect(m.events.filter((e) => e.type === 'dispute.escalated').length).toBeGreaterThan(10);
  });

  it('brings about nine in ten mediated files to an agreement, refers failures on and keeps some open for the early warning', () => {
    const outcomes = count(m.disputes, (d) => String(d.outcome));
    const success = (outcomes.agreement ?? 0) + (outcomes.partial_agreement ?? 0);
    expect(success / (success + (outcomes.failed ?? 0))).toBeGreaterThan(0.86);
    expect(success / (success + (outcomes.failed ?? 0))).toBeLessThan(0.97);
    expect(outcomes.withdrawn).toBeGreaterThan(0);
    expect(m.disputes.filter((d) => d.outcome === 'failed').every((d) => d.referral)).toBe(true);
    expect(new Set(m.disputes.flatMap((d) => (d.referral ? [d.referral] : [])))).toEqual(
      new Set(['court', 'arbitration', 'legal_aid']),
    );
    const open = m.disputes.filter((d) => isOpen(d.state));
    expect(open.some((d) => d.risk_level === 'high')).toBe(true);
    expect(open.some((d) => d.opened_at.getTime() < NOW.getTime() - 30 * DAY_MS)).toBe(true);
    expect(m.disputes.filter((d) => d.risk_level === 'high').every((d) => d.risk_reasons.length > 0)).toBe(true);
  });

  it('draws up agreements whose money term names what the schedule adds up to, never more than was claimed', () => {
    for (const agreement of m.agreements) {
      const schedule = m.instalments.filter((i) => i.agreement_id === agreement.id);
      const total = schedule.reduce((sum, i) => sum + i.amount_fen, 0);
      expect(namedTotal(agreement.terms) * 100).toBe(total);
      const dispute = m.disputes.find((d) => d.id === agreement.dispute_id);
      expect(total).toBeLessThanOrEqual(dispute?.amount_fen ?? 0);
    }
    expect(m.agreements.some((a) => a.version === 2)).toBe(true);
  });

  it('follows instalments up: mostly paid, some late or in part, a few agreements broken and mediated again', () => {
    const checked = m.instalments.filter((i) => i.status !== 'pending');
    expect(checked.filter((i) => i.status === 'paid').length / checked.length).toBeGreaterThan(0.8);
    for (const i of checked) {
      if (i.status === 'paid') expect(i.paid_fen).toBe(i.amount_fen);
      if (i.status === 'partly') expect(i.paid_fen > 0 && i.paid_fen < i.amount_fen).toBe(true);
      if (i.status === 'not_paid') expect(i.paid_fen).toBe(0);
    }
    const reopened = new Set(m.events.filter((e) => e.type === 'dispute.reopened').map((e) => e.entity_id));
    expect(reopened.size).toBeGreaterThan(0);
    for (const id of reopened) expect(of(m.agreements, id).length).toBeGreaterThan(1);
    const reminded = m.events.filter((e) => e.type === 'dispute.instalment_due_soon' || e.type === 'dispute.instalment_overdue');
    expect(reminded.length).toBeGreaterThan(0);
    // The job runs at 08:00 in Shanghai: midnight UTC.
    expect(reminded.every((e) => e.actor_user_id === null && e.at.getUTCHours() === 0 && e.at.getUTCMinutes() === 0)).toBe(true);
  });

  it('names parties with phone and ID numbers valid in form, each held by one person only, a case’s reporter first as openDispute does', () => {
    const holders = new Map<string, string>();
    for (const party of m.parties) {
      if (party.kind === 'person' && party.id_number) expect(isValidIdNumber(party.id_number)).toBe(true);
      if (party.kind === 'organisation' && party.id_number) expect(isValidCreditCode(party.id_number)).toBe(true);
      for (const key of [party.phone, party.id_number]) {
        if (!key || party.kind === 'organisation') continue;
        expect(holders.get(key) ?? party.name).toBe(party.name);
        holders.set(key, party.name);
      }
    }
    const fromCases = m.disputes.filter((d) => d.case_id);
    expect(fromCases.length).toBeGreaterThan(10);
    const registerOf = new Map(everyone.map((u) => [u.id, plan.residents.find((r) => r.id === u.residentId)?.id_number]));
    for (const d of fromCases) {
      const reported = cases.find((c) => c.id === d.case_id);
      const first = m.parties.find((p) => p.dispute_id === d.id && p.seq === 1);
      expect([first?.side, first?.name, first?.user_id]).toEqual([
        'applicant',
        reported?.reporter_name,
        reported?.reporter_user_id,
      ]);
      expect(first?.id_number ?? null).toBe(reported?.reporter_user_id ? registerOf.get(reported.reporter_user_id) : null);
    }
    const residents = new Map(plan.residents.map((r) => [r.id_number, r.name]));
    for (const party of m.parties)
      if (party.id_number && residents.has(party.id_number)) expect(residents.get(party.id_number)).toBe(party.name);
  });

  it('gives the mediator, the demo grid worker and the first community files being mediated now and the resident a consultation ahead, every booking on a real slot within its capacity', () => {
    const mediator = everyone.find((u) => u.username === 'mediator');
    const row = m.mediators.find((x) => x.user_id === mediator?.id);
    expect(m.disputes.filter((d) => d.mediator_id === row?.id && isOpen(d.state)).length).toBeGreaterThan(0);
    const [grid] = plan.grids;
    const [community] = plan.communities;
    expect(m.disputes.filter((d) => d.handling_node_id === grid?.id && isOpen(d.state)).length).toBeGreaterThan(0);
    expect(m.disputes.filter((d) => d.handling_node_id === community?.id && isOpen(d.state)).length).toBeGreaterThan(0);
    const resident = everyone.find((u) => u.username === 'resident');
    expect(m.bookings.filter((b) => b.user_id === resident?.id && b.slot_start > NOW && b.status === 'booked')).toHaveLength(1);
    const perSlot = count(
      m.bookings.filter((b) => b.status === 'booked'),
      (b) => `${b.studio_id} ${b.slot_start.toISOString()}`,
    );
    for (const [key, n] of Object.entries(perSlot)) {
      const studio = m.studios.find((s) => s.id === key.split(' ')[0]);
      expect(n).toBeLessThanOrEqual(Math.max(...(studio?.schedule.map((h) => h.capacity) ?? [1])));
    }
    expect(m.bookings.every((b) => b.created_at <= NOW && b.created_at < b.slot_start)).toBe(true);
    for (const b of m.bookings) {
      const studio = m.studios.find((s) => s.id === b.studio_id);
      expect(slotAt(studio?.schedule ?? [], b.slot_start, timeZone)?.end).toEqual(b.slot_end);
    }
  });
});

describe('replaying a timeline', () => {
  const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
  const opened = { type: 'dispute.opened', at: at(0), data: { to: 'opened', level: 'grid' } };
  it('finds a file sent up two levels at once, closed without an outcome, or counted wrong', () => {
    const row = { number: 'X', state: 'closed', level: 'street', version: 3 } as const;
    expect(
      replayProblems(row, [
        opened,
        { type: 'dispute.escalated', at: at(1), data: { from: 'grid', to: 'street', reason: '太难' } },
        { type: 'dispute.closed', at: at(2), data: { from: 'opened', to: 'closed' } },
      ]),
    ).toEqual(['X: escalated from grid to street while grid, opened', 'X: opened -> closed (the event says from opened)']);
    expect(replayProblems({ ...row, state: 'opened', level: 'grid', version: 2 }, [opened])).toEqual([
      'X: 1 changes on the timeline, version 2',
    ]);
  });
});
