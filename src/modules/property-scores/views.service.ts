/**
 * Reading the evaluation: the month's ranking of companies with grade and trend, one company's
 * scorecard with its twelve-month history, and the cases behind each figure of a card. Every read
 * is cut to the cards the actor may see: a company's handler its own, others their scope; a
 * company none of whose cards the actor may see is not found.
 */
import { sql } from 'kysely';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import {
  caseOnTime,
  caseSettled,
  handedCases,
  type MonthWindow,
  orderDue,
  orderedHazards,
  ratedCases,
  rectifiedOnTime,
} from './month-facts.repository.ts';
import { addMonths, monthDate, monthOf, monthsEnding } from './months.ts';
import { canReadCard, readsAnyScores } from './property-scores.policy.ts';
import { type Db, type ScoreDeps, streetOf, todayOf } from './property-scores.shared.ts';
import type { Component } from './scoring.ts';

export const HISTORY_MONTHS = 12;

/** Cards with where they lie, for the policy; optionally one month, one company, one card. */
function cardsQuery(db: Db, streetId: string) {
  return db
    .selectFrom('property_scorecards as s')
    .innerJoin('area_nodes as c', 'c.id', 's.community_id')
    .innerJoin('estates as e', 'e.id', 's.estate_id')
    .innerJoin('organisations as o', 'o.id', 's.company_id')
    .innerJoin('property_score_weights as w', 'w.id', 's.weights_id')
    .select([
      's.id',
      's.company_id',
      's.estate_id',
      's.month',
      's.score',
      's.grade',
      's.components',
      's.inputs',
      's.computed_at',
      'c.path as community_path',
      'c.name as community_name',
      'e.name as estate_name',
      'o.name as company_name',
      'w.version as weights_version',
      'w.weights',
    ])
    .where('s.street_id', '=', streetId);
}
export type CardRow = Awaited<ReturnType<ReturnType<typeof cardsQuery>['execute']>>[number];

/** The latest month with grades, else last month. */
async function latestMonth(deps: ScoreDeps, streetId: string): Promise<string> {
  const row = await deps.db
    .selectFrom('property_company_grades')
    .select((eb) => eb.fn.max('month').as('month'))
    .where('street_id', '=', streetId)
    .executeTakeFirst();
  return row?.month ? monthOf(String(row.month)) : addMonths(monthOf(todayOf(deps)), -1);
}

async function gradesOf(db: Db, streetId: string, months: string[], companyId?: string) {
  let q = db
    .selectFrom('property_company_grades as g')
    .innerJoin('organisations as o', 'o.id', 'g.company_id')
    .select(['g.company_id', 'o.name as company_name', 'g.month', 'g.score', 'g.grade', 'g.rank', 'g.estates'])
    .where('g.street_id', '=', streetId)
    .where('g.month', 'in', months.map(monthDate));
  if (companyId) q = q.where('g.company_id', '=', companyId);
  return q.execute();
}

export async function ranking(deps: ScoreDeps, actor: Actor, requested: string | undefined) {
  if (!readsAnyScores(actor)) throw notFound('Scores');
  const street = await streetOf(deps.db, actor);
  const month = requested ?? (await latestMonth(deps, street.id));
  const months = monthsEnding(month, 6);
  const cards = await cardsQuery(deps.db, street.id).where('s.month', '=', monthDate(month)).execute();
  const visible = new Set(cards.filter((card) => canReadCard(actor, card)).map((card) => card.company_id));
  const grades = (await gradesOf(deps.db, street.id, months)).filter((g) => visible.has(g.company_id));
  const companies = await sql<{ n: number }>`select count(*)::int as n from property_company_grades
    where street_id = ${street.id} and month = ${monthDate(month)}`.execute(deps.db);
  const items = grades
    .filter((g) => monthOf(g.month) === month)
    .sort((a, b) => a.rank - b.rank)
    .map((g) => {
      const own = grades.filter((h) => h.company_id === g.company_id);
      const previous = own.find((h) => monthOf(h.month) === addMonths(month, -1)) ?? null;
      return {
        companyId: g.company_id,
        companyName: g.company_name,
        score: g.score,
        grade: g.grade,
        rank: g.rank,
        estates: g.estates,
        previousScore: previous?.score ?? null,
        previousGrade: previous?.grade ?? null,
        change: previous ? Math.round((g.score - previous.score) * 10) / 10 : null,
        trend: months.map((m) => own.find((h) => monthOf(h.month) === m)?.score ?? null),
      };
    });
  return { month, months, companiesRanked: companies.rows[0]?.n ?? 0, items };
}

