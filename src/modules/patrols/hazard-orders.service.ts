/**
 * Hazards on the case core: a rectification order assigns the hazard to the party that must fix
 * it with a deadline by level; the party's reply is the case's resolve; a re-inspection closes
 * it as rectified or returns it and issues the next round of the order. Each step is a case
 * action in one transaction with the order and re-inspection records.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { type ActionBody, performActionIn } from '../cases/case-actions.ts';
import type { CaseDeps } from '../cases/case-view.ts';
import { type CaseRow, findCase } from '../cases/cases.repository.ts';
import { canEscalate } from '../cases/lifecycle.ts';
import { attachPhotos } from '../photos/photos.service.ts';
import { type HazardLevel, RECTIFICATION_WORKING_DAYS } from './hazard-rules.ts';
import type { orderBody, reinspectBody } from './hazards.schemas.ts';
import { getHazard, type HazardRow, ORDERABLE, REINSPECTABLE, visibleHazard } from './hazards.service.ts';
import { canOrder, canReinspect } from './patrols.policy.ts';

type Db = Kysely<DB>;
type Lang = 'zh-CN' | 'en';

interface OrderTerms {
  round: number;
  partyKind: z.infer<typeof orderBody>['partyKind'];
  organisationId: string | null;
  partyName: string;
  partyPhone: string | null;
  level: HazardLevel;
  requirement: string;
}

/** Writes one round of the order and moves the case to its party: assigned with the order's deadline, or escalated to a department. */
async function issueOrder(trx: Db, deps: CaseDeps, actor: Actor, row: HazardRow, terms: OrderTerms, vouched: boolean, now: Date) {
  const performer = vouched ? { actor, vouched: true as const } : { actor };
  const order = { round: terms.round, level: terms.level, partyKind: terms.partyKind, partyName: terms.partyName };
  let updated: CaseRow;
  if (terms.partyKind === 'department' && row.tier === 'department') {
    // Sent back to the department it already lies with: the return restarted the department's own deadline.
    updated = (await findCase(trx, row.case_id)) as CaseRow;
  } else if (terms.partyKind === 'department') {
    updated = await performActionIn(trx, deps, performer, row.case_id, 'escalate', {
      to: 'department',
      organisationId: terms.organisationId,
      reason: terms.requirement,
    } as ActionBody);
  } else {
    // A shop or an owner has no account: the one who issues the order follows it up.
    const party = terms.organisationId
      ? { organisationId: terms.organisationId }
      : { userId: row.assignee_user_id ?? actor.userId };
    updated = await performActionIn(trx, deps, performer, row.case_id, 'assign', {
      ...party,
      note: terms.requirement,
      dueInWorkingDays: RECTIFICATION_WORKING_DAYS[terms.level],
      order,
    });
  }
  await trx
    .insertInto('hazard_orders')
    .values({
      street_id: row.street_id,
      case_id: row.case_id,
      round: terms.round,
      party_kind: terms.partyKind,
      organisation_id: terms.organisationId,
      party_name: terms.partyName,
      party_phone: terms.partyPhone,
      level: terms.level,
      requirement: terms.requirement,
      due_date: updated.due_date as string,
      issued_by: actor.userId,
      issued_at: now,
    })
    .execute();
}

async function checkParty(db: Db, row: HazardRow, body: z.infer<typeof orderBody>) {
  // The body's schema made sure a property company or department comes with its organisation.
  if (!body.organisationId) return body.partyName as string;
  const org = await db
    .selectFrom('organisations')
    .select(['name', 'kind', 'street_id', 'retired_at'])
    .where('id', '=', body.organisationId)
    .executeTakeFirst();
  if (!org || org.retired_at || org.street_id !== row.street_id)
    throw badRequest('ORGANISATION_NOT_FOUND', 'Choose an organisation of this street.', 'organisationId');
  if ((body.partyKind === 'department') !== (org.kind === 'street_department'))
    throw badRequest(
      'PARTY_KIND_MISMATCH',
      'A street department is ordered as a department, other organisations not.',
      'partyKind',
    );
  if (body.partyKind === 'department' && !canEscalate(row.tier, 'department'))
    throw badRequest(
      'ESCALATE_FIRST',
      'A grid hazard goes to a street department through the community: escalate it first.',
      'partyKind',
    );
  return body.partyName ?? org.name;
}

export async function orderRectification(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof orderBody>,
  lang: Lang,
) {
  const { db } = deps;
  const row = await visibleHazard(db, actor, caseId);
  if (!canOrder(actor, row.location_path)) throw notFound('Hazard');
  if (row.rectified_at || !ORDERABLE.includes(row.state))
    throw conflict('HAZARD_NOT_ORDERABLE', `A hazard that is ${row.state} cannot be given an order.`, 'state');
  const partyName = await checkParty(db, row, body);
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    await issueOrder(
      trx,
      deps,
      actor,
      row,
      {
        round: (row.order_round ?? 0) + 1,
        partyKind: body.partyKind,
        organisationId: body.organisationId ?? null,
        partyName,
        partyPhone: body.partyPhone ?? null,
        level: body.level,
        requirement: body.requirement,
      },
      false,
      now,
    );
  });
  return getHazard(db, actor, caseId, lang);
}

export async function reinspect(deps: CaseDeps, actor: Actor, caseId: string, body: z.infer<typeof reinspectBody>, lang: Lang) {
  const { db } = deps;
  const row = await visibleHazard(db, actor, caseId);
  if (!canReinspect(actor, row.location_path)) throw notFound('Hazard');
  if (!REINSPECTABLE.includes(row.state))
    throw conflict('HAZARD_NOT_RESOLVED', 'Only a hazard the party reported fixed can be re-inspected.', 'state');
  const note = body.note ?? null;
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .insertInto('hazard_reinspections')
      .values({
        street_id: row.street_id,
        case_id: caseId,
        order_id: row.order_id,
        result: body.result,
        note,
        inspected_by: actor.userId,
        inspected_at: now,
      })
      .execute();
    await attachPhotos(trx, body.photoIds, {
      entityType: 'case',
      entityId: caseId,
      streetId: row.street_id,
      uploaderUserId: actor.userId,
    });
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'case',
      entityId: caseId,
      type: 'case.reinspected',
      actorUserId: actor.userId,
      data: { result: body.result, note, photoIds: body.photoIds, round: row.order_round },
      at: now,
    });
    // The re-inspector was allowed the step by the hazard rule above, not by a case relation.
    const vouched = { actor, vouched: true as const };
    if (body.result === 'rectified') {
      await performActionIn(trx, deps, vouched, caseId, 'close', { note: note ?? undefined });
      await trx.updateTable('cases').set({ rectified_at: now }).where('id', '=', caseId).execute();
      return;
    }
    await performActionIn(trx, deps, vouched, caseId, 'return', { reason: note ?? 'Re-inspection: not rectified' });
    if (row.order_id) {
      await issueOrder(
        trx,
        deps,
        actor,
        { ...row, state: 'returned' },
        {
          round: (row.order_round ?? 0) + 1,
          partyKind: row.party_kind as OrderTerms['partyKind'],
          organisationId: row.order_organisation_id,
          partyName: row.party_name as string,
          partyPhone: row.party_phone,
          level: row.order_level as HazardLevel,
          requirement: row.requirement as string,
        },
        true,
        now,
      );
    }
  });
  return getHazard(db, actor, caseId, lang);
}
