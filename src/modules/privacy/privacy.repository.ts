import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { DEFAULT_CLOSED_CASE_MONTHS, FINISHED_STATES } from './retention-rules.ts';
import './privacy.tables.ts';

/** Every street with its retention (the default where none is set) and how many finished cases are waiting for it. */
export async function listRetention(db: Kysely<DB>) {
  const { rows } = await sql<{
    street_id: string;
    name: string;
    path: string;
    closed_case_months: number | null;
    updated_at: Date | null;
    anonymised: number;
  }>`select s.id as street_id, s.name, s.path, r.closed_case_months, r.updated_at,
        (select count(*)::int from cases c where c.street_id = s.id and c.anonymised_at is not null) as anonymised
      from area_nodes s left join privacy_retention r on r.street_id = s.id
      where s.level = 'street' and s.retired_at is null order by s.path`.execute(db);
  return rows.map((row) => ({ ...row, months: row.closed_case_months ?? DEFAULT_CLOSED_CASE_MONTHS }));
}

export function findStreet(db: Kysely<DB>, streetId: string) {
  return db
    .selectFrom('area_nodes')
    .select(['id', 'path'])
    .where('id', '=', streetId)
    .where('level', '=', 'street')
    .executeTakeFirst();
}

export async function saveRetention(db: Kysely<DB>, streetId: string, months: number, userId: string, now: Date) {
  await db
    .insertInto('privacy_retention')
    .values({ street_id: streetId, closed_case_months: months, updated_by: userId, updated_at: now })
    .onConflict((oc) => oc.column('street_id').doUpdateSet({ closed_case_months: months, updated_by: userId, updated_at: now }))
    .execute();
}

export interface DueCase {
  id: string;
  street_id: string;
  description: string;
  resolution: string | null;
  rating_comment: string | null;
  reporter_name: string | null;
  reporter_phone: string | null;
}

/** Finished cases of one street past the cut-off, locked so two instances never clean the same one. */
export async function claimDueCases(trx: Kysely<DB>, streetId: string, cutoff: Date, limit: number): Promise<DueCase[]> {
  const { rows } = await sql<DueCase>`select id, street_id, description, resolution, rating_comment, reporter_name, reporter_phone
      from cases
      where street_id = ${streetId} and anonymised_at is null
        and state in (${sql.join([...FINISHED_STATES])}) and coalesce(closed_at, updated_at) < ${cutoff}
      order by id limit ${limit} for update skip locked`.execute(trx);
  return rows;
}

export async function contactNotesOf(trx: Kysely<DB>, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return trx.selectFrom('case_contacts').select(['id', 'case_id', 'note']).where('case_id', 'in', caseIds).execute();
}