function presentCard(card: CardRow) {
  return {
    id: card.id,
    month: monthOf(card.month),
    estateId: card.estate_id,
    estateName: card.estate_name,
    communityName: card.community_name,
    score: card.score,
    grade: card.grade,
    components: card.components,
    inputs: card.inputs,
    weights: card.weights,
    weightsVersion: card.weights_version,
    computedAt: card.computed_at.toISOString(),
  };
}

export async function companyScorecard(deps: ScoreDeps, actor: Actor, companyId: string, requested: string | undefined) {
  if (!readsAnyScores(actor)) throw notFound('Property company');
  const street = await streetOf(deps.db, actor);
  const all = (await cardsQuery(deps.db, street.id).where('s.company_id', '=', companyId).execute()).filter((card) =>
    canReadCard(actor, card),
  );
  if (all.length === 0) throw notFound('Property company');
  const month =
    requested ??
    monthOf(
      all
        .map((c) => c.month)
        .sort()
        .at(-1) as string,
    );
  const months = monthsEnding(month, HISTORY_MONTHS);
  const grades = await gradesOf(deps.db, street.id, months, companyId);
  const cards = all.filter((c) => monthOf(c.month) === month).sort((a, b) => b.score - a.score);
  const reviews = await deps.db
    .selectFrom('property_reviews')
    .select(['id', 'held_on', 'scores', 'comments', 'meeting_id'])
    .where('id', 'in', [...cards.map((c) => c.inputs.reviewId ?? '00000000-0000-0000-0000-000000000000')])
    .execute();
  const grade = grades.find((g) => monthOf(g.month) === month) ?? null;
  return {
    companyId,
    companyName: all[0]?.company_name as string,
    month,
    score: grade?.score ?? null,
    grade: grade?.grade ?? null,
    rank: grade?.rank ?? null,
    history: months.map((m) => {
      const g = grades.find((h) => monthOf(h.month) === m);
      const own = all.filter((c) => monthOf(c.month) === m);
      return { month: m, score: g?.score ?? null, grade: g?.grade ?? null, rank: g?.rank ?? null, cards: own.length };
    }),
    cards: cards.map((card) => {
      const review = reviews.find((r) => r.id === card.inputs.reviewId);
      return {
        ...presentCard(card),
        review: review
          ? {
              id: review.id,
              heldOn: review.held_on,
              scores: review.scores,
              comments: review.comments,
              meetingId: review.meeting_id,
            }
          : null,
      };
    }),
  };
}

/** The cases a card's figure counted, each with how it counted; recounted now, so an order that fell due since shows as due. */
export async function cardCases(deps: ScoreDeps, actor: Actor, cardId: string, component: Exclude<Component, 'review'>) {
  const street = await streetOf(deps.db, actor);
  const card = await cardsQuery(deps.db, street.id).where('s.id', '=', cardId).executeTakeFirst();
  if (!card || !canReadCard(actor, card)) throw notFound('Scorecard');
  const w: MonthWindow = {
    streetId: street.id,
    month: card.month,
    timeZone: deps.timeZone,
    today: todayOf(deps),
    companyId: card.company_id,
    estateId: card.estate_id,
  };
  const base = (c: { id: string; number: string; title: string; kind: string; state: string }) => ({
    id: c.id,
    number: c.number,
    title: c.title,
    kind: c.kind,
    state: c.state,
  });
  if (component === 'complaints' || component === 'handling') {
    const handed = await handedCases(deps.db, w);
    const rows = component === 'complaints' ? handed.filter((c) => c.kind === 'complaint') : handed;
    return {
      items: rows.map((c) => ({
        ...base(c),
        at: c.created_at.toISOString(),
        counted: caseSettled(c),
        onTime: caseSettled(c) ? caseOnTime(c) : null,
        rating: null,
        dueDate: null,
      })),
    };
  }
  if (component === 'ratings') {
    const rated = await ratedCases(deps.db, w);
    return {
      items: rated.map((c) => ({
        ...base(c),
        at: c.rated_at.toISOString(),
        counted: true,
        onTime: null,
        rating: c.rating,
        dueDate: null,
      })),
    };
  }
  if (component !== 'rectification') throw badRequest('PROPERTY_COMPONENT', 'Choose a figure with cases behind it.', 'component');
  const hazards = await orderedHazards(deps.db, w);
  return {
    items: hazards.map((h) => ({
      ...base(h),
      at: null,
      counted: orderDue(h, w.today),
      onTime: orderDue(h, w.today) ? rectifiedOnTime(h) : null,
      rating: null,
      dueDate: h.due_date,
    })),
  };
}
