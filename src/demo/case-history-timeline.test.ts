import { describe, expect, it } from 'vitest';
import { callBackExpected, deadlineFrom, deadlineStatus, policyFor, responseDueFrom } from '../modules/cases/deadlines.ts';
import {
  ACTIVE_STATES,
  type CaseAction,
  type CaseState,
  decide,
  EVENT_TYPES,
  type Relation,
  type Tier,
} from '../modules/cases/lifecycle.ts';
import { DAY_MS, demoHistory, NOW, rules, table, timeZone } from './case-history.fixture.ts';
import type { PlannedCase, PlannedEvent } from './case-rows.ts';
import { TINY_SCALE } from './street-plan.ts';

const h = demoHistory();
const roleOf = new Map(h.users.map((u) => [u.id, u.role]));
const user = (username: string) => h.users.find((u) => u.username === username) as (typeof h.users)[number];
const eventsOf = new Map<string, PlannedEvent[]>();
for (const e of h.events) eventsOf.set(e.entity_id, [...(eventsOf.get(e.entity_id) ?? []), e]);
const parentOf = new Map(rules.categories.map((c) => [c.id, c.parentId]));
const policyOf = (c: PlannedCase, tier: Tier) =>
  policyFor(rules.policies, {
    streetId: c.street_id,
    tier,
    categoryId: c.category_id,
    parentCategoryId: parentOf.get(c.category_id) ?? null,
  });

const ACTION_OF = Object.fromEntries(Object.entries(EVENT_TYPES).map(([action, type]) => [type, action as CaseAction]));
/** What the live code writes on a case: its actions, intake, merges into it and the deadline jobs. */
const LIVE_TYPES = new Set([
  ...Object.values(EVENT_TYPES),
  'case.reported',
  'case.duplicate_merged',
  'case.deadline_warning',
  'case.overdue',
  'case.response_overdue',
  'case.rating_requested',
]);
const EVERY_RELATION = new Set<Relation>(['tier_handler', 'assignee', 'supervisor', 'reporter']);
const COMMUNITY = ['community_staff', 'community_secretary'];
/** Who handles and who supervises each tier (cases.policy), as demo accounts hold the roles. */
const HANDLERS: Record<Tier, string[]> = {
  grid: ['grid_worker', 'property_handler'],
  community: COMMUNITY,
  department: ['dept_handler'],
  district: ['admin'],
};
const SUPERIORS: Record<Tier, string[]> = {
  grid: COMMUNITY,
  community: ['street_leader'],
  department: ['street_leader'],
  district: ['admin'],
};

/** Whether an event's actor could have taken it: the tier's handler, a superior, the reporter, or the system moving on by itself. */
function couldAct(action: CaseAction, tier: Tier, e: PlannedEvent, c: PlannedCase): boolean {
  const role = roleOf.get(e.actor_user_id ?? '') ?? '';
  if (e.actor_user_id === null) return action === 'rate' || e.data.automatic === true;
  if (action === 'rate') return e.actor_user_id === c.reporter_user_id;
  if (action === 'urge') return SUPERIORS[tier].includes(role);
  if (action === 'close' || action === 'assign') return [...HANDLERS[tier], ...SUPERIORS[tier]].includes(role);
  return action !== 'return' && HANDLERS[tier].includes(role);
}

