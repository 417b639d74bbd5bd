/**
 * The monthly review of the red property discussion day: per company, estate and month, each
 * party present scores each criterion, with comments. Recorded (and corrected) by staff of the
 * estate's community or the street; a second entry for the same month replaces the first, with
 * an event each time. The card picks the review up when the month is (re)computed.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import { type Actor, canAnywhere } from '../access/access.policy.ts';
import { monthDate, monthOf } from './months.ts';
import { canReadReview, canReview, SCORES_REVIEW } from './property-scores.policy.ts';
import type { listReviewsQuery, reviewBody } from './property-scores.schemas.ts';
import { type Db, nowOf, type ScoreDeps, streetOf, todayOf } from './property-scores.shared.ts';
import type { PartyScores } from './scoring.ts';

async function estatePlace(db: Db, streetId: string, estateId: string) {
  const row = await db
    .selectFrom('estates as e')
    .innerJoin('area_nodes as c', 'c.id', 'e.community_id')
    .leftJoin('organisations as o', 'o.id', 'e.property_company_id')
    .select([
      'e.id',
      'e.name',
      'e.property_company_id as company_id',
      'o.name as company_name',
      'c.path as community_path',
      'c.name as community_name',
    ])
    .where('e.id', '=', estateId)
    .where('e.street_id', '=', streetId)
    .executeTakeFirst();
  return row;
}

/** Estates the actor may review, with the company managing each. */
export async function reviewableEstates(deps: ScoreDeps, actor: Actor) {
  if (!canAnywhere(actor, SCORES_REVIEW)) return { items: [] };
  const street = await streetOf(deps.db, actor);
  const rows = await deps.db
    .selectFrom('estates as e')
    .innerJoin('area_nodes as c', 'c.id', 'e.community_id')
    .innerJoin('organisations as o', 'o.id', 'e.property_company_id')
    .select(['e.id', 'e.name', 'o.id as company_id', 'o.name as company_name', 'c.name as community_name', 'c.path'])
    .where('e.street_id', '=', street.id)
    .orderBy('c.code')
    .orderBy('e.name')
    .execute();
  return {
    items: rows
      .filter((r) => canReview(actor, r.path))
      .map((r) => ({
        id: r.id,
        name: r.name,
        companyId: r.company_id,
        companyName: r.company_name,
        communityName: r.community_name,
      })),
  };
}

type ReviewRow = {
  id: string;
  company_id: string;
  estate_id: string;
  month: string;
  held_on: string;
  meeting_id: string | null;
  scores: PartyScores[];
  comments: string | null;
  recorded_at: Date;
  updated_at: Date;
  estate_name: string;
  company_name: string;
  community_path: string;
};

const present = (r: ReviewRow) => ({
  id: r.id,
  companyId: r.company_id,
  companyName: r.company_name,
  estateId: r.estate_id,
  estateName: r.estate_name,
  month: monthOf(r.month),
  heldOn: r.held_on,
  meetingId: r.meeting_id,
  scores: r.scores,
  comments: r.comments,
  updatedAt: r.updated_at.toISOString(),
});

function reviewsQuery(db: Db, streetId: string) {
  return db
    .selectFrom('property_reviews as r')
    .innerJoin('estates as e', 'e.id', 'r.estate_id')
    .innerJoin('organisations as o', 'o.id', 'r.company_id')
    .innerJoin('area_nodes as c', 'c.id', 'e.community_id')
    .select([
      'r.id',
      'r.company_id',
      'r.estate_id',
      'r.month',
      'r.held_on',
      'r.meeting_id',
      'r.scores',
      'r.comments',
      'r.recorded_at',
      'r.updated_at',
      'e.name as estate_name',
      'o.name as company_name',
      'c.path as community_path',
    ])
    .where('r.street_id', '=', streetId);
}

export async function listReviews(deps: ScoreDeps, actor: Actor, query: z.infer<typeof listReviewsQuery>) {
  const street = await streetOf(deps.db, actor);
  let q = reviewsQuery(deps.db, street.id).where('r.month', '=', monthDate(query.month));
  if (query.companyId) q = q.where('r.company_id', '=', query.companyId);
  const rows = (await q.orderBy('e.name').execute()) as ReviewRow[];
  return { items: rows.filter((r) => canReadReview(actor, r)).map(present) };
}

export async function recordReview(deps: ScoreDeps, actor: Actor, body: z.infer<typeof reviewBody>) {
  const street = await streetOf(deps.db, actor);
  const estate = await estatePlace(deps.db, street.id, body.estateId);
  if (!estate || !canReadReview(actor, { company_id: estate.company_id ?? '', community_path: estate.community_path }))
    throw notFound('Estate');
  if (!canReview(actor, estate.community_path))
    throw forbidden('PROPERTY_REVIEW_FORBIDDEN', 'Reviews are recorded by the community or the street.');
  if (estate.company_id !== body.companyId)
    throw badRequest('PROPERTY_COMPANY_NOT_MANAGING', 'That company does not manage this estate.', 'companyId');
  const today = todayOf(deps);
  if (body.month > monthOf(today)) throw badRequest('PROPERTY_MONTH_FUTURE', 'That month has not begun.', 'month');
  if (body.heldOn < monthDate(body.month) || body.heldOn > today)
    throw badRequest('PROPERTY_REVIEW_DATE', 'The review is held in its month or after it, and not in the future.', 'heldOn');
  const parties = body.scores.map((s) => s.party);
  if (new Set(parties).size !== parties.length)
    throw badRequest('PROPERTY_REVIEW_PARTY_TWICE', 'Each party scores once.', 'scores');
  const now = nowOf(deps);
  return deps.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string; inserted: boolean }>`
      insert into property_reviews (street_id, company_id, estate_id, month, held_on, meeting_id, scores, comments, recorded_by, recorded_at, updated_at)
      values (${street.id}, ${body.companyId}, ${body.estateId}, ${monthDate(body.month)}, ${body.heldOn}, ${body.meetingId ?? null},
        ${JSON.stringify(body.scores)}::jsonb, ${body.comments ?? null}, ${actor.userId}, ${now}, ${now})
      on conflict (company_id, estate_id, month) do update set held_on = excluded.held_on, meeting_id = excluded.meeting_id,
        scores = excluded.scores, comments = excluded.comments, recorded_by = excluded.recorded_by, updated_at = excluded.updated_at
      returning id, (xmax = 0) as inserted`.execute(trx);
    const row = rows[0] as { id: string; inserted: boolean };
    await recordEvent(trx, {
      streetId: street.id,
      entityType: 'property_review',
      entityId: row.id,
      type: row.inserted ? 'property_review.recorded' : 'property_review.corrected',
      actorUserId: actor.userId,
      data: { month: body.month, estateId: body.estateId, companyId: body.companyId, parties },
    });
    const saved = (await reviewsQuery(trx, street.id).where('r.id', '=', row.id).executeTakeFirstOrThrow()) as ReviewRow;
    return { ...present(saved), created: row.inserted };
  });
}
