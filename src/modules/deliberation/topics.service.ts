/**
 * Topics: a resident (or a grid worker on their behalf, or staff turning a case into one) proposes
 * a matter for their estate or one of its buildings; neighbours support it; staff walk it through
 * the five steps; residents rate the finished work. Each change writes its event in its transaction.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { badRequest, conflict, forbidden } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { canAnywhere } from '../access/access.policy.ts';
import { attachPhotos } from '../photos/photos.service.ts';
import { canManage, canRead, DELIB_PROPOSE, livesIn } from './deliberation.policy.ts';
import type { proposeBody, rateBody, similarQuery, stepBody } from './deliberation.schemas.ts';
import {
  buildingOf,
  type DelibDeps,
  estateOf,
  homeOf,
  managedTopic,
  nextNumber,
  nowOf,
  recordDelibEvent,
  visibleTopic,
  yearIn,
} from './deliberation.shared.ts';
import { searchText } from './search-text.ts';
import { canRate, canSupport, isOpen, nextStep } from './topic-steps.ts';

/**
 * How much of what is being written must recur somewhere in a topic (pg_trgm word similarity over
 * bigrams: the best-matching stretch of the topic, so a long description does not dilute it).
 */
const SIMILAR_AT_LEAST = 0.35;

/** Proposes a topic; answers its id. */
export async function proposeTopic(deps: DelibDeps, actor: Actor, body: z.infer<typeof proposeBody>) {
  const { db } = deps;
  if (!canAnywhere(actor, DELIB_PROPOSE)) throw forbidden('FORBIDDEN', 'Your roles do not propose topics.');
  const home = await homeOf(db, actor);
  const estateId = body.estateId ?? home?.estateId;
  if (!estateId) throw badRequest('ESTATE_NOT_FOUND', 'Choose an estate.', 'estateId');
  const estate = await estateOf(db, estateId);
  const building = body.buildingId ? await buildingOf(db, estate.id, body.buildingId) : null;
  const path = building?.path ?? estate.community_path;
  const staff = canManage(actor, path) || canRead(actor, path);
  if (!staff && !livesIn(home, estate.id))
    throw badRequest('ESTATE_NOT_YOURS', 'Residents propose for their own estate.', 'estateId');
  if (body.sourceCaseId) {
    const source = await db
      .selectFrom('cases')
      .select(['id', 'street_id'])
      .where('id', '=', body.sourceCaseId)
      .executeTakeFirst();
    if (!staff || source?.street_id !== estate.street_id)
      throw badRequest('CASE_NOT_FOUND', 'Choose a case of this street.', 'sourceCaseId');
  }
  const now = nowOf(deps);
  return db.transaction().execute(async (trx) => {
    const number = await nextNumber(trx, estate.street_id, 'topic', yearIn(now, deps.timeZone));
    const row = await trx
      .insertInto('delib_topics')
      .values({
        street_id: estate.street_id,
        number,
        estate_id: estate.id,
        community_id: estate.community_id,
        building_id: building?.id ?? null,
        location_path: path,
        title: body.title,
        description: body.description,
        search_text: searchText(body.title, body.description),
        estimated_cost_fen: body.estimatedCostFen ?? null,
        proposed_via: body.sourceCaseId ? 'case' : staff ? 'grid_worker' : 'resident',
        proposer_user_id: actor.userId,
        source_case_id: body.sourceCaseId ?? null,
        step: 'proposed',
        merged_into_id: null,
        public_reason: null,
        conclusion: null,
        action_plan: null,
        action_party: null,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'street_id', 'number'])
      .executeTakeFirstOrThrow();
    await attachPhotos(trx, body.photoIds, {
      entityType: 'delib_topic',
      entityId: row.id,
      streetId: row.street_id,
      uploaderUserId: actor.userId,
    });
    await recordDelibEvent(trx, 'delib_topic', row, {
      type: 'delib.topic_proposed',
      actorUserId: actor.userId,
      at: now,
      data: { to: 'proposed', estateId: estate.id, buildingId: building?.id ?? null, photos: body.photoIds.length },
    });
    return { id: row.id, number: row.number };
  });
}

/** Open topics of the estate that read like the text being written, most alike first. */
export async function similarTopics(deps: DelibDeps, actor: Actor, query: z.infer<typeof similarQuery>) {
  const { db } = deps;
  const estateId = query.estateId ?? (await homeOf(db, actor))?.estateId;
  if (!estateId) return { items: [] };
  const wanted = searchText(query.text);
  const rows = await db
    .selectFrom('delib_topics')
    .select([
      'id',
      'number',
      'title',
      'step',
      'support_count',
      'location_path',
      sql<number>`word_similarity(${wanted}, search_text)`.as('similarity'),
    ])
    .where('estate_id', '=', estateId)
    .where('step', 'in', ['proposed', 'discussing', 'concluded', 'acting'])
    .where(sql<boolean>`word_similarity(${wanted}, search_text) >= ${SIMILAR_AT_LEAST}`)
    .orderBy('similarity', 'desc')
    .limit(5)
    .execute();
  const home = await homeOf(db, actor);
  return {
    items: rows
      .filter((r) => canRead(actor, r.location_path) || livesIn(home, estateId))
      .map((r) => ({
        id: r.id,
        number: r.number,
        title: r.title,
        step: r.step,
        supportCount: r.support_count,
        similarity: Number(r.similarity),
      })),
  };
}

