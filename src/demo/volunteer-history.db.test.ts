import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.ts';
import { loadRules } from '../modules/points/ledger.service.ts';
import { pointsFor, replay, ruleFor } from '../modules/points/points-rules.ts';
import { checkAnswers } from '../modules/questionnaires/questionnaire-rules.ts';

/** The demo street's volunteering history, checked against the rules the live services follow. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('the demo volunteering history', () => {
  it('links every approved Ping An Partner as one volunteer of their community', async () => {
    const db = h.database.db;
    const partners = await db
      .selectFrom('patrol_partners')
      .select(['id', 'community_id'])
      .where('status', '=', 'approved')
      .execute();
    const linked = await db
      .selectFrom('volunteers')
      .select(['patrol_partner_id', 'community_id', 'status'])
      .where('patrol_partner_id', 'is not', null)
      .execute();
    expect(partners.length).toBeGreaterThan(0);
    expect(linked.map((v) => v.patrol_partner_id).sort()).toEqual(partners.map((p) => p.id).sort());
    for (const v of linked)
      expect(v).toMatchObject({
        status: 'approved',
        community_id: partners.find((p) => p.id === v.patrol_partner_id)?.community_id,
      });
    const registered = await db.selectFrom('volunteers').select('status').where('patrol_partner_id', 'is', null).execute();
    expect(new Set(registered.map((v) => v.status))).toEqual(new Set(['applied', 'approved', 'declined']));
  });

  it('keeps every balance equal to the sum of its entries, never below zero, each earning what its hours’ rule gives', async () => {
    const db = h.database.db;
    const accounts = await db.selectFrom('points_accounts').select(['id', 'balance', 'entries', 'street_id']).execute();
    expect(accounts.length).toBeGreaterThan(0);
    const entries = await db
      .selectFrom('points_entries as e')
      .leftJoin('service_hours as s', 's.id', 'e.hours_id')
      .select([
        'e.account_id',
        'e.seq',
        'e.kind',
        'e.points',
        'e.balance_after as balanceAfter',
        's.source',
        's.minutes',
        's.served_on',
      ])
      .orderBy('e.account_id')
      .orderBy('e.seq')
      .execute();
    const rules = await loadRules(db, accounts[0]?.street_id as string);
    for (const account of accounts) {
      const mine = entries.filter((e) => e.account_id === account.id);
      const replayed = replay(mine);
      expect(replayed.problems, account.id).toEqual([]);
      expect(replayed.balance).toBe(account.balance);
      expect(mine).toHaveLength(account.entries);
      for (const e of mine.filter((e) => e.kind === 'earn')) {
        const rule = ruleFor(rules, e.source as never, e.served_on as string, account.street_id);
        expect(e.points).toBe(pointsFor(rule as never, e.minutes as number));
      }
    }
    const negative = await db.selectFrom('points_goods').select('id').where('stock', '<', 0).execute();
    expect(negative).toEqual([]);
  });

  it('never gives more places than an activity has, leaves nobody waiting beside a free place, and credits only those with a place who checked in', async () => {
    const db = h.database.db;
    const activities = await db.selectFrom('activities').select(['id', 'capacity', 'kind']).execute();
    expect(activities.filter((a) => a.kind !== 'course')).toHaveLength(15);
    expect(activities.filter((a) => a.kind === 'course')).toHaveLength(5);
    const signups = await db.selectFrom('activity_signups').select(['activity_id', 'user_id', 'status']).execute();
    for (const a of activities) {
      const confirmed = signups.filter((s) => s.activity_id === a.id && s.status === 'confirmed').length;
      const waiting = signups.filter((s) => s.activity_id === a.id && s.status === 'waitlisted').length;
      expect(confirmed).toBeLessThanOrEqual(a.capacity);
      // Nobody waits while a place is free: a place given up went to the first waiting.
      if (waiting > 0) expect(confirmed).toBe(a.capacity);
    }
    const attendance = await db
      .selectFrom('activity_attendance as t')
      .leftJoin('service_hours as s', (join) =>
        join.onRef('s.source_id', '=', 't.session_id').onRef('s.user_id', '=', 't.user_id'),
      )
      .select(['t.activity_id', 't.user_id', 's.id as hours'])
      .execute();
    expect(attendance.length).toBeGreaterThan(0);
    for (const t of attendance) {
      expect(signups.some((s) => s.activity_id === t.activity_id && s.user_id === t.user_id && s.status === 'confirmed')).toBe(
        true,
      );
      expect(t.hours).not.toBeNull();
    }
  });

  it('keeps the course questionnaire’s four versions, each answer valid for the version it answered', async () => {
    const db = h.database.db;
    const versions = await db.selectFrom('questionnaire_versions').selectAll().orderBy('version').execute();
    const course = versions.filter((v) => v.title === '社区课程意向调查');
    expect(course.map((v) => [v.version, v.state])).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'superseded'],
      [4, 'published'],
    ]);
    const responses = await db.selectFrom('questionnaire_responses').selectAll().execute();
    for (const r of responses) {
      const v = versions.find((x) => x.id === r.version_id);
      expect(r.version).toBe(v?.version);
      expect(checkAnswers(v?.questions ?? [], r.answers)).toMatchObject({ ok: true });
    }
    for (const v of course) expect(responses.filter((r) => r.version_id === v.id).length).toBeGreaterThan(0);
  });

  it('records every request’s moves in order on its timeline, and credits the time of each one served', async () => {
    const db = h.database.db;
    const requests = await db.selectFrom('service_requests').select(['id', 'state', 'volunteer_id', 'minutes_served']).execute();
    expect(requests.length).toBeGreaterThan(0);
    const events = await db
      .selectFrom('events')
      .select(['entity_id', 'type'])
      .where('entity_type', '=', 'service_request')
      .orderBy('id')
      .execute();
    const hours = await db.selectFrom('service_hours').select('source_id').where('source', '=', 'service_request').execute();
    for (const r of requests) {
      const timeline = events.filter((e) => e.entity_id === r.id).map((e) => e.type);
      expect(timeline[0]).toBe('service_request.requested');
      expect(timeline.at(-1)).toBe(r.state === 'requested' ? 'service_request.requested' : `service_request.${r.state}`);
      expect(hours.some((x) => x.source_id === r.id)).toBe(r.minutes_served !== null);
    }
  });
});
