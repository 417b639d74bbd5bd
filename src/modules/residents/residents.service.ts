import type { Kysely } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { type Actor, can, scopePathsFor } from '../access/access.policy.ts';
import { authorize } from '../access/authorize.ts';
import { findNode } from '../areas/areas.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { presentResident } from './residents.presenter.ts';
import * as repo from './residents.repository.ts';

const READ = 'residents.read';
const SENSITIVE = 'residents.read_sensitive';
const MANAGE = 'residents.manage';

/**
 * Presents residents for an actor: phone and ID numbers in full only where the actor holds
 * residents.read_sensitive, and every such full read is written to the audit log.
 */
async function presentFor(db: Kysely<DB>, actor: Actor, rows: repo.ResidentRow[], ip: string) {
  const unmasked = rows.filter((row) => (row.phone || row.id_number) && can(actor, SENSITIVE, row.path));
  if (unmasked.length > 0) {
    await recordAudit(db, {
      action: 'personal_data.read',
      actorUserId: actor.userId,
      streetId: unmasked[0]?.street_id ?? null,
      subjectType: 'resident',
      subjectIds: unmasked.map((row) => row.id),
      ip,
    });
  }
  const full = new Set(unmasked.map((row) => row.id));
  return rows.map((row) => presentResident(row, full.has(row.id)));
}

export async function listResidents(
  db: Kysely<DB>,
  actor: Actor,
  ip: string,
  input: Omit<repo.ResidentQuery, 'scopePaths' | 'underPath'> & { nodeId?: string | undefined },
) {
  let underPath: string | undefined;
  if (input.nodeId) {
    const node = await findNode(db, input.nodeId);
    if (!node || !can(actor, 'areas.read', node.path)) throw notFound('Area');
    underPath = node.path;
  }
  const rows = await repo.listResidents(db, { ...input, underPath, scopePaths: scopePathsFor(actor, READ) });
  return { rows, items: await presentFor(db, actor, rows.slice(0, input.limit), ip) };
}

export async function getResident(db: Kysely<DB>, actor: Actor, ip: string, id: string) {
  const row = await repo.findResident(db, id);
  if (!row || !can(actor, READ, row.path)) throw notFound('Resident');
  const [resident] = await presentFor(db, actor, [row], ip);
  return resident as NonNullable<typeof resident>;
}

export interface ResidentInput {
  householdId: string;
  name: string;
  gender?: 'female' | 'male' | undefined;
  birthDate?: string | undefined;
  phone?: string | undefined;
  idNumber?: string | undefined;
  tags: string[];
  isHouseholdHead: boolean;
}

async function household(db: Kysely<DB>, actor: Actor, id: string) {
  const node = await repo.findHousehold(db, id);
  if (node?.level !== 'household' || !can(actor, 'areas.read', node.path)) {
    throw badRequest('HOUSEHOLD_NOT_FOUND', 'Choose an existing household.', 'householdId');
  }
  if (node.retired_at) throw badRequest('AREA_RETIRED', 'That household is retired.', 'householdId');
  authorize(actor, MANAGE, node.path, 'Household', 'areas.read');
  return node;
}

export async function createResident(db: Kysely<DB>, actor: Actor, input: ResidentInput): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const home = await household(trx, actor, input.householdId);
    const { id } = await trx
      .insertInto('residents')
      .values({
        street_id: home.street_id as string,
        household_id: home.id,
        name: input.name,
        gender: input.gender ?? null,
        birth_date: input.birthDate ?? null,
        phone: input.phone ?? null,
        id_number: input.idNumber ?? null,
        tags: input.tags,
        is_household_head: input.isHouseholdHead,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      streetId: home.street_id,
      entityType: 'resident',
      entityId: id,
      type: 'resident.registered',
      actorUserId: actor.userId,
      data: { householdId: home.id },
    });
    return id;
  });
}

export interface ResidentChanges {
  name?: string | undefined;
  gender?: 'female' | 'male' | null | undefined;
  birthDate?: string | null | undefined;
  phone?: string | null | undefined;
  idNumber?: string | null | undefined;
  tags?: string[] | undefined;
  isHouseholdHead?: boolean | undefined;
  movedOut?: boolean | undefined;
}

export async function updateResident(db: Kysely<DB>, actor: Actor, id: string, changes: ResidentChanges) {
  await db.transaction().execute(async (trx) => {
    const row = await repo.findResident(trx, id);
    if (!row || !can(actor, READ, row.path)) throw notFound('Resident');
    authorize(actor, MANAGE, row.path, 'Resident', READ);
    if (row.moved_out_at && changes.movedOut !== false) throw conflict('RESIDENT_MOVED_OUT', 'This resident has moved out.');
    await trx
      .updateTable('residents')
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.gender !== undefined ? { gender: changes.gender } : {}),
        ...(changes.birthDate !== undefined ? { birth_date: changes.birthDate } : {}),
        ...(changes.phone !== undefined ? { phone: changes.phone } : {}),
        ...(changes.idNumber !== undefined ? { id_number: changes.idNumber } : {}),
        ...(changes.tags !== undefined ? { tags: changes.tags } : {}),
        ...(changes.isHouseholdHead !== undefined ? { is_household_head: changes.isHouseholdHead } : {}),
        ...(changes.movedOut !== undefined ? { moved_out_at: changes.movedOut ? new Date() : null } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    // Personal values stay out of the event: it records which fields changed, not what they hold.
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'resident',
      entityId: id,
      type: changes.movedOut ? 'resident.moved_out' : 'resident.updated',
      actorUserId: actor.userId,
      data: { fields: Object.keys(changes) },
    });
  });
}
