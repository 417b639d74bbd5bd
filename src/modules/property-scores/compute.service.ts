/**
 * Computing a month: every estate with a property company gets its card from the month's facts,
 * each company its credit grade (the mean of its estates) and its rank in the street. A month is
 * recomputed whole, under the weights it was first computed with, so past months keep their
 * weights when the housing department changes them. One transaction under a lock per street and
 * month: two instances computing the same month leave one result.
 */
import { sql } from 'kysely';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import {
  caseOnTime,
  caseSettled,
  type EstateRow,
  handedCases,
  type MonthWindow,
  managedEstates,
  monthReviews,
  orderDue,
  orderedHazards,
  ratedCases,
  rectifiedOnTime,
} from './month-facts.repository.ts';
import { addMonths, monthDate, monthOf } from './months.ts';
import { canCompute, readsAnyScores } from './property-scores.policy.ts';
import { type Db, recordStreetEvent, type ScoreDeps, streetOf, todayOf, weightsFor } from './property-scores.shared.ts';
import type { CardInputs } from './property-scores.tables.ts';
import { companyScore, rankByScore, type ScorecardInputs, scorecard } from './scoring.ts';

interface EstateFacts {
  inputs: CardInputs;
  formula: ScorecardInputs;
}

/** Adds up the month's facts per estate, in the shape the formula takes and the card keeps. */
async function estateFacts(db: Db, w: MonthWindow, estates: EstateRow[]): Promise<Map<string, EstateFacts>> {
  const [cases, rated, hazards, reviews] = await Promise.all([
    handedCases(db, w),
    ratedCases(db, w),
    orderedHazards(db, w),
    monthReviews(db, w),
  ]);
  const facts = new Map<string, EstateFacts>();
  for (const estate of estates) {
    const mine = <T extends { estate_id: string; company_id: string }>(rows: T[]) =>
      rows.filter((r) => r.estate_id === estate.id && r.company_id === estate.company_id);
    const handed = mine(cases);
    const settled = handed.filter(caseSettled);
    const ratings = mine(rated).map((r) => r.rating);
    const ordered = mine(hazards);
    const due = ordered.filter((h) => orderDue(h, w.today));
    const review = reviews.find((r) => r.estate_id === estate.id && r.company_id === estate.company_id) ?? null;
    const inputs: CardInputs = {
      reviewId: review?.id ?? null,
      households: estate.households,
      casesAssigned: handed.length,
      casesSettled: settled.length,
      casesOnTime: settled.filter(caseOnTime).length,
      complaints: handed.filter((c) => c.kind === 'complaint').length,
      ordersIssued: ordered.length,
      ordersDue: due.length,
      ordersOnTime: due.filter(rectifiedOnTime).length,
      ratings: ratings.length,
      ratingSum: ratings.reduce((sum, r) => sum + r, 0),
    };
    facts.set(estate.id, {
      inputs,
      formula: {
        review: review?.scores ?? null,
        households: inputs.households,
        casesAssigned: inputs.casesSettled,
        casesOnTime: inputs.casesOnTime,
        complaints: inputs.complaints,
        ordersDue: inputs.ordersDue,
        ordersOnTime: inputs.ordersOnTime,
        ratings,
      },
    });
  }
  return facts;
}

export interface MonthResult {
  month: string;
  cards: number;
  companies: number;
  weightsVersion: number;
}

