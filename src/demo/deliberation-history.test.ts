import { describe, expect, it } from 'vitest';
import { STEPS } from '../modules/deliberation/topic-steps.ts';
import { planDeliberationHistory } from './deliberation-history.ts';
import { Random } from './random.ts';
import { planUsers } from './seed-demo.ts';
import { FULL_SCALE, planStreet } from './street-plan.ts';
import { planVolunteerPeople } from './volunteer-people.ts';

const now = new Date('2026-11-20T04:00:00Z');
const plan = planStreet(FULL_SCALE, 20_261_124, now);
const staff = planUsers(plan);
const users = [...staff, ...planVolunteerPeople({ random: new Random(1107), plan, users: staff, partners: [], now }).users];
const history = planDeliberationHistory({ plan, users, now, seed: 9 });

describe('a year of the demo street’s deliberation', () => {
  it('holds a weekly discussion day and a monthly council in every community', () => {
    for (const community of plan.communities) {
      const mine = history.meetings.filter((m) => m.community_id === community.id);
      expect(mine.filter((m) => m.kind === 'council').length).toBe(12);
      expect(mine.filter((m) => m.kind === 'property_day').length).toBeGreaterThanOrEqual(52);
    }
  });

  it('walks every topic forward through the steps in time order', () => {
    for (const topic of history.topics) {
      const moves = history.events.filter(
        (e) => e.entity_id === topic.id && (e.type === 'delib.topic_step' || e.type === 'delib.topic_on_agenda'),
      );
      let last = 0;
      for (const move of moves) {
        const to = (move.data as { to: string }).to;
        if (to === 'declined') continue;
        const index = STEPS.indexOf(to as (typeof STEPS)[number]);
        expect(index).toBeGreaterThan(last);
        last = index;
      }
      expect((topic.created_at as Date) <= now).toBe(true);
    }
  });

  it('counts each household once in a vote and stores the tally it computed', () => {
    for (const vote of history.votes) {
      const ballots = history.ballots.filter((b) => b.vote_id === vote.id);
      expect(new Set(ballots.map((b) => b.household_id)).size).toBe(ballots.length);
      if (vote.status === 'closed')
        expect((vote.tally as { participating: { households: number } }).participating.households).toBe(ballots.length);
    }
  });

  it('leaves the resident account a vote to cast in their own building', () => {
    const resident = users.find((u) => u.username === 'resident');
    const open = history.votes.filter((v) => v.status === 'open' && v.building_id);
    expect(open.length).toBeGreaterThan(0);
    expect(history.ballots.some((b) => open.some((v) => v.id === b.vote_id) && b.household_id === resident?.nodeId)).toBe(false);
  });
});
