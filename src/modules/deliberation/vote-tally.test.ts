import { describe, expect, it } from 'vitest';
import { type Ballot, reaches, tallyVote, VOTE_PRESETS, type VoteRule } from './vote-tally.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 8, minute));
const ballot = (
  householdId: string,
  choice: Ballot['choice'],
  m2 = 90,
  channel: Ballot['channel'] = 'online',
  minute = 0,
): Ballot => ({
  householdId,
  choice,
  channel,
  areaCm2: m2 * 100,
  castAt: at(minute),
});
const nine = { households: 9, areaCm2: 900 * 100 };
const byHouseholds: VoteRule = VOTE_PRESETS.building;

describe('owner vote tally', () => {
  it('compares thresholds as exact fractions: 6 of 9 is two thirds', () => {
    expect(reaches(6, 9, { num: 2, den: 3 })).toBe(true);
    expect(reaches(5, 9, { num: 2, den: 3 })).toBe(false);
    expect(reaches(5, 10, { num: 1, den: 2 })).toBe(true);
    expect(reaches(5, 10, { num: 1, den: 2 }, true)).toBe(false);
    expect(reaches(1, 0, { num: 1, den: 2 })).toBe(false);
  });

  it('counts one household once: a paper ballot after an online one is not counted again', () => {
    const ballots = [
      ballot('h1', 'yes', 90, 'online', 1),
      ballot('h1', 'no', 90, 'paper', 5),
      ballot('h2', 'yes', 90, 'paper', 2),
      ballot('h3', 'no', 90, 'online', 3),
    ];
    const tally = tallyVote(byHouseholds, nine, ballots);
    expect(tally.participating.households).toBe(3);
    expect(tally.yes.households).toBe(2);
    expect(tally.no.households).toBe(1);
    expect(tally.duplicatesIgnored).toBe(1);
    expect(tally.byChannel).toEqual({ online: 2, paper: 1 });
  });

  it('keeps the first ballot cast whatever order the rows come in', () => {
    const tally = tallyVote(byHouseholds, nine, [ballot('h1', 'no', 90, 'paper', 9), ballot('h1', 'yes', 90, 'online', 1)]);
    expect(tally.yes.households).toBe(1);
    expect(tally.no.households).toBe(0);
  });

  it('fails for want of a quorum however the few voted', () => {
    const tally = tallyVote(byHouseholds, nine, [
      ballot('h1', 'yes'),
      ballot('h2', 'yes'),
      ballot('h3', 'yes'),
      ballot('h4', 'yes'),
    ]);
    expect(tally.quorumMet).toBe(false);
    expect(tally.result).toBe('no_quorum');
    expect(tally.turnout).toBeCloseTo(4 / 9);
  });

  it('measures approval against the electorate when the rule says so', () => {
    // five of nine take part (quorum 1/2 met), all say yes: 5/9 < 2/3 of the building
    const five = ['h1', 'h2', 'h3', 'h4', 'h5'].map((h) => ballot(h, 'yes'));
    expect(tallyVote(byHouseholds, nine, five).result).toBe('failed');
    expect(tallyVote(byHouseholds, nine, [...five, ballot('h6', 'yes')]).result).toBe('passed');
  });

  it('weighs floor area too: many small flats cannot outvote the area', () => {
    const electorate = { households: 6, areaCm2: (4 * 50 + 2 * 200) * 100 };
    const ballots = [
      ballot('s1', 'yes', 50),
      ballot('s2', 'yes', 50),
      ballot('s3', 'yes', 50),
      ballot('s4', 'yes', 50),
      ballot('b1', 'no', 200),
      ballot('b2', 'no', 200),
    ];
    const major = tallyVote(VOTE_PRESETS.major, electorate, ballots);
    expect(major.quorumMet).toBe(true);
    // 4/6 households approve (< 3/4), 200/600 of the area
    expect(major.result).toBe('failed');
    const householdsOnly = tallyVote(
      { ...VOTE_PRESETS.major, weighting: 'household', pass: { num: 2, den: 3 } },
      electorate,
      ballots,
    );
    expect(householdsOnly.result).toBe('passed');
  });

  it('needs the quorum in area as well as in households', () => {
    const electorate = { households: 3, areaCm2: (60 + 60 + 300) * 100 };
    const tally = tallyVote(VOTE_PRESETS.major, electorate, [ballot('a', 'yes', 60), ballot('b', 'yes', 60)]);
    expect(tally.participating.households).toBe(2);
    expect(tally.quorumMet).toBe(false);
    expect(tally.turnoutArea).toBeCloseTo(120 / 420);
  });

  it('passes an ordinary matter only with more than half of those taking part', () => {
    const electorate = { households: 4, areaCm2: 400 * 100 };
    const even = [ballot('a', 'yes', 100), ballot('b', 'yes', 100), ballot('c', 'no', 100), ballot('d', 'abstain', 100)];
    expect(tallyVote(VOTE_PRESETS.ordinary, electorate, even).result).toBe('failed');
    const more = [ballot('a', 'yes', 100), ballot('b', 'yes', 100), ballot('c', 'yes', 100), ballot('d', 'no', 100)];
    expect(tallyVote(VOTE_PRESETS.ordinary, electorate, more).result).toBe('passed');
  });
});
