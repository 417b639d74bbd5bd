import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { idempotentRequest, isUniqueViolation, recordOutcome, storedOutcome } from '../../platform/db/idempotency.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, badRequest } from '../../platform/http/errors.ts';
import { type Actor, canAnywhere, holdsRole, pathIds } from '../access/access.policy.ts';
import type { AreaRow } from '../areas/areas.repository.ts';
import { findNode } from '../areas/areas.repository.ts';
import { notify } from '../notifications/notifications.repository.ts';
import { attachPhotos } from '../photos/photos.service.ts';
import { type CaseDeps, nowOf, recipientsOf } from './case-view.ts';
import * as repo from './cases.repository.ts';
import { deadlineColumns } from './deadline-columns.ts';
import { callBackExpected, deadlineFrom, type Priority, policyFor, responseDueFrom } from './deadlines.ts';
import { recordCaseEvent } from './rollups.repository.ts';
import { hashTrackingCode, trackingCodeFor } from './tracking.ts';

export interface IntakeInput {
  categoryId: string;
  title?: string | undefined;
  description: string;
  priority: Priority;
  lon?: number | undefined;
  lat?: number | undefined;
  buildingId?: string | undefined;
  gridId?: string | undefined;
  address?: string | undefined;
  photoIds: string[];
  contact?: { name?: string | undefined; phone?: string | undefined } | undefined;
  source?: 'resident' | 'patrol' | 'hotline' | 'walk_in' | 'staff' | undefined;
  anonymous?: boolean | undefined;
}

export interface IntakeRequest {
  /** Null for the public anonymous intake. */
  actor: Actor | null;
  input: IntakeInput;
  idempotencyKey?: string | undefined;
  uploadToken?: string | undefined;
  /** A report of a known kind whatever its category: a patrol finding is a hazard. */
  kind?: 'hazard' | undefined;
  /** A module's own records, written in the case's transaction (a patrol finding and its run). */
  within?: ((trx: Kysely<DB>, caseId: string) => Promise<void>) | undefined;
  /**
   * An outside system handing a case over without a signed-in actor (an Open311 client, the city
   * hotline): the channel it counts under and the scope its idempotency keys live in.
   */
  system?: { source: 'resident' | 'hotline'; idempotencyScope: string } | undefined;
}

export interface IntakeResult {
  caseId: string;
  number: string;
  trackingCode: string;
  /** True when an earlier submission with the same Idempotency-Key already created the case. */
  replayed: boolean;
}

/** Where a case lies: the grid is derived from the building or the point, unless staff name it. */
async function placeOf(deps: CaseDeps, input: IntakeInput, staff: boolean) {
  const { db } = deps;
  let building: AreaRow | undefined;
  let grid: AreaRow | undefined;
  if (input.buildingId) {
    building = await findNode(db, input.buildingId);
    if (building?.level !== 'building' || building.retired_at)
      throw badRequest('BUILDING_NOT_FOUND', 'Choose an existing building.', 'buildingId');
    grid = await findNode(db, building.parent_id as string);
  } else if (input.lon !== undefined && input.lat !== undefined) {
    grid = await deps.gridLocator.locate(db, input.lon, input.lat);
  }
  if (!grid && input.gridId && staff) {
    grid = await findNode(db, input.gridId);
    if (grid?.level !== 'grid' || grid.retired_at) throw badRequest('GRID_NOT_FOUND', 'Choose an existing grid.', 'gridId');
  }
  if (!grid)
    throw badRequest(
      'CASE_OUTSIDE_AREA',
      'This place lies outside every grid of the street. Pick a building or another point.',
      'lon',
    );
  return {
    grid,
    building,
    lon: input.lon ?? building?.lon ?? null,
    lat: input.lat ?? building?.lat ?? null,
  };
}

/** How a case came in: a resident's and a volunteer's reports say so themselves; staff record the channel. */
function sourceOf(actor: Actor | null, input: IntakeInput, staff: boolean, system: IntakeRequest['system']) {
  if (!actor) return system?.source ?? 'resident';
  if (staff) return input.source ?? 'staff';
  return holdsRole(actor, 'patrol_volunteer') ? 'patrol' : 'resident';
}

const isStaff = (actor: Actor | null) => actor !== null && canAnywhere(actor, 'cases.accept');

/**
 * Takes in a case: validates place and category, derives the grid, starts the grid's deadline
 * and the response clock, and writes the case, its first timeline event, its photos and the grid
 * worker's notification in one transaction. A retried submission with the same Idempotency-Key
 * returns the case the first one created.
 */
