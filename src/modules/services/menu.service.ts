/**
 * The service menu: categories and their items, shared by every street unless a street adds its
 * own. Anyone signed in reads it; holders of services.configure change it. Retiring keeps what
 * was requested readable.
 */
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { requirePermission } from '../access/authorize.ts';
import type { categoryBody, categoryPatchBody, itemBody, itemPatchBody } from './services.schemas.ts';
import type { ServiceItemsTable } from './services.tables.ts';

type Db = Kysely<DB>;

/** The shared menu and the street's own additions. */
const ofStreet =
  (streetId: string | null) => (eb: ExpressionBuilder<DB, 'service_categories'> | ExpressionBuilder<DB, 'service_items'>) => {
    const x = eb as ExpressionBuilder<DB, 'service_items'>;
    return streetId ? x.or([x('street_id', 'is', null), x('street_id', '=', streetId)]) : x('street_id', 'is', null);
  };

export async function menu(db: Db, actor: Actor, all: boolean) {
  const streetId = actor.streetId;
  const [categories, items] = await Promise.all([
    db.selectFrom('service_categories').selectAll().where(ofStreet(streetId)).orderBy('sort').orderBy('code').execute(),
    db.selectFrom('service_items').selectAll().where(ofStreet(streetId)).orderBy('sort').orderBy('code').execute(),
  ]);
  return {
    items: categories
      .filter((c) => all || c.retired_at === null)
      .map((c) => ({
        id: c.id,
        code: c.code,
        nameZh: c.name_zh,
        nameEn: c.name_en,
        sort: c.sort,
        shared: c.street_id === null,
        retired: c.retired_at !== null,
        items: items.filter((i) => i.category_id === c.id && (all || i.retired_at === null)).map(presentItem),
      })),
  };
}

export const presentItem = (i: Selectable<ServiceItemsTable>) => ({
  id: i.id,
  categoryId: i.category_id,
  code: i.code,
  nameZh: i.name_zh,
  nameEn: i.name_en,
  descriptionZh: i.description_zh,
  descriptionEn: i.description_en,
  skills: i.skills as never[],
  durationMinutes: i.duration_minutes,
  workingDays: i.working_days,
  shared: i.street_id === null,
  retired: i.retired_at !== null,
});

function itemRow(db: Db, id: string) {
  return db.selectFrom('service_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** An item a resident of the street may request: shared or the street's own, not retired. */
export async function requestableItem(db: Db, streetId: string, id: string) {
  const item = await db
    .selectFrom('service_items as i')
    .innerJoin('service_categories as c', 'c.id', 'i.category_id')
    .selectAll('i')
    .select(['c.retired_at as category_retired_at'])
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!item || item.retired_at || item.category_retired_at || (item.street_id !== null && item.street_id !== streetId))
    throw badRequest('SERVICE_ITEM_NOT_FOUND', 'Choose a service from the menu.', 'itemId');
  return item;
}

async function event(trx: Db, actor: Actor, entityId: string, type: string, data: object) {
  await recordEvent(trx, {
    streetId: actor.streetId,
    entityType: 'service_menu',
    entityId,
    type,
    actorUserId: actor.userId,
    data: { ...data },
  });
}

/** A street adds a category of its own (the shared menu is changed by a district administrator). */
export async function createCategory(db: Db, actor: Actor, body: z.infer<typeof categoryBody>) {
  requirePermission(actor, 'services.configure');
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('service_categories')
      .values({ street_id: actor.streetId, code: body.code, name_zh: body.nameZh, name_en: body.nameEn, sort: body.sort })
      .returning('id')
      .executeTakeFirstOrThrow();
    await event(trx, actor, row.id, 'service_category.created', body);
    return row.id;
  });
  return (await menu(db, actor, true)).items.find((c) => c.id === id) as Awaited<ReturnType<typeof menu>>['items'][number];
}

async function editable(db: Db, actor: Actor, table: 'service_categories' | 'service_items', id: string) {
  requirePermission(actor, 'services.configure');
  const row = await db.selectFrom(table).select(['id', 'street_id']).where('id', '=', id).executeTakeFirst();
  if (!row || (row.street_id !== null && row.street_id !== actor.streetId))
    throw notFound(table === 'service_items' ? 'Service item' : 'Service category');
  return row;
}

export async function updateCategory(db: Db, actor: Actor, id: string, body: z.infer<typeof categoryPatchBody>) {
  await editable(db, actor, 'service_categories', id);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('service_categories')
      .set({
        ...(body.nameZh !== undefined ? { name_zh: body.nameZh } : {}),
        ...(body.nameEn !== undefined ? { name_en: body.nameEn } : {}),
        ...(body.sort !== undefined ? { sort: body.sort } : {}),
        ...(body.retired !== undefined ? { retired_at: body.retired ? new Date() : null } : {}),
      })
      .where('id', '=', id)
      .execute();
    await event(trx, actor, id, 'service_category.updated', body);
  });
  return (await menu(db, actor, true)).items.find((c) => c.id === id) as Awaited<ReturnType<typeof menu>>['items'][number];
}

export async function createItem(db: Db, actor: Actor, body: z.infer<typeof itemBody>) {
  requirePermission(actor, 'services.configure');
  const category = await editable(db, actor, 'service_categories', body.categoryId).catch(() => {
    throw badRequest('SERVICE_CATEGORY_NOT_FOUND', 'Choose a category of the menu.', 'categoryId');
  });
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('service_items')
      .values({
        street_id: category.street_id === null && actor.streetId ? actor.streetId : category.street_id,
        category_id: body.categoryId,
        code: body.code,
        name_zh: body.nameZh,
        name_en: body.nameEn,
        description_zh: body.descriptionZh,
        description_en: body.descriptionEn,
        skills: body.skills,
        duration_minutes: body.durationMinutes,
        working_days: body.workingDays,
        sort: body.sort,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await event(trx, actor, row.id, 'service_item.created', body);
    return row.id;
  });
  return presentItem(await itemRow(db, id));
}

export async function updateItem(db: Db, actor: Actor, id: string, body: z.infer<typeof itemPatchBody>) {
  await editable(db, actor, 'service_items', id);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('service_items')
      .set({
        ...(body.nameZh !== undefined ? { name_zh: body.nameZh } : {}),
        ...(body.nameEn !== undefined ? { name_en: body.nameEn } : {}),
        ...(body.descriptionZh !== undefined ? { description_zh: body.descriptionZh } : {}),
        ...(body.descriptionEn !== undefined ? { description_en: body.descriptionEn } : {}),
        ...(body.skills !== undefined ? { skills: body.skills } : {}),
        ...(body.durationMinutes !== undefined ? { duration_minutes: body.durationMinutes } : {}),
        ...(body.workingDays !== undefined ? { working_days: body.workingDays } : {}),
        ...(body.sort !== undefined ? { sort: body.sort } : {}),
        ...(body.retired !== undefined ? { retired_at: body.retired ? new Date() : null } : {}),
      })
      .where('id', '=', id)
      .execute();
    await event(trx, actor, id, 'service_item.updated', body);
  });
  return presentItem(await itemRow(db, id));
}
