/**
 * Owner votes (业主表决): who is counted and whether a vote passes. One household casts one ballot,
 * online or on paper; should two ever reach the tally (the database key refuses a second), only
 * the first cast is counted and the others are reported. Thresholds are exact fractions, counted
 * in households and, where the rule weighs floor area, in square centimetres of floor area too:
 * quorum over the electorate, approval over those who took part or over the whole electorate
 * (the Civil Code's article 278: two thirds take part; major repairs need three quarters of them).
 * Pure: no HTTP, no SQL.
 */
export type Choice = 'yes' | 'no' | 'abstain';
export type Channel = 'online' | 'paper';
export type Weighting = 'household' | 'household_and_area';

export interface Fraction {
  num: number;
  den: number;
}

export interface VoteRule {
  weighting: Weighting;
  quorum: Fraction;
  pass: Fraction;
  passBase: 'participating' | 'electorate';
  /** "More than" rather than "at least" (a simple majority is more than 1/2). */
  passStrict: boolean;
}

export interface Ballot {
  householdId: string;
  choice: Choice;
  channel: Channel;
  areaCm2: number;
  castAt: Date;
}

export interface Measure {
  households: number;
  areaCm2: number;
}

export interface Tally {
  electorate: Measure;
  participating: Measure;
  yes: Measure;
  no: Measure;
  abstain: Measure;
  byChannel: { online: number; paper: number };
  /** Ballots of a household already counted: never in the figures. */
  duplicatesIgnored: number;
  quorumMet: boolean;
  passed: boolean;
  result: 'passed' | 'failed' | 'no_quorum';
  /** Turnout in households, 0-1, for display. */
  turnout: number;
  turnoutArea: number;
}

const zero = (): Measure => ({ households: 0, areaCm2: 0 });

/** part/whole reaches num/den, compared in integers so 6 of 9 is exactly two thirds. */
export function reaches(part: number, whole: number, threshold: Fraction, strict = false): boolean {
  if (whole <= 0) return false;
  const left = part * threshold.den;
  const right = threshold.num * whole;
  return strict ? left > right : left >= right;
}

export function tallyVote(rule: VoteRule, electorate: Measure, ballots: readonly Ballot[]): Tally {
  const counted = new Map<string, Ballot>();
  let duplicatesIgnored = 0;
  for (const ballot of [...ballots].sort((a, b) => a.castAt.getTime() - b.castAt.getTime())) {
    if (counted.has(ballot.householdId)) duplicatesIgnored += 1;
    else counted.set(ballot.householdId, ballot);
  }
  const participating = zero();
  const by: Record<Choice, Measure> = { yes: zero(), no: zero(), abstain: zero() };
  const byChannel = { online: 0, paper: 0 };
  for (const ballot of counted.values()) {
    participating.households += 1;
    participating.areaCm2 += ballot.areaCm2;
    by[ballot.choice].households += 1;
    by[ballot.choice].areaCm2 += ballot.areaCm2;
    byChannel[ballot.channel] += 1;
  }
  const byArea = rule.weighting === 'household_and_area';
  const quorumMet =
    reaches(participating.households, electorate.households, rule.quorum) &&
    (!byArea || reaches(participating.areaCm2, electorate.areaCm2, rule.quorum));
  const base = rule.passBase === 'participating' ? participating : electorate;
  const approved =
    reaches(by.yes.households, base.households, rule.pass, rule.passStrict) &&
    (!byArea || reaches(by.yes.areaCm2, base.areaCm2, rule.pass, rule.passStrict));
  const passed = quorumMet && approved;
  return {
    electorate,
    participating,
    ...by,
    byChannel,
    duplicatesIgnored,
    quorumMet,
    passed,
    result: !quorumMet ? 'no_quorum' : passed ? 'passed' : 'failed',
    turnout: electorate.households > 0 ? participating.households / electorate.households : 0,
    turnoutArea: electorate.areaCm2 > 0 ? participating.areaCm2 / electorate.areaCm2 : 0,
  };
}

/** The rules a vote usually follows, offered by the desk; each can still be set per vote. */
export const VOTE_PRESETS = {
  /** Major repairs and the maintenance fund: 2/3 take part by households and area, 3/4 of them approve. */
  major: {
    weighting: 'household_and_area',
    quorum: { num: 2, den: 3 },
    pass: { num: 3, den: 4 },
    passBase: 'participating',
    passStrict: false,
  },
  /** Ordinary matters: 2/3 take part, more than half of them approve. */
  ordinary: {
    weighting: 'household_and_area',
    quorum: { num: 2, den: 3 },
    pass: { num: 1, den: 2 },
    passBase: 'participating',
    passStrict: true,
  },
  /** A building's own matter, one household one vote: half take part, two thirds of the building approve. */
  building: {
    weighting: 'household',
    quorum: { num: 1, den: 2 },
    pass: { num: 2, den: 3 },
    passBase: 'electorate',
    passStrict: false,
  },
} as const satisfies Record<string, VoteRule>;

/** Floor area in m² (numeric(10,2)) as whole square centimetres, so sums are exact. */
export const areaCm2 = (m2: number | null | undefined) => Math.round((m2 ?? 0) * 100);
