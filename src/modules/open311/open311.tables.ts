/** Kysely types of the questions a category asks (migrations/0013_integration.sql). */
import type { ColumnType, Generated } from 'kysely';

export const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Datatype = (typeof DATATYPES)[number];

export interface Choice {
  key: string;
  zh: string;
  en: string;
}

export interface CategoryQuestionsTable {
  id: Generated<string>;
  category_id: string;
  code: string;
  variable: boolean;
  datatype: Datatype;
  required: boolean;
  description_zh: string;
  description_en: string;
  datatype_description_zh: string | null;
  datatype_description_en: string | null;
  sort: number;
  choices: ColumnType<Choice[], string | undefined, string>;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    category_questions: CategoryQuestionsTable;
  }
}
