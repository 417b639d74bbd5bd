/** The rules of a street as staff read them (which is in force today), and a new rule from a date on. */
import type { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import { forbidden } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { localDate } from '../calendar/working-days.ts';
import { loadRules, nowOf, type PointsDeps } from './ledger.service.ts';
import { canManageAt } from './points.policy.ts';
import type { ruleBody } from './points.schemas.ts';
import { type PointsRule, ruleFor } from './points-rules.ts';

export async function listRules(deps: PointsDeps, actor: Actor) {
  if (!actor.streetId) return { items: [] };
  const rules = (await loadRules(deps.db, actor.streetId)) as (PointsRule & { id: string })[];
  const today = localDate(nowOf(deps), deps.timeZone);
  return {
    items: rules
      .sort((a, b) => a.source.localeCompare(b.source) || b.validFrom.localeCompare(a.validFrom))
      .map((r) => ({
        id: r.id,
        shared: r.streetId === null,
        source: r.source,
        pointsPerHour: r.pointsPerHour,
        unitMinutes: r.unitMinutes,
        maxMinutes: r.maxMinutes,
        volunteering: r.volunteering,
        validDays: r.validDays,
        validFrom: r.validFrom,
        inForce: ruleFor(rules, r.source, today, actor.streetId as string) === r,
      })),
  };
}

/** A new rule of the street from a date on: the rule of earlier days stays what it was. */
export async function addRule(deps: PointsDeps, actor: Actor, body: z.infer<typeof ruleBody>) {
  const street = actor.streetId
    ? await deps.db.selectFrom('area_nodes').select(['id', 'path']).where('id', '=', actor.streetId).executeTakeFirst()
    : undefined;
  if (!street || !canManageAt(actor, street.path))
    throw forbidden('FORBIDDEN', 'Points rules are set for the whole street (points.manage over the street).');
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('points_rules')
      .values({
        street_id: street.id,
        source: body.source,
        points_per_hour: body.pointsPerHour,
        unit_minutes: body.unitMinutes,
        max_minutes: body.maxMinutes,
        volunteering: body.volunteering,
        valid_days: body.validDays,
        valid_from: body.validFrom,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      streetId: street.id,
      entityType: 'points_rule',
      entityId: row.id,
      type: 'points.rule_added',
      actorUserId: actor.userId,
      data: body,
    });
  });
  return listRules(deps, actor);
}
