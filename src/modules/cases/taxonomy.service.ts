import type { Kysely } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { type Actor, can, pathIds } from '../access/access.policy.ts';
import { requirePermission } from '../access/authorize.ts';
import type { Tier } from './lifecycle.ts';

/** The category taxonomy and the deadline policies: reference data every street shares, edited by administrators. */
export async function categoryTree(db: Kysely<DB>, includeRetired: boolean) {
  let q = db.selectFrom('case_categories').selectAll().orderBy('sort').orderBy('code');
  if (!includeRetired) q = q.where('retired_at', 'is', null);
  const rows = await q.execute();
  const present = (row: (typeof rows)[number]) => ({
    id: row.id,
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    kind: row.kind,
    departmentCode: row.department_code,
    retired: row.retired_at !== null,
  });
  return rows
    .filter((row) => row.parent_id === null)
    .map((top) => ({ ...present(top), children: rows.filter((row) => row.parent_id === top.id).map(present) }));
}

export interface CategoryInput {
  parentId?: string | undefined;
  code: string;
  nameZh: string;
  nameEn: string;
  kind?: 'demand' | 'complaint' | 'hazard' | 'incident' | undefined;
  departmentCode?: string | undefined;
  sort?: number | undefined;
}

export async function createCategory(db: Kysely<DB>, actor: Actor, input: CategoryInput): Promise<string> {
  requirePermission(actor, 'categories.manage');
  return db.transaction().execute(async (trx) => {
    let inherited: { kind: CategoryInput['kind']; department_code: string | null } = { kind: undefined, department_code: null };
    if (input.parentId) {
      const parent = await trx
        .selectFrom('case_categories')
        .select(['parent_id', 'kind', 'department_code'])
        .where('id', '=', input.parentId)
        .executeTakeFirst();
      if (!parent) throw badRequest('CATEGORY_NOT_FOUND', 'Choose an existing top-level category.', 'parentId');
      if (parent.parent_id)
        throw badRequest('CATEGORY_TOO_DEEP', 'The taxonomy has two levels: choose a top-level category.', 'parentId');
      inherited = parent;
    }
    const { id } = await trx
      .insertInto('case_categories')
      .values({
        parent_id: input.parentId ?? null,
        code: input.code,
        name_zh: input.nameZh,
        name_en: input.nameEn,
        kind: input.kind ?? inherited.kind ?? 'demand',
        department_code: input.departmentCode ?? inherited.department_code,
        sort: input.sort ?? 100,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      streetId: null,
      entityType: 'case_category',
      entityId: id,
      type: 'case_category.created',
      actorUserId: actor.userId,
      data: { ...input },
    });
    return id;
  });
}

export async function updateCategory(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  changes: Partial<Omit<CategoryInput, 'parentId' | 'code'>> & { retired?: boolean | undefined },
) {
  requirePermission(actor, 'categories.manage');
  await db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('case_categories').select('id').where('id', '=', id).executeTakeFirst();
    if (!found) throw notFound('Category');
    await trx
      .updateTable('case_categories')
      .set({
        ...(changes.nameZh !== undefined ? { name_zh: changes.nameZh } : {}),
        ...(changes.nameEn !== undefined ? { name_en: changes.nameEn } : {}),
        ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
        ...(changes.departmentCode !== undefined ? { department_code: changes.departmentCode } : {}),
        ...(changes.sort !== undefined ? { sort: changes.sort } : {}),
        ...(changes.retired !== undefined ? { retired_at: changes.retired ? new Date() : null } : {}),
      })
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, {
      streetId: null,
      entityType: 'case_category',
      entityId: id,
      type: 'case_category.updated',
      actorUserId: actor.userId,
      data: { ...changes },
    });
  });
}

export function deadlinePolicyRows(db: Kysely<DB>) {
  return db
    .selectFrom('deadline_policies as p')
    .leftJoin('case_categories as c', 'c.id', 'p.category_id')
    .select([
      'p.id',
      'p.street_id',
      'p.tier',
      'p.category_id',
      'c.code as category_code',
      'p.working_days',
      'p.kind',
      'p.warn_hours',
      'p.updated_at',
    ])
    .orderBy('p.tier')
    .orderBy('c.code')
    .execute();
}

