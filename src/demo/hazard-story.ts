/**
 * A hazard found on patrol, lived through as a case: reported by the partner; a rectification
 * order to the party that must fix it (the compound's property company, a shop, an owner) with a
 * deadline of so many working days by level; the party's reply; a re-inspection that confirms it
 * and closes the case as rectified, or returns it for another round (those rounds: hazard-script.ts).
 * A story that reaches past now stops there: recent hazards are still being put right or wait for
 * their re-inspection.
 */
import type { Selectable } from 'kysely';
import type { CasesTable } from '../modules/cases/cases.tables.ts';
import { PRIORITY_OF_LEVEL } from '../modules/patrols/hazard-rules.ts';
import type { PatrolFindingsTable } from '../modules/patrols/patrols.tables.ts';
import type { IntakeContext } from './case-intake.ts';
import { intakeRow } from './case-intake.ts';
import { CaseSimulation } from './case-simulator.ts';
import type { Clock } from './case-time.ts';
import { type HazardOrderRow, HazardScript, type HazardSpec, type Party, type ReinspectionRow } from './hazard-script.ts';
import { HAZARD_TEXTS, type HazardText, SHOP_NAMES, TENANT_NAMES } from './hazard-texts.ts';
import type { HazardFinding } from './patrol-runs.ts';
import { Random } from './random.ts';

export type FindingRow = Selectable<PatrolFindingsTable>;

export interface PlayedHazard {
  sim: CaseSimulation;
  finding: FindingRow;
  orders: HazardOrderRow[];
  reinspections: ReinspectionRow[];
}

type Weights<T> = readonly (readonly [T, number])[];

/** Who must fix what: the property company for common parts, the owner for their e-bike, the shop for its gas. */
const PARTIES: Record<string, Weights<'property' | 'shop' | 'owner'>> = {
  FIRE_EBIKE_CHARGING: [
    ['property', 60],
    ['owner', 40],
  ],
  FIRE_EBIKE_INDOOR: [
    ['owner', 70],
    ['property', 30],
  ],
  FIRE_EXIT_BLOCKED: [
    ['property', 60],
    ['shop', 20],
    ['owner', 20],
  ],
  FIRE_EQUIPMENT: [
    ['property', 90],
    ['shop', 10],
  ],
  FIRE_GAS: [
    ['shop', 60],
    ['owner', 40],
  ],
  ORDER_SAFETY: [
    ['property', 60],
    ['shop', 40],
  ],
  BUILD_OCCUPY: [
    ['owner', 60],
    ['shop', 40],
  ],
};
export function playHazard(ctx: IntakeContext, clock: Clock, now: Date, finding: HazardFinding, number: string): PlayedHazard {
  const random = new Random(finding.seed);
  const { index } = ctx;
  const grid = index.grid(finding.building.parent_id as string);
  const text = random.pick(HAZARD_TEXTS[finding.categoryCode] as readonly HazardText[]);
  const reporter = index.users.find((u) => u.id === finding.reporterUserId);
  const { row } = intakeRow(ctx, random, {
    created: finding.created,
    number,
    grid,
    building: finding.building,
    category: index.category(finding.categoryCode),
    source: 'patrol',
    reporter: 'staff',
    priority: PRIORITY_OF_LEVEL[finding.level],
  });
  // The partner reported it through their account, and follows it there: nobody needs to call them back.
  Object.assign(row, {
    kind: 'hazard' satisfies CasesTable['kind'],
    title: text.title,
    description: text.description.replace('{place}', finding.building.name),
    reporter_user_id: finding.reporterUserId,
    reporter_name: reporter?.displayName ?? null,
    reporter_phone: null,
    anonymous: false,
    response_due_at: null,
  });
  const sim = new CaseSimulation(ctx, row);
  const { orders, reinspections } = rectify(ctx, clock, now, sim, random, {
    building: finding.building,
    categoryCode: finding.categoryCode,
    level: finding.level,
    finder: finding.reporterUserId,
    team: finding.team,
    text,
  });
  sim.finish(now);
  return {
    sim,
    finding: {
      id: finding.id,
      client_id: finding.clientId,
      run_id: finding.runId,
      point_id: finding.pointId,
      case_id: row.id,
      level: finding.level,
      created_at: finding.created,
    },
    orders,
    reinspections,
  };
}

/** Plays the rectification of a hazard case already reported: orders, replies, re-inspections. */
export function rectify(ctx: IntakeContext, clock: Clock, now: Date, sim: CaseSimulation, random: Random, spec: HazardSpec) {
  const grid = ctx.index.grid(spec.building.parent_id as string);
  const people = ctx.index.peopleOf(grid);
  const script = new HazardScript(sim, random, clock, now, {
    spec,
    text: spec.text ?? random.pick(HAZARD_TEXTS[spec.categoryCode] ?? (HAZARD_TEXTS.FIRE_EXIT_BLOCKED as readonly HazardText[])),
    party: partyOf(ctx, random, spec),
    gridWorker: people.gridWorker,
    communityHandlers: people.communityHandlers,
    propertyHandlers: people.propertyHandlers,
  });
  script.play();
  return { orders: script.orders, reinspections: script.reinspections };
}

function partyOf(ctx: IntakeContext, random: Random, spec: HazardSpec): Party {
  const { building } = spec;
  const company = ctx.index.property(building);
  const kind = random.weighted(PARTIES[spec.categoryCode] ?? [['property', 1]]);
  if (kind === 'property' && company)
    return { kind, organisationId: company, name: ctx.index.organisationNames.get(company) as string, phone: null };
  // An office building is run by its own management office, and its tenants are companies.
  if (!building.estate_id) {
    return kind === 'property'
      ? { kind: 'other', organisationId: null, name: `${building.name}物业管理处`, phone: null }
      : { kind: 'shop', organisationId: null, name: `${random.pick(TENANT_NAMES)}（${building.name}）`, phone: null };
  }
  if (kind === 'shop')
    return { kind, organisationId: null, name: `${random.pick(SHOP_NAMES)}（${building.name}底商）`, phone: null };
  const owner = random.pick(ctx.index.residentsAt(building));
  return owner
    ? { kind: 'owner', organisationId: null, name: `${owner.name}（${building.name}住户）`, phone: owner.phone }
    : { kind: 'owner', organisationId: null, name: `${building.name}住户`, phone: null };
}
