/** API shapes the case pages need beyond the shared ones, taken type-only from the server's schemas. */
import type { z } from 'zod';
import type { KINDS, PRIORITIES, SOURCES } from '../../../../src/modules/cases/cases.schemas.ts';
import type { organisationSchema } from '../../../../src/modules/organisations/organisations.schemas.ts';
import type { userSchema } from '../../../../src/modules/users/users.schemas.ts';
import type { CaseState, Json, Tier } from '../../shared/types.ts';

export type Organisation = Json<z.infer<typeof organisationSchema>>;
export type User = Json<z.infer<typeof userSchema>>;
export type Source = (typeof SOURCES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type Kind = (typeof KINDS)[number];
export type DeadlineFilter = 'ok' | 'warning' | 'overdue' | 'provisional';
export type Mine = 'inbox' | 'assigned' | 'reported';

/** The filters of GET /api/cases as the table holds them; they also live in the page's URL. */
export interface CaseFilters {
  state?: CaseState[];
  open?: boolean;
  categoryId?: string;
  deadline?: DeadlineFilter;
  nodeId?: string;
  source?: Source;
  tier?: Tier;
  mine?: Mine;
  q?: string;
  sort: 'deadline' | 'newest';
}

// Exhaustive lists for pickers: a Record over the union fails to compile when the server adds a value.
export const STATE_COLORS: Record<CaseState, string> = {
  reported: 'blue',
  accepted: 'cyan',
  assigned: 'geekblue',
  in_progress: 'processing',
  resolved: 'green',
  evaluated: 'lime',
  closed: 'default',
  rejected: 'default',
  duplicate: 'default',
  returned: 'magenta',
  escalated: 'purple',
  suspended: 'warning',
};
export const PRIORITY_COLORS: Record<Priority, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };
const SOURCE_SET: Record<Source, true> = { resident: true, patrol: true, hotline: true, walk_in: true, staff: true };
const TIER_SET: Record<Tier, true> = { grid: true, community: true, department: true, district: true };

export const STATES = Object.keys(STATE_COLORS) as CaseState[];
export const SOURCES_LIST = Object.keys(SOURCE_SET) as Source[];
export const TIERS_LIST = Object.keys(TIER_SET) as Tier[];
