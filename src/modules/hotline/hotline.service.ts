import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { findLiveKey, type KeyHolder, spendRate } from '../api-keys/api-keys.service.ts';
import type { CaseDeps } from '../cases/case-view.ts';
import { takeInCase } from '../cases/intake.ts';
import { statusOf } from '../open311/georeport.ts';
import type { workOrderBody } from './hotline.schemas.ts';

/** The hotline's key, live and allowed to hand over work orders; its minute's rate spent. */
export async function hotlineKey(db: Kysely<DB>, presented: string | undefined): Promise<KeyHolder> {
  if (!presented) throw new AppError(401, 'API_KEY_REQUIRED', 'Send the hotline API key in X-Api-Key.');
  const key = await findLiveKey(db, presented);
  if (!key) throw new AppError(401, 'API_KEY_INVALID', 'This API key is unknown or revoked.');
  if (!key.scopes.includes('hotline'))
    throw new AppError(403, 'API_KEY_SCOPE', 'This API key may not hand over hotline work orders.');
  const wait = await spendRate(db, key);
  if (wait > 0)
    throw new AppError(429, 'RATE_LIMITED', `Too many requests with this key: wait ${wait} s.`, undefined, {
      'retry-after': String(wait),
    });
  return key;
}

async function workOrder(db: Kysely<DB>, streetId: string, externalId: string) {
  const row = await db
    .selectFrom('external_cases as x')
    .innerJoin('cases as c', 'c.id', 'x.case_id')
    .select(['x.external_id', 'c.id', 'c.number', 'c.state', 'c.due_at', 'c.resolution', 'c.updated_at'])
    .where('x.street_id', '=', streetId)
    .where('x.channel', '=', 'hotline')
    .where('x.external_id', '=', externalId)
    .executeTakeFirst();
  return row
    ? {
        externalId: row.external_id as string,
        number: row.number,
        state: row.state,
        status: statusOf(row.state),
        dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
        resolution: row.resolution,
        updatedAt: new Date(row.updated_at).toISOString(),
      }
    : undefined;
}

const duplicate = (externalId: string, number: string) =>
  conflict('HOTLINE_DUPLICATE', `Work order ${externalId} was already handed over as case ${number}.`, 'externalId');

/**
 * Takes a work order of the city hotline in as a case of source hotline, keeping the hotline's own
 * id; the same id twice is refused with the case it became. Its status changes go back to the
 * hotline through a webhook subscription limited to its key.
 */
export async function handOver(deps: CaseDeps, key: KeyHolder, input: z.infer<typeof workOrderBody>) {
  const { db } = deps;
  const earlier = await workOrder(db, key.streetId, input.externalId);
  if (earlier) throw duplicate(input.externalId, earlier.number);
  const category = await db
    .selectFrom('case_categories')
    .select(['id', 'parent_id'])
    .where('code', '=', input.categoryCode)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (!category?.parent_id) throw new AppError(400, 'CATEGORY_NOT_FOUND', 'Choose an existing category code.', 'categoryCode');
  try {
    await takeInCase(deps, {
      actor: null,
      system: { source: 'hotline', idempotencyScope: `api_key:${key.id}` },
      input: {
        categoryId: category.id,
        title: input.title,
        description: input.description,
        priority: input.priority,
        lon: input.lon,
        lat: input.lat,
        buildingId: input.buildingId,
        address: input.address,
        photoIds: [],
        contact: input.caller,
        anonymous: !input.caller?.name && !input.caller?.phone,
      },
      within: async (trx, caseId) => {
        const street = await trx.selectFrom('cases').select('street_id').where('id', '=', caseId).executeTakeFirstOrThrow();
        // A key belongs to one street: a work order placed in another is not the hotline's to hand here.
        if (street.street_id !== key.streetId)
          throw new AppError(400, 'CASE_OUTSIDE_AREA', 'This place lies outside the street of this key.', 'lon');
        await trx
          .insertInto('external_cases')
          .values({
            case_id: caseId,
            street_id: key.streetId,
            api_key_id: key.id,
            channel: 'hotline',
            external_id: input.externalId,
            requester: '{}',
          })
          .execute();
      },
    });
    return (await workOrder(db, key.streetId, input.externalId)) as NonNullable<Awaited<ReturnType<typeof workOrder>>>;
  } catch (error) {
    // Two hand-overs of one work order racing: the second meets the first one's unique id.
    if ((error as { code?: string }).code === '23505') {
      const first = await workOrder(db, key.streetId, input.externalId);
      if (first) throw duplicate(input.externalId, first.number);
    }
    throw error;
  }
}

export async function workOrderStatus(db: Kysely<DB>, key: KeyHolder, externalId: string) {
  const found = await workOrder(db, key.streetId, externalId);
  if (!found) throw notFound('Work order');
  return found;
}
