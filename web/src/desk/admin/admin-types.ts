/** Shapes of the administration API, taken type-only from the server's schemas where it exports them. */
import type { z } from 'zod';
import type { importGridsResult } from '../../../../src/modules/areas/areas.schemas.ts';
import type {
  calendarDaySchema,
  calendarStatusSchema,
  yearScheduleSchema,
} from '../../../../src/modules/calendar/calendar.schemas.ts';
import type {
  estateSchema,
  ORGANISATION_KINDS,
  organisationSchema,
} from '../../../../src/modules/organisations/organisations.schemas.ts';
import type { userSchema } from '../../../../src/modules/users/users.schemas.ts';
import type { Json, Tier } from '../../shared/types.ts';

export type User = Json<z.infer<typeof userSchema>>;
export type Organisation = Json<z.infer<typeof organisationSchema>>;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type Estate = Json<z.infer<typeof estateSchema>>;
export type CalendarDay = Json<z.infer<typeof calendarDaySchema>>;
export type YearSchedule = Json<z.infer<typeof yearScheduleSchema>>;
export type CalendarStatus = Json<z.infer<typeof calendarStatusSchema>>;
export type ImportResult = Json<z.infer<typeof importGridsResult>>;

/** The taxonomy routes keep their policy schema to themselves: this mirrors GET /api/deadline-policies. */
export interface DeadlinePolicy {
  id: string;
  streetId: string | null;
  tier: Tier;
  categoryId: string | null;
  categoryCode: string | null;
  workingDays: number;
  kind: 'handle' | 'answer' | 'explain';
  warnHours: number;
}

export interface ResponsePolicy {
  priority: 'low' | 'normal' | 'high' | 'urgent';
  hours: number | null;
  workingDays: number | null;
}

/** Roles and where each is held (the roles table): at an area, or at an organisation. */
export const ROLES = [
  { code: 'admin', heldAt: 'node' },
  { code: 'street_leader', heldAt: 'node' },
  { code: 'community_secretary', heldAt: 'node' },
  { code: 'community_staff', heldAt: 'node' },
  { code: 'grid_worker', heldAt: 'node' },
  { code: 'building_leader', heldAt: 'node' },
  { code: 'mediator', heldAt: 'node' },
  { code: 'patrol_volunteer', heldAt: 'node' },
  { code: 'resident', heldAt: 'node' },
  { code: 'dept_handler', heldAt: 'organisation' },
  { code: 'property_handler', heldAt: 'organisation' },
] as const;