/** National policies need a role above streets; a street's own policies a role covering that street. */
async function checkPolicyScope(db: Kysely<DB>, actor: Actor, streetId: string | null | undefined) {
  requirePermission(actor, 'deadlines.manage');
  if (!streetId) {
    if (!actor.assignments.some((a) => a.permissions.includes('deadlines.manage') && pathIds(a.scopePath).length === 1)) {
      throw badRequest(
        'POLICY_SCOPE',
        'Only an administrator above the streets sets the national deadlines; give a streetId.',
        'streetId',
      );
    }
    return;
  }
  const street = await db.selectFrom('area_nodes').select(['path', 'level']).where('id', '=', streetId).executeTakeFirst();
  if (street?.level !== 'street' || !can(actor, 'deadlines.manage', street.path))
    throw badRequest('STREET_NOT_FOUND', 'Choose a street you manage.', 'streetId');
}

export interface PolicyInput {
  streetId?: string | undefined;
  tier: Tier;
  categoryId?: string | undefined;
  workingDays: number;
  kind: 'handle' | 'answer' | 'explain';
  warnHours: number;
}

export async function upsertDeadlinePolicy(db: Kysely<DB>, actor: Actor, input: PolicyInput) {
  await checkPolicyScope(db, actor, input.streetId);
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('deadline_policies')
      .select('id')
      .where('tier', '=', input.tier)
      .where((eb) => (input.streetId ? eb('street_id', '=', input.streetId) : eb('street_id', 'is', null)))
      .where((eb) => (input.categoryId ? eb('category_id', '=', input.categoryId) : eb('category_id', 'is', null)))
      .executeTakeFirst();
    const values = { working_days: input.workingDays, kind: input.kind, warn_hours: input.warnHours, updated_at: new Date() };
    let id = existing?.id;
    if (id) await trx.updateTable('deadline_policies').set(values).where('id', '=', id).execute();
    else {
      id = (
        await trx
          .insertInto('deadline_policies')
          .values({ ...values, tier: input.tier, street_id: input.streetId ?? null, category_id: input.categoryId ?? null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    await recordEvent(trx, {
      streetId: input.streetId ?? null,
      entityType: 'deadline_policy',
      entityId: id,
      type: 'deadline_policy.set',
      actorUserId: actor.userId,
      data: { ...input },
    });
  });
}

export async function deleteDeadlinePolicy(db: Kysely<DB>, actor: Actor, id: string) {
  const policy = await db.selectFrom('deadline_policies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!policy) throw notFound('Deadline policy');
  await checkPolicyScope(db, actor, policy.street_id);
  if (!policy.street_id && !policy.category_id)
    throw conflict('POLICY_REQUIRED', 'Every tier keeps a national default; change it instead.');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('deadline_policies').where('id', '=', id).execute();
    await recordEvent(trx, {
      streetId: policy.street_id,
      entityType: 'deadline_policy',
      entityId: id,
      type: 'deadline_policy.deleted',
      actorUserId: actor.userId,
    });
  });
}

export function responsePolicyRows(db: Kysely<DB>) {
  return db.selectFrom('response_policies').selectAll().execute();
}

export async function setResponsePolicy(
  db: Kysely<DB>,
  actor: Actor,
  priority: 'low' | 'normal' | 'high' | 'urgent',
  input: { hours?: number | undefined; workingDays?: number | undefined },
) {
  await checkPolicyScope(db, actor, null);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('response_policies')
      .set({ hours: input.hours ?? null, working_days: input.workingDays ?? null })
      .where('priority', '=', priority)
      .execute();
    await recordEvent(trx, {
      streetId: null,
      entityType: 'response_policy',
      entityId: '00000000-0000-0000-0000-000000000000',
      type: 'response_policy.set',
      actorUserId: actor.userId,
      data: { priority, ...input },
    });
  });
}