/** Computes one month of one street inside the caller's transaction. */
export async function computeMonthIn(
  trx: Db,
  deps: ScoreDeps,
  streetId: string,
  month: string,
  actorUserId: string | null,
): Promise<MonthResult> {
  const date = monthDate(month);
  await sql`select pg_advisory_xact_lock(hashtextextended(${`property_scores:${streetId}:${date}`}, 0))`.execute(trx);
  const kept = await trx
    .selectFrom('property_scorecards')
    .select('weights_id')
    .where('street_id', '=', streetId)
    .where('month', '=', date)
    .executeTakeFirst();
  const weights = kept
    ? await trx.selectFrom('property_score_weights').selectAll().where('id', '=', kept.weights_id).executeTakeFirstOrThrow()
    : await weightsFor(trx, streetId, month);
  const estates = await managedEstates(trx, streetId);
  const window: MonthWindow = { streetId, month: date, timeZone: deps.timeZone, today: todayOf(deps) };
  const facts = await estateFacts(trx, window, estates);
  const cards = estates.flatMap((estate) => {
    const f = facts.get(estate.id) as EstateFacts;
    const card = scorecard(f.formula, weights.weights, weights.bands);
    return card ? [{ estate, inputs: f.inputs, ...card }] : [];
  });
  await trx.deleteFrom('property_scorecards').where('street_id', '=', streetId).where('month', '=', date).execute();
  await trx.deleteFrom('property_company_grades').where('street_id', '=', streetId).where('month', '=', date).execute();
  if (cards.length > 0) {
    await trx
      .insertInto('property_scorecards')
      .values(
        cards.map((c) => ({
          street_id: streetId,
          company_id: c.estate.company_id,
          estate_id: c.estate.id,
          community_id: c.estate.community_id,
          month: date,
          weights_id: weights.id,
          inputs: JSON.stringify(c.inputs),
          components: JSON.stringify(c.components),
          score: c.score,
          grade: c.grade,
          computed_at: new Date(),
        })),
      )
      .execute();
  }
  // Node 20 has no Map.groupBy.
  const byCompany = new Map<string, typeof cards>();
  for (const card of cards) byCompany.set(card.estate.company_id, [...(byCompany.get(card.estate.company_id) ?? []), card]);
  const grades = rankByScore(
    [...byCompany].map(([companyId, own]) => ({
      companyId,
      estates: own.length,
      ...(companyScore(
        own.map((c) => c.score),
        weights.bands,
      ) as { score: number; grade: 'A' | 'B' | 'C' | 'D' }),
    })),
  );
  if (grades.length > 0) {
    await trx
      .insertInto('property_company_grades')
      .values(
        grades.map((g) => ({
          street_id: streetId,
          company_id: g.companyId,
          month: date,
          weights_id: weights.id,
          score: g.score,
          grade: g.grade,
          rank: g.rank,
          estates: g.estates,
          computed_at: new Date(),
        })),
      )
      .execute();
  }
  const result = { month, cards: cards.length, companies: grades.length, weightsVersion: weights.version };
  await recordStreetEvent(trx, streetId, { type: 'property_scores.computed', actorUserId, data: { ...result } });
  return result;
}

/** On demand: a month that has ended (or the current one, provisionally), by the street leader or housing department. */
export async function computeMonth(deps: ScoreDeps, actor: Actor, month: string): Promise<MonthResult> {
  const street = await streetOf(deps.db, actor);
  if (!canCompute(actor, street.path)) {
    if (!readsAnyScores(actor)) throw notFound('Scores');
    throw forbidden('PROPERTY_COMPUTE_FORBIDDEN', 'Months are computed by the street or the housing department.');
  }
  if (month > monthOf(todayOf(deps))) throw badRequest('PROPERTY_MONTH_FUTURE', 'That month has not begun.', 'month');
  return deps.db.transaction().execute((trx) => computeMonthIn(trx, deps, street.id, month, actor.userId));
}

/** The scheduled job: last month for every street with estates under management. */
export async function computeLastMonth(deps: ScoreDeps): Promise<MonthResult[]> {
  const last = addMonths(monthOf(todayOf(deps)), -1);
  const streets = await deps.db
    .selectFrom('estates')
    .select('street_id')
    .distinct()
    .where('property_company_id', 'is not', null)
    .execute();
  const results: MonthResult[] = [];
  for (const { street_id } of streets) {
    results.push(await deps.db.transaction().execute((trx) => computeMonthIn(trx, deps, street_id, last, null)));
  }
  return results;
}
