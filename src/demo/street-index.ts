/**
 * The demo street as its case history needs it: buildings per grid and who lives in them, which
 * property company manages a building, which accounts hold which roles, the case categories.
 */
import type { PlannedCase } from './case-rows.ts';
import type { CasePeople } from './case-script.ts';
import type { Random } from './random.ts';
import type { PlanNode, PlanResident, StreetPlan } from './street-plan.ts';

export interface HistoryUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  nodeId?: string | undefined;
  organisationId?: string | undefined;
  residentId?: string | undefined;
}

export interface HistoryCategory {
  id: string;
  parentId: string | null;
  code: string;
  kind: PlannedCase['kind'];
  departmentCode: string | null;
}

/** The grids with the most buildings see the most cases; the demo grid is a busy old estate. */
const DEMO_GRID_WEIGHT = 2;

export class StreetIndex {
  readonly streetId: string;
  readonly demoGrid: PlanNode;
  readonly demoCommunity: PlanNode;
  readonly gridWeights: [PlanNode, number][];
  readonly buildingsOf = new Map<string, PlanNode[]>();
  readonly categoryById = new Map<string, HistoryCategory>();
  readonly users: readonly HistoryUser[];
  readonly pathOf = new Map<string, string>();
  readonly organisationNames: ReadonlyMap<string, string>;
  private readonly categoryByCode = new Map<string, HistoryCategory>();
  private readonly residentsOf = new Map<string, PlanResident[]>();
  private readonly companyOf = new Map<string, string>();
  private readonly organisationByCode = new Map<string, string>();
  private readonly byRole = new Map<string, HistoryUser[]>();
  private readonly nodes: ReadonlyMap<string, PlanNode>;
  private readonly grids: readonly PlanNode[];
  private readonly people = new Map<string, CasePeople>();

  constructor(plan: StreetPlan, users: readonly HistoryUser[], categories: readonly HistoryCategory[]) {
    this.streetId = plan.street.id;
    this.demoGrid = plan.grids[0] as PlanNode;
    this.demoCommunity = plan.communities[0] as PlanNode;
    this.users = users;
    const byId = new Map(plan.nodes.map((node) => [node.id, node]));
    this.nodes = byId;
    this.grids = plan.grids;
    for (const node of plan.nodes) {
      this.pathOf.set(node.id, node.path);
      if (node.level === 'building')
        this.buildingsOf.set(node.parent_id as string, [...(this.buildingsOf.get(node.parent_id as string) ?? []), node]);
    }
    for (const resident of plan.residents) {
      const building = byId.get(byId.get(resident.household_id)?.parent_id ?? '')?.parent_id;
      if (!building || !resident.phone) continue;
      const list = this.residentsOf.get(building) ?? [];
      list.push(resident);
      this.residentsOf.set(building, list);
    }
    const companyOfEstate = new Map(plan.estates.map((estate) => [estate.id, estate.property_company_id]));
    for (const [, buildings] of this.buildingsOf) {
      for (const b of buildings) if (b.estate_id) this.companyOf.set(b.id, companyOfEstate.get(b.estate_id) as string);
    }
    this.gridWeights = plan.grids.map((grid) => [
      grid,
      (this.buildingsOf.get(grid.id)?.length ?? 1) * (grid === this.demoGrid ? DEMO_GRID_WEIGHT : 1),
    ]);
    for (const org of plan.organisations) this.organisationByCode.set(org.code, org.id);
    this.organisationNames = new Map(plan.organisations.map((org) => [org.id, org.name]));
    for (const category of categories) {
      this.categoryByCode.set(category.code, category);
      this.categoryById.set(category.id, category);
    }
    for (const user of users) this.byRole.set(user.role, [...(this.byRole.get(user.role) ?? []), user]);
  }

  withRole(role: string): HistoryUser[] {
    return this.byRole.get(role) ?? [];
  }

  /** The one demo account of a role (the resident, the patrol volunteer, the property handler). */
  account(role: string): HistoryUser | undefined {
    return this.withRole(role).find((user) => !user.username.includes('_'));
  }

  peopleOf(grid: PlanNode): CasePeople {
    const known = this.people.get(grid.id);
    if (known) return known;
    const at = (role: string) => this.withRole(role).filter((u) => u.nodeId === grid.parent_id);
    const byOrg = (role: string) => new Map(this.withRole(role).map((u) => [u.organisationId as string, u.id]));
    const people: CasePeople = {
      gridWorker: this.withRole('grid_worker').find((u) => u.nodeId === grid.id)?.id as string,
      communityHandlers: [...at('community_staff'), ...at('community_secretary')].map((u) => u.id),
      leader: this.account('street_leader')?.id as string,
      admin: this.account('admin')?.id as string,
      departmentHandlers: byOrg('dept_handler'),
      propertyHandlers: byOrg('property_handler'),
      organisationNames: this.organisationNames,
    };
    this.people.set(grid.id, people);
    return people;
  }

  category(code: string): HistoryCategory {
    const category = this.categoryByCode.get(code);
    if (!category) throw new Error(`No case category ${code}`);
    return category;
  }

  grid(id: string): PlanNode {
    return this.nodes.get(id) as PlanNode;
  }

  isPartnersCommunity(grid: PlanNode): boolean {
    return this.account('patrol_volunteer')?.nodeId === grid.parent_id;
  }

  /** The building the resident account lives in. */
  residentHome(): PlanNode | undefined {
    const household = this.nodes.get(this.account('resident')?.nodeId ?? '');
    return this.nodes.get(this.nodes.get(household?.parent_id ?? '')?.parent_id ?? '');
  }

  /** A grid for a showcase case: the demo grid, another of its community, or another the demo property company manages. */
  showcaseGrid(random: Random, place: 'grid' | 'community' | 'estate'): PlanNode {
    const company = this.account('property_handler')?.organisationId;
    const others = this.grids.filter((grid) => {
      if (grid === this.demoGrid || place === 'grid') return false;
      if (place === 'community') return grid.parent_id === this.demoCommunity.id;
      return (this.buildingsOf.get(grid.id) ?? []).some((b) => this.property(b) === company);
    });
    return others.length ? random.pick(others) : this.demoGrid;
  }

  department(category: HistoryCategory): string | null {
    return category.departmentCode ? (this.organisationByCode.get(category.departmentCode) ?? null) : null;
  }

  property(building: PlanNode): string | null {
    return this.companyOf.get(building.id) ?? null;
  }

  residentsAt(building: PlanNode): readonly PlanResident[] {
    return this.residentsOf.get(building.id) ?? [];
  }
}
