/**
 * The row a demo case starts as, as intake.ts writes it: reported, at the grid, the grid's
 * deadline and the response limit running, the reporter's account or contact details.
 */

import { deadlineColumns } from '../modules/cases/deadline-columns.ts';
import { callBackExpected, policyFor, type ResponsePolicy, responseDueFrom } from '../modules/cases/deadlines.ts';
import { hashTrackingCode, trackingCodeFor } from '../modules/cases/tracking.ts';
import type { PlannedCase } from './case-rows.ts';
import type { SimContext } from './case-simulator.ts';
import { CASE_TEXTS, type CaseText } from './case-texts.ts';
import type { Random } from './random.ts';
import type { HistoryCategory, HistoryUser, StreetIndex } from './street-index.ts';
import type { PlanNode } from './street-plan.ts';

/**
 * How a report reached the street: the resident account, the patrol volunteer's account, a named
 * or an anonymous resident without an account, a call or visit logged by staff, staff's own finding.
 */
export type ReporterKind = 'account' | 'partner' | 'named' | 'anonymous' | 'recorded_by_community' | 'recorded_by_grid' | 'staff';

/** A few metres around the building's point, as a phone's location lands. */
const JITTER_DEGREES = 0.00004;

export interface IntakeSpec {
  created: Date;
  number: string;
  grid: PlanNode;
  building: PlanNode;
  category: HistoryCategory;
  source: PlannedCase['source'];
  reporter: ReporterKind;
  priority: PlannedCase['priority'];
}

export interface IntakeContext extends SimContext {
  index: StreetIndex;
  responsePolicies: readonly ResponsePolicy[];
  trackingSecret: string;
  newId: () => string;
}

/** The row of a case as intake writes it: reported, at the grid, with the grid's deadline running. */
export function intakeRow(ctx: IntakeContext, random: Random, spec: IntakeSpec): { row: PlannedCase; text: CaseText } {
  const { index } = ctx;
  const id = ctx.newId();
  const text = random.pick(CASE_TEXTS[spec.category.code] ?? (CASE_TEXTS.OTHER_MISC as readonly CaseText[]));
  const reporter = reporterOf(index, random, spec);
  const options = { timeZone: ctx.timeZone };
  const policy = policyFor(ctx.policies, {
    streetId: index.streetId,
    tier: 'grid',
    categoryId: spec.category.id,
    parentCategoryId: spec.category.parentId,
  });
  const responsePolicy = ctx.responsePolicies.find((p) => p.priority === spec.priority) as ResponsePolicy;
  const jitter = () => random.between(-JITTER_DEGREES, JITTER_DEGREES);
  const row: PlannedCase = {
    id,
    street_id: index.streetId,
    number: spec.number,
    tracking_hash: hashTrackingCode(trackingCodeFor(ctx.trackingSecret, id)),
    source: spec.source,
    kind: spec.category.kind,
    category_id: spec.category.id,
    title: text.title,
    description: text.description.replace('{place}', spec.building.name),
    priority: spec.priority,
    state: 'reported',
    lon: Number(((spec.building.lon as number) + jitter()).toFixed(6)),
    lat: Number(((spec.building.lat as number) + jitter()).toFixed(6)),
    address: spec.building.name,
    building_id: spec.building.id,
    grid_id: spec.grid.id,
    community_id: spec.grid.parent_id as string,
    location_path: spec.grid.path,
    ...reporter,
    tier: 'grid',
    assignee_user_id: null,
    assignee_org_id: null,
    ...deadlineColumns(policy && ctx.deadline(spec.created, policy)),
    ever_overdue: false,
    response_due_at: callBackExpected({
      reporterPhone: reporter.reporter_phone,
      reportedThroughAccount: spec.reporter === 'account' || spec.reporter === 'partner',
    })
      ? responseDueFrom(spec.created, responsePolicy, ctx.table, options)
      : null,
    first_contact_at: null,
    response_overdue_at: null,
    suspended_from: null,
    remaining_working_days: null,
    resolved_at: null,
    rating_reminded_at: null,
    resolution: null,
    solved_tier: null,
    rating: null,
    rating_comment: null,
    rated_at: null,
    closed_at: null,
    close_reason: null,
    rectified_at: null,
    reject_reason: null,
    merged_into: null,
    returned_count: 0,
    escalation_count: 0,
    urge_count: 0,
    version: 1,
    created_at: spec.created,
    updated_at: spec.created,
  };
  return { row, text };
}

/** The reporter columns: an account, contact details as given, or nothing for an anonymous report. */
function reporterOf(index: StreetIndex, random: Random, spec: IntakeSpec) {
  const people = index.peopleOf(spec.grid);
  const neighbour = random.pick(index.residentsAt(spec.building));
  const named = (userId: string | null) => ({
    reporter_user_id: userId,
    reporter_name: neighbour?.name ?? null,
    reporter_phone: neighbour?.phone ?? null,
    anonymous: false,
  });
  switch (spec.reporter) {
    case 'account': {
      const user = index.account('resident') as HistoryUser;
      const phone = index.residentsAt(spec.building).find((r) => r.id === user.residentId)?.phone ?? null;
      return { reporter_user_id: user.id, reporter_name: user.displayName, reporter_phone: phone, anonymous: false };
    }
    case 'partner': {
      const user = index.account('patrol_volunteer') as HistoryUser;
      return { reporter_user_id: user.id, reporter_name: user.displayName, reporter_phone: null, anonymous: false };
    }
    case 'named':
      return named(null);
    case 'recorded_by_community':
      return named(random.pick(people.communityHandlers));
    case 'recorded_by_grid':
      return named(people.gridWorker);
    case 'staff':
      return { reporter_user_id: people.gridWorker, reporter_name: null, reporter_phone: null, anonymous: false };
    case 'anonymous':
      return { reporter_user_id: null, reporter_name: null, reporter_phone: null, anonymous: true };
  }
}
