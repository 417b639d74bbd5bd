/** Reading meetings: the list in the caller's scope, and one meeting with agenda, invitations, sign-ins and resolutions. */
import { sql } from 'kysely';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { Actor } from '../access/access.policy.ts';
import { canManage, canSeeMeeting, readScopes } from './deliberation.policy.ts';
import type { Db, DelibDeps } from './deliberation.shared.ts';
import { type listMeetingsQuery, PARTIES } from './meetings.schemas.ts';
import { meetingRow } from './meetings.service.ts';
import { resolutionsWhere } from './resolutions.query.ts';

const cursorSchema = z.tuple([z.string(), z.string()]);

function meetingsWithCounts(db: Db) {
  return db
    .selectFrom('delib_meetings as m')
    .innerJoin('area_nodes as c', 'c.id', 'm.community_id')
    .leftJoin('estates as e', 'e.id', 'm.estate_id')
    .select([
      'm.id',
      'm.number',
      'm.kind',
      'm.title',
      'c.name as community_name',
      'e.name as estate_name',
      'm.starts_at',
      'm.place',
      'm.status',
      'm.location_path',
      'm.minutes',
      sql<number>`(select count(*) from delib_agenda_items a where a.meeting_id = m.id)`.as('agenda_count'),
      sql<number>`(select count(*) from delib_attendance a where a.meeting_id = m.id)`.as('attendance_count'),
      sql<number>`(select count(*) from delib_resolutions r where r.meeting_id = m.id)`.as('resolution_count'),
    ]);
}

type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetingsWithCounts>['executeTakeFirstOrThrow']>>;
const present = (m: MeetingRow) => ({
  id: m.id,
  number: m.number,
  kind: m.kind,
  title: m.title,
  communityName: m.community_name,
  estateName: m.estate_name,
  startsAt: m.starts_at,
  place: m.place,
  status: m.status,
  agendaCount: Number(m.agenda_count),
  attendanceCount: Number(m.attendance_count),
  resolutionCount: Number(m.resolution_count),
});

export async function listMeetings(deps: DelibDeps, actor: Actor, query: z.infer<typeof listMeetingsQuery>) {
  const scopes = readScopes(actor);
  if (scopes.length === 0) return { items: [], nextCursor: null };
  const after = decodeCursor(query.cursor, cursorSchema);
  let q = meetingsWithCounts(deps.db).where((eb) =>
    eb.or(
      scopes.flatMap((s) => [
        eb('m.location_path', 'like', `${s}%`),
        // a grid worker sees the meetings of the community around their grid
        eb(sql.val(s), 'like', sql<string>`m.location_path || '%'`),
      ]),
    ),
  );
  if (query.kind) q = q.where('m.kind', '=', query.kind);
  if (query.estateId) q = q.where('m.estate_id', '=', query.estateId);
  if (after) q = q.where(sql<boolean>`(m.starts_at, m.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await q
    .orderBy('m.starts_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, present, (r) => [r.starts_at.toISOString(), r.id]);
}

export async function getMeeting(deps: DelibDeps, actor: Actor, id: string) {
  const { db } = deps;
  const meeting = await meetingRow(db, id);
  if (!canSeeMeeting(actor, meeting.location_path)) throw notFound('Meeting');
  const [row, agenda, invitations, attendance, resolutions] = await Promise.all([
    meetingsWithCounts(db).where('m.id', '=', id).executeTakeFirstOrThrow(),
    db
      .selectFrom('delib_agenda_items as a')
      .innerJoin('delib_topics as t', 't.id', 'a.topic_id')
      .select(['a.topic_id', 'a.seq', 't.number', 't.title', 't.step'])
      .where('a.meeting_id', '=', id)
      .orderBy('a.seq')
      .execute(),
    db
      .selectFrom('delib_invitations as i')
      .leftJoin('organisations as o', 'o.id', 'i.organisation_id')
      .select(['i.party', 'o.name'])
      .where('i.meeting_id', '=', id)
      .execute(),
    db
      .selectFrom('delib_attendance as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['u.display_name', 'a.party', 'a.method', 'a.at'])
      .where('a.meeting_id', '=', id)
      .orderBy('a.at')
      .execute(),
    resolutionsWhere(db, 'r.meeting_id', id),
  ]);
  return {
    ...present(row),
    minutes: row.minutes,
    canManage: canManage(actor, meeting.location_path),
    agenda: agenda.map((a) => ({ topicId: a.topic_id, number: a.number, title: a.title, step: a.step, seq: a.seq })),
    // The six parties in their customary order, the party organisation first.
    invitations: invitations
      .map((i) => ({ party: i.party, organisationName: i.name }))
      .sort((a, b) => PARTIES.indexOf(a.party) - PARTIES.indexOf(b.party)),
    attendance: attendance.map((a) => ({ name: a.display_name, party: a.party, method: a.method, at: a.at })),
    resolutions,
  };
}
