import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, firstCommunity, ok, refused } from '../../../test/api-as.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';

let h: Harness;
let community: { id: string; path: string };
let grid: { id: string };

beforeAll(async () => {
  h = await startHarness();
  ({ community, grid } = await firstCommunity(h));
});
afterAll(() => h.close());

describe('registering as a volunteer', () => {
  let volunteerId: string;

  it('refuses a registration without times, naming the field', async () => {
    const resident = await as(h, 'resident');
    const error = refused(await resident.post('/api/volunteers/register', { communityId: community.id, availability: [] }), 400);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'availability' });
  });

  it('refuses a grid of another community', async () => {
    const resident = await as(h, 'resident');
    const other = await h.database.db
      .selectFrom('area_nodes')
      .select('id')
      .where('code', '=', 'C02G01')
      .executeTakeFirstOrThrow();
    const error = refused(
      await resident.post('/api/volunteers/register', { communityId: community.id, gridId: other.id, availability: ['weekend'] }),
      400,
    );
    expect(error).toMatchObject({ code: 'GRID_NOT_FOUND', field: 'gridId' });
  });

  it('takes a resident’s registration with skills, times and area, waiting for the community, and refuses a second', async () => {
    const resident = await as(h, 'resident');
    const registered = await ok(
      await resident.post('/api/volunteers/register', {
        communityId: community.id,
        gridId: grid.id,
        skills: ['elder_care', 'digital'],
        availability: ['weekend', 'weekday_evening'],
        note: '退休教师，周末有空',
      }),
      201,
    );
    volunteerId = registered.id;
    expect(registered).toMatchObject({
      status: 'applied',
      gridId: grid.id,
      skills: ['elder_care', 'digital'],
      points: expect.any(Number),
    });
    expect(registered.phone).not.toContain('*');
    const again = refused(
      await resident.post('/api/volunteers/register', { communityId: community.id, availability: ['weekend'] }),
      409,
    );
    expect(again.code).toBe('VOLUNTEER_EXISTS');
    const profile = await ok(await resident.get('/api/volunteers/me'));
    expect(profile.volunteer).toMatchObject({ id: volunteerId, status: 'applied' });
  });

  it('tells the community’s staff, who see it with the phone masked in the list', async () => {
    const staff = await as(h, 'staff');
    const { items } = await ok(await staff.get('/api/notifications'));
    expect(items.some((n: { kind: string }) => n.kind === 'volunteer.registered')).toBe(true);
    const list = await ok(await staff.get('/api/volunteers?status=applied'));
    const row = list.items.find((v: { id: string }) => v.id === volunteerId);
    expect(row.phone).toMatch(/\*{4}/);
  });

  it('is read in full by a manager, and that read is audited', async () => {
    const staff = await as(h, 'staff');
    const detail = await ok(await staff.get(`/api/volunteers/${volunteerId}`));
    expect(detail.phone).not.toContain('*');
    const audited = await h.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'volunteer.read_contact')
      .where(sql<boolean>`${volunteerId}::uuid = any (subject_ids)`)
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('is not found by the staff of another community, and may not be approved by a grid worker', async () => {
    expect(refused(await (await as(h, 'sec_c02')).get(`/api/volunteers/${volunteerId}`), 404).code).toBe('NOT_FOUND');
    expect(refused(await (await as(h, 'grid')).post(`/api/volunteers/${volunteerId}/approve`, {}), 403).code).toBe('FORBIDDEN');
  });

  it('is approved into a team the staff formed, and the volunteer is told', async () => {
    const staff = await as(h, 'staff');
    const taken = refused(await staff.post('/api/volunteers/teams', { communityId: community.id, name: '银龄服务队' }), 409);
    expect(taken).toMatchObject({ code: 'TEAM_NAME_TAKEN', field: 'name' });
    const team = await ok(await staff.post('/api/volunteers/teams', { communityId: community.id, name: '助老服务二队' }), 201);
    const approved = await ok(await staff.post(`/api/volunteers/${volunteerId}/approve`, { teamId: team.id }));
    expect(approved).toMatchObject({ status: 'approved', teamName: '助老服务二队' });
    expect(refused(await staff.post(`/api/volunteers/${volunteerId}/approve`, {}), 409).code).toBe('VOLUNTEER_NOT_PENDING');
    const teams = await ok(await staff.get(`/api/volunteers/teams?communityId=${community.id}`));
    expect(teams.items.find((t: { id: string }) => t.id === team.id).members).toBe(1);
    const { items } = await ok(await (await as(h, 'resident')).get('/api/notifications'));
    expect(items.some((n: { kind: string }) => n.kind === 'volunteer.approved')).toBe(true);
  });
});

describe('Ping An Partners', () => {
  it('are volunteers of their community, with the skills of their partnership read through the link', async () => {
    const staff = await as(h, 'staff');
    const partners = await ok(await staff.get('/api/volunteers?partner=true&limit=100'));
    expect(partners.items.length).toBeGreaterThan(0);
    for (const v of partners.items) expect(v.patrolPartner).not.toBeNull();
    const partner = await ok(await (await as(h, 'partner')).get('/api/volunteers/me'));
    expect(partner.volunteer).toMatchObject({ status: 'approved', communityId: community.id });
    expect(partner.volunteer.patrolPartner).toMatchObject({ status: 'approved' });
  });

  it('become volunteers when the patrol module approves them, without a second registration', async () => {
    const db = h.database.db;
    // A resident of the street applies to patrol; staff approve in the patrol module.
    const applicant = await db
      .selectFrom('patrol_partners')
      .select(['id', 'user_id'])
      .where('status', '=', 'applied')
      .where('community_id', '=', community.id)
      .executeTakeFirst();
    if (!applicant) return expect.fail('the tiny demo street has a waiting partner application in the first community');
    const staff = await as(h, 'staff');
    await ok(await staff.post(`/api/patrols/partners/${applicant.id}/approve`, {}));
    const linked = await db
      .selectFrom('volunteers')
      .select(['status', 'patrol_partner_id', 'skills'])
      .where('user_id', '=', applicant.user_id)
      .executeTakeFirstOrThrow();
    expect(linked).toMatchObject({ status: 'approved', patrol_partner_id: applicant.id, skills: [] });
    const event = await db
      .selectFrom('events')
      .select('type')
      .where('entity_type', '=', 'volunteer')
      .where('type', '=', 'volunteer.partner_linked')
      .where('data', '@>', JSON.stringify({ patrolPartnerId: applicant.id }) as never)
      .execute();
    expect(event).toHaveLength(1);
  });
});
