import type { Kysely } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseDeps } from './case-view.ts';
import * as repo from './cases.repository.ts';
import { deadlineColumns } from './deadline-columns.ts';
import { deadlineFrom, policyFor } from './deadlines.ts';
import { ACTIVE_STATES } from './lifecycle.ts';

/**
 * A deadline that reached into a year whose holiday schedule was not yet known was counted on
 * weekdays only and marked provisional. When that year's schedule is entered, each such deadline
 * is counted again from the same start over the same number of working days.
 */
export async function recountProvisionalDeadlines(
  trx: Kysely<DB>,
  deps: CaseDeps,
  streetId: string | null,
  now: Date,
): Promise<number> {
  let q = trx
    .selectFrom('cases as c')
    .innerJoin('case_categories as cat', 'cat.id', 'c.category_id')
    .select([
      'c.id',
      'c.street_id',
      'c.tier',
      'c.category_id',
      'cat.parent_id',
      'c.deadline_kind',
      'c.deadline_started_at',
      'c.deadline_working_days',
      'c.due_date',
    ])
    .where('c.due_provisional', '=', true)
    .where('c.state', 'in', [...ACTIVE_STATES])
    .where('c.deadline_started_at', 'is not', null);
  if (streetId) q = q.where('c.street_id', '=', streetId);
  const provisional = await q.forUpdate().execute();
  const policies = await repo.deadlinePolicies(trx);
  for (const c of provisional) {
    const table = await deps.dayTables.dayTable(trx, c.street_id);
    const policy = policyFor(policies, {
      streetId: c.street_id,
      tier: c.tier,
      categoryId: c.category_id,
      parentCategoryId: c.parent_id,
    });
    const deadline = deadlineFrom(
      c.deadline_started_at as Date,
      { workingDays: c.deadline_working_days ?? 0, kind: c.deadline_kind ?? 'handle', warnHours: policy?.warnHours ?? 24 },
      table,
      { timeZone: deps.timeZone },
    );
    const changes = deadlineColumns(deadline);
    // A warning or overdue mark already given stays given when the new moment has passed too.
    await repo.updateCase(trx, c.id, {
      ...changes,
      warned_at: deadline.warnAt <= now ? undefined : null,
      overdue_at: deadline.dueAt <= now ? undefined : null,
    });
    await recordEvent(trx, {
      streetId: c.street_id,
      entityType: 'case',
      entityId: c.id,
      type: 'case.deadline_recounted',
      actorUserId: null,
      data: { from: null, to: null, previousDueDate: c.due_date, dueDate: deadline.dueDate, provisional: deadline.provisional },
    });
  }
  return provisional.length;
}