export async function takeInCase(deps: CaseDeps, request: IntakeRequest): Promise<IntakeResult> {
  const { db } = deps;
  const { actor, input } = request;
  const scope = actor ? `user:${actor.userId}` : (request.system?.idempotencyScope ?? 'public');
  const secret = await repo.trackingSecret(db);
  const idempotency = request.idempotencyKey
    ? idempotentRequest(scope, request.idempotencyKey, 'POST /cases', request.input)
    : undefined;
  const earlierCase = async () => {
    if (!idempotency) return undefined;
    const stored = await storedOutcome<{ caseId: string; number: string }>(db, idempotency);
    // Cases reported before keys had their own table carry the key on the case row itself.
    const earlier = stored?.result ?? (await repo.findByIdempotencyKey(db, scope, idempotency.key));
    return earlier && { ...earlier, trackingCode: trackingCodeFor(secret, earlier.caseId), replayed: true };
  };
  const replay = await earlierCase();
  if (replay) return replay;
  if (actor && !canAnywhere(actor, 'cases.create'))
    throw new AppError(403, 'FORBIDDEN', 'Your roles do not allow reporting cases.');
  const staff = isStaff(actor);
  const category = await repo.categoryById(db, input.categoryId);
  if (!category || category.retired_at) throw badRequest('CATEGORY_NOT_FOUND', 'Choose an existing category.', 'categoryId');
  const place = await placeOf(deps, input, staff);
  const streetId = place.grid.street_id as string;
  // A person reports within their own street; an administrator above streets anywhere.
  if (actor && actor.streetId !== streetId && !actor.assignments.some((a) => pathIds(a.scopePath).length === 1)) {
    throw badRequest('CASE_OUTSIDE_AREA', 'This place lies outside your street.', 'lon');
  }

  const now = nowOf(deps);
  const options = { timeZone: deps.timeZone };
  const table = await deps.dayTables.dayTable(db, streetId);
  const policy = policyFor(await repo.deadlinePolicies(db), {
    streetId,
    tier: 'grid',
    categoryId: category.id,
    parentCategoryId: category.parent_id,
  });
  const deadline = policy ? deadlineFrom(now, policy, table, options) : undefined;
  const source = sourceOf(actor, input, staff, request.system);
  // A patrol finding is followed by its finder in the app: nobody owes them a call back.
  const responseDue =
    source !== 'patrol' &&
    callBackExpected({ reporterPhone: input.contact?.phone, reportedThroughAccount: actor !== null && !staff })
      ? responseDueFrom(now, await repo.responsePolicy(db, input.priority), table, options)
      : null;
  const number = await repo.nextCaseNumber(
    db,
    streetId,
    Number(new Intl.DateTimeFormat('en', { timeZone: deps.timeZone, year: 'numeric' }).format(now)),
  );
  const id = randomUUID();
  const trackingCode = trackingCodeFor(secret, id);

  const values = {
    id,
    street_id: streetId,
    number,
    tracking_hash: hashTrackingCode(trackingCode),
    source,
    kind: request.kind ?? category.kind,
    category_id: category.id,
    title: input.title ?? titleFrom(input.description),
    description: input.description,
    priority: input.priority,
    state: 'reported' as const,
    lon: place.lon,
    lat: place.lat,
    address: input.address ?? place.building?.name ?? null,
    building_id: place.building?.id ?? null,
    grid_id: place.grid.id,
    community_id: place.grid.parent_id,
    location_path: place.grid.path,
    reporter_user_id: actor?.userId ?? null,
    reporter_name: input.contact?.name ?? (actor && !staff ? actor.displayName : null),
    reporter_phone: input.contact?.phone ?? null,
    anonymous: input.anonymous ?? !actor,
    tier: 'grid' as const,
    assignee_user_id: null,
    assignee_org_id: null,
    ...deadlineColumns(deadline),
    response_due_at: responseDue,
    idempotency_scope: request.idempotencyKey ? scope : null,
    idempotency_key: request.idempotencyKey ?? null,
    created_at: now,
    updated_at: now,
  };

  try {
    await db.transaction().execute(async (trx) => {
      // The key first: a concurrent retry waits on it here and then answers with this case.
      if (idempotency) await recordOutcome(trx, idempotency, streetId, { status: 201, result: { caseId: id, number } });
      await repo.insertCase(trx, values);
      await request.within?.(trx, id);
      await attachPhotos(trx, input.photoIds, {
        entityType: 'case',
        entityId: id,
        streetId,
        uploaderUserId: actor?.userId,
        uploadToken: request.uploadToken,
      });
      // The row is what was just inserted: its figures and its handlers follow from these values.
      await recordCaseEvent(
        trx,
        deps.timeZone,
        values,
        {
          type: 'case.reported',
          actorUserId: actor?.userId ?? null,
          data: { from: null, to: 'reported', tier: 'grid', gridId: place.grid.id, photoIds: input.photoIds },
        },
        now,
      );
      await notify(trx, await recipientsOf(trx, values, 'handlers'), {
        kind: 'case.new',
        streetId,
        caseId: id,
        data: { number, title: values.title },
      });
    });
  } catch (error) {
    // Two retries racing: the second insert meets the first one's idempotency key.
    if (isUniqueViolation(error)) {
      const raced = await earlierCase();
      if (raced) return raced;
    }
    throw error;
  }
  return { caseId: id, number, trackingCode, replayed: false };
}

function titleFrom(description: string): string {
  const firstLine = description.split(/[\n。！？!?，,；;]/)[0]?.trim() || description.trim();
  return [...firstLine].slice(0, 30).join('');
}