describe('the timeline of every demo case', () => {
  it('replays legally through the state machine, from its report to the state it is in now', () => {
    const problems: string[] = [];
    for (const c of h.cases) {
      const [first, ...rest] = eventsOf.get(c.id) as PlannedEvent[];
      if (first?.type !== 'case.reported' || first.data.to !== 'reported')
        problems.push(`${c.number} starts with ${first?.type}`);
      let view: { state: CaseState; suspendedFrom: CaseState | null } = { state: 'reported', suspendedFrom: null };
      let tier: Tier = 'grid';
      for (const e of rest) {
        if (!LIVE_TYPES.has(e.type)) problems.push(`${c.number} ${e.type} is no event the live code writes`);
        const { from, to } = e.data as { from: CaseState | null; to: CaseState | null };
        if (from === null && to === null) continue;
        const action = ACTION_OF[e.type] as CaseAction;
        const decision = decide(action, view, EVERY_RELATION, () => true);
        if (from !== view.state || !decision.ok || decision.to !== to)
          problems.push(`${c.number} ${e.type} ${from}->${to} from ${view.state}`);
        if (!couldAct(action, tier, e, c))
          problems.push(`${c.number} ${e.type} at the ${tier} by ${roleOf.get(e.actor_user_id ?? '')}`);
        if (action === 'escalate') tier = e.data.toTier as Tier;
        view = {
          state: to as CaseState,
          suspendedFrom: action === 'suspend' ? from : action === 'resume' ? null : view.suspendedFrom,
        };
      }
      if (view.state !== c.state) problems.push(`${c.number} ends ${view.state} but is ${c.state}`);
      if (tier !== c.tier) problems.push(`${c.number} ends at the ${tier} but is at the ${c.tier}`);
      const times = (eventsOf.get(c.id) ?? []).map((e) => e.at.getTime());
      if (times.some((t, i) => t < (times[i - 1] ?? 0) || t > NOW.getTime()))
        problems.push(`${c.number} has events out of order`);
    }
    expect(problems).toEqual([]);
  });

  it('holds the deadline deadlineFrom counts over the street calendar, stretched by National Day and Spring Festival', () => {
    const problems: string[] = [];
    for (const c of h.cases) {
      const policy = policyOf(c, c.tier);
      const responsePolicy = rules.responsePolicies.find((p) => p.priority === c.priority);
      const callBack = callBackExpected({
        reporterPhone: c.reporter_phone,
        reportedThroughAccount: c.source === 'resident' || c.source === 'patrol' ? c.reporter_user_id !== null : false,
      });
      const responseDue = callBack && responsePolicy ? responseDueFrom(c.created_at, responsePolicy, table, { timeZone }) : null;
      if (c.response_due_at?.getTime() !== responseDue?.getTime()) problems.push(`${c.number} response due`);
      if (c.state === 'suspended') {
        if (c.due_at !== null || c.remaining_working_days === null)
          problems.push(`${c.number} suspended with a running deadline`);
        continue;
      }
      const expected = deadlineFrom(
        c.deadline_started_at as Date,
        { workingDays: c.deadline_working_days as number, kind: policy?.kind ?? 'handle', warnHours: policy?.warnHours ?? 24 },
        table,
        { timeZone },
      );
      const stopped = c.state === 'rejected' || c.state === 'duplicate';
      if (c.due_date !== expected.dueDate || c.deadline_kind !== policy?.kind)
        problems.push(`${c.number} due ${c.due_date}, not ${expected.dueDate}`);
      if (!stopped && (c.due_at?.getTime() !== expected.dueAt.getTime() || c.warn_at?.getTime() !== expected.warnAt.getTime()))
        problems.push(`${c.number} due or warned at the wrong moment`);
      const resumed = (eventsOf.get(c.id) ?? []).some((e) => e.type === 'case.resumed');
      if (!resumed && c.deadline_working_days !== policy?.workingDays)
        problems.push(`${c.number} counts ${c.deadline_working_days} days`);
    }
    expect(problems).toEqual([]);
    // Received on the eve of a holiday, before the 17:30 cut-off: five working days come long after.
    const startedOn = (date: string) =>
      h.cases.filter(
        (c) =>
          c.deadline_working_days === 5 &&
          c.deadline_started_at?.toISOString().startsWith(date) &&
          c.deadline_started_at.getUTCHours() < 9,
      );
    expect(startedOn('2025-09-30').map((c) => c.due_date)).toContain('2025-10-14');
    expect(new Set(startedOn('2025-09-30').map((c) => c.due_date))).toEqual(new Set(['2025-10-14']));
    expect(new Set(startedOn('2026-02-13').map((c) => c.due_date))).toEqual(new Set(['2026-02-27']));
  });

  it('leaves nothing for the deadline jobs to do at now: every warning, overdue, reminder and closing already happened', () => {
    const problems: string[] = [];
    const now = NOW.getTime();
    for (const c of h.cases) {
      const active = ACTIVE_STATES.includes(c.state);
      const at = (d: Date | null) => d?.getTime() ?? Number.POSITIVE_INFINITY;
      if (active && at(c.warn_at) <= now && at(c.due_at) > now && !c.warned_at) problems.push(`${c.number} not warned`);
      if (active && at(c.due_at) <= now && !(c.overdue_at && c.ever_overdue)) problems.push(`${c.number} not marked overdue`);
      const waiting = active || c.state === 'suspended';
      if (waiting && !c.first_contact_at && !c.response_overdue_at && at(c.response_due_at) <= now)
        problems.push(`${c.number} response`);
      if (c.state === 'resolved' && at(c.resolved_at) <= now - 7 * DAY_MS)
        problems.push(`${c.number} should have closed unrated`);
      if (c.state === 'resolved' && at(c.resolved_at) <= now - 3 * DAY_MS && !c.rating_reminded_at)
        problems.push(`${c.number} not reminded`);
      const marks = [c.warned_at, c.overdue_at, c.response_overdue_at, c.rating_reminded_at, c.closed_at, c.first_contact_at];
      if (marks.some((m) => m && m.getTime() > now)) problems.push(`${c.number} marked in the future`);
      if (c.ever_overdue !== (eventsOf.get(c.id) ?? []).some((e) => e.type === 'case.overdue'))
        problems.push(`${c.number} ever_overdue`);
    }
    expect(problems).toEqual([]);
  });

  it('calls most reporters back within the response limit, some late', () => {
    const contactable = h.cases.filter((c) => c.response_due_at && !['rejected', 'duplicate'].includes(c.state));
    const onTime = contactable.filter(
      (c) => c.first_contact_at && c.response_due_at && c.first_contact_at <= c.response_due_at,
    ).length;
    const late = contactable.filter(
      (c) => c.first_contact_at && c.response_due_at && c.first_contact_at > c.response_due_at,
    ).length;
    expect(onTime / contactable.length).toBeGreaterThan(0.75);
    expect(late / contactable.length).toBeGreaterThan(0.03);
    expect(h.contacts).toHaveLength(h.events.filter((e) => e.type === 'case.contacted').length);
  });
});

