/** Kysely types of questionnaires, their versions and responses (migrations/0010_volunteers.sql). */
import type { ColumnType, Generated } from 'kysely';
import type { Answer, AnswerPer, Question, QuestionnaireState, VersionState } from './questionnaire-rules.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface QuestionnairesTable {
  id: Generated<string>;
  street_id: string;
  node_id: string;
  path: string;
  answer_per: AnswerPer;
  state: QuestionnaireState;
  current_version: number | null;
  created_by: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: UpdatedAt;
  closed_at: Timestamp | null;
}

export interface QuestionnaireVersionsTable {
  id: Generated<string>;
  street_id: string;
  questionnaire_id: string;
  version: number;
  title: string;
  intro: ColumnType<string, string | undefined, string>;
  questions: ColumnType<Question[], string, string>;
  change_note: string | null;
  state: VersionState;
  published_at: Timestamp | null;
  published_by: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface QuestionnaireResponsesTable {
  id: Generated<string>;
  street_id: string;
  questionnaire_id: string;
  version_id: string;
  version: number;
  user_id: string;
  household_id: string | null;
  respondent_key: string;
  answers: ColumnType<Record<string, Answer>, string, never>;
  submitted_at: ColumnType<Date, Date | string | undefined, never>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    questionnaires: QuestionnairesTable;
    questionnaire_versions: QuestionnaireVersionsTable;
    questionnaire_responses: QuestionnaireResponsesTable;
  }
}
