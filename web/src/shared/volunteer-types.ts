/**
 * The API shapes of volunteers, the service menu and requests, activities, points and
 * questionnaires, taken type-only from the server's zod schemas, and the rules the pages share
 * with the server (pure data: states, moves, kinds), so the pages offer what the server allows.
 */
import type { z } from 'zod';
import type {
  activityBody,
  activitySchema,
  activitySummarySchema,
  checkinCodeSchema,
  checkinSchema,
  signupSchema,
} from '../../../src/modules/activities/activities.schemas.ts';
import type {
  accountSchema,
  accountSummarySchema,
  entrySchema,
  goodsBody,
  goodsSchema,
  redemptionSchema,
  ruleSchema,
} from '../../../src/modules/points/points.schemas.ts';
import type {
  createBody,
  draftBody,
  questionnaireSchema,
  questionnaireSummarySchema,
  resultSchema,
  resultsSchema,
} from '../../../src/modules/questionnaires/questionnaires.schemas.ts';
import type {
  candidateSchema,
  categorySchema,
  itemSchema,
  requestSchema,
  requestSummarySchema,
} from '../../../src/modules/services/services.schemas.ts';
import type {
  areaChoiceSchema,
  profileSchema,
  teamSchema,
  volunteerSchema,
} from '../../../src/modules/volunteers/volunteers.schemas.ts';
import type { Json } from './types.ts';

export type Volunteer = Json<z.infer<typeof volunteerSchema>>;
export type VolunteerTeam = Json<z.infer<typeof teamSchema>>;
export type VolunteerProfile = Json<z.infer<typeof profileSchema>>;
export type AreaChoice = Json<z.infer<typeof areaChoiceSchema>>;
export type ServiceCategory = Json<z.infer<typeof categorySchema>>;
export type ServiceItem = Json<z.infer<typeof itemSchema>>;
export type ServiceRequest = Json<z.infer<typeof requestSchema>>;
export type ServiceRequestSummary = Json<z.infer<typeof requestSummarySchema>>;
export type ServiceCandidate = Json<z.infer<typeof candidateSchema>>;
export type Activity = Json<z.infer<typeof activitySchema>>;
export type ActivitySummary = Json<z.infer<typeof activitySummarySchema>>;
export type ActivitySignup = Json<z.infer<typeof signupSchema>>;
export type CheckinCode = Json<z.infer<typeof checkinCodeSchema>>;
export type Checkin = Json<z.infer<typeof checkinSchema>>;
export type PointsAccount = Json<z.infer<typeof accountSchema>>;
export type PointsAccountSummary = Json<z.infer<typeof accountSummarySchema>>;
export type PointsEntry = Json<z.infer<typeof entrySchema>>;
export type Goods = Json<z.infer<typeof goodsSchema>>;
export type Redemption = Json<z.infer<typeof redemptionSchema>>;
export type PointsRule = Json<z.infer<typeof ruleSchema>>;
export type Questionnaire = Json<z.infer<typeof questionnaireSchema>>;
export type QuestionnaireSummary = Json<z.infer<typeof questionnaireSummarySchema>>;
export type QuestionnaireResults = Json<z.infer<typeof resultsSchema>>;
export type QuestionResult = Json<z.infer<typeof resultSchema>>;

export type ActivityBody = z.input<typeof activityBody>;
export type GoodsBody = z.input<typeof goodsBody>;
export type QuestionnaireBody = z.input<typeof createBody>;
export type DraftBody = z.input<typeof draftBody>;

export {
  ACTIVITY_KINDS,
  ACTIVITY_STATES,
  type ActivityKind,
  type ActivityState,
  SIGNUP_STATUSES,
  type SignupStatus,
} from '../../../src/modules/activities/activity-rules.ts';
export { ENTRY_KINDS, type EntryKind, SOURCES, type Source } from '../../../src/modules/points/points-rules.ts';
export {
  ANSWER_PER,
  type AnswerPer,
  QUESTION_KINDS,
  type QuestionKind,
} from '../../../src/modules/questionnaires/questionnaire-rules.ts';
export {
  REQUEST_ACTIONS,
  REQUEST_STATES,
  type RequestAction,
  type RequestState,
} from '../../../src/modules/services/request-lifecycle.ts';
export {
  VOLUNTEER_AVAILABILITY,
  VOLUNTEER_SKILLS,
  VOLUNTEER_STATUSES,
  type VolunteerAvailability,
  type VolunteerSkill,
  type VolunteerStatus,
} from '../../../src/modules/volunteers/volunteer-rules.ts';
