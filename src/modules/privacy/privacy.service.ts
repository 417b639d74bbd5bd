import type { Kysely } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/http/errors.ts';
import { type Actor, can } from '../access/access.policy.ts';
import { requirePermission } from '../access/authorize.ts';
import * as repo from './privacy.repository.ts';
import { retentionCutoff, scrubContacts } from './retention-rules.ts';

/**
 * Retention of finished cases' personal data: each street sets how many months it keeps it, and
 * the anonymisation job removes it from cases past that time. The case stays, with its category,
 * place, dates, state, rating and timeline, so every figure is unchanged; what goes is who
 * reported it and how to reach them.
 */
export interface PrivacyDeps {
  db: Kysely<DB>;
  now?: () => Date;
}

const PERMISSION = 'privacy.retention';
const BATCH = 200;
const nowOf = (deps: PrivacyDeps) => deps.now?.() ?? new Date();

export async function retentionFor(deps: PrivacyDeps, actor: Actor) {
  requirePermission(actor, PERMISSION);
  const rows = await repo.listRetention(deps.db);
  return rows
    .filter((row) => can(actor, PERMISSION, row.path))
    .map((row) => ({
      streetId: row.street_id,
      streetName: row.name,
      closedCaseMonths: row.months,
      isDefault: row.closed_case_months === null,
      updatedAt: row.updated_at,
      anonymisedCases: row.anonymised,
    }));
}

export async function setRetention(deps: PrivacyDeps, actor: Actor, streetId: string, months: number) {
  requirePermission(actor, PERMISSION);
  const street = await repo.findStreet(deps.db, streetId);
  if (!street || !can(actor, PERMISSION, street.path)) throw notFound('Street');
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    await repo.saveRetention(trx, streetId, months, actor.userId, now);
    await recordEvent(trx, {
      streetId,
      entityType: 'street',
      entityId: streetId,
      type: 'privacy.retention_set',
      actorUserId: actor.userId,
      data: { closedCaseMonths: months },
    });
  });
  return (await retentionFor(deps, actor)).find((row) => row.streetId === streetId);
}

/**
 * The anonymisation job, for every street or the ones given: batches of finished cases past their
 * street's retention, each cleaned and given its case.anonymised event in one transaction.
 */
export async function runAnonymisation(deps: PrivacyDeps, actorUserId: string | null = null, streetIds?: string[]) {
  const now = nowOf(deps);
  const streets = (await repo.listRetention(deps.db)).filter((s) => !streetIds || streetIds.includes(s.street_id));
  let cases = 0;
  for (const street of streets) {
    const cutoff = retentionCutoff(now, street.months);
    for (;;) {
      const done = await deps.db.transaction().execute(async (trx) => {
        const due = await repo.claimDueCases(trx, street.street_id, cutoff, BATCH);
        const notes = await repo.contactNotesOf(
          trx,
          due.map((c) => c.id),
        );
        for (const note of notes) {
          const scrubbed = scrubContacts(note.note);
          if (scrubbed !== note.note)
            await trx.updateTable('case_contacts').set({ note: scrubbed }).where('id', '=', note.id).execute();
        }
        for (const row of due) {
          const removed = [
            row.reporter_name !== null && 'reporterName',
            row.reporter_phone !== null && 'reporterPhone',
            scrubContacts(row.description) !== row.description && 'description',
            scrubContacts(row.resolution) !== row.resolution && 'resolution',
            scrubContacts(row.rating_comment) !== row.rating_comment && 'ratingComment',
          ].filter((field): field is string => Boolean(field));
          await trx
            .updateTable('cases')
            .set({
              reporter_name: null,
              reporter_phone: null,
              description: scrubContacts(row.description),
              resolution: scrubContacts(row.resolution),
              rating_comment: scrubContacts(row.rating_comment),
              anonymised_at: now,
            })
            .where('id', '=', row.id)
            .execute();
          await trx.updateTable('external_cases').set({ requester: '{}' }).where('case_id', '=', row.id).execute();
          await recordEvent(trx, {
            streetId: row.street_id,
            entityType: 'case',
            entityId: row.id,
            type: 'case.anonymised',
            actorUserId,
            at: now,
            data: { removed, retentionMonths: street.months },
          });
        }
        return due.length;
      });
      cases += done;
      if (done < BATCH) break;
    }
  }
  return { cases };
}

/** The job run by hand for the streets the actor holds the permission on. */
export async function runAnonymisationFor(deps: PrivacyDeps, actor: Actor) {
  const streets = await retentionFor(deps, actor);
  return runAnonymisation(
    deps,
    actor.userId,
    streets.map((s) => s.streetId),
  );
}
