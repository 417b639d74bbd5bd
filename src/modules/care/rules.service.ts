/**
 * The visit rules in force for a street: the defaults of migration 0011 with the street's own
 * rules before them. A street's administrator changes them; every active file of the street is
 * rescheduled under the new rules in the same transaction, each moved due date an event.
 */
import type { z } from 'zod';
import { badRequest, forbidden } from '../../platform/http/errors.ts';
import { type Actor, can } from '../access/access.policy.ts';
import { loadDayTable } from '../calendar/calendar.service.ts';
import { CARE_RULES, careScopes } from './care.policy.ts';
import type { putRulesBody } from './care.schemas.ts';
import { type CareDeps, type Db, loadRules, nodeOf, nowOf, recordCareEvent } from './care.shared.ts';
import { countingFrom, effectiveRules, nextDueDate } from './care-rules.ts';

async function visibleStreet(db: Db, actor: Actor, streetId: string | undefined) {
  const id = streetId ?? actor.streetId;
  if (!id) throw badRequest('NODE_NOT_FOUND', 'Choose a street.', 'streetId');
  const street = await nodeOf(db, id, 'streetId');
  const scopes = careScopes(actor);
  if (street.level !== 'street' || !scopes.some((s) => s.startsWith(street.path) || street.path.startsWith(s))) {
    throw badRequest('NODE_NOT_FOUND', 'Choose a street.', 'streetId');
  }
  return street;
}

async function rulesOf(db: Db, streetId: string) {
  return effectiveRules(await loadRules(db), streetId).map((r) => ({
    group: r.group,
    risk: r.risk,
    every: r.every,
    unit: r.unit,
    own: r.streetId !== null,
  }));
}

export async function getRules(deps: CareDeps, actor: Actor, streetId: string | undefined) {
  const street = await visibleStreet(deps.db, actor, streetId);
  return { streetId: street.id, rules: await rulesOf(deps.db, street.id) };
}

export async function putRules(deps: CareDeps, actor: Actor, body: z.infer<typeof putRulesBody>) {
  const street = await visibleStreet(deps.db, actor, body.streetId);
  if (!can(actor, CARE_RULES, street.path)) throw forbidden('FORBIDDEN', `Your roles do not allow this (${CARE_RULES}).`);
  const now = nowOf(deps);
  const rescheduled = await deps.db.transaction().execute(async (trx) => {
    for (const rule of body.rules) {
      await trx
        .deleteFrom('care_visit_rules')
        .where('street_id', '=', street.id)
        .where('care_group', '=', rule.group)
        .where('risk_level', '=', rule.risk)
        .execute();
      await trx
        .insertInto('care_visit_rules')
        .values({
          street_id: street.id,
          care_group: rule.group,
          risk_level: rule.risk,
          every: rule.every,
          unit: rule.unit,
          updated_by: actor.userId,
          updated_at: now,
        })
        .execute();
    }
    const rules = await loadRules(trx);
    const table = await loadDayTable(trx, street.id);
    const files = await trx
      .selectFrom('care_files')
      .selectAll()
      .where('street_id', '=', street.id)
      .where('status', '=', 'active')
      .forUpdate()
      .execute();
    let moved = 0;
    for (const file of files) {
      const from = countingFrom({ lastVisitDate: file.last_visit_date, startDate: file.start_date });
      const due = nextDueDate(from, { streetId: street.id, groups: file.groups, risk: file.risk_level }, rules, table);
      if (due === file.next_due_date) continue;
      moved += 1;
      await trx
        .updateTable('care_files')
        .set({ next_due_date: due, version: file.version + 1, updated_at: now })
        .where('id', '=', file.id)
        .execute();
      await recordCareEvent(trx, file, {
        type: 'care.file_rescheduled',
        actorUserId: actor.userId,
        at: now,
        data: { dueFrom: file.next_due_date, dueTo: due, reason: 'rules_changed' },
      });
    }
    return moved;
  });
  return { streetId: street.id, rules: await rulesOf(deps.db, street.id), filesRescheduled: rescheduled };
}
