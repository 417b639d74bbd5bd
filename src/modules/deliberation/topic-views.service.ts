/**
 * Reading topics: the desk's list in the caller's scope (a resident's: their estate's), and one
 * topic whole with its steps timeline, the meetings that discussed it, resolutions and their
 * follow-up cases, votes, fund lines and what the caller may do next.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { maskName } from '../../platform/security/masking.ts';
import type { Actor } from '../access/access.policy.ts';
import { listPhotos } from '../photos/photos.service.ts';
import { canManage, canRead, livesIn, readScopes } from './deliberation.policy.ts';
import type { listTopicsQuery } from './deliberation.schemas.ts';
import { type Db, type DelibDeps, homeOf, visibleTopic } from './deliberation.shared.ts';
import { resolutionsWhere } from './resolutions.query.ts';
import { actionsAt, canRate, canSupport, type Step } from './topic-steps.ts';

const cursorSchema = z.tuple([z.string(), z.string()]);

const summaryColumns = [
  't.id',
  't.number',
  't.estate_id',
  'e.name as estate_name',
  'b.name as building_name',
  't.title',
  't.step',
  't.proposed_via',
  't.support_count',
  't.rating_count',
  't.rating_sum',
  't.estimated_cost_fen',
  't.created_at',
  't.updated_at',
] as const;

function topicsWithNames(db: Db) {
  return db
    .selectFrom('delib_topics as t')
    .innerJoin('estates as e', 'e.id', 't.estate_id')
    .leftJoin('area_nodes as b', 'b.id', 't.building_id');
}
export const presentSummary = (r: {
  id: string;
  number: string;
  estate_id: string;
  estate_name: string;
  building_name: string | null;
  title: string;
  step: Step;
  proposed_via: 'resident' | 'grid_worker' | 'case';
  support_count: number;
  rating_count: number;
  rating_sum: number;
  estimated_cost_fen: number | null;
  created_at: Date;
  updated_at: Date;
}) => ({
  id: r.id,
  number: r.number,
  estateId: r.estate_id,
  estateName: r.estate_name,
  buildingName: r.building_name,
  title: r.title,
  step: r.step,
  proposedVia: r.proposed_via,
  supportCount: r.support_count,
  ratingAverage: r.rating_count > 0 ? Math.round((r.rating_sum / r.rating_count) * 10) / 10 : null,
  ratingCount: r.rating_count,
  estimatedCostFen: r.estimated_cost_fen === null ? null : Number(r.estimated_cost_fen),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listTopics(deps: DelibDeps, actor: Actor, query: z.infer<typeof listTopicsQuery>) {
  const { db } = deps;
  const scopes = readScopes(actor);
  const home = scopes.length === 0 ? await homeOf(db, actor) : null;
  if (scopes.length === 0 && !home?.estateId) return { items: [], nextCursor: null };
  const after = decodeCursor(query.cursor, cursorSchema);
  let q = topicsWithNames(db)
    .select(summaryColumns)
    .where((eb: ExpressionBuilder<DB & { t: DB['delib_topics'] }, 't'>) =>
      scopes.length > 0
        ? eb.or(scopes.map((s) => eb('t.location_path', 'like', `${s}%`)))
        : eb('t.estate_id', '=', home?.estateId as string),
    );
  if (query.estateId) q = q.where('t.estate_id', '=', query.estateId);
  if (query.step) q = q.where('t.step', '=', query.step);
  if (query.open === 'true') q = q.where('t.step', 'not in', ['closed', 'merged', 'declined']);
  if (query.q) q = q.where((eb) => eb.or([eb('t.title', 'like', `%${query.q}%`), eb('t.number', '=', query.q as string)]));
  if (after) q = q.where(sql<boolean>`(t.created_at, t.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await q
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, presentSummary, (r) => [r.created_at.toISOString(), r.id]);
}

/** Staff are named on a timeline; residents (proposer, supporters, raters) never are. */
async function staffNames(db: Db, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('role_assignments as ra', 'ra.user_id', 'u.id')
    .select(['u.id', 'u.display_name'])
    .where('u.id', 'in', userIds)
    .where('ra.role', 'not in', ['resident', 'patrol_volunteer'])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export async function getTopic(deps: DelibDeps, actor: Actor, id: string) {
  const { db } = deps;
  const home = await homeOf(db, actor);
  const topic = await visibleTopic(db, actor, id, home);
  const staff = canRead(actor, topic.location_path);
  const [summary, events, proposer, merged, meetings, resolutions, votes, funds, photos, mine] = await Promise.all([
    topicsWithNames(db)
      .innerJoin('area_nodes as c', 'c.id', 't.community_id')
      .select(summaryColumns)
      .select('c.name as community_name')
      .where('t.id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('events')
      .select(['type', 'at', 'actor_user_id', 'data'])
      .where('entity_type', '=', 'delib_topic')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute(),
    db.selectFrom('users').select('display_name').where('id', '=', topic.proposer_user_id).executeTakeFirst(),
    topic.merged_into_id
      ? db.selectFrom('delib_topics').select(['id', 'number', 'title']).where('id', '=', topic.merged_into_id).executeTakeFirst()
      : undefined,
    db
      .selectFrom('delib_agenda_items as a')
      .innerJoin('delib_meetings as m', 'm.id', 'a.meeting_id')
      .select(['m.id', 'm.number', 'm.kind', 'm.title', 'm.starts_at'])
      .where('a.topic_id', '=', id)
      .orderBy('m.starts_at')
      .execute(),
    resolutionsWhere(db, 'r.topic_id', id),
    db
      .selectFrom('delib_votes')
      .select(['id', 'number', 'title', 'status', 'result'])
      .where('topic_id', '=', id)
      .orderBy('opens_at')
      .execute(),
    db
      .selectFrom('delib_fund_lines')
      .select(['id', 'source', 'amount_fen', 'spent_on', 'paid_on'])
      .where('topic_id', '=', id)
      .orderBy('paid_on')
      .execute(),
    listPhotos(db, 'delib_topic', id),
    Promise.all([
      db
        .selectFrom('delib_supports')
        .select('user_id')
        .where('topic_id', '=', id)
        .where('user_id', '=', actor.userId)
        .executeTakeFirst(),
      db
        .selectFrom('delib_ratings')
        .select('score')
        .where('topic_id', '=', id)
        .where('user_id', '=', actor.userId)
        .executeTakeFirst(),
    ]),
  ]);
  const names = await staffNames(db, [...new Set(events.map((e) => e.actor_user_id).filter((u): u is string => u !== null))]);
  const resident = livesIn(home, topic.estate_id);
  return {
    ...presentSummary(summary),
    description: topic.description,
    buildingId: topic.building_id,
    communityName: summary.community_name,
    proposerName: proposer ? (staff ? proposer.display_name : maskName(proposer.display_name)) : null,
    sourceCaseId: topic.source_case_id,
    mergedInto: merged ?? null,
    publicReason: topic.public_reason,
    conclusion: topic.conclusion,
    actionPlan: topic.action_plan,
    actionParty: topic.action_party,
    photoIds: photos.map((p) => p.id),
    version: topic.version,
    allowedActions: canManage(actor, topic.location_path) ? actionsAt(topic.step) : [],
    mySupport: mine[0] !== undefined,
    myRating: mine[1]?.score ?? null,
    // The proposer stands behind their own topic already.
    canSupport: resident && canSupport(topic.step) && mine[0] === undefined && topic.proposer_user_id !== actor.userId,
    canRate: resident && canRate(topic.step),
    timeline: events.map((e) => ({
      type: e.type,
      at: e.at,
      actorName: e.actor_user_id ? (names.get(e.actor_user_id) ?? null) : null,
      data: e.data as Record<string, unknown>,
    })),
    meetings: meetings.map((m) => ({ id: m.id, number: m.number, kind: m.kind, title: m.title, startsAt: m.starts_at })),
    resolutions,
    votes,
    fundLines: funds.map((f) => ({
      id: f.id,
      source: f.source,
      amountFen: Number(f.amount_fen),
      spentOn: f.spent_on,
      paidOn: f.paid_on,
    })),
  };
}

/** The caller's estate and building, for the phone's proposal form and its links. */
export async function myHome(deps: DelibDeps, actor: Actor) {
  const home = await homeOf(deps.db, actor);
  if (!home?.estateId) return { estateId: null, estateName: null, buildingId: null, buildingName: null };
  const building = await deps.db
    .selectFrom('area_nodes as b')
    .innerJoin('estates as e', 'e.id', 'b.estate_id')
    .select(['b.id', 'b.name', 'e.name as estate_name'])
    .where('b.id', 'in', home.householdPath.split('/').filter(Boolean))
    .where('b.level', '=', 'building')
    .executeTakeFirstOrThrow();
  return { estateId: home.estateId, estateName: building.estate_name, buildingId: building.id, buildingName: building.name };
}
