/**
 * Care files: opened on a resident of the register (their household, grid and community follow),
 * changed (groups and risk reschedule the next visit under the street's rules), closed with a
 * reason. Each change is one care_file event in its transaction.
 */
import type { z } from 'zod';
import { badRequest, conflict, forbidden } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { requirePermission } from '../access/authorize.ts';
import { CARE_MANAGE, canManageFile, canReadFile } from './care.policy.ts';
import type { closeFileBody, filePatchBody, openFileBody } from './care.schemas.ts';
import { type CareDeps, managedFile, nextFileNumber, nowOf, recordCareEvent, scheduleOf, todayOf } from './care.shared.ts';
import { addDays } from './care-rules.ts';
import { getFile, scheduleInput } from './file-views.service.ts';

/** A last visit from paper records may go back a year; older records start the file afresh. */
const PAPER_RECORDS_DAYS = 366;

export async function openFile(deps: CareDeps, actor: Actor, body: z.infer<typeof openFileBody>, ip: string) {
  const { db } = deps;
  requirePermission(actor, CARE_MANAGE);
  const resident = await db
    .selectFrom('residents as r')
    .innerJoin('area_nodes as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.street_id', 'r.household_id', 'r.moved_out_at', 'h.path'])
    .where('r.id', '=', body.residentId)
    .executeTakeFirst();
  if (!resident || resident.moved_out_at || !canReadFile(actor, resident.path)) {
    throw badRequest('RESIDENT_NOT_FOUND', 'Choose a resident living in your area.', 'residentId');
  }
  if (!canManageFile(actor, resident.path)) throw forbidden('CARE_FORBIDDEN', 'You may not open care files here.');
  const today = todayOf(deps);
  if (body.lastVisitedOn && (body.lastVisitedOn > today || body.lastVisitedOn < addDays(today, -PAPER_RECORDS_DAYS))) {
    throw badRequest(
      'CARE_LAST_VISIT_DATE',
      'The last visit on paper lies within the past year, and not after today.',
      'lastVisitedOn',
    );
  }
  const existing = await db
    .selectFrom('care_files')
    .select('number')
    .where('resident_id', '=', body.residentId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (existing) throw conflict('CARE_FILE_EXISTS', `The resident already has care file ${existing.number}.`, 'residentId');
  const nodes = await db
    .selectFrom('area_nodes')
    .select(['id', 'level'])
    .where('id', 'in', resident.path.split('/').filter(Boolean))
    .where('level', 'in', ['grid', 'community'])
    .execute();
  const gridId = nodes.find((n) => n.level === 'grid')?.id;
  const communityId = nodes.find((n) => n.level === 'community')?.id;
  if (!gridId || !communityId) throw badRequest('RESIDENT_NOT_FOUND', 'The resident’s home lies in no grid.', 'residentId');
  const startDate = body.lastVisitedOn ?? today;
  const schedule = await scheduleOf(db, {
    streetId: resident.street_id,
    groups: body.groups,
    risk: body.riskLevel,
    lastVisitDate: body.lastVisitedOn ?? null,
    startDate,
  });
  const now = nowOf(deps);
  const number = await nextFileNumber(db, resident.street_id, Number(today.slice(0, 4)));
  const id = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('care_files')
      .values({
        street_id: resident.street_id,
        number,
        resident_id: resident.id,
        household_id: resident.household_id,
        grid_id: gridId,
        community_id: communityId,
        location_path: resident.path,
        groups: body.groups,
        risk_level: body.riskLevel,
        risk_note: body.riskNote ?? null,
        situation: body.situation ?? null,
        guardian_name: body.guardianName ?? null,
        guardian_phone: body.guardianPhone ?? null,
        opened_by: actor.userId,
        opened_at: now,
        start_date: startDate,
        last_visit_date: body.lastVisitedOn ?? null,
        next_due_date: schedule.nextDueDate,
        updated_at: now,
      })
      .returning(['id', 'street_id'])
      .executeTakeFirstOrThrow();
    await recordCareEvent(trx, inserted, {
      type: 'care.file_opened',
      actorUserId: actor.userId,
      at: now,
      data: { number, groups: body.groups, riskLevel: body.riskLevel, nextDueDate: schedule.nextDueDate },
    });
    return inserted.id;
  });
  return getFile(deps, actor, id, ip);
}

export async function updateFile(deps: CareDeps, actor: Actor, id: string, body: z.infer<typeof filePatchBody>, ip: string) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await managedFile(trx, actor, id);
    if (row.status !== 'active') throw conflict('CARE_FILE_CLOSED', 'The file is closed.', 'status');
    if (body.expectedVersion !== undefined && body.expectedVersion !== row.version) {
      throw conflict('CARE_FILE_CHANGED', 'The file changed since you loaded it. Reload it and try again.', 'expectedVersion');
    }
    const groups = body.groups ?? row.groups;
    const risk = body.riskLevel ?? row.risk_level;
    const schedule = await scheduleOf(trx, { ...scheduleInput(row), groups, risk });
    const now = nowOf(deps);
    const keep = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
    await trx
      .updateTable('care_files')
      .set({
        groups,
        risk_level: risk,
        risk_note: keep(body.riskNote, row.risk_note),
        situation: keep(body.situation, row.situation),
        guardian_name: keep(body.guardianName, row.guardian_name),
        guardian_phone: keep(body.guardianPhone, row.guardian_phone),
        next_due_date: schedule.nextDueDate,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    const changed = Object.keys(body).filter((key) => key !== 'expectedVersion');
    await recordCareEvent(trx, row, {
      type: 'care.file_updated',
      actorUserId: actor.userId,
      at: now,
      data: {
        changed,
        ...(risk !== row.risk_level ? { riskFrom: row.risk_level, riskTo: risk } : {}),
        ...(schedule.nextDueDate !== row.next_due_date ? { dueFrom: row.next_due_date, dueTo: schedule.nextDueDate } : {}),
      },
    });
  });
  return getFile(deps, actor, id, ip);
}

export async function closeFile(deps: CareDeps, actor: Actor, id: string, body: z.infer<typeof closeFileBody>, ip: string) {
  await deps.db.transaction().execute(async (trx) => {
    const row = await managedFile(trx, actor, id);
    if (row.status !== 'active') throw conflict('CARE_FILE_CLOSED', 'The file is already closed.', 'status');
    const now = nowOf(deps);
    await trx
      .updateTable('care_files')
      .set({
        status: 'closed',
        close_reason: body.reason,
        close_note: body.note ?? null,
        closed_at: now,
        next_due_date: null,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordCareEvent(trx, row, {
      type: 'care.file_closed',
      actorUserId: actor.userId,
      at: now,
      data: { reason: body.reason, note: body.note ?? null },
    });
  });
  return getFile(deps, actor, id, ip);
}
