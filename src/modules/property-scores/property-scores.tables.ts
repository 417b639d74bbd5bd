/** Kysely types of the property evaluation tables (migrations/0015_property_scores.sql), merged into the shared DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type { Bands, ComponentScores, Grade, PartyScores, Weights } from './scoring.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A date column: PostgreSQL date, read as an ISO string (the database layer normalises both drivers). */
type DateColumn = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface PropertyReviewsTable {
  id: Generated<string>;
  street_id: string;
  company_id: string;
  estate_id: string;
  month: DateColumn;
  held_on: DateColumn;
  meeting_id: string | null;
  scores: Json<PartyScores[]>;
  comments: string | null;
  recorded_by: string;
  recorded_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PropertyScoreWeightsTable {
  id: Generated<string>;
  street_id: string | null;
  version: number;
  effective_from: DateColumn;
  weights: Json<Weights>;
  bands: Json<Bands>;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

/** What a card was computed from, kept with it so a figure can be explained later. */
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

export interface PropertyScorecardsTable {
  id: Generated<string>;
  street_id: string;
  company_id: string;
  estate_id: string;
  community_id: string;
  month: DateColumn;
  weights_id: string;
  inputs: Json<CardInputs>;
  components: Json<ComponentScores>;
  score: ColumnType<number, number, number>;
  grade: Grade;
  computed_at: Timestamp;
}

export interface PropertyCompanyGradesTable {
  id: Generated<string>;
  street_id: string;
  company_id: string;
  month: DateColumn;
  weights_id: string;
  score: ColumnType<number, number, number>;
  grade: Grade;
  rank: number;
  estates: number;
  computed_at: Timestamp;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    property_reviews: PropertyReviewsTable;
    property_score_weights: PropertyScoreWeightsTable;
    property_scorecards: PropertyScorecardsTable;
    property_company_grades: PropertyCompanyGradesTable;
  }
}
