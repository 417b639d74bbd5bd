/**
 * The care API's shapes, taken type-only from the server's zod schemas, and the care rules' codes
 * (groups, risks, needs ...) as the pages offer them.
 */
import type { z } from 'zod';
import type {
  campaignBody,
  campaignDetailSchema,
  campaignSchema,
  closeFileBody,
  figuresSchema,
  filePatchBody,
  fileSchema,
  fileSummarySchema,
  openFileBody,
  rulesSchema,
  visitBody,
  visitSchema,
} from '../../../src/modules/care/care.schemas.ts';
import type { Json } from './types.ts';

export type CareFileSummary = Json<z.infer<typeof fileSummarySchema>>;
export type CareFile = Json<z.infer<typeof fileSchema>>;
export type CareVisit = Json<z.infer<typeof visitSchema>>;
export type CareCampaign = Json<z.infer<typeof campaignSchema>>;
export type CareCampaignDetail = Json<z.infer<typeof campaignDetailSchema>>;
export type CareFigures = Json<z.infer<typeof figuresSchema>>;
export type CareRules = Json<z.infer<typeof rulesSchema>>;

export type OpenFileBody = z.input<typeof openFileBody>;
export type FilePatchBody = z.input<typeof filePatchBody>;
export type CloseFileBody = z.input<typeof closeFileBody>;
export type VisitBody = z.input<typeof visitBody>;
export type CampaignBody = z.input<typeof campaignBody>;

export {
  CARE_GROUPS,
  CARE_NEEDS,
  CARE_RISKS,
  type CareGroup,
  type CareNeed,
  type CareRisk,
  CLOSE_REASONS,
  DUE_STATUSES,
  type DueStatus,
  FESTIVALS,
  type Festival,
  RULE_UNITS,
  type RuleUnit,
  VISIT_METHODS,
  type VisitMethod,
  WELLBEING,
  type Wellbeing,
} from '../../../src/modules/care/care-codes.ts';
