import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { escapeLike } from '../areas/areas.repository.ts';
import { type CaseVisibility, caseQuery, type InboxScope, inboxOf, visibleTo } from './cases.repository.ts';
import { ACTIVE_STATES, type CaseState, FINAL_STATES, type Tier } from './lifecycle.ts';

export interface CaseFilters {
  visibility: CaseVisibility;
  states?: CaseState[] | undefined;
  open?: boolean | undefined;
  categoryId?: string | undefined;
  deadline?: 'ok' | 'warning' | 'overdue' | 'provisional' | undefined;
  underPath?: string | undefined;
  gridId?: string | undefined;
  source?: string | undefined;
  tier?: Tier | undefined;
  reportedBy?: string | undefined;
  assignedTo?: { userId: string; orgIds: string[] } | undefined;
  inbox?: InboxScope | undefined;
  q?: string | undefined;
  now: Date;
}

const NOTHING = '00000000-0000-0000-0000-000000000000';

function filtered(db: Kysely<DB>, f: CaseFilters) {
  let q = caseQuery(db).where(visibleTo(f.visibility));
  if (f.states?.length) q = q.where('c.state', 'in', f.states);
  if (f.open === true) q = q.where('c.state', 'not in', FINAL_STATES);
  if (f.open === false) q = q.where('c.state', 'in', FINAL_STATES);
  if (f.categoryId) {
    const id = f.categoryId;
    q = q.where((eb) => eb.or([eb('c.category_id', '=', id), eb('cat.parent_id', '=', id)]));
  }
  if (f.deadline) {
    const now = f.now;
    const running = sql<boolean>`c.state = any (${[...ACTIVE_STATES]}::text[])`;
    if (f.deadline === 'overdue') q = q.where(running).where('c.due_at', '<=', now);
    if (f.deadline === 'warning') q = q.where(running).where('c.warn_at', '<=', now).where('c.due_at', '>', now);
    if (f.deadline === 'ok') q = q.where(running).where('c.warn_at', '>', now);
    if (f.deadline === 'provisional') q = q.where(running).where('c.due_provisional', '=', true);
  }
  if (f.underPath) q = q.where('c.location_path', 'like', `${f.underPath}%`);
  if (f.gridId) q = q.where('c.grid_id', '=', f.gridId);
  if (f.source) q = q.where('c.source', '=', f.source as never);
  if (f.tier) q = q.where('c.tier', '=', f.tier);
  if (f.reportedBy) q = q.where('c.reporter_user_id', '=', f.reportedBy);
  if (f.assignedTo) {
    const { userId, orgIds } = f.assignedTo;
    q = q.where((eb) =>
      eb.or([eb('c.assignee_user_id', '=', userId), eb('c.assignee_org_id', 'in', orgIds.length ? orgIds : [NOTHING])]),
    );
  }
  if (f.inbox) q = q.where(inboxOf(f.inbox, ACTIVE_STATES));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('c.number', '=', f.q as string),
        eb('c.title', 'ilike', like),
        eb('c.description', 'ilike', like),
        eb('c.address', 'ilike', like),
      ]),
    );
  }
  return q;
}

export type CaseCursor = { at: string; id: string };

export function listCases(
  db: Kysely<DB>,
  f: CaseFilters,
  page: { sort: 'deadline' | 'newest'; after?: CaseCursor | undefined; limit: number },
) {
  let q = filtered(db, f).limit(page.limit + 1);
  if (page.sort === 'deadline') {
    const due = sql<Date>`coalesce(c.due_at, 'infinity'::timestamptz)`;
    q = q.orderBy(due).orderBy('c.id');
    if (page.after) {
      const { at, id } = page.after;
      q = q.where(sql<boolean>`(${due}, c.id) > (${at}::timestamptz, ${id}::uuid)`);
    }
  } else {
    q = q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc');
    if (page.after) {
      const { at, id } = page.after;
      q = q.where(sql<boolean>`(c.created_at, c.id) < (${at}::timestamptz, ${id}::uuid)`);
    }
  }
  return q.execute();
}

export async function countByState(db: Kysely<DB>, f: CaseFilters): Promise<Record<string, number>> {
  const rows = await filtered(db, f)
    .clearSelect()
    .select(['c.state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('c.state')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.state, row.n]));
}
