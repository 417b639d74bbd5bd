/**
 * Writes a year of discussion-day reviews for the demo street and computes the twelve months'
 * scorecards from them and from the case and patrol history already written, as the monthly job
 * would have: the ranking, grades and history pages open on real figures.
 */
import { type Kysely, sql } from 'kysely';
import { localDate } from '../modules/calendar/working-days.ts';
import { computeMonthIn } from '../modules/property-scores/compute.service.ts';
import { addMonths, monthOf } from '../modules/property-scores/months.ts';
import type { DB } from '../platform/db/schema.ts';
import { insertRows } from './bulk-insert.ts';
import { planPropertyReviews, REVIEW_MONTHS } from './property-review-history.ts';
import type { StreetPlan } from './street-plan.ts';

interface Recorder {
  id: string;
  role: string;
  nodeId?: string | undefined;
  organisationId?: string | undefined;
}

export async function writePropertyScores(
  trx: Kysely<DB>,
  street: { plan: StreetPlan; users: readonly Recorder[]; timeZone: string },
  now = new Date(),
): Promise<Record<string, number>> {
  const { plan, users, timeZone } = street;
  const companyCode = new Map(plan.organisations.map((o) => [o.id, o.code]));
  const thisMonth = monthOf(localDate(now, timeZone));
  const reviews = planPropertyReviews(
    plan.estates.map((e) => ({
      id: e.id,
      companyId: e.property_company_id,
      companyCode: companyCode.get(e.property_company_id) ?? '',
      communityId: e.community_id,
    })),
    thisMonth,
  );
  // The housing department's handler also sets the weights and reads every card (housing_officer).
  const housing = plan.organisations.find((o) => o.code === 'HOUSING');
  const housingHandler = users.find((u) => u.role === 'dept_handler' && u.organisationId === housing?.id);
  if (housing && housingHandler) {
    await trx
      .insertInto('role_assignments')
      .values({ user_id: housingHandler.id, role: 'housing_officer', organisation_id: housing.id, street_id: plan.street.id })
      .execute();
  }
  const leader = users.find((u) => u.role === 'street_leader') ?? (users[0] as Recorder);
  const secretaryOf = (communityId: string) =>
    users.find((u) => u.role === 'community_secretary' && u.nodeId === communityId) ?? leader;
  await insertRows(
    trx,
    'property_reviews',
    // scores stays an object: the rows travel as one JSON document into the jsonb column.
    reviews.map(({ communityId, ...r }) => {
      const at = new Date(`${r.held_on}T09:30:00Z`);
      return {
        ...r,
        street_id: plan.street.id,
        recorded_by: secretaryOf(communityId).id,
        recorded_at: at,
        updated_at: at,
      };
    }),
  );
  // The history was loaded in this transaction: without statistics the planner nests loops over
  // every case (30 s here instead of half a second for the twelve months).
  await sql`analyze cases, case_org_access, hazard_orders, area_nodes, estates`.execute(trx);
  let cards = 0;
  for (let back = REVIEW_MONTHS; back >= 1; back--) {
    const result = await computeMonthIn(
      trx,
      { db: trx, timeZone, now: () => now },
      plan.street.id,
      addMonths(thisMonth, -back),
      null,
    );
    cards += result.cards;
  }
  return { propertyReviews: reviews.length, propertyScorecards: cards };
}
