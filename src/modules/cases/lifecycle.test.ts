import { describe, expect, it } from 'vitest';
import type { Actor, Assignment } from '../access/access.policy.ts';
import { type CaseAccessView, canReadCase, hasCasePermission, relationsOf } from './cases.policy.ts';
import { allowedActions, type CaseState, canEscalate, decide, ratingReturnsCase, type Tier } from './lifecycle.ts';

// Permissions as granted by migrations/0002_cases.sql, copied here so the test states them.
const GRANTS: Record<string, string[]> = {
  grid_worker: [
    'cases.read',
    'cases.create',
    'cases.accept',
    'cases.assign',
    'cases.handle',
    'cases.escalate',
    'cases.reject',
    'cases.merge',
    'cases.suspend',
    'cases.read_contact',
  ],
  community_staff: [
    'cases.read',
    'cases.create',
    'cases.accept',
    'cases.assign',
    'cases.handle',
    'cases.escalate',
    'cases.reject',
    'cases.merge',
    'cases.return',
    'cases.urge',
    'cases.suspend',
    'cases.close',
    'cases.read_contact',
  ],
  street_leader: ['cases.read', 'cases.create', 'cases.urge', 'cases.return', 'cases.close'],
  dept_handler: ['cases.read', 'cases.accept', 'cases.handle', 'cases.escalate', 'cases.suspend', 'cases.read_contact'],
  property_handler: ['cases.read', 'cases.accept', 'cases.handle'],
  mediator: ['cases.read'],
  resident: ['cases.create'],
};

const role = (name: string, scopePath: string, organisationId: string | null = null): Assignment => ({
  id: name,
  role: name,
  nodeId: organisationId ? null : 'node',
  organisationId,
  scopePath,
  scopeName: name,
  scopeLevel: 'x',
  permissions: GRANTS[name] ?? [],
});
const person = (userId: string, ...assignments: Assignment[]): Actor => ({
  userId,
  username: userId,
  displayName: userId,
  streetId: 's',
  residentId: null,
  organisationId: null,
  assignments,
});

const GRID = '/d/s/c1/g1/';
const people = {
  gridWorker: person('grid', role('grid_worker', GRID)),
  otherGridWorker: person('grid2', role('grid_worker', '/d/s/c1/g2/')),
  communityStaff: person('staff', role('community_staff', '/d/s/c1/')),
  streetLeader: person('leader', role('street_leader', '/d/s/')),
  deptHandler: person('dept', role('dept_handler', '/d/s/', 'urban')),
  propertyHandler: person('property', role('property_handler', '/d/s/', 'pm')),
  mediator: person('mediator', role('mediator', '/d/s/')),
  reporter: person('reporter', role('resident', `${GRID}b/u/h/`)),
};
type Person = keyof typeof people;

const caseAt = (tier: Tier, extra: Partial<CaseAccessView> = {}): CaseAccessView => ({
  tier,
  locationPath: GRID,
  assigneeUserId: null,
  assigneeOrgId: null,
  reporterUserId: 'reporter',
  followerUserIds: [],
  accessOrgIds: [],
  ...extra,
});

function actionsOf(who: Person, state: CaseState, c: CaseAccessView) {
  const actor = people[who];
  return allowedActions({ state, suspendedFrom: null }, relationsOf(actor, c), (p) => hasCasePermission(actor, c, p)).sort();
}

describe('who may move a case, by role, state and tier', () => {
  const table: [Person, CaseState, CaseAccessView, string[]][] = [
    ['gridWorker', 'reported', caseAt('grid'), ['accept', 'assign', 'contact', 'escalate', 'merge', 'reject']],
    ['otherGridWorker', 'reported', caseAt('grid'), []],
    ['communityStaff', 'reported', caseAt('grid'), ['assign', 'contact', 'escalate', 'merge', 'reject', 'urge']],
    ['streetLeader', 'reported', caseAt('grid'), ['urge']],
    ['mediator', 'reported', caseAt('grid'), []],
    ['reporter', 'reported', caseAt('grid'), []],
    ['gridWorker', 'in_progress', caseAt('grid'), ['contact', 'escalate', 'resolve', 'suspend']],
    ['communityStaff', 'in_progress', caseAt('grid'), ['contact', 'escalate', 'suspend', 'urge']],
    ['gridWorker', 'suspended', caseAt('grid'), ['contact', 'resume']],
    ['reporter', 'resolved', caseAt('grid'), ['rate']],
    ['gridWorker', 'resolved', caseAt('grid'), ['contact']],
    ['communityStaff', 'resolved', caseAt('grid'), ['close', 'contact', 'return']],
    ['streetLeader', 'resolved', caseAt('grid'), ['close', 'return']],
    ['gridWorker', 'closed', caseAt('grid'), []],
    ['communityStaff', 'reported', caseAt('community'), ['accept', 'assign', 'contact', 'escalate', 'merge', 'reject']],
    ['gridWorker', 'reported', caseAt('community'), []],
    ['deptHandler', 'escalated', caseAt('department', { assigneeOrgId: 'urban' }), ['accept', 'contact', 'escalate']],
    ['deptHandler', 'escalated', caseAt('department', { assigneeOrgId: 'market' }), []],
    ['streetLeader', 'escalated', caseAt('department', { assigneeOrgId: 'urban' }), ['urge']],
    ['communityStaff', 'escalated', caseAt('department', { assigneeOrgId: 'urban' }), []],
    ['propertyHandler', 'assigned', caseAt('grid', { assigneeOrgId: 'pm' }), ['contact', 'resolve', 'start']],
    ['propertyHandler', 'in_progress', caseAt('grid', { assigneeOrgId: 'pm' }), ['contact', 'resolve']],
    ['propertyHandler', 'in_progress', caseAt('grid'), []],
  ];

  const rows = table.map(([who, state, c, expected]) => ({
    who,
    state,
    c,
    expected,
    tier: c.tier,
    org: c.assigneeOrgId ?? 'none',
  }));
  it.each(rows)('$who on a $state case at tier $tier (assigned org $org) may do $expected', ({ who, state, c, expected }) => {
    expect(actionsOf(who, state, c)).toEqual(expected);
  });
});

