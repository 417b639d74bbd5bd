/**
 * What every care service needs: its dependencies, today in the street's zone, the visit rules
 * and calendar a due date is counted in, the file number, a file loaded with the caller's rights
 * (404 outside them, 403 to change one without care.manage), the people alerted about a file, and
 * the event on its timeline.
 */
import { type Kysely, sql } from 'kysely';
import { type DomainEvent, recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { loadDayTable } from '../calendar/calendar.service.ts';
import { localDate } from '../calendar/working-days.ts';
import type { CaseDeps } from '../cases/case-view.ts';
import { CARE_MANAGE, canManageFile, canReadFile } from './care.policy.ts';
import { type CareGroup, type CareRisk, countingFrom, dueAfter, nextDueDate, ruleFor, type VisitRule } from './care-rules.ts';

export type Db = Kysely<DB>;

export interface CareDeps {
  db: Db;
  timeZone: string;
  /** A follow-up becomes a case through the cases module's intake. */
  cases: CaseDeps;
  now?: () => Date;
}

export const nowOf = (deps: Pick<CareDeps, 'now'>) => (deps.now ? deps.now() : new Date());
export const todayOf = (deps: Pick<CareDeps, 'now' | 'timeZone'>) => localDate(nowOf(deps), deps.timeZone);

export interface NodeRow {
  id: string;
  path: string;
  level: string;
  name: string;
  street_id: string | null;
}

/** A node by id; a missing one is the caller's mistake, named by the field it came in. */
export async function nodeOf(db: Db, id: string, field = 'nodeId'): Promise<NodeRow> {
  const node = await db
    .selectFrom('area_nodes')
    .select(['id', 'path', 'level', 'name', 'street_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!node) throw badRequest('NODE_NOT_FOUND', 'Choose an area.', field);
  return node;
}

export const streetOf = (node: NodeRow) => (node.level === 'street' ? node.id : (node.street_id as string));

export async function loadRules(db: Db): Promise<VisitRule[]> {
  const rows = await db.selectFrom('care_visit_rules').selectAll().execute();
  return rows.map((r) => ({ streetId: r.street_id, group: r.care_group, risk: r.risk_level, every: r.every, unit: r.unit }));
}

export interface Schedulable {
  streetId: string;
  groups: readonly CareGroup[];
  risk: CareRisk;
  lastVisitDate: string | null;
  startDate: string;
}

/** The next due date of a file under the street's rules and calendar, and the rule it follows. */
export async function scheduleOf(db: Db, file: Schedulable, rules?: VisitRule[]) {
  const all = rules ?? (await loadRules(db));
  const table = await loadDayTable(db, file.streetId);
  const from = countingFrom(file);
  const due = nextDueDate(from, file, all, table);
  const strictest = file.groups
    .map((group) => ruleFor(all, file.streetId, group, file.risk))
    .find((rule) => dueAfter(from, rule, table) === due) as VisitRule;
  return { nextDueDate: due, rule: strictest };
}

/** The next file number of a street and year, outside the opening transaction: a gap, never a reuse. */
export async function nextFileNumber(db: Db, streetId: string, year: number): Promise<string> {
  const row = await db
    .insertInto('care_counters')
    .values({ street_id: streetId, year, last: 1 })
    .onConflict((oc) => oc.columns(['street_id', 'year']).doUpdateSet({ last: sql`care_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `GA${year}-${String(row.last).padStart(5, '0')}`;
}

export async function findFile(db: Db, id: string, lock = false) {
  let q = db.selectFrom('care_files').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type FileRow = NonNullable<Awaited<ReturnType<typeof findFile>>>;

/** A file the actor may read; 404 otherwise, whether or not it exists. */
export async function readableFile(db: Db, actor: Actor, id: string): Promise<FileRow> {
  const row = await findFile(db, id);
  if (!row || !canReadFile(actor, row.location_path)) throw notFound('Care file');
  return row;
}

/** A file the actor changes, locked for the caller's transaction: 404 outside scope, 403 without care.manage. */
export async function managedFile(trx: Db, actor: Actor, id: string): Promise<FileRow> {
  const row = await findFile(trx, id, true);
  if (!row || !canReadFile(actor, row.location_path)) throw notFound('Care file');
  if (!canManageFile(actor, row.location_path)) throw forbidden('CARE_FORBIDDEN', 'You may read this care file, not change it.');
  return row;
}

export async function recordCareEvent(
  trx: Db,
  row: Pick<FileRow, 'id' | 'street_id'>,
  event: Omit<DomainEvent, 'entityType' | 'entityId' | 'streetId'>,
) {
  await recordEvent(trx, { ...event, entityType: 'care_file', entityId: row.id, streetId: row.street_id });
}

/** Who is told about a file: the grid worker of its grid and the community's staff and secretary (care.manage at those nodes). */
export async function caretakersOf(db: Db, file: Pick<FileRow, 'grid_id' | 'community_id'>): Promise<string[]> {
  const rows = await db
    .selectFrom('role_assignments as ra')
    .innerJoin('role_permissions as rp', 'rp.role', 'ra.role')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .select('ra.user_id')
    .distinct()
    .where('ra.node_id', 'in', [file.grid_id, file.community_id])
    .where('rp.permission', '=', CARE_MANAGE)
    .where('u.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.user_id);
}