describe('the work waiting for the demo accounts', () => {
  const open = (c: PlannedCase) => ACTIVE_STATES.includes(c.state);
  const status = (c: PlannedCase) => deadlineStatus({ dueAt: c.due_at, warnAt: c.warn_at, stopped: !open(c) }, NOW);
  const [grid, community] = [h.plan.grids[0], h.plan.communities[0]] as const;

  it('fills the grid worker’s inbox with 10-20 open cases, a few of them overdue and a few nearly due', () => {
    const inbox = h.cases.filter(
      (c) => open(c) && ((c.tier === 'grid' && c.grid_id === grid?.id) || c.assignee_user_id === user('grid').id),
    );
    expect(inbox.length).toBeGreaterThanOrEqual(10);
    expect(inbox.length).toBeLessThanOrEqual(20);
    expect(inbox.filter((c) => status(c) === 'overdue').length).toBeGreaterThanOrEqual(2);
    expect(inbox.filter((c) => status(c) === 'warning').length).toBeGreaterThanOrEqual(2);
    expect(new Set(inbox.map((c) => c.state))).toEqual(new Set(['reported', 'accepted', 'assigned', 'in_progress', 'returned']));
  });

  it('gives the community escalations, urban management and the property company their own, and the resident a case to rate', () => {
    const atCommunity = h.cases.filter((c) => open(c) && c.tier === 'community' && c.community_id === community?.id);
    expect(atCommunity.length).toBeGreaterThanOrEqual(3);
    const atDepartment = h.cases.filter(
      (c) => open(c) && c.tier === 'department' && c.assignee_org_id === user('dept').organisationId,
    );
    expect(atDepartment.length).toBeGreaterThanOrEqual(3);
    const atProperty = h.cases.filter((c) => open(c) && c.assignee_org_id === user('property').organisationId);
    expect(atProperty.length).toBeGreaterThanOrEqual(3);
    const mine = h.cases.filter((c) => c.reporter_user_id === user('resident').id);
    expect(mine.length).toBeGreaterThanOrEqual(4);
    expect(mine.filter((c) => c.state === 'resolved')).toHaveLength(1);
    expect(h.cases.filter((c) => c.state === 'suspended').length).toBeGreaterThanOrEqual(1);
    const unread = (username: string) => h.notifications.filter((n) => n.user_id === user(username).id && !n.read_at).length;
    expect(unread('grid')).toBeGreaterThan(0);
    expect(unread('grid')).toBeLessThan(30);
  });
});

describe('the plan', () => {
  it('is the same history for the same seed and moment, apart from its ids', () => {
    const sketch = (x: ReturnType<typeof demoHistory>) =>
      x.cases.map((c) => [c.number, c.created_at.toISOString(), c.title, c.state, c.rating]);
    expect(sketch(demoHistory(TINY_SCALE, 3))).toEqual(sketch(demoHistory(TINY_SCALE, 3)));
    expect(demoHistory(TINY_SCALE, 3).cases.length).toBe(30);
  });
});