describe('the state machine', () => {
  const everyone = new Set(['tier_handler', 'assignee', 'supervisor', 'reporter'] as const);
  const all = () => true;

  it('answers an illegal move with the code that names it, and a move without the right with another', () => {
    expect(decide('resolve', { state: 'reported', suspendedFrom: null }, everyone, all)).toEqual({
      ok: false,
      code: 'CASE_ILLEGAL_TRANSITION',
    });
    expect(decide('resolve', { state: 'in_progress', suspendedFrom: null }, new Set(['reporter']), all)).toEqual({
      ok: false,
      code: 'CASE_ACTION_FORBIDDEN',
    });
    expect(decide('accept', { state: 'reported', suspendedFrom: null }, everyone, () => false)).toEqual({
      ok: false,
      code: 'CASE_ACTION_FORBIDDEN',
    });
  });

  it('walks the main path from report to evaluation', () => {
    const path: [Parameters<typeof decide>[0], CaseState][] = [
      ['accept', 'accepted'],
      ['assign', 'assigned'],
      ['start', 'in_progress'],
      ['resolve', 'resolved'],
      ['rate', 'evaluated'],
      ['close', 'closed'],
    ];
    let state: CaseState = 'reported';
    for (const [action, expected] of path) {
      const decision = decide(action, { state, suspendedFrom: null }, everyone, all);
      expect(decision).toEqual({ ok: true, to: expected });
      state = expected;
    }
  });

  it('resumes a suspended case into the state it was suspended from', () => {
    expect(decide('resume', { state: 'suspended', suspendedFrom: 'in_progress' }, everyone, all)).toEqual({
      ok: true,
      to: 'in_progress',
    });
  });

  it('keeps the state on contact and urge', () => {
    expect(decide('urge', { state: 'assigned', suspendedFrom: null }, everyone, all)).toEqual({ ok: true, to: 'assigned' });
    expect(decide('contact', { state: 'escalated', suspendedFrom: null }, everyone, all)).toEqual({ ok: true, to: 'escalated' });
  });

  it('escalates one step at a time: grid to community, community to a department or the district, department to district', () => {
    expect(canEscalate('grid', 'community')).toBe(true);
    expect(canEscalate('grid', 'department')).toBe(false);
    expect(canEscalate('community', 'department')).toBe(true);
    expect(canEscalate('community', 'district')).toBe(true);
    expect(canEscalate('department', 'district')).toBe(true);
    expect(canEscalate('district', 'district')).toBe(false);
  });

  it('returns a case for rework on its first rating of 1 or 2 only', () => {
    expect(ratingReturnsCase(1, 0)).toBe(true);
    expect(ratingReturnsCase(2, 0)).toBe(true);
    expect(ratingReturnsCase(3, 0)).toBe(false);
    expect(ratingReturnsCase(1, 1)).toBe(false);
  });
});

describe('who may see a case', () => {
  it('everyone whose scope covers it, its assignees and departments that held it, and its reporter', () => {
    const c = caseAt('community', { accessOrgIds: ['urban'] });
    expect(canReadCase(people.gridWorker, c)).toBe(true);
    expect(canReadCase(people.otherGridWorker, c)).toBe(false);
    expect(canReadCase(people.deptHandler, c)).toBe(true);
    expect(canReadCase(people.propertyHandler, c)).toBe(false);
    expect(canReadCase(people.reporter, c)).toBe(true);
    expect(canReadCase(people.reporter, caseAt('grid', { reporterUserId: 'someone-else' }))).toBe(false);
  });
});
