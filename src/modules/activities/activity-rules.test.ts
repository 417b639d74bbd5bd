import { describe, expect, it } from 'vitest';
import {
  ageOn,
  checkEligibility,
  checkinWindow,
  courseSessions,
  placeFor,
  promotions,
  sessionMinutes,
  transition,
} from './activity-rules.ts';

describe('signing up', () => {
  it('takes a place while there is one, and waits once the activity is full', () => {
    expect(placeFor(20, 19)).toBe('confirmed');
    expect(placeFor(20, 20)).toBe('waitlisted');
  });

  it('moves up the earliest on the waitlist into each place that frees, and nobody when none does', () => {
    const waitlist = [
      { id: 'c', signedUpAt: new Date('2026-03-02T10:00:00Z') },
      { id: 'a', signedUpAt: new Date('2026-03-01T10:00:00Z') },
      { id: 'b', signedUpAt: new Date('2026-03-01T10:00:00Z') },
    ];
    expect(promotions(20, 19, waitlist)).toEqual(['a']);
    expect(promotions(22, 19, waitlist)).toEqual(['a', 'b', 'c']);
    expect(promotions(20, 20, waitlist)).toEqual([]);
    expect(promotions(20, 25, waitlist)).toEqual([]);
  });
});

describe('who may sign up', () => {
  const path = '/d/s/c1/';
  const person = { age: 67, homePath: '/d/s/c1/g1/b1/u1/h1/', volunteer: null };

  it('lets anyone in when the activity sets no rule', () => {
    expect(checkEligibility({}, { age: null, homePath: null, volunteer: null }, path).ok).toBe(true);
  });

  it('keeps out those who live elsewhere when it is for its area’s residents', () => {
    expect(checkEligibility({ residentsOnly: true }, person, path).ok).toBe(true);
    expect(checkEligibility({ residentsOnly: true }, { ...person, homePath: '/d/s/c2/g1/' }, path)).toMatchObject({
      ok: false,
      error: { code: 'ACTIVITY_NOT_ELIGIBLE_AREA' },
    });
  });

  it('holds to its ages, and to a known age when it has a limit', () => {
    expect(checkEligibility({ minAge: 60 }, person, path).ok).toBe(true);
    expect(checkEligibility({ maxAge: 14 }, person, path)).toMatchObject({
      ok: false,
      error: { code: 'ACTIVITY_NOT_ELIGIBLE_AGE' },
    });
    expect(checkEligibility({ minAge: 60 }, { ...person, age: null }, path)).toMatchObject({ ok: false });
  });

  it('asks for an approved volunteer with one of the skills named', () => {
    const rules = { volunteersOnly: true, skills: ['elder_care', 'medical'] };
    expect(checkEligibility(rules, person, path)).toMatchObject({ ok: false, error: { code: 'ACTIVITY_VOLUNTEERS_ONLY' } });
    expect(checkEligibility(rules, { ...person, volunteer: { skills: ['tutoring'] } }, path)).toMatchObject({
      ok: false,
      error: { code: 'ACTIVITY_SKILLS_REQUIRED' },
    });
    expect(checkEligibility(rules, { ...person, volunteer: { skills: ['medical'] } }, path).ok).toBe(true);
  });

  it('counts age in whole years up to the day', () => {
    expect(ageOn('1959-03-15', '2026-03-14')).toBe(66);
    expect(ageOn('1959-03-15', '2026-03-15')).toBe(67);
    expect(ageOn(null, '2026-03-15')).toBeNull();
  });
});

describe('an activity’s states', () => {
  it('is published from a draft, then finished or cancelled, and never reopened', () => {
    expect(transition('draft', 'published').ok).toBe(true);
    expect(transition('published', 'finished').ok).toBe(true);
    expect(transition('finished', 'published')).toMatchObject({ ok: false, error: { code: 'ACTIVITY_ILLEGAL_TRANSITION' } });
    expect(transition('cancelled', 'published').ok).toBe(false);
  });
});

describe('check-in', () => {
  const session = { startsAt: new Date('2026-03-10T11:00:00Z'), endsAt: new Date('2026-03-10T12:30:00Z') };
  it('opens an hour before the session and closes at its end', () => {
    expect(checkinWindow(session, new Date('2026-03-10T09:59:00Z'))).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN_NOT_OPEN' },
    });
    expect(checkinWindow(session, new Date('2026-03-10T10:00:00Z')).ok).toBe(true);
    expect(checkinWindow(session, new Date('2026-03-10T12:30:00Z')).ok).toBe(true);
    expect(checkinWindow(session, new Date('2026-03-10T12:31:00Z'))).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN_CLOSED' },
    });
    expect(sessionMinutes(session)).toBe(90);
  });
});

describe('a course', () => {
  it('lays its sessions on its weekdays at local times, across a holiday week as planned', () => {
    // Tuesdays and Thursdays 19:00-20:30 in Shanghai from Monday 28 September 2026.
    const sessions = courseSessions(
      { weekdays: [2, 4], start: '19:00', end: '20:30', firstDate: '2026-09-28', count: 4 },
      'Asia/Shanghai',
    );
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-09-29T11:00:00.000Z',
      '2026-10-01T11:00:00.000Z',
      '2026-10-06T11:00:00.000Z',
      '2026-10-08T11:00:00.000Z',
    ]);
    expect(sessions[0]?.endsAt.toISOString()).toBe('2026-09-29T12:30:00.000Z');
  });

  it('has no sessions when it would end before it starts', () => {
    expect(
      courseSessions({ weekdays: [1], start: '10:00', end: '09:00', firstDate: '2026-09-28', count: 3 }, 'Asia/Shanghai'),
    ).toEqual([]);
  });
});
