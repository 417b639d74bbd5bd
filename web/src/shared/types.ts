/**
 * The API's shapes, taken from the server's own zod schemas (type-only imports: no server code
 * reaches the bundle). Dates travel as ISO strings, hence Json<>.
 */
import type { z } from 'zod';
import type { areaSchema } from '../../../src/modules/areas/areas.schemas.ts';
import type { meSchema } from '../../../src/modules/auth/auth.schemas.ts';
import type {
  caseDetailSchema,
  caseSummarySchema,
  publicCaseSchema,
  timelineEventSchema,
} from '../../../src/modules/cases/cases.schemas.ts';
import type { CaseAction, CaseState, Tier } from '../../../src/modules/cases/lifecycle.ts';

export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export type Me = Json<z.infer<typeof meSchema>>;
export type Area = Json<z.infer<typeof areaSchema>>;
export type CaseSummary = Json<z.infer<typeof caseSummarySchema>>;
export type CaseDetail = Json<z.infer<typeof caseDetailSchema>>;
export type PublicCase = Json<z.infer<typeof publicCaseSchema>>;
export type TimelineEvent = Json<z.infer<typeof timelineEventSchema>>;
export type { CaseAction, CaseState, Tier };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Category {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  departmentCode: string | null;
  retired: boolean;
  children: Omit<Category, 'children'>[];
}
