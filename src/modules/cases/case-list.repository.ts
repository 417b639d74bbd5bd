import { type Expression, expressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { escapeLike } from '../areas/areas.repository.ts';
import { type CaseVisibility, caseQuery, type InboxScope, inboxOf, inStates, visibilityBranches } from './cases.repository.ts';
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

/** The filters besides visibility, on the case row alone (no joins), so that each visibility branch keeps its index. */
function narrowing(f: CaseFilters): Expression<SqlBool>[] {
  const eb = expressionBuilder<DB & { c: DB['cases'] }, 'c'>();
  const conditions: Expression<SqlBool>[] = [];
  if (f.states?.length) conditions.push(eb('c.state', 'in', f.states));
  if (f.open === true) conditions.push(sql<SqlBool>`not ${inStates(FINAL_STATES)}`);
  if (f.open === false) conditions.push(inStates(FINAL_STATES));
  if (f.categoryId) {
    const id = f.categoryId;
    const children = eb.selectFrom('case_categories as k').select('k.id').where('k.parent_id', '=', id);
    conditions.push(eb.or([eb('c.category_id', '=', id), eb('c.category_id', 'in', children)]));
  }
  if (f.deadline) {
    const now = f.now;
    const running = inStates(ACTIVE_STATES);
    if (f.deadline === 'overdue') conditions.push(running, eb('c.due_at', '<=', now));
    if (f.deadline === 'warning') conditions.push(running, eb('c.warn_at', '<=', now), eb('c.due_at', '>', now));
    if (f.deadline === 'ok') conditions.push(running, eb('c.warn_at', '>', now));
    if (f.deadline === 'provisional') conditions.push(running, eb('c.due_provisional', '=', true));
  }
  if (f.underPath) conditions.push(eb('c.location_path', 'like', `${f.underPath}%`));
  if (f.gridId) conditions.push(eb('c.grid_id', '=', f.gridId));
  if (f.source) conditions.push(eb('c.source', '=', f.source as never));
  if (f.tier) conditions.push(eb('c.tier', '=', f.tier));
  if (f.reportedBy) conditions.push(eb('c.reporter_user_id', '=', f.reportedBy));
  if (f.assignedTo) {
    const { userId, orgIds } = f.assignedTo;
    conditions.push(
      eb.or([eb('c.assignee_user_id', '=', userId), ...(orgIds.length ? [eb('c.assignee_org_id', 'in', orgIds)] : [])]),
    );
  }
  if (f.inbox) conditions.push(inboxOf(f.inbox, ACTIVE_STATES));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    conditions.push(
      eb.or([
        eb('c.number', '=', f.q),
        eb('c.title', 'ilike', like),
        eb('c.description', 'ilike', like),
        eb('c.address', 'ilike', like),
      ]),
    );
  }
  return conditions;
}

/** The cases of one visibility branch that pass every filter. */
const branchCases = (db: Kysely<DB>, branch: Expression<SqlBool>, f: CaseFilters) =>
  db
    .selectFrom('cases as c')
    .where((eb) => eb.and([branch, ...narrowing(f)]))
    .select('c.id');

export type CaseCursor = { at: string; id: string };

/**
 * A page of the cases an actor may see, in keyset order. Each visibility branch (their areas,
 * their assignments, their reports, their organisations' cases) takes its own first page through
 * its index; the page is the first rows of their union. So a page costs the same whether the table
 * holds a thousand cases or ten million, and page 100 the same as page 1.
 */
export function listCases(
  db: Kysely<DB>,
  f: CaseFilters,
  page: { sort: 'deadline' | 'newest'; after?: CaseCursor | undefined; limit: number },
) {
  const due = sql<Date>`coalesce(c.due_at, 'infinity'::timestamptz)`;
  const branchPage = (branch: Expression<SqlBool>) => {
    let q = branchCases(db, branch, f).limit(page.limit + 1);
    if (page.sort === 'deadline') {
      q = q.orderBy(due).orderBy('c.id');
      if (page.after) q = q.where(sql<SqlBool>`(${due}, c.id) > (${page.after.at}::timestamptz, ${page.after.id}::uuid)`);
    } else {
      q = q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc');
      if (page.after) q = q.where(sql<SqlBool>`(c.created_at, c.id) < (${page.after.at}::timestamptz, ${page.after.id}::uuid)`);
    }
    return db.selectFrom(q.as('b')).select('b.id');
  };
  const [first, ...rest] = visibilityBranches(f.visibility).map(branchPage);
  const ids = rest.reduce((union, next) => union.union(next), first as ReturnType<typeof branchPage>);
  // An array of at most a few pages of ids: the planner then starts from them, whatever the joins around.
  let q = caseQuery(db)
    .where(sql<SqlBool>`c.id = any (array(${ids}))`)
    .limit(page.limit + 1);
  q = page.sort === 'deadline' ? q.orderBy(due).orderBy('c.id') : q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc');
  return q.execute();
}

export async function countByState(db: Kysely<DB>, f: CaseFilters): Promise<Record<string, number>> {
  const [first, ...rest] = visibilityBranches(f.visibility).map((branch) => branchCases(db, branch, f));
  const ids = rest.reduce((union, next) => union.union(next), first as ReturnType<typeof branchCases>);
  const rows = await db
    .selectFrom('cases as c')
    .where(sql<SqlBool>`c.id = any (array(${ids}))`)
    .select(['c.state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('c.state')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.state, row.n]));
}