/** Moves a topic along the five steps, sends it back, merges or declines it. */
export async function moveTopic(deps: DelibDeps, actor: Actor, id: string, body: z.infer<typeof stepBody>) {
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const topic = await managedTopic(trx, actor, id);
    if (body.expectedVersion !== undefined && body.expectedVersion !== topic.version) {
      throw conflict('TOPIC_CHANGED', 'The topic changed since you opened it. Reload it.', 'expectedVersion');
    }
    const move = nextStep(topic.step, body.action, body);
    if (!move.ok) {
      if (move.reason === 'missing') throw badRequest('TOPIC_STEP_INCOMPLETE', `This step needs ${move.field}.`, move.field);
      throw conflict('TOPIC_ILLEGAL_STEP', `A topic at ${topic.step} cannot ${body.action}.`, 'action');
    }
    let target: { id: string; number: string } | null = null;
    if (body.action === 'merge') {
      const other = await trx
        .selectFrom('delib_topics')
        .select(['id', 'number', 'estate_id', 'step'])
        .where('id', '=', body.targetTopicId as string)
        .executeTakeFirst();
      if (!other || other.id === topic.id || other.estate_id !== topic.estate_id || !isOpen(other.step)) {
        throw badRequest('TOPIC_MERGE_TARGET', 'Merge into another open topic of the same estate.', 'targetTopicId');
      }
      target = other;
    }
    await trx
      .updateTable('delib_topics')
      .set({
        step: move.to,
        version: topic.version + 1,
        updated_at: now,
        ...(body.action === 'conclude' ? { conclusion: body.conclusion as string } : {}),
        ...(body.action === 'act' ? { action_plan: body.actionPlan as string, action_party: body.actionParty as string } : {}),
        ...(body.action === 'decline' ? { public_reason: body.reason as string } : {}),
        ...(target ? { merged_into_id: target.id } : {}),
      })
      .where('id', '=', topic.id)
      .execute();
    if (target) {
      // The merged topic's supporters now stand behind the one that carries on.
      await sql`insert into delib_supports (topic_id, user_id, household_id, created_at)
        select ${target.id}, user_id, household_id, created_at from delib_supports where topic_id = ${topic.id}
        on conflict do nothing`.execute(trx);
      await refreshSupportCount(trx, target.id);
    }
    await recordDelibEvent(trx, 'delib_topic', topic, {
      type: 'delib.topic_step',
      actorUserId: actor.userId,
      at: now,
      data: {
        action: body.action,
        from: topic.step,
        to: move.to,
        note: body.reason ?? body.conclusion ?? body.actionPlan ?? null,
        ...(body.actionParty ? { party: body.actionParty } : {}),
        ...(target ? { targetTopicId: target.id, targetNumber: target.number } : {}),
      },
    });
  });
}

async function refreshSupportCount(trx: DelibDeps['db'], topicId: string) {
  await sql`update delib_topics set support_count = (select count(*) from delib_supports where topic_id = ${topicId}) where id = ${topicId}`.execute(
    trx,
  );
}

/** A resident of the estate stands behind a topic being weighed; a second support is the same support. */
export async function supportTopic(deps: DelibDeps, actor: Actor, id: string) {
  const { db } = deps;
  const home = await homeOf(db, actor);
  const topic = await visibleTopic(db, actor, id, home);
  if (!home || !livesIn(home, topic.estate_id))
    throw forbidden('TOPIC_SUPPORT_RESIDENTS', 'Residents of the estate support its topics.');
  if (!canSupport(topic.step)) throw conflict('TOPIC_NOT_OPEN_FOR_SUPPORT', 'The topic is no longer taking supports.', 'step');
  const now = nowOf(deps);
  await db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto('delib_supports')
      .values({ topic_id: topic.id, user_id: actor.userId, household_id: home.householdId, created_at: now })
      .onConflict((oc) => oc.doNothing())
      .returning('topic_id')
      .executeTakeFirst();
    if (!added) return;
    await refreshSupportCount(trx, topic.id);
    await recordDelibEvent(trx, 'delib_topic', topic, { type: 'delib.topic_supported', actorUserId: actor.userId, at: now });
  });
}

/** A resident of the estate rates the finished work, once (a second rating replaces the first). */
export async function rateTopic(deps: DelibDeps, actor: Actor, id: string, body: z.infer<typeof rateBody>) {
  const { db } = deps;
  const home = await homeOf(db, actor);
  const topic = await visibleTopic(db, actor, id, home);
  if (!home || !livesIn(home, topic.estate_id))
    throw forbidden('TOPIC_RATE_RESIDENTS', 'Residents of the estate rate its topics.');
  if (!canRate(topic.step)) throw conflict('TOPIC_NOT_OPEN_FOR_RATING', 'The work is rated once it is done.', 'step');
  const now = nowOf(deps);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('delib_ratings')
      .values({ topic_id: topic.id, user_id: actor.userId, score: body.score, comment: body.comment ?? null, created_at: now })
      .onConflict((oc) =>
        oc.columns(['topic_id', 'user_id']).doUpdateSet({ score: body.score, comment: body.comment ?? null, created_at: now }),
      )
      .execute();
    await sql`update delib_topics set
        rating_count = (select count(*) from delib_ratings where topic_id = ${topic.id}),
        rating_sum = (select coalesce(sum(score), 0) from delib_ratings where topic_id = ${topic.id})
      where id = ${topic.id}`.execute(trx);
    await recordDelibEvent(trx, 'delib_topic', topic, {
      type: 'delib.topic_rated',
      actorUserId: actor.userId,
      at: now,
      data: { score: body.score },
    });
  });
}
