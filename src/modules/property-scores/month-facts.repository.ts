/**
 * What a month holds for each property company in each estate it manages, read from the cases,
 * patrol and organisation data: the cases handed to the company, the ratings residents gave them,
 * the rectification orders addressed to it, the discussion-day reviews. Case by case, so that the
 * drill-down shows exactly the cases a figure counted; the service adds them up.
 *
 * A case belongs to an estate through its building, or through its grid when the grid's buildings
 * all lie in one estate; and to the company through case_org_access, which keeps every
 * organisation that ever held the case.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

type Db = Kysely<DB>;

export interface MonthWindow {
  streetId: string;
  /** 'YYYY-MM-01' */
  month: string;
  timeZone: string;
  /** Today in the street's zone: an order whose deadline has not come is not yet counted. */
  today: string;
  companyId?: string;
  estateId?: string;
}

export interface EstateRow {
  id: string;
  name: string;
  community_id: string;
  community_name: string;
  community_path: string;
  company_id: string;
  company_name: string;
  households: number;
}

/** Estates with a property company, with the number of households in their buildings. */
export async function managedEstates(db: Db, streetId: string): Promise<EstateRow[]> {
  const { rows } = await sql<EstateRow>`
    select e.id, e.name, e.community_id, c.name as community_name, c.path as community_path,
      e.property_company_id as company_id, o.name as company_name,
      -- building > unit > household: two parent steps, where a path prefix match per building would scan
      (select count(*) from area_nodes b
        join area_nodes u on u.parent_id = b.id
        join area_nodes h on h.parent_id = u.id and h.level = 'household' and h.retired_at is null
        where b.estate_id = e.id and b.level = 'building')::int as households
    from estates e
    join organisations o on o.id = e.property_company_id
    join area_nodes c on c.id = e.community_id
    where e.street_id = ${streetId}
    order by c.code, e.name`.execute(db);
  return rows;
}

/** Cases placed in an estate, joined to the estate's company when that company held them. */
function companyCases(w: MonthWindow): RawBuilder<unknown> {
  return sql`
    with grid_estates as (
      select parent_id as grid_id, min(estate_id::text)::uuid as estate_id from area_nodes
      where level = 'building' and estate_id is not null and street_id = ${w.streetId}
      group by parent_id having count(distinct estate_id) = 1)
    select c.*, e.id as estate_id, e.property_company_id as company_id
    from cases c
    left join area_nodes b on b.id = c.building_id
    left join grid_estates ge on ge.grid_id = c.grid_id
    join estates e on e.id = coalesce(b.estate_id, ge.estate_id)
    join case_org_access a on a.case_id = c.id and a.organisation_id = e.property_company_id
    where c.street_id = ${w.streetId}
      ${w.companyId ? sql`and e.property_company_id = ${w.companyId}` : sql``}
      ${w.estateId ? sql`and e.id = ${w.estateId}` : sql``}`;
}

const monthStart = (w: MonthWindow) => sql`(${w.month}::date::timestamp at time zone ${w.timeZone})`;
const monthEnd = (w: MonthWindow) => sql`((${w.month}::date + interval '1 month')::timestamp at time zone ${w.timeZone})`;

/** What every fact of a month says of its case: which, where, whose. */
interface CaseFact {
  id: string;
  number: string;
  title: string;
  kind: string;
  state: string;
  estate_id: string;
  company_id: string;
}

export interface HandedCase extends CaseFact {
  created_at: Date;
  over: boolean;
  ever_overdue: boolean;
}

/** Cases reported this month that the estate's company held. */
export async function handedCases(db: Db, w: MonthWindow): Promise<HandedCase[]> {
  const { rows } = await sql<HandedCase>`
    select id, number, title, kind, state, estate_id, company_id, created_at, ever_overdue,
      (resolved_at is not null or state in ('resolved', 'evaluated', 'closed')) as over
    from (${companyCases(w)}) cc
    where created_at >= ${monthStart(w)} and created_at < ${monthEnd(w)}
    order by created_at, number`.execute(db);
  return rows;
}

export interface RatedCase extends CaseFact {
  rating: number;
  rated_at: Date;
}

/** Cases the company held that residents rated this month. */
export async function ratedCases(db: Db, w: MonthWindow): Promise<RatedCase[]> {
  const { rows } = await sql<RatedCase>`
    select id, number, title, kind, state, estate_id, company_id, rating, rated_at
    from (${companyCases(w)}) cc
    where rating is not null and rated_at >= ${monthStart(w)} and rated_at < ${monthEnd(w)}
    order by rated_at, number`.execute(db);
  return rows;
}

export interface OrderedHazard extends CaseFact {
  due_date: string;
  /** The party's reply (the case's resolve), as a local date. */
  replied_on: string | null;
  rectified: boolean;
  rounds: number;
}

/** Hazards whose first rectification order went to the estate's company this month. */
export async function orderedHazards(db: Db, w: MonthWindow): Promise<OrderedHazard[]> {
  const { rows } = await sql<OrderedHazard>`
    select cc.id, cc.number, cc.title, cc.kind, cc.state, cc.estate_id, cc.company_id,
      o.due_date::text as due_date,
      (cc.resolved_at at time zone ${w.timeZone})::date::text as replied_on,
      cc.rectified_at is not null as rectified,
      (select max(round) from hazard_orders r where r.case_id = cc.id)::int as rounds
    from (${companyCases(w)}) cc
    join hazard_orders o on o.case_id = cc.id and o.round = 1 and o.organisation_id = cc.company_id
    where o.issued_at >= ${monthStart(w)} and o.issued_at < ${monthEnd(w)}
    order by o.issued_at, cc.number`.execute(db);
  return rows;
}

/** Put right in the first round, the party's reply by the order's deadline. */
export const rectifiedOnTime = (h: OrderedHazard) =>
  h.rectified && h.rounds === 1 && h.replied_on !== null && h.replied_on <= h.due_date;
/** Counted once the deadline has passed or the hazard is put right, whichever comes first. */
export const orderDue = (h: OrderedHazard, today: string) => h.rectified || h.due_date < today;
/** Settled once over, or once it went overdue; a case still running inside its deadline waits. */
export const caseSettled = (c: HandedCase) => c.over || c.ever_overdue;
export const caseOnTime = (c: HandedCase) => c.over && !c.ever_overdue;

export async function monthReviews(db: Db, w: MonthWindow) {
  let q = db.selectFrom('property_reviews').selectAll().where('street_id', '=', w.streetId).where('month', '=', w.month);
  if (w.companyId) q = q.where('company_id', '=', w.companyId);
  if (w.estateId) q = q.where('estate_id', '=', w.estateId);
  return q.execute();
}
