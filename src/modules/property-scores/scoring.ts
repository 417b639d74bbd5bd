/**
 * The property service scorecard (物业服务评价) as plain arithmetic: what one company did in one
 * estate in one month, turned into five component scores out of 100, a weighted total and a
 * credit grade (信用等级) A-D. Pure: no HTTP, no SQL, so the formula is tested on its own and the
 * README can state it exactly.
 */

export const COMPONENTS = ['review', 'complaints', 'handling', 'rectification', 'ratings'] as const;
export type Component = (typeof COMPONENTS)[number];
export type Weights = Record<Component, number>;

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];
/** The lowest score of A, B and C; anything below C is D. */
export type Bands = Record<'A' | 'B' | 'C', number>;

/** The six parties of the discussion day; the property company attends but does not score itself. */
export const PARTIES = [
  'party_organisation',
  'residents_committee',
  'owners_committee',
  'street_department',
  'residents_representative',
] as const;
export type Party = (typeof PARTIES)[number];
export const CRITERIA = ['cleaning', 'security', 'maintenance', 'greening', 'service'] as const;
export type Criterion = (typeof CRITERIA)[number];
export interface PartyScores {
  party: Party;
  scores: Record<Criterion, number>;
}

/** Each complaint per 100 households in a month costs this many points of the complaints score. */
export const COMPLAINT_PENALTY_PER_100_HOUSEHOLDS = 25;

export interface ScorecardInputs {
  /** The month's discussion-day review, or null when none was held. */
  review: PartyScores[] | null;
  /** Households of the estate, to count complaints per 100 of them. */
  households: number;
  /** Cases handed to the company in the estate this month. */
  casesAssigned: number;
  /** Of those, the ones that are over (resolved or closed) without ever going overdue. */
  casesOnTime: number;
  /** Of those, the complaints (cases of kind complaint). */
  complaints: number;
  /** Rectification orders issued to the company this month whose deadline has come. */
  ordersDue: number;
  /** Of those, the hazards confirmed rectified by the deadline. */
  ordersOnTime: number;
  /** Residents' ratings (1-5) given this month to cases the company handled. */
  ratings: number[];
}

export type ComponentScores = Record<Component, number | null>;

const round1 = (value: number) => Math.round(value * 10) / 10;
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Mean of every score every party present gave, out of 100; null without a review. */
export function reviewScore(review: PartyScores[] | null): number | null {
  if (!review || review.length === 0) return null;
  return mean(review.flatMap((party) => CRITERIA.map((criterion) => party.scores[criterion])));
}

/** 100 less the penalty for each complaint per 100 households, never below 0; null for an empty estate. */
export function complaintsScore(complaints: number, households: number): number | null {
  if (households <= 0) return null;
  return Math.max(0, 100 - COMPLAINT_PENALTY_PER_100_HOUSEHOLDS * ((complaints * 100) / households));
}

/** Share of cases handled on time, out of 100; null when none were handed over. */
export const handlingScore = (assigned: number, onTime: number): number | null =>
  assigned > 0 ? (100 * onTime) / assigned : null;

/** Share of rectification orders met by their deadline, out of 100; null when none fell due. */
export const rectificationScore = (due: number, onTime: number): number | null => (due > 0 ? (100 * onTime) / due : null);

/** Mean rating mapped from 1-5 onto 0-100; null when nobody rated. */
export const ratingsScore = (ratings: number[]): number | null => (ratings.length > 0 ? ((mean(ratings) - 1) / 4) * 100 : null);

export function componentScores(inputs: ScorecardInputs): ComponentScores {
  const scores: ComponentScores = {
    review: reviewScore(inputs.review),
    complaints: complaintsScore(inputs.complaints, inputs.households),
    handling: handlingScore(inputs.casesAssigned, inputs.casesOnTime),
    rectification: rectificationScore(inputs.ordersDue, inputs.ordersOnTime),
    ratings: ratingsScore(inputs.ratings),
  };
  return Object.fromEntries(COMPONENTS.map((c) => [c, scores[c] === null ? null : round1(scores[c])])) as ComponentScores;
}

/**
 * The weighted mean of the components that have data: a month without hazards is not a month
 * of perfect rectification, so a missing component drops out and the other weights share its
 * part. Null when no component has data (no card that month).
 */
export function totalScore(components: ComponentScores, weights: Weights): number | null {
  let weighted = 0;
  let weightSum = 0;
  for (const c of COMPONENTS) {
    const score = components[c];
    if (score === null || weights[c] <= 0) continue;
    weighted += weights[c] * score;
    weightSum += weights[c];
  }
  return weightSum === 0 ? null : round1(weighted / weightSum);
}

export function gradeOf(score: number, bands: Bands): Grade {
  if (score >= bands.A) return 'A';
  if (score >= bands.B) return 'B';
  if (score >= bands.C) return 'C';
  return 'D';
}

export interface Scorecard {
  components: ComponentScores;
  score: number;
  grade: Grade;
}

/**
 * Complaints alone make no card: a month in which nothing was reviewed, handled, ordered or rated
 * says nothing about the service, and "no complaints" would otherwise grade it 100.
 */
export function scorecard(inputs: ScorecardInputs, weights: Weights, bands: Bands): Scorecard | null {
  const components = componentScores(inputs);
  if (COMPONENTS.every((c) => c === 'complaints' || components[c] === null)) return null;
  const score = totalScore(components, weights);
  return score === null ? null : { components, score, grade: gradeOf(score, bands) };
}

/** A company's month: the plain mean of its estates' scores, graded under the same bands. */
export function companyScore(estateScores: number[], bands: Bands): { score: number; grade: Grade } | null {
  if (estateScores.length === 0) return null;
  const score = round1(mean(estateScores));
  return { score, grade: gradeOf(score, bands) };
}

/** Ranks by score, highest first; equal scores share a rank (1, 2, 2, 4). */
export function rankByScore<T extends { score: number }>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  return sorted.map((row) => ({ ...row, rank: sorted.findIndex((other) => other.score === row.score) + 1 }));
}

/** Weights are whole numbers from 0 to 100 summing to 100; bands fall strictly A > B > C within 0-100. */
export function weightsProblem(weights: Weights, bands: Bands): { code: string; field: string } | null {
  const sum = COMPONENTS.reduce((total, c) => total + weights[c], 0);
  if (sum !== 100) return { code: 'PROPERTY_WEIGHTS_SUM', field: 'weights' };
  if (!(bands.A > bands.B && bands.B > bands.C && bands.C > 0 && bands.A <= 100))
    return { code: 'PROPERTY_BANDS_ORDER', field: 'bands' };
  return null;
}
