import { describe, expect, it } from 'vitest';
import type { Actor, Assignment } from '../access/access.policy.ts';
import { canManageNationalCalendar, canManageStreetCalendar, canReadStreetCalendar } from './calendar.policy.ts';

const DISTRICT = '/d/';
const STREET = '/d/s/';
const GRID = '/d/s/c/g/';

const actor = (...assignments: Array<[string, string[]]>): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  streetId: null,
  residentId: null,
  organisationId: null,
  assignments: assignments.map(
    ([scopePath, permissions], i): Assignment => ({
      id: String(i),
      role: 'r',
      nodeId: 'n',
      organisationId: null,
      scopePath,
      scopeName: 'n',
      scopeLevel: 'x',
      permissions,
    }),
  ),
});

describe('calendar permissions', () => {
  it('a grid worker reads the calendar of the street their grid lies in, not of another street', () => {
    const worker = actor([GRID, ['calendar.read']]);
    expect(canReadStreetCalendar(worker, STREET)).toBe(true);
    expect(canReadStreetCalendar(worker, '/d/other/')).toBe(false);
  });

  it('a manager at the district edits the national schedule and every street', () => {
    const admin = actor([DISTRICT, ['calendar.read', 'calendar.manage']]);
    expect(canManageNationalCalendar(admin)).toBe(true);
    expect(canManageStreetCalendar(admin, STREET)).toBe(true);
  });

  it('a manager at a street edits that street only, never the national schedule', () => {
    const leader = actor([STREET, ['calendar.read', 'calendar.manage']]);
    expect(canManageNationalCalendar(leader)).toBe(false);
    expect(canManageStreetCalendar(leader, STREET)).toBe(true);
    expect(canManageStreetCalendar(leader, '/d/other/')).toBe(false);
  });

  it('reading is not managing', () => {
    expect(canManageNationalCalendar(actor([DISTRICT, ['calendar.read']]))).toBe(false);
  });
});
