/**
 * The patrol API's shapes, taken type-only from the server's zod schemas like types.ts does for
 * cases: a changed schema breaks the web build, not a page at run time.
 */
import type { z } from 'zod';
import type { HAZARD_LEVELS, PARTY_KINDS } from '../../../src/modules/patrols/hazard-rules.ts';
import type {
  FIGURE_DIMENSIONS,
  figuresSchema,
  hazardDetailSchema,
  hazardSchema,
  orderBody,
  reinspectBody,
} from '../../../src/modules/patrols/hazards.schemas.ts';
import type { FREQUENCIES } from '../../../src/modules/patrols/patrol-schedule.ts';
import type {
  AVAILABILITY,
  applyBody,
  CHECK_ANSWERS,
  findingSchema,
  PARTNER_STATUSES,
  partnerSchema,
  planBody,
  planSchema,
  runBody,
  runSchema,
  runSummarySchema,
  SKILLS,
  teamSchema,
} from '../../../src/modules/patrols/patrols.schemas.ts';
import type { Json } from './types.ts';

export type PatrolPartner = Json<z.infer<typeof partnerSchema>>;
export type PatrolTeam = Json<z.infer<typeof teamSchema>>;
export type PatrolPlan = Json<z.infer<typeof planSchema>>;
export type PatrolRun = Json<z.infer<typeof runSchema>>;
export type PatrolRunSummary = Json<z.infer<typeof runSummarySchema>>;
export type PatrolFinding = Json<z.infer<typeof findingSchema>>;
export type Hazard = Json<z.infer<typeof hazardSchema>>;
export type HazardDetail = Json<z.infer<typeof hazardDetailSchema>>;
export type PatrolFigures = Json<z.infer<typeof figuresSchema>>;

/** Request bodies as the client writes them (dates as ISO strings). */
export type ApplyBody = z.input<typeof applyBody>;
export type PlanBody = z.input<typeof planBody>;
export type OrderBody = z.input<typeof orderBody>;
export type ReinspectBody = z.input<typeof reinspectBody>;
export type RunBody = Json<z.output<typeof runBody>>;

export type Skill = (typeof SKILLS)[number];
export type Availability = (typeof AVAILABILITY)[number];
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
export type CheckAnswer = (typeof CHECK_ANSWERS)[number];
export type HazardLevel = (typeof HAZARD_LEVELS)[number];
export type PartyKind = (typeof PARTY_KINDS)[number];
export type Frequency = (typeof FREQUENCIES)[number];
export type FigureDimension = (typeof FIGURE_DIMENSIONS)[number];
export type HazardStage = Hazard['stage'];

// Exhaustive lists for pickers: a Record over the union fails to compile when the server adds a value.
const list = <T extends string>(record: Record<T, true>) => Object.keys(record) as T[];
export const SKILL_LIST = list<Skill>({
  fire_safety: true,
  first_aid: true,
  electrical: true,
  mediation: true,
  photography: true,
  elder_care: true,
});
export const AVAILABILITY_LIST = list<Availability>({ weekday_day: true, weekday_evening: true, weekend: true, night: true });
export const HAZARD_LEVEL_LIST = list<HazardLevel>({ general: true, major: true });
export const PARTY_KIND_LIST = list<PartyKind>({ property: true, shop: true, owner: true, department: true, other: true });
export const FREQUENCY_LIST = list<Frequency>({ daily: true, weekly: true, nightly: true });
export const CHECK_ANSWER_LIST = list<CheckAnswer>({ ok: true, problem: true, na: true });
export const STAGE_LIST = list<HazardStage>({
  awaiting_order: true,
  rectifying: true,
  awaiting_reinspection: true,
  rectified: true,
  closed: true,
});
export const DIMENSION_LIST = list<FigureDimension>({ node: true, category: true, party: true, team: true });

// The server's own rules, so that the phone measures and flags a check-in exactly as staff will see it.
export { distanceMetres, FAR_CHECKIN_METRES } from '../../../src/modules/patrols/hazard-rules.ts';
