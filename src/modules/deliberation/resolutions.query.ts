/** Resolutions with their follow-up case as it stands, read the same way for a topic and for a meeting. */
import type { Db } from './deliberation.shared.ts';

export async function resolutionsWhere(db: Db, column: 'r.topic_id' | 'r.meeting_id', id: string) {
  const rows = await db
    .selectFrom('delib_resolutions as r')
    .leftJoin('cases as c', 'c.id', 'r.case_id')
    .select([
      'r.id',
      'r.topic_id',
      'r.text',
      'r.owner_party',
      'r.due_on',
      'r.case_id',
      'c.number as case_number',
      'c.state as case_state',
      'c.due_at as case_due_at',
    ])
    .where(column, '=', id)
    .orderBy('r.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    topicId: r.topic_id,
    text: r.text,
    ownerParty: r.owner_party,
    dueOn: r.due_on,
    caseId: r.case_id,
    caseNumber: r.case_number,
    caseState: r.case_state,
    caseDueAt: r.case_due_at,
  }));
}
