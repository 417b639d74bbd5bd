/**
 * Weights and grade bands, set by the housing department. Versions are never changed: a new one
 * applies from a month that has not ended yet, so every month already computed keeps the weights
 * it was computed with (the card keeps the version too).
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { monthDate, monthOf } from './months.ts';
import { canConfigure, readsAnyScores } from './property-scores.policy.ts';
import type { weightsBody } from './property-scores.schemas.ts';
import { recordStreetEvent, type ScoreDeps, streetOf, todayOf, weightsFor } from './property-scores.shared.ts';
import { weightsProblem } from './scoring.ts';

type Row = Awaited<ReturnType<typeof weightsFor>>;

const present = (r: Row) => ({
  id: r.id,
  version: r.version,
  effectiveFrom: monthOf(r.effective_from),
  weights: r.weights,
  bands: r.bands,
  note: r.note,
  isDefault: r.street_id === null,
  createdAt: r.created_at.toISOString(),
});

export async function listWeights(deps: ScoreDeps, actor: Actor) {
  if (!readsAnyScores(actor)) throw notFound('Weights');
  const street = await streetOf(deps.db, actor);
  const rows = await deps.db
    .selectFrom('property_score_weights')
    .selectAll()
    .where((eb) => eb.or([eb('street_id', '=', street.id), eb('street_id', 'is', null)]))
    .orderBy('version', 'desc')
    .execute();
  const current = await weightsFor(deps.db, street.id, monthOf(todayOf(deps)));
  return { currentId: current.id, canConfigure: canConfigure(actor, street.path), items: rows.map(present) };
}

export async function createWeights(deps: ScoreDeps, actor: Actor, body: z.infer<typeof weightsBody>) {
  const street = await streetOf(deps.db, actor);
  if (!canConfigure(actor, street.path)) {
    if (!readsAnyScores(actor)) throw notFound('Weights');
    throw forbidden('PROPERTY_WEIGHTS_FORBIDDEN', 'Weights are set by the housing department.');
  }
  const problem = weightsProblem(body.weights, body.bands);
  if (problem) {
    const message =
      problem.code === 'PROPERTY_WEIGHTS_SUM' ? 'The weights add up to 100.' : 'The bands fall from A to C, within 1-100.';
    throw badRequest(problem.code, message, problem.field);
  }
  if (body.effectiveFrom < monthOf(todayOf(deps)))
    throw badRequest('PROPERTY_WEIGHTS_PAST', 'New weights apply from this month or a later one.', 'effectiveFrom');
  return deps.db.transaction().execute(async (trx) => {
    // Versions of a street are numbered after the default's, one at a time.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`property_weights:${street.id}`}, 0))`.execute(trx);
    const last = await trx
      .selectFrom('property_score_weights')
      .select((eb) => eb.fn.max('version').as('v'))
      .where((eb) => eb.or([eb('street_id', '=', street.id), eb('street_id', 'is', null)]))
      .executeTakeFirst();
    const row = await trx
      .insertInto('property_score_weights')
      .values({
        street_id: street.id,
        version: Number(last?.v ?? 0) + 1,
        effective_from: monthDate(body.effectiveFrom),
        weights: JSON.stringify(body.weights),
        bands: JSON.stringify(body.bands),
        note: body.note ?? null,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordStreetEvent(trx, street.id, {
      type: 'property_scores.weights_set',
      actorUserId: actor.userId,
      data: { version: row.version, effectiveFrom: body.effectiveFrom, weights: body.weights, bands: body.bands },
    });
    return present(row);
  });
}
