import { describe, expect, it } from 'vitest';
import {
  type Bands,
  companyScore,
  complaintsScore,
  componentScores,
  gradeOf,
  type PartyScores,
  rankByScore,
  ratingsScore,
  reviewScore,
  type ScorecardInputs,
  scorecard,
  totalScore,
  type Weights,
  weightsProblem,
} from './scoring.ts';

const WEIGHTS: Weights = { review: 40, complaints: 10, handling: 15, rectification: 20, ratings: 15 };
const BANDS: Bands = { A: 85, B: 75, C: 60 };
const party = (p: PartyScores['party'], s: number[]): PartyScores => ({
  party: p,
  scores: { cleaning: s[0] ?? 0, security: s[1] ?? 0, maintenance: s[2] ?? 0, greening: s[3] ?? 0, service: s[4] ?? 0 },
});
const inputs = (over: Partial<ScorecardInputs> = {}): ScorecardInputs => ({
  review: [party('owners_committee', [80, 90, 70, 80, 80]), party('residents_committee', [90, 90, 90, 90, 90])],
  households: 200,
  casesAssigned: 10,
  casesOnTime: 8,
  complaints: 2,
  ordersDue: 4,
  ordersOnTime: 3,
  ratings: [5, 4, 4, 3],
  ...over,
});

describe('property scorecard formula', () => {
  it('averages every score every party present gave', () => {
    expect(reviewScore(inputs().review)).toBe(85); // (400 + 450) / 10
    expect(reviewScore(null)).toBeNull();
    expect(reviewScore([])).toBeNull();
  });

  it('takes 25 points per complaint per 100 households, never below zero', () => {
    expect(complaintsScore(2, 200)).toBe(75); // 1 per 100 households
    expect(complaintsScore(0, 200)).toBe(100);
    expect(complaintsScore(30, 100)).toBe(0);
    expect(complaintsScore(1, 0)).toBeNull();
  });

  it('maps the mean rating from 1-5 onto 0-100', () => {
    expect(ratingsScore([5, 5])).toBe(100);
    expect(ratingsScore([1])).toBe(0);
    expect(ratingsScore([5, 4, 4, 3])).toBe(75);
    expect(ratingsScore([])).toBeNull();
  });

  it('gives each component out of 100, rounded to one decimal', () => {
    expect(componentScores(inputs({ ordersDue: 3, ordersOnTime: 2 }))).toEqual({
      review: 85,
      complaints: 75,
      handling: 80,
      rectification: 66.7,
      ratings: 75,
    });
  });

  it('weights the components into a total: 0.40*85 + 0.10*75 + 0.15*80 + 0.20*75 + 0.15*75 = 79.75 -> 79.8, grade B', () => {
    expect(scorecard(inputs(), WEIGHTS, BANDS)).toEqual({
      components: { review: 85, complaints: 75, handling: 80, rectification: 75, ratings: 75 },
      score: 79.8,
      grade: 'B',
    });
  });

  it('lets a component without data drop out, the others sharing its weight', () => {
    // no hazards, no ratings: (40*85 + 10*75 + 15*80) / 65 = 5350 / 65 = 82.3
    const card = scorecard(inputs({ ordersDue: 0, ordersOnTime: 0, ratings: [] }), WEIGHTS, BANDS);
    expect(card?.components.rectification).toBeNull();
    expect(card?.score).toBe(82.3);
  });

  it('gives no card when nothing at all was measured', () => {
    const empty = inputs({ review: null, households: 0, casesAssigned: 0, ordersDue: 0, ratings: [] });
    expect(scorecard(empty, WEIGHTS, BANDS)).toBeNull();
    expect(totalScore(componentScores(empty), WEIGHTS)).toBeNull();
  });

  it('makes no card of complaints alone: a quiet month without review says nothing', () => {
    const quiet = inputs({ review: null, casesAssigned: 0, complaints: 0, ordersDue: 0, ratings: [] });
    expect(componentScores(quiet).complaints).toBe(100);
    expect(scorecard(quiet, WEIGHTS, BANDS)).toBeNull();
  });

  it('ignores a component weighted zero', () => {
    const components = { review: 90, complaints: 0, handling: null, rectification: null, ratings: null };
    expect(totalScore(components, { ...WEIGHTS, complaints: 0 })).toBe(90);
  });

  it('grades on the bands, each band including its lowest score', () => {
    expect([85, 84.9, 75, 74.9, 60, 59.9].map((s) => gradeOf(s, BANDS))).toEqual(['A', 'B', 'B', 'C', 'C', 'D']);
    expect(gradeOf(84.9, { A: 80, B: 70, C: 50 })).toBe('A');
  });

  it("grades a company on the mean of its estates' scores", () => {
    expect(companyScore([90, 80, 73], BANDS)).toEqual({ score: 81, grade: 'B' });
    expect(companyScore([], BANDS)).toBeNull();
  });

  it('ranks the highest first, equal scores sharing a rank', () => {
    const ranked = rankByScore([
      { id: 'a', score: 70 },
      { id: 'b', score: 90 },
      { id: 'c', score: 80 },
      { id: 'd', score: 80 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 2],
      ['a', 4],
    ]);
  });

  it('accepts weights summing to 100 and bands falling from A to C, refuses others', () => {
    expect(weightsProblem(WEIGHTS, BANDS)).toBeNull();
    expect(weightsProblem({ ...WEIGHTS, review: 41 }, BANDS)?.code).toBe('PROPERTY_WEIGHTS_SUM');
    expect(weightsProblem(WEIGHTS, { A: 75, B: 75, C: 60 })?.code).toBe('PROPERTY_BANDS_ORDER');
    expect(weightsProblem(WEIGHTS, { A: 101, B: 75, C: 60 })?.code).toBe('PROPERTY_BANDS_ORDER');
  });
});
