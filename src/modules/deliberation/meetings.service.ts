/**
 * Meetings: the monthly resident council (居民议事会), the weekly red-property discussion day
 * (红色物业议事日) with its six parties, and ad-hoc meetings. An agenda of topics (each put on it
 * moves from proposed to discussing), invitations, sign-in by the QR code on the room's screen,
 * minutes, and resolutions whose follow-up task is opened as a case through the cases module's
 * intake, in the resolution's own transaction, so its deadline, reminders and timeline are a case's.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import { type Actor, holdsRole } from '../access/access.policy.ts';
import { takeInCase } from '../cases/intake.ts';
import { canManage, canSeeMeeting } from './deliberation.policy.ts';
import { type Db, type DelibDeps, estateOf, nextNumber, nowOf, recordDelibEvent, yearIn } from './deliberation.shared.ts';
import type { Party } from './deliberation.tables.ts';
import {
  type agendaBody,
  type attendanceBody,
  type checkinBody,
  type meetingBody,
  type minutesBody,
  PARTIES,
  type resolutionBody,
} from './meetings.schemas.ts';
import { isOpen } from './topic-steps.ts';

/** A discussion day invites all six parties. */
export const SIX_PARTIES: Party[] = [...PARTIES];

async function communityOf(db: Db, id: string) {
  const node = await db
    .selectFrom('area_nodes')
    .select(['id', 'path', 'street_id', 'level'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (node?.level !== 'community') throw badRequest('COMMUNITY_NOT_FOUND', 'Choose a community.', 'communityId');
  return { id: node.id, path: node.path, streetId: node.street_id as string };
}

export async function meetingRow(db: Db, id: string) {
  const meeting = await db.selectFrom('delib_meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!meeting) throw notFound('Meeting');
  return meeting;
}

/** A meeting the caller may run: seen in scope (404 otherwise), steered with deliberation.manage over its community. */
export async function managedMeeting(db: Db, actor: Actor, id: string) {
  const meeting = await meetingRow(db, id);
  if (!canSeeMeeting(actor, meeting.location_path)) throw notFound('Meeting');
  if (!canManage(actor, meeting.location_path)) throw forbidden('FORBIDDEN', 'Your role does not run this meeting.');
  return meeting;
}

async function putOnAgenda(
  trx: Db,
  actor: Actor,
  meeting: { id: string; street_id: string; community_id: string },
  topicIds: string[],
  now: Date,
) {
  const existing = await trx
    .selectFrom('delib_agenda_items')
    .select(['topic_id', 'seq'])
    .where('meeting_id', '=', meeting.id)
    .execute();
  let seq = existing.reduce((max, item) => Math.max(max, item.seq), 0);
  for (const topicId of topicIds) {
    if (existing.some((item) => item.topic_id === topicId)) continue;
    const topic = await trx.selectFrom('delib_topics').selectAll().where('id', '=', topicId).forUpdate().executeTakeFirst();
    if (!topic || topic.community_id !== meeting.community_id || !isOpen(topic.step)) {
      throw badRequest('AGENDA_TOPIC', 'The agenda takes open topics of the meeting’s community.', 'topicIds');
    }
    seq += 1;
    await trx.insertInto('delib_agenda_items').values({ meeting_id: meeting.id, topic_id: topic.id, seq }).execute();
    // A proposal put before a meeting is being discussed: the second step starts here.
    if (topic.step === 'proposed') {
      await trx
        .updateTable('delib_topics')
        .set({ step: 'discussing', version: topic.version + 1, updated_at: now })
        .where('id', '=', topic.id)
        .execute();
    }
    await recordDelibEvent(trx, 'delib_topic', topic, {
      type: 'delib.topic_on_agenda',
      actorUserId: actor.userId,
      at: now,
      data: { meetingId: meeting.id, from: topic.step, to: topic.step === 'proposed' ? 'discussing' : topic.step },
    });
  }
}

export async function createMeeting(deps: DelibDeps, actor: Actor, body: z.infer<typeof meetingBody>) {
  const { db } = deps;
  const estate = body.estateId ? await estateOf(db, body.estateId) : null;
  const communityId = estate?.community_id ?? body.communityId;
  if (!communityId) throw badRequest('COMMUNITY_NOT_FOUND', 'Choose a community or an estate.', 'communityId');
  const community = await communityOf(db, communityId);
  if (!canManage(actor, community.path)) throw forbidden('FORBIDDEN', 'Your role does not call meetings of this community.');
  if (body.kind === 'property_day' && !estate)
    throw badRequest('MEETING_ESTATE_REQUIRED', 'A discussion day is held for an estate.', 'estateId');
  const parties =
    body.kind === 'property_day' ? SIX_PARTIES : (body.parties ?? ['residents_committee', 'residents_representative']);
  const now = nowOf(deps);
  return db.transaction().execute(async (trx) => {
    const number = await nextNumber(trx, community.streetId, 'meeting', yearIn(new Date(body.startsAt), deps.timeZone));
    const meeting = await trx
      .insertInto('delib_meetings')
      .values({
        street_id: community.streetId,
        number,
        community_id: community.id,
        estate_id: estate?.id ?? null,
        location_path: community.path,
        kind: body.kind,
        title: body.title,
        starts_at: new Date(body.startsAt),
        place: body.place,
        checkin_code: randomBytes(12).toString('base64url'),
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'street_id', 'community_id', 'number'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('delib_invitations')
      .values(
        [...new Set(parties)].map((party) => ({
          meeting_id: meeting.id,
          party,
          organisation_id: party === 'property_company' ? (estate?.property_company_id ?? null) : null,
        })),
      )
      .execute();
    await putOnAgenda(trx, actor, meeting, body.topicIds, now);
    await recordDelibEvent(trx, 'delib_meeting', meeting, {
      type: 'delib.meeting_called',
      actorUserId: actor.userId,
      at: now,
      data: { kind: body.kind, startsAt: body.startsAt, parties, topics: body.topicIds.length },
    });
    return { id: meeting.id, number: meeting.number };
  });
}

export async function addToAgenda(deps: DelibDeps, actor: Actor, id: string, body: z.infer<typeof agendaBody>) {
  const meeting = await managedMeeting(deps.db, actor, id);
  if (meeting.status !== 'planned') throw conflict('MEETING_NOT_PLANNED', 'The meeting has been held.', 'status');
  await deps.db.transaction().execute((trx) => putOnAgenda(trx, actor, meeting, body.topicIds, nowOf(deps)));
}

/** What the room's screen turns into a QR code, with how many have signed in. */
export async function checkinCode(deps: DelibDeps, actor: Actor, id: string) {
  const meeting = await managedMeeting(deps.db, actor, id);
  const { n } = await deps.db
    .selectFrom('delib_attendance')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    meetingId: id,
    title: meeting.title,
    url: `/deliberation/checkin/${id}?code=${meeting.checkin_code}`,
    attended: Number(n),
  };
}

/** The party someone signs in for, from their role when they do not say. */
function partyOf(actor: Actor, asked?: Party): Party {
  if (asked) return asked;
  if (holdsRole(actor, 'property_handler')) return 'property_company';
  if (holdsRole(actor, 'dept_handler')) return 'street_department';
  if (['community_secretary', 'community_staff', 'grid_worker'].some((role) => holdsRole(actor, role)))
    return 'residents_committee';
  return 'residents_representative';
}

async function attend(
  deps: DelibDeps,
  trx: Db,
  meeting: { id: string; street_id: string },
  userId: string,
  party: Party,
  method: 'qr' | 'desk',
  actorUserId: string,
) {
  const now = nowOf(deps);
  const added = await trx
    .insertInto('delib_attendance')
    .values({ meeting_id: meeting.id, user_id: userId, party, method, at: now })
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .executeTakeFirst();
  if (added)
    await recordDelibEvent(trx, 'delib_meeting', meeting, {
      type: 'delib.meeting_signed_in',
      actorUserId,
      at: now,
      data: { userId, party, method },
    });
  return added !== undefined;
}

/** A phone that scanned the screen's code signs its holder in, once; the code is the proof of being in the room. */
export async function checkIn(deps: DelibDeps, actor: Actor, id: string, body: z.infer<typeof checkinBody>) {
  const meeting = await meetingRow(deps.db, id);
  const given = Buffer.from(body.code);
  const expected = Buffer.from(meeting.checkin_code);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw notFound('Meeting');
  if (meeting.status === 'cancelled') throw conflict('MEETING_CANCELLED', 'The meeting was cancelled.', 'status');
  const party = partyOf(actor, body.party);
  const first = await deps.db.transaction().execute((trx) => attend(deps, trx, meeting, actor.userId, party, 'qr', actor.userId));
  return { meetingId: id, title: meeting.title, startsAt: meeting.starts_at, party, alreadySignedIn: !first };
}

/** Staff sign in someone without a phone at hand. */
export async function markAttendance(deps: DelibDeps, actor: Actor, id: string, body: z.infer<typeof attendanceBody>) {
  const meeting = await managedMeeting(deps.db, actor, id);
  const user = await deps.db.selectFrom('users').select('id').where('id', '=', body.userId).executeTakeFirst();
  if (!user) throw badRequest('USER_NOT_FOUND', 'Choose a person.', 'userId');
  await deps.db.transaction().execute((trx) => attend(deps, trx, meeting, body.userId, body.party, 'desk', actor.userId));
}

export async function recordMinutes(deps: DelibDeps, actor: Actor, id: string, body: z.infer<typeof minutesBody>) {
  const meeting = await managedMeeting(deps.db, actor, id);
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('delib_meetings')
      .set({ minutes: body.minutes, status: body.held ? 'held' : meeting.status, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordDelibEvent(trx, 'delib_meeting', meeting, {
      type: body.held ? 'delib.meeting_held' : 'delib.meeting_minutes',
      actorUserId: actor.userId,
      at: now,
    });
  });
}

async function buildingForFollowUp(db: Db, topicBuildingId: string | null, estateId: string | null, communityId: string) {
  if (topicBuildingId) return topicBuildingId;
  let q = db.selectFrom('area_nodes').select('id').where('level', '=', 'building').where('retired_at', 'is', null);
  q = estateId ? q.where('estate_id', '=', estateId) : q.where('path', 'like', `%/${communityId}/%`);
  const row = await q.orderBy('code').executeTakeFirst();
  if (!row) throw badRequest('BUILDING_NOT_FOUND', 'The estate has no building to file the follow-up at.', 'topicId');
  return row.id;
}

/** A resolution, and with it the follow-up case in the same transaction: both or neither. */
export async function addResolution(deps: DelibDeps, actor: Actor, id: string, body: z.infer<typeof resolutionBody>) {
  const { db } = deps;
  const meeting = await managedMeeting(db, actor, id);
  const topic = body.topicId
    ? await db.selectFrom('delib_topics').selectAll().where('id', '=', body.topicId).executeTakeFirst()
    : undefined;
  if (body.topicId && (!topic || topic.community_id !== meeting.community_id)) {
    throw badRequest('RESOLUTION_TOPIC', 'Choose a topic of the meeting’s community.', 'topicId');
  }
  const now = nowOf(deps);
  let resolutionId = '';
  const write = async (trx: Db, caseId: string | null) => {
    const row = await trx
      .insertInto('delib_resolutions')
      .values({
        street_id: meeting.street_id,
        meeting_id: meeting.id,
        topic_id: topic?.id ?? null,
        text: body.text,
        owner_party: body.ownerParty,
        due_on: body.dueOn,
        case_id: caseId,
        created_by: actor.userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    resolutionId = row.id;
    const data = { resolutionId: row.id, meetingId: meeting.id, ownerParty: body.ownerParty, dueOn: body.dueOn, caseId };
    await recordDelibEvent(trx, 'delib_meeting', meeting, {
      type: 'delib.resolution_adopted',
      actorUserId: actor.userId,
      at: now,
      data,
    });
    if (topic)
      await recordDelibEvent(trx, 'delib_topic', topic, {
        type: 'delib.topic_resolution',
        actorUserId: actor.userId,
        at: now,
        data: { ...data, text: body.text },
      });
  };
  if (!body.followUp) {
    await db.transaction().execute((trx) => write(trx, null));
    return { id: resolutionId, caseId: null, caseNumber: null };
  }
  const category = await db
    .selectFrom('case_categories')
    .select('id')
    .where('code', '=', 'PROPERTY_RESOLUTION')
    .executeTakeFirstOrThrow();
  const intake = await takeInCase(deps.cases, {
    actor,
    input: {
      categoryId: category.id,
      title: [...body.text].slice(0, 30).join(''),
      description: `${body.text}\n（${meeting.title} 决议，责任方：${body.ownerParty}，完成期限：${body.dueOn}）`,
      priority: 'normal',
      buildingId: await buildingForFollowUp(
        db,
        topic?.building_id ?? null,
        topic?.estate_id ?? meeting.estate_id,
        meeting.community_id,
      ),
      photoIds: [],
      source: 'staff',
    },
    within: (trx, caseId) => write(trx, caseId),
  });
  return { id: resolutionId, caseId: intake.caseId, caseNumber: intake.number };
}
