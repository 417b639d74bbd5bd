import { describe, expect, it } from 'vitest';
import { type Actor, type Assignment, can, canAnywhere, scopePathsFor } from './access.policy.ts';

const assignment = (role: string, scopePath: string, permissions: string[]): Assignment => ({
  id: role,
  role,
  nodeId: 'n',
  organisationId: null,
  scopePath,
  scopeName: role,
  scopeLevel: 'grid',
  permissions,
});
const actor = (...assignments: Assignment[]): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  streetId: null,
  residentId: null,
  organisationId: null,
  assignments,
});

describe('scope of a role held at a node', () => {
  const worker = actor(assignment('grid_worker', '/d/s/c1/g1/', ['residents.read', 'residents.read_sensitive']));

  it('covers the node and everything below it', () => {
    expect(can(worker, 'residents.read', '/d/s/c1/g1/')).toBe(true);
    expect(can(worker, 'residents.read', '/d/s/c1/g1/b1/u1/h1/')).toBe(true);
  });

  it('covers nothing above or beside it, and no permission the role lacks', () => {
    expect(can(worker, 'residents.read', '/d/s/c1/')).toBe(false);
    expect(can(worker, 'residents.read', '/d/s/c1/g2/h1/')).toBe(false);
    expect(can(worker, 'residents.manage', '/d/s/c1/g1/h1/')).toBe(false);
    expect(canAnywhere(worker, 'residents.manage')).toBe(false);
  });

  it('merges the scopes of several roles, dropping a path another already covers', () => {
    const both = actor(
      assignment('grid_worker', '/d/s/c1/g1/', ['residents.read']),
      assignment('community_staff', '/d/s/c1/', ['residents.read']),
      assignment('grid_worker', '/d/s/c2/g9/', ['residents.read']),
    );
    expect(scopePathsFor(both, 'residents.read').sort()).toEqual(['/d/s/c1/', '/d/s/c2/g9/']);
  });
});
