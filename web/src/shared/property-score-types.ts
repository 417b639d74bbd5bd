/** Shapes of the property evaluation API (src/modules/property-scores/property-scores.schemas.ts). */
export const COMPONENTS = ['review', 'complaints', 'handling', 'rectification', 'ratings'] as const;
export type Component = (typeof COMPONENTS)[number];
export type Grade = 'A' | 'B' | 'C' | 'D';
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

export interface RankingItem {
  companyId: string;
  companyName: string;
  score: number;
  grade: Grade;
  rank: number;
  estates: number;
  previousScore: number | null;
  previousGrade: Grade | null;
  change: number | null;
  trend: (number | null)[];
}
export interface Ranking {
  month: string;
  months: string[];
  companiesRanked: number;
  items: RankingItem[];
}

export interface CardInputs {
  reviewId: string | null;
  households: number;
  casesAssigned: number;
  casesSettled: number;
  casesOnTime: number;
  complaints: number;
  ordersIssued: number;
  ordersDue: number;
  ordersOnTime: number;
  ratings: number;
  ratingSum: number;
}
export interface Scorecard {
  id: string;
  month: string;
  estateId: string;
  estateName: string;
  communityName: string;
  score: number;
  grade: Grade;
  components: Record<Component, number | null>;
  inputs: CardInputs;
  weights: Record<Component, number>;
  weightsVersion: number;
  computedAt: string;
  review: { id: string; heldOn: string; scores: PartyScores[]; comments: string | null; meetingId: string | null } | null;
}
export interface CompanyScorecard {
  companyId: string;
  companyName: string;
  month: string;
  score: number | null;
  grade: Grade | null;
  rank: number | null;
  history: { month: string; score: number | null; grade: Grade | null; rank: number | null; cards: number }[];
  cards: Scorecard[];
}
export interface CardCase {
  id: string;
  number: string;
  title: string;
  kind: string;
  state: string;
  at: string | null;
  counted: boolean;
  onTime: boolean | null;
  rating: number | null;
  dueDate: string | null;
}
export interface WeightsVersion {
  id: string;
  version: number;
  effectiveFrom: string;
  weights: Record<Component, number>;
  bands: { A: number; B: number; C: number };
  note: string | null;
  isDefault: boolean;
  createdAt: string;
}
export interface ReviewEstate {
  id: string;
  name: string;
  companyId: string;
  companyName: string;
  communityName: string;
}
export interface Review {
  id: string;
  companyId: string;
  companyName: string;
  estateId: string;
  estateName: string;
  month: string;
  heldOn: string;
  meetingId: string | null;
  scores: PartyScores[];
  comments: string | null;
  updatedAt: string;
}
