/**
 * A visit logged from the field app: what was seen, how the person is, what they need, photos,
 * the festival campaign it belongs to, and what must follow. The visit answers the file's current
 * due date (on time by it, late after it) and counts the next one from its own day. The phone
 * names the visit with its own id, so an upload retried after being offline is one visit.
 *
 * A follow-up is opened as a case in the household's grid through the cases module's intake,
 * with the visit written inside the case's transaction: both or neither. When the service menu of
 * the volunteers module exists, a follow-up of kind 'service_request' goes to its service here.
 */
import type { z } from 'zod';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { localDate } from '../calendar/working-days.ts';
import { takeInCase } from '../cases/intake.ts';
import { attachPhotos } from '../photos/photos.service.ts';
import { canReadFile, canSeeCampaign } from './care.policy.ts';
import type { visitBody } from './care.schemas.ts';
import { type CareDeps, type Db, managedFile, nowOf, readableFile, recordCareEvent, scheduleOf } from './care.shared.ts';
import { addDays, isOnTime } from './care-rules.ts';
import { scheduleInput, visitViews } from './file-views.service.ts';

/** How far back a visit may be logged: a phone offline for weeks, not last year's paper records. */
const BACKDATE_DAYS = 30;
/** A phone's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;

type VisitInput = z.infer<typeof visitBody>;
export type VisitView = Awaited<ReturnType<typeof visitViews>>[number];

export async function logVisit(
  deps: CareDeps,
  actor: Actor,
  fileId: string,
  body: VisitInput,
): Promise<{ visit: VisitView; replayed: boolean }> {
  const { db } = deps;
  const earlier = await replayed(db, actor, fileId, body.clientId);
  if (earlier) return { visit: earlier, replayed: true };
  const file = await readableFile(db, actor, fileId);
  const now = nowOf(deps);
  const visitedAt = body.visitedAt ? new Date(body.visitedAt) : now;
  if (visitedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw badRequest('CARE_VISIT_IN_FUTURE', 'A visit is logged once it has happened.', 'visitedAt');
  }
  const visitDate = localDate(visitedAt, deps.timeZone);
  if (visitDate < addDays(localDate(now, deps.timeZone), -BACKDATE_DAYS)) {
    throw badRequest('CARE_VISIT_TOO_OLD', `A visit is logged within ${BACKDATE_DAYS} days.`, 'visitedAt');
  }
  if (body.campaignId) await checkCampaign(db, actor, file, body.campaignId, visitDate);

  const write = async (trx: Db, caseId: string | null) => {
    const row = await managedFile(trx, actor, fileId);
    if (row.status !== 'active' || !row.next_due_date) throw conflict('CARE_FILE_CLOSED', 'The file is closed.', 'status');
    const dueDate = row.next_due_date;
    const lastVisitDate = row.last_visit_date && row.last_visit_date > visitDate ? row.last_visit_date : visitDate;
    const schedule = await scheduleOf(trx, { ...scheduleInput(row), lastVisitDate });
    const visit = await trx
      .insertInto('care_visits')
      .values({
        street_id: row.street_id,
        file_id: row.id,
        client_id: body.clientId,
        visited_at: visitedAt,
        visit_date: visitDate,
        due_date: dueDate,
        on_time: isOnTime(visitDate, dueDate),
        method: body.method,
        wellbeing: body.wellbeing,
        observations: body.observations,
        needs: body.needs,
        needs_note: body.needsNote ?? null,
        campaign_id: body.campaignId ?? null,
        follow_up_case_id: caseId,
        visitor_user_id: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await attachPhotos(trx, body.photoIds, {
      entityType: 'care_visit',
      entityId: visit.id,
      streetId: row.street_id,
      uploaderUserId: actor.userId,
    });
    await trx
      .updateTable('care_files')
      .set({ last_visit_date: lastVisitDate, next_due_date: schedule.nextDueDate, version: row.version + 1, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await recordCareEvent(trx, row, {
      type: 'care.visit_logged',
      actorUserId: actor.userId,
      at: now,
      data: {
        visitId: visit.id,
        visitDate,
        dueDate,
        onTime: isOnTime(visitDate, dueDate),
        nextDueDate: schedule.nextDueDate,
        campaignId: body.campaignId ?? null,
        caseId,
        photos: body.photoIds.length,
      },
    });
  };

  try {
    const followUp = body.followUp;
    if (followUp?.kind === 'case') {
      await takeInCase(deps.cases, {
        actor,
        input: {
          categoryId: followUp.categoryId,
          description: followUp.description,
          priority: followUp.priority,
          buildingId: await buildingOf(db, file.location_path),
          photoIds: [],
          source: 'staff',
        },
        idempotencyKey: `care-visit-${body.clientId}`,
        within: (trx, caseId) => write(trx, caseId),
      });
    } else {
      await db.transaction().execute((trx) => write(trx, null));
    }
  } catch (error) {
    // The same visit sent twice at once: the second meets the first's id and answers it.
    const again = (error as { code?: string }).code === '23505' ? await replayed(db, actor, fileId, body.clientId) : undefined;
    if (again) return { visit: again, replayed: true };
    throw error;
  }
  const visit = (await visitViews(db, { fileId })).find((v) => v.clientId === body.clientId);
  if (!visit) throw new AppError(500, 'INTERNAL', 'The visit was not saved.');
  return { visit, replayed: false };
}

/** A visit the phone already sent: answered as it stands, to a reader of its file. */
async function replayed(db: Db, actor: Actor, fileId: string, clientId: string): Promise<VisitView | undefined> {
  const earlier = await db
    .selectFrom('care_visits as v')
    .innerJoin('care_files as f', 'f.id', 'v.file_id')
    .select(['v.id', 'v.file_id', 'f.location_path'])
    .where('v.client_id', '=', clientId)
    .executeTakeFirst();
  if (!earlier) return undefined;
  if (earlier.file_id !== fileId || !canReadFile(actor, earlier.location_path)) {
    throw conflict('CARE_VISIT_CLIENT_ID', 'This visit id belongs to another visit. Send a new one.', 'clientId');
  }
  return (await visitViews(db, { id: earlier.id }))[0];
}

async function checkCampaign(
  db: Db,
  actor: Actor,
  file: { street_id: string; location_path: string; groups: string[] },
  campaignId: string,
  visitDate: string,
) {
  const campaign = await db.selectFrom('care_campaigns').selectAll().where('id', '=', campaignId).executeTakeFirst();
  if (!campaign || campaign.street_id !== file.street_id || !canSeeCampaign(actor, campaign.node_path)) {
    throw badRequest('CARE_CAMPAIGN_NOT_FOUND', 'Choose a campaign of your area.', 'campaignId');
  }
  if (!file.location_path.startsWith(campaign.node_path) || !campaign.groups.some((g) => file.groups.includes(g))) {
    throw badRequest('CARE_CAMPAIGN_NOT_FOR_FILE', 'The campaign does not visit this person’s area or group.', 'campaignId');
  }
  if (visitDate < campaign.starts_on || visitDate > campaign.ends_on) {
    throw badRequest(
      'CARE_CAMPAIGN_NOT_RUNNING',
      `The campaign runs from ${campaign.starts_on} to ${campaign.ends_on}.`,
      'campaignId',
    );
  }
}

async function buildingOf(db: Db, householdPath: string): Promise<string> {
  const row = await db
    .selectFrom('area_nodes')
    .select('id')
    .where('id', 'in', householdPath.split('/').filter(Boolean))
    .where('level', '=', 'building')
    .executeTakeFirst();
  if (!row) throw notFound('Building');
  return row.id;
}
